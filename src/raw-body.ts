/** Whether a file makes the request body arrive as raw bytes, so `req.body` is what the client signed. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findProperty, propertyName, skipTS, staticString } from './ast.js';
import { CALL, ESM, trackerOf } from './references.js';
import type { FileContext } from './types.js';

const RAW_PARSERS = {
  express: { [ESM]: true, raw: { [CALL]: true }, default: { raw: { [CALL]: true } } },
  'body-parser': { [ESM]: true, raw: { [CALL]: true }, default: { raw: { [CALL]: true } } },
};

const cache = new WeakMap<FileContext, boolean>();

/**
 * True when the file installs a raw body parser: `express.raw()`, `bodyParser.raw()`, or a Fastify
 * `addContentTypeParser(type, { parseAs: 'buffer' }, ...)`.
 */
export function parsesRawBody(file: FileContext): boolean {
  let hit = cache.get(file);
  if (hit !== undefined) return hit;
  const tracker = trackerOf(file);
  hit =
    !tracker.iterateEsmReferences(RAW_PARSERS as never).next().done ||
    !tracker.iterateCjsReferences(RAW_PARSERS as never).next().done ||
    file.index.calls.some((call) => {
      const callee = skipTS(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'addContentTypeParser') return false;
      return call.arguments.some((a) => {
        if (a.type !== AST_NODE_TYPES.ObjectExpression) return false;
        const parseAs = findProperty(a, 'parseAs');
        return parseAs !== undefined && staticString(parseAs.value) === 'buffer';
      });
    });
  cache.set(file, hit);
  return hit;
}
