/** Small node predicates and the one walk that indexes a file. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from '@eslint-community/eslint-utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { AstIndex, FunctionNode, Node, PathKey } from './types.js';
import { ops } from './counters.js';

/** Walks the program once (iteratively, so deep nesting cannot overflow the stack). */
export function indexProgram(
  ast: TSESTree.Program,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
): { index: AstIndex; imports: Set<string> } {
  const calls: TSESTree.CallExpression[] = [];
  const news: TSESTree.NewExpression[] = [];
  const functions: FunctionNode[] = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  const returns: TSESTree.ReturnStatement[] = [];
  const binaries: TSESTree.BinaryExpression[] = [];
  const declarators: TSESTree.VariableDeclarator[] = [];
  const imports = new Set<string>();
  const stack: Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        calls.push(node);
        if (
          node.callee.type === AST_NODE_TYPES.Identifier &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          typeof node.arguments[0].value === 'string'
        ) {
          imports.add(node.arguments[0].value);
        }
        break;
      case AST_NODE_TYPES.NewExpression:
        news.push(node);
        break;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        functions.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        assignments.push(node);
        break;
      case AST_NODE_TYPES.ReturnStatement:
        returns.push(node);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        binaries.push(node);
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.init) declarators.push(node);
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        imports.add(node.source.value);
        break;
      case AST_NODE_TYPES.ImportExpression:
        if (node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string') {
          imports.add(node.source.value);
        }
        break;
      default:
        break;
    }
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    // Push children in reverse so they pop in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const c = child[i] as Node | null;
          if (c && typeof c.type === 'string') stack.push(c);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
  // The stack walk visits in source order, so the lists are sorted by position.
  return { index: { calls, news, functions, assignments, returns, binaries, declarators }, imports };
}

/** True for the three function node types. */
export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression)
  );
}

/** Strips TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses-free chains. */
export function skipTS(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        n = n.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        n = n.expression;
        break;
      default:
        return n;
    }
  }
}

/** The static name of a member's property or an object property's key: `a.b`, `a['b']`, `{ b: 1 }`. */
export function propertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!node.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The string a node evaluates to when that is statically known. */
export function staticString(node: Node, scope?: Scope.Scope): string | undefined {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) {
    return n.quasis[0]?.value.cooked ?? undefined;
  }
  const value = getStaticValue(n as never, scope as never);
  return value && typeof value.value === 'string' ? value.value : undefined;
}

/** The property of an object literal with the given static key (the last one wins, as at run time). */
export function findProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) {
    if (p.type === AST_NODE_TYPES.Property && propertyName(p) === name) found = p;
  }
  return found;
}

/** `a.b.c` → ['a', 'b', 'c'] for plain identifier/static-member chains (also through `?.` and TS wrappers); else undefined. */
export function memberChain(node: Node): string[] | undefined {
  // Collected from the outside in and reversed once: `unshift` per link made long chains quadratic.
  const parts: string[] = [];
  let n = skipTS(node);
  while (n.type === AST_NODE_TYPES.MemberExpression) {
    ops.chainSteps++;
    const name = propertyName(n);
    if (name === undefined) return undefined;
    parts.push(name);
    n = skipTS(n.object);
  }
  if (n.type === AST_NODE_TYPES.Identifier) parts.push(n.name);
  else if (n.type === AST_NODE_TYPES.ThisExpression) parts.push('this');
  else return undefined;
  return parts.reverse();
}

