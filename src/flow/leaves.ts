/** Splits an expression that builds a prompt into the values it is made of. */
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { skipTS, variableOf } from '../ast.js';
import type { Node } from '../types.js';

const PASS_THROUGH_METHODS = new Set(['join', 'concat', 'trim', 'toString', 'replace', 'replaceAll', 'slice']);

/**
 * The leaf values of an expression that assembles text or messages: the parts of template literals, `+`
 * concatenations, array and object literals, conditionals, `String(x)`/`JSON.stringify(x)`, and the initialisers of
 * local constants they name, so a report can point at the value that carries the data, not at the whole prompt.
 */
export function leafValues(sourceCode: Readonly<TSESLint.SourceCode>, root: Node): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const raw = stack.pop()!;
    const n = skipTS(raw);
    if (seen.has(n)) continue;
    seen.add(n);
    switch (n.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        stack.push(...n.expressions);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') stack.push(n.left as Node, n.right);
        else out.push(n);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(n.left, n.right);
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        stack.push(n.consequent, n.alternate);
        break;
      case AST_NODE_TYPES.AwaitExpression:
        stack.push(n.argument);
        break;
      case AST_NODE_TYPES.ArrayExpression:
        for (const e of n.elements) if (e) stack.push(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e);
        break;
      case AST_NODE_TYPES.ObjectExpression:
        for (const p of n.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) stack.push(p.argument);
          else stack.push(p.value);
        }
        break;
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTS(n.callee);
        const isWrapper =
          (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') ||
          (callee.type === AST_NODE_TYPES.MemberExpression &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            callee.object.name === 'JSON');
        if (isWrapper) {
          for (const a of n.arguments) stack.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
        } else if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          PASS_THROUGH_METHODS.has(callee.property.name)
        ) {
          stack.push(callee.object);
          for (const a of n.arguments) stack.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
        } else {
          out.push(n);
        }
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        const init = constInit(sourceCode, n);
        if (init) stack.push(init);
        else out.push(n);
        break;
      }
      case AST_NODE_TYPES.Literal:
        if (typeof n.value === 'string') out.push(n);
        break;
      default:
        out.push(n);
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/** The initialiser of a `const` that is a literal structure worth opening (template, array, object, concatenation). */
function constInit(sourceCode: Readonly<TSESLint.SourceCode>, id: Node & { type: AST_NODE_TYPES.Identifier }): Node | undefined {
  const v = variableOf(sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!def || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return undefined;
  const init = skipTS(def.node.init);
  switch (init.type) {
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return init;
    default:
      return undefined;
  }
}
