/**
 * Reads a `const` object literal that is never mutated: `config.name` is that property alone, not its siblings
 * (`config.apiKey`). Also the static key of a member expression (`x['a']`, `x[0]`, `x[KEY]` with a const KEY).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { propertyName, skipTS, staticString, variableOf } from '../ast.js';
import type { Node, PathKey } from '../types.js';

/** Literal reads for one file. */
export interface LiteralReader {
  /** The object literal a never-mutated `const` holds, or a nested literal of one (`config.stripe`). */
  objectLiteralOf(node: Node, depth: number): TSESTree.ObjectExpression | undefined;
  /** A literal's property value; null when the literal surely lacks it, undefined when it cannot tell. */
  literalValue(obj: TSESTree.ObjectExpression, key: string): Node | null | undefined;
  /** The static key of a member expression; '*' when unknown. */
  memberKey(node: TSESTree.MemberExpression): PathKey;
}

/** The literal reader of a file (memoised per variable). */
export function createLiteralReader(sourceCode: Readonly<TSESLint.SourceCode>): LiteralReader {
  const literalVars = new Map<Scope.Variable, TSESTree.ObjectExpression | undefined>();
  function objectLiteralOf(node: Node, depth: number): TSESTree.ObjectExpression | undefined {
    const n = skipTS(node);
    if (n.type === AST_NODE_TYPES.MemberExpression && depth < 4) {
      const outer = objectLiteralOf(n.object, depth + 1);
      const key = outer ? memberKey(n) : undefined;
      const value = outer && typeof key === 'string' ? literalValue(outer, key) : undefined;
      const inner = value ? skipTS(value) : undefined;
      return inner?.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
    }
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    if (!v) return undefined;
    if (literalVars.has(v)) return literalVars.get(v);
    let found: TSESTree.ObjectExpression | undefined;
    const def = v.defs.length === 1 ? v.defs[0] : undefined;
    if (
      def?.type === 'Variable' &&
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.node.id === def.name &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const' &&
      def.node.init
    ) {
      const init = skipTS(def.node.init);
      if (init.type === AST_NODE_TYPES.ObjectExpression && v.references.every((r) => r.init || !mutates(r.identifier))) {
        found = init;
      }
    }
    literalVars.set(v, found);
    return found;
  }
  /** `x.a = 1`, `x.a.b++`, `delete x.a`, `Object.assign(x, ...)`: the object's content changes after its literal. */
  function mutates(id: Node): boolean {
    let n: Node = id;
    while (n.parent?.type === AST_NODE_TYPES.MemberExpression && n.parent.object === n) n = n.parent;
    const p = n.parent;
    if (!p) return false;
    if (n !== id) {
      if (p.type === AST_NODE_TYPES.AssignmentExpression && p.left === n) return true;
      if (p.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (p.type === AST_NODE_TYPES.UnaryExpression && p.operator === 'delete') return true;
    }
    if (p.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === n) {
      const callee = skipTS(p.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'assign';
    }
    return false;
  }
  function literalValue(obj: TSESTree.ObjectExpression, key: string): Node | null | undefined {
    let value: Node | null = null;
    for (const p of obj.properties) {
      if (p.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const name = propertyName(p);
      if (name === undefined) return undefined;
      if (name !== key) continue;
      if (p.kind !== 'init' || p.value.type === AST_NODE_TYPES.AssignmentPattern) return undefined;
      value = p.value;
    }
    return value;
  }

  function memberKey(node: TSESTree.MemberExpression): PathKey {
    if (!node.computed) return propertyName(node) ?? '*';
    const prop = skipTS(node.property);
    if (prop.type === AST_NODE_TYPES.Literal && typeof prop.value === 'number') return prop.value;
    const s = staticString(prop, sourceCode.getScope(node) as Scope.Scope);
    if (s !== undefined) return /^\d+$/.test(s) ? Number(s) : s;
    return '*';
  }

  return { objectLiteralOf, literalValue, memberKey };
}
