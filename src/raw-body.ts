/** Whether a file makes the request body arrive as raw bytes, so `req.body` is what the client signed. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { contains, findProperty, memberChain, propertyName, resolveFunction, skipTS, staticString } from './ast.js';
import { CALL, ESM, trackerOf } from './references.js';
import type { FileContext } from './types.js';
import { BODY_PARSERS, bodyArrivesParsed } from './frameworks/registry.js';

const esm = (maps: Record<string, Record<string | symbol, unknown>>): Record<string, Record<string | symbol, unknown>> =>
  Object.fromEntries(Object.entries(maps).map(([k, v]) => [k, { [ESM]: true, ...v }]));

// `text()` keeps the bytes as a string, which re-encodes to what was signed for UTF-8 payloads.
const RAW_PARSERS = esm({
  ...BODY_PARSERS.raw,
  'body-parser': { raw: { [CALL]: true }, text: { [CALL]: true }, default: { raw: { [CALL]: true }, text: { [CALL]: true } } },
});

/** Parsers that turn the body into an object (body-parser here, the ones frameworks bundle from their adapters). */
const JSON_PARSERS = esm({
  ...BODY_PARSERS.json,
  'body-parser': { [CALL]: true, json: { [CALL]: true }, urlencoded: { [CALL]: true }, default: { [CALL]: true, json: { [CALL]: true }, urlencoded: { [CALL]: true } } },
});

const cache = new WeakMap<FileContext, boolean>();

/**
 * Whether a tracker walk yields anything. It runs to the end: the file's tracker is shared, and a walk left half-way
 * keeps `require` on its cycle stack, which hides every later CommonJS reference from other queries.
 */
function found(refs: Iterable<unknown>): boolean {
  let any = false;
  for (const _ of refs) any = true;
  return any;
}

/**
 * True when the file installs a raw body parser: `express.raw()`/`text()`, `bodyParser.raw()`/`text()`, or a Fastify
 * `addContentTypeParser(type, { parseAs: 'buffer' }, ...)`.
 */
export function parsesRawBody(file: FileContext): boolean {
  let hit = cache.get(file);
  if (hit !== undefined) return hit;
  const tracker = trackerOf(file);
  hit =
    found(tracker.iterateEsmReferences(RAW_PARSERS as never)) ||
    found(tracker.iterateCjsReferences(RAW_PARSERS as never)) ||
    file.index.calls.some((call) => {
      const callee = skipTS(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'addContentTypeParser') return false;
      return call.arguments.some((a) => {
        if (a.type !== AST_NODE_TYPES.ObjectExpression) return false;
        const parseAs = findProperty(a, 'parseAs');
        if (parseAs === undefined || !['buffer', 'string'].includes(staticString(parseAs.value) ?? '')) return false;
        // `done(null, JSON.parse(body))` hands the handler an object again (the raw copy goes elsewhere).
        const parser = call.arguments[call.arguments.length - 1];
        const fn = parser && resolveFunction(file.sourceCode, parser);
        return !fn || !file.index.calls.some((c) => contains(fn, c) && memberChain(c.callee)?.join('.') === 'JSON.parse');
      });
    });
  cache.set(file, hit);
  return hit;
}

const jsonCache = new WeakMap<FileContext, boolean>();

/**
 * True when the body handlers read is a parsed object in this file: it installs `express.json()`,
 * `bodyParser.json()`, a Koa body parser, it is a Fastify app (JSON is parsed by default), or its framework hands
 * the body out only parsed (Hono, Next.js).
 */
export function parsesJsonBody(file: FileContext): boolean {
  let hit = jsonCache.get(file);
  if (hit !== undefined) return hit;
  const tracker = trackerOf(file);
  hit =
    BODY_PARSERS.jsonByDefault.some((m) => file.imports.has(m)) ||
    bodyArrivesParsed(file) ||
    found(tracker.iterateEsmReferences(JSON_PARSERS as never)) ||
    found(tracker.iterateCjsReferences(JSON_PARSERS as never));
  jsonCache.set(file, hit);
  return hit;
}
