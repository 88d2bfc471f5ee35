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
  if ((method !== 'replace' && method !== 'replaceAll') || node.arguments.length !== 2) return false;
  const with_ = node.arguments[1]!;
  const text = with_.type === AST_NODE_TYPES.SpreadElement ? undefined : staticString(with_);
  return text !== undefined && MASK.test(text);
}