/** The innermost function containing a node, or undefined at module level. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  let n: Node | undefined = node.parent;
  while (n) {
    if (isFunction(n)) return n;
    n = n.parent;
  }
  return undefined;
}

/** The variable an identifier refers to, looked up from the identifier's own scope. */
export function variableOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  id: TSESTree.Identifier,
): Scope.Variable | undefined {
  // Defensive: getScope throws for nodes that are not part of this file's tree.
  try {
    // getScope already gives the innermost scope; passing the name (not the node) skips eslint-utils' search of
    // child scopes, which is linear in their number and made files with thousands of handlers quadratic.
    return (findVariable(sourceCode.getScope(id) as never, id.name) as Scope.Variable | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The name a call is made by: `f` of `f(x)`, `m` of `a.b.m(x)`; undefined for a computed or other callee. */
export function calledName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipTS(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
}

/** The initializer of a variable declared once with one and never assigned again (`const x = ...`, or a `let` kept). */
export function boundOnce(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): Node | undefined {
  const v = variableOf(sourceCode, id);
  if (!v || v.defs.length !== 1) return undefined;
  const decl = v.defs[0]!.node;
  if (decl.type !== AST_NODE_TYPES.VariableDeclarator || decl.id.type !== AST_NODE_TYPES.Identifier || !decl.init) return undefined;
  return writtenAgain(v) ? undefined : decl.init;
}

const rewritten = new WeakMap<Scope.Variable, boolean>();

/**
 * Whether a variable is written other than by the name its first definition declares (`x = ...` after `let x = ...`):
 * its uses read once per variable, however many questions ask (a client shared by 5,000 routes).
 */
export function writtenAgain(v: Scope.Variable): boolean {
  let out = rewritten.get(v);
  if (out === undefined) {
    const declared = v.defs[0]?.name;
    out = v.references.some((r) => {
      ops.useSteps++;
      return r.isWrite() && r.identifier !== declared;
    });
    rewritten.set(v, out);
  }
  return out;
}

/**
 * The function an expression denotes when it is written in this file: an inline function, or an identifier bound
 * once to a function declaration or a `const f = () => ...` / `function` expression. Undefined otherwise.
 */
export function resolveFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expr: Node,
): FunctionNode | undefined {
  const seen = new Set<Node>();
  let n: Node | undefined = skipTS(expr);
  while (n && !seen.has(n)) {
    seen.add(n);
    if (isFunction(n)) return n;
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    if (!v || v.defs.length !== 1) return undefined;
    const def = v.defs[0]!;
    // A parameter's def node is its function too: only the function's own name denotes it.
    if (def.type === 'Parameter') return undefined;
    if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    const decl = def.node;
    if (decl.type === AST_NODE_TYPES.VariableDeclarator && decl.id.type === AST_NODE_TYPES.Identifier) {
      // Reassigned variables could hold anything; stay unresolved.
      if (v.references.some((r) => r.isWrite() && r.identifier !== decl.id)) return undefined;
      n = decl.init ? skipTS(decl.init) : undefined;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** True when `inner` lies inside `outer` (or is it). */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Index of the first item starting at or after `pos` in a list sorted by start (binary search, so scans stay linear). */
export function firstFrom<T>(items: readonly T[], pos: number, start: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start(items[mid]!) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of a list sorted by start that lie inside `outer`: found by a binary search, then read in its range. */
export function itemsWithin<T>(sorted: readonly T[], outer: Node, range: (item: T) => readonly [number, number]): T[] {
  const out: T[] = [];
  for (let i = firstFrom(sorted, outer.range[0], (x) => range(x)[0]); i < sorted.length; i++) {
    ops.useSteps++;
    const [start, end] = range(sorted[i]!);
    if (start >= outer.range[1]) break;
    if (end <= outer.range[1]) out.push(sorted[i]!);
  }
  return out;
}

/** The scope a node is in; undefined for a node outside the source's tree. */
export function scopeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Scope.Scope | undefined {
  try {
    return sourceCode.getScope(node) as Scope.Scope;
  } catch {
    return undefined; // Defensive: a node outside this tree.
  }
}

/** Whether a path into a value starts with `prefix`, where '*' in the prefix matches any key (`choices.*.message`). */
export function pathStartsWith(path: readonly PathKey[], prefix: readonly PathKey[]): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => k === '*' || String(k) === String(path[i]));
}
