/**
 * Calls that escape or reduce a value for one kind of sink (`escapeHtml(x)`, `encodeURIComponent(x)`,
 * `path.basename(x)`, `Number(x)`), and path builders that keep their arguments (`path.join(base, x)`). Packages are
 * found through their imports; a function of unknown origin whose name says it escapes is the documented last resort.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS, variableOf } from '../ast.js';
import { CALL, ESM, trackerOf } from '../references.js';
import type { Escape, FileContext, Node } from '../types.js';

/** What a call does to model output: escapes it for some sinks, or keeps its arguments (a path builder). */
export type EscapeEffect = readonly Escape[] | 'keep';

const call = (info: EscapeEffect): Record<symbol, unknown> => ({ [CALL]: info });
const HTML: Escape[] = ['html'];
const NODE_PATH = {
  join: call('keep'), resolve: call('keep'), normalize: call('keep'), relative: call('keep'), basename: call(['path']),
};
const PATH_MODULE = { ...NODE_PATH, posix: NODE_PATH, win32: NODE_PATH };
const QUERYSTRING = { escape: call(['url']), stringify: call(['url']) };
const SQLSTRING = { escape: call(['sql']), escapeId: call(['sql']), format: call(['sql']) };
const PG_FORMAT = { [CALL]: ['sql'], literal: call(['sql']), ident: call(['sql']) };
const LODASH = { escape: call(HTML) };

/** Packages (read as CommonJS too: a default import is the module) and what their calls do. */
const MODULES: Record<string, unknown> = {
  path: PATH_MODULE,
  'node:path': PATH_MODULE,
  'escape-html': call(HTML),
  'html-escaper': { escape: call(HTML) },
  he: { encode: call(HTML), escape: call(HTML) },
  'html-entities': { encode: call(HTML), escape: call(HTML) },
  dompurify: { sanitize: call(HTML) },
  'isomorphic-dompurify': { sanitize: call(HTML) },
  'sanitize-html': call(HTML),
  xss: { [CALL]: HTML, filterXSS: call(HTML) },
  lodash: LODASH,
  'lodash-es': LODASH,
  'lodash/escape': call(HTML),
  underscore: LODASH,
  validator: { escape: call(HTML) },
  'shell-quote': { quote: call(['shell']) },
  'shell-escape': call(['shell']),
  sqlstring: SQLSTRING,
  mysql: SQLSTRING,
  mysql2: SQLSTRING,
  'mysql2/promise': SQLSTRING,
  'pg-format': PG_FORMAT,
  querystring: QUERYSTRING,
  'node:querystring': QUERYSTRING,
};
/** The same for imports: named imports are the members, a default import is the CommonJS module itself. */
const ESM_MODULES = Object.fromEntries(
  Object.entries(MODULES).map(([k, v]) => [k, { [ESM]: true, ...(v as object), default: v }]),
);

/** Globals: URL-component encoding, and conversions to a number. */
const GLOBALS: Record<string, EscapeEffect> = {
  encodeURIComponent: ['url'],
  Number: ['all'],
  parseInt: ['all'],
  parseFloat: ['all'],
};

const cache = new WeakMap<FileContext, Map<Node, EscapeEffect>>();

/** The escape effect of a call, if any (package calls traced once per file; globals and names checked per call). */
export function escapeOf(file: FileContext, node: TSESTree.CallExpression): EscapeEffect | undefined {
  let known = cache.get(file);
  if (!known) {
    known = new Map();
    const tracker = trackerOf(file);
    try {
      for (const it of [tracker.iterateEsmReferences(ESM_MODULES as never), tracker.iterateCjsReferences(MODULES as never)]) {
        for (const { node: n, info } of it) known.set(n as Node, info as EscapeEffect);
      }
    } catch {
      // Defensive: an odd module shape only loses escapes.
    }
    cache.set(file, known);
  }
  const hit = known.get(node);
  if (hit) return hit;
  const callee = skipTS(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(file.sourceCode, callee);
    const global = !v || v.defs.length === 0;
    if (Object.hasOwn(GLOBALS, callee.name) && global) return GLOBALS[callee.name];
    // encodeURI keeps `:` and `/`: the model's URL still says where it goes.
    if (callee.name === 'encodeURI' && global) return undefined;
    // An imported escape helper, or one of this file (its body is not read: `escapeHtml` written with replace).
    return escapeByName(callee.name);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(callee);
    // `connection.escape(x)`, `pool.escape(x)`: the SQL drivers' own method; `_.escape(x)` of an untraced lodash.
    if (name === 'escape') return ['html', 'sql'];
    return name ? escapeByName(name) : undefined;
  }
  return undefined;
}

/**
 * Last resort, by name: `escapeHtml`, `sanitizeHtml`, `purify`, `escapeShellArg`, `escapeLiteral`, `quoteIdentifier`.
 * Only names that say they escape or sanitize count, so a function that merely formats is never taken for one.
 */
function escapeByName(name: string): EscapeEffect | undefined {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  const has = (...w: string[]): boolean => w.some((x) => words.includes(x));
  if (!has('escape', 'sanitize', 'sanitise', 'purify', 'quote', 'encode')) return undefined;
  if (has('sql', 'literal', 'identifier', 'ident')) return ['sql'];
  if (has('shell', 'arg', 'cmd', 'command')) return ['shell'];
  if (has('url', 'uri', 'component')) return ['url'];
  if (has('path', 'filename', 'file')) return ['path'];
  if (has('quote') || (has('encode') && !has('html', 'xml', 'entities'))) return undefined;
  return HTML;
}
