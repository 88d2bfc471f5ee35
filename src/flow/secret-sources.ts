/**
 * Secret sources known by the shape of the read, for values no adapter describes: a credential header read off an
 * object whose role is unknown (a middleware in a module that imports no framework), and a JWT just signed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS, staticString } from '../ast.js';
import { headerCredential } from '../sensitive.js';
import type { LlmLeakSettings } from '../settings.js';
import type { Origin } from '../types.js';

const HEADER_BAGS = new Set(['headers', 'header']);

/** The header name `x.headers.authorization` / `x.header['x-api-key']` / `x.headers.get('cookie')` reads; undefined otherwise. */
function headerNameRead(node: TSESTree.MemberExpression | TSESTree.CallExpression): string | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const bag = skipTS(node.object);
    if (bag.type !== AST_NODE_TYPES.MemberExpression || !HEADER_BAGS.has(propertyName(bag) ?? '')) return undefined;
    return propertyName(node);
  }
  const callee = skipTS(node.callee);
  const arg = node.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'get' || !arg) return undefined;
  const bag = skipTS(callee.object);
  if (bag.type !== AST_NODE_TYPES.MemberExpression || !HEADER_BAGS.has(propertyName(bag) ?? '')) return undefined;
  return arg.type === AST_NODE_TYPES.SpreadElement ? undefined : staticString(arg);
}

/**
 * A credential header read on an object of unknown role: `req.headers.authorization` in an exported middleware.
 * Whoever holds it, a header named Authorization, Cookie or X-Api-Key carries a credential.
 */
export function credentialHeaderRead(
  node: TSESTree.MemberExpression | TSESTree.CallExpression,
  settings: Pick<LlmLeakSettings, 'sensitiveNames'>,
): Origin | undefined {
  const name = headerNameRead(node);
  if (name === undefined || headerCredential(name, settings.sensitiveNames) === undefined) return undefined;
  return { kind: 'secret', name: `${name.toLowerCase()} header` };
}

/** What a signed JWT is called in messages. */
export const SIGNED_JWT: Origin = { kind: 'secret', name: 'signed JWT' };

const FRAGMENT_METHODS = new Set(['slice', 'substring', 'substr']);
/** The most characters a masked form shows from either end of a key (`sk-p...3f9a`). */
const MASK_CHARS = 4;

/**
 * `key.slice(0, 4)`, `key.slice(-4)`, `key.substring(0, 4)`: at most MASK_CHARS characters from one end, with literal
 * bounds, is what a masked form shows, not the value.
 */
function isEndFragment(method: string, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  const num = (a: TSESTree.CallExpressionArgument | undefined): number | undefined => {
    if (a?.type === AST_NODE_TYPES.Literal && typeof a.value === 'number') return a.value;
    if (a?.type === AST_NODE_TYPES.UnaryExpression && a.operator === '-' && a.argument.type === AST_NODE_TYPES.Literal && typeof a.argument.value === 'number') return -a.argument.value;
    return undefined;
  };
  const [from, to] = [num(args[0]), num(args[1])];
  if (args.length === 1) return method !== 'substring' && from !== undefined && from < 0 && -from <= MASK_CHARS;
  if (args.length !== 2 || from !== 0 || to === undefined) return false;
  return to >= 0 && to <= MASK_CHARS;
}

/** A replacement text that masks what it replaces: `'***'`, `'//***:***@'`, `'[REDACTED]'`, `'xxxx'`. */
const MASK = /\*{3}|x{4}|X{4}|redact|hidden|masked|•{3}/i;

/**
 * `uri.replace(/\/\/.*@/, '//***:***@')`: a replace whose replacement is a literal mask is a redacted form; what it
 * leaves of the value is what the code chose to show.
 */
export function isRedaction(node: TSESTree.CallExpression): boolean {
  const callee = skipTS(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  if (method !== undefined && FRAGMENT_METHODS.has(method)) return isEndFragment(method, node.arguments);
  if ((method !== 'replace' && method !== 'replaceAll') || node.arguments.length !== 2) return false;
  const with_ = node.arguments[1]!;
  const text = with_.type === AST_NODE_TYPES.SpreadElement ? undefined : staticString(with_);
  return text !== undefined && MASK.test(text);
}
