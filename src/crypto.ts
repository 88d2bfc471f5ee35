/** Calls into node:crypto that the signature rules care about, traced through imports and requires. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CALL, ESM, trackerOf } from './references.js';
import type { FileContext, Node } from './types.js';

export interface CryptoCalls {
  /** `createHmac(alg, key)` calls. */
  readonly createHmac: readonly TSESTree.CallExpression[];
  /** `createHash(alg)` calls. */
  readonly createHash: readonly TSESTree.CallExpression[];
  /** `timingSafeEqual(a, b)` calls. */
  readonly timingSafeEqual: readonly TSESTree.CallExpression[];
  /** `scryptSync(pw, salt, keylen)` and `pbkdf2Sync(pw, salt, iterations, keylen, digest)` calls: derived keys. */
  readonly derivedKeys: readonly TSESTree.CallExpression[];
}

const NAMES = ['createHmac', 'createHash', 'timingSafeEqual', 'scryptSync', 'pbkdf2Sync'] as const;
const members = Object.fromEntries(NAMES.map((n) => [n, { [CALL]: n }]));
// [ESM] makes named imports resolve to the members and a default import to `default`.
const TRACE = {
  crypto: { [ESM]: true, ...members, default: members },
  'node:crypto': { [ESM]: true, ...members, default: members },
};

const cache = new WeakMap<FileContext, CryptoCalls>();

/** The file's calls to createHmac, createHash, timingSafeEqual, scryptSync and pbkdf2Sync (ESM named/default/namespace, CommonJS). */
export function cryptoCalls(file: FileContext): CryptoCalls {
  const hit = cache.get(file);
  if (hit) return hit;
  const found: Record<(typeof NAMES)[number], Set<TSESTree.CallExpression>> = {
    createHmac: new Set(),
    createHash: new Set(),
    timingSafeEqual: new Set(),
    scryptSync: new Set(),
    pbkdf2Sync: new Set(),
  };
  const tracker = trackerOf(file);
  const add = (node: Node, info: unknown): void => {
    if (node.type === AST_NODE_TYPES.CallExpression) found[info as (typeof NAMES)[number]].add(node);
  };
  for (const { node, info } of tracker.iterateEsmReferences(TRACE as never)) add(node as Node, info);
  for (const { node, info } of tracker.iterateCjsReferences(TRACE as never)) add(node as Node, info);
  const sorted = (s: Set<TSESTree.CallExpression>) => [...s].sort((a, b) => a.range[0] - b.range[0]);
  const result = {
    createHmac: sorted(found.createHmac),
    createHash: sorted(found.createHash),
    timingSafeEqual: sorted(found.timingSafeEqual),
    derivedKeys: sorted(new Set([...found.scryptSync, ...found.pbkdf2Sync])),
  };
  cache.set(file, result);
  return result;
}

/**
 * The `.update(x)` calls fed into an HMAC: chained (`createHmac(a, k).update(x)`) or on a variable holding it
 * (`const h = createHmac(a, k); h.update(x)`).
 */
export function hmacUpdates(file: FileContext): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  for (const hmac of cryptoCalls(file).createHmac) {
    let n: Node = hmac;
    // Follow the chain: createHmac(...).update(a).update(b)
    for (;;) {
      const m: Node | undefined = n.parent;
      if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== n) break;
      const call: Node | undefined = m.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== m) break;
      if (m.property.type === AST_NODE_TYPES.Identifier && m.property.name === 'update') out.push(call);
      n = call;
    }
    const decl = hmac.parent;
    if (decl?.type === AST_NODE_TYPES.VariableDeclarator && decl.init === hmac && decl.id.type === AST_NODE_TYPES.Identifier) {
      const variable = file.sourceCode.getDeclaredVariables(decl)[0];
      for (const ref of variable?.references ?? []) {
        const m = ref.identifier.parent;
        if (
          m?.type === AST_NODE_TYPES.MemberExpression &&
          m.object === ref.identifier &&
          m.property.type === AST_NODE_TYPES.Identifier &&
          m.property.name === 'update' &&
          m.parent?.type === AST_NODE_TYPES.CallExpression &&
          m.parent.callee === m
        ) {
          out.push(m.parent);
        }
      }
    }
  }
  return out;
}
