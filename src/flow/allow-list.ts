/**
 * Values a conditional has narrowed to a fixed set of literals: `ALLOWED.includes(x) ? x : 'neutral'`,
 * `TONES.has(x) ? x : ...`, `x === 'formal' || x === 'casual' ? x : ...` and their negations. Whatever the input,
 * such a branch evaluates to one of the literals written in the file, so it carries no outside data.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS, variableOf } from '../ast.js';
import type { Node } from '../types.js';

/** Members a literal list may be used through without being changed. */
const READ_ONLY = new Set([
  'includes', 'has', 'indexOf', 'lastIndexOf', 'length', 'size', 'join', 'map', 'filter', 'some', 'every', 'find',
  'forEach', 'at', 'values', 'keys', 'entries', 'slice',
]);

/** Whether `branch` (the consequent or alternate of `cond`) is a value the test proved to be one of a few literals. */
export function isNarrowedToLiterals(
  sourceCode: Readonly<TSESLint.SourceCode>,
  cond: TSESTree.ConditionalExpression,
  branch: Node,
): boolean {
  let test = skipTS(cond.test);
  let negated = false;
  while (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    negated = !negated;
    test = skipTS(test.argument);
  }
  if (branch !== (negated ? cond.alternate : cond.consequent)) return false;
  const subject = testedSubject(sourceCode, test);
  return subject !== undefined && sameValue(sourceCode, subject, branch);
}

/** The expression a membership/equality test checks against literals, when every part of the test checks the same one. */
function testedSubject(sourceCode: Readonly<TSESLint.SourceCode>, test: Node): Node | undefined {
  switch (test.type) {
    // a === 'x' || a === 'y'
    case AST_NODE_TYPES.LogicalExpression: {
      if (test.operator !== '||') return undefined;
      const left = testedSubject(sourceCode, skipTS(test.left));
      const right = testedSubject(sourceCode, skipTS(test.right));
      return left && right && sameValue(sourceCode, left, right) ? left : undefined;
    }
    // a === 'x'
    case AST_NODE_TYPES.BinaryExpression: {
      if (test.operator !== '===' && test.operator !== '==') return undefined;
      const left = skipTS(test.left as Node);
      const right = skipTS(test.right);
      if (isPlainLiteral(right)) return left;
      if (isPlainLiteral(left)) return right;
      return undefined;
    }
    // ALLOWED.includes(a), new Set([...]).has(a)
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTS(test.callee);
      const arg = test.arguments[0];
      if (callee.type !== AST_NODE_TYPES.MemberExpression || test.arguments.length !== 1 || !arg) return undefined;
      if (arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const method = propertyName(callee);
      if (method !== 'includes' && method !== 'has') return undefined;
      return isLiteralList(sourceCode, skipTS(callee.object), method) ? skipTS(arg) : undefined;
    }
    default:
      return undefined;
  }
}

function isPlainLiteral(n: Node): boolean {
  return n.type === AST_NODE_TYPES.Literal && (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean');
}

/** `['a', 'b']` (for includes), `new Set(['a', 'b'])` (for has), or a const never changed that holds one. */
function isLiteralList(sourceCode: Readonly<TSESLint.SourceCode>, n: Node, method: string, depth = 0): boolean {
  if (depth > 4) return false;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!v || !def || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
    if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return false;
    // Every use must read the list, never change it or hand it to code that might.
    for (const r of v.references) {
      if (r.init) continue;
      const p = r.identifier.parent;
      if (p?.type !== AST_NODE_TYPES.MemberExpression || p.object !== r.identifier || !READ_ONLY.has(propertyName(p) ?? '')) return false;
    }
    return isLiteralList(sourceCode, skipTS(def.node.init), method, depth + 1);
  }
  if (method === 'includes' && n.type === AST_NODE_TYPES.ArrayExpression) {
    return n.elements.length > 0 && n.elements.every((e) => !!e && isPlainLiteral(e));
  }
  if (method === 'has' && n.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTS(n.callee);
    const arg = n.arguments[0];
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Set' || n.arguments.length !== 1 || !arg) return false;
    if (variableOf(sourceCode, callee)?.defs.length) return false;
    return isLiteralList(sourceCode, skipTS(arg), 'includes', depth + 1);
  }
  return false;
}

/** The same side-effect-free read: `tone`, `req.body.tone`, `req.query['tone']`. */
function sameValue(sourceCode: Readonly<TSESLint.SourceCode>, a: Node, b: Node): boolean {
  const x = skipTS(a);
  const y = skipTS(b);
  return isPlainRead(x) && isPlainRead(y) && sourceCode.getText(x) === sourceCode.getText(y);
}

function isPlainRead(n: Node): boolean {
  if (n.type === AST_NODE_TYPES.Identifier) return true;
  if (n.type === AST_NODE_TYPES.ChainExpression) return isPlainRead(n.expression);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (n.computed && !isPlainLiteral(skipTS(n.property))) return false;
  return isPlainRead(skipTS(n.object));
}
