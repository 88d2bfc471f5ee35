/** Small syntax helpers the behaviour modules share: a scope lookup that tolerates foreign nodes, and a child walk. */
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction } from '../ast.js';
import type { FileContext, Node } from '../types.js';

/** The source code of the linted file: scopes and visitor keys. */
export type SourceCode = FileContext['sourceCode'];

/** The scope of a node, or undefined for a node outside this file. */
export function scopeAt(sourceCode: SourceCode, n: Node): Scope.Scope | undefined {
  try {
    return sourceCode.getScope(n) as Scope.Scope;
  } catch {
    return undefined; // Defensive: nodes outside this file.
  }
}

/** Pushes the child nodes of `n`, optionally not entering nested functions. */
export function pushChildren(sourceCode: SourceCode, stack: Node[], n: Node, intoFunctions: boolean): void {
  const keys = sourceCode.visitorKeys[n.type];
  if (!keys) return;
  for (const key of keys) {
    const child = (n as unknown as Record<string, unknown>)[key];
    const list = Array.isArray(child) ? child : [child];
    for (const c of list as (Node | null | undefined)[]) {
      if (!c || typeof c.type !== 'string') continue;
      if (!intoFunctions && isFunction(c)) continue;
      stack.push(c);
    }
  }
}
