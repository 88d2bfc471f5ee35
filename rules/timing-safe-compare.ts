import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, propertyName, skipTS } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { cryptoCalls } from '../src/crypto.js';
import { cryptoRef } from '../src/fix.js';
import { getModel, type FileModel } from '../src/model.js';
import { describeOrigin } from '../src/report.js';
import { isSensitiveHeader } from '../src/sensitive.js';
import type { Node, Origin } from '../src/types.js';

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const COMPARING_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'localeCompare', 'equals']);
/** Operands of a length check, which is what makes `timingSafeEqual` safe to call. */
const LENGTH_KEYS = new Set(['length', 'byteLength']);

export default createRule({
  name: 'timing-safe-compare',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Require constant-time comparison of signatures, passwords, tokens and keys',
      recommended: 'recommended',
      cwe: ['CWE-208', 'CWE-697'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      unsafeCompare:
        '{{what}} is compared with {{operator}}, which leaks through timing how much of it matched; compare with crypto.timingSafeEqual after a length check.',
      unguardedTimingSafeEqual:
        'timingSafeEqual throws a RangeError when the lengths differ, which turns a bad signature into a 500; check the lengths first.',
      useTimingSafeEqual: 'Compare with a length check and crypto.timingSafeEqual.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        const { file } = model;
        for (const bin of file.index.binaries) {
          if (!EQUALITY.has(bin.operator) || bin.left.type === AST_NODE_TYPES.PrivateIdentifier) continue;
          if (!comparable(bin.left) || !comparable(bin.right)) continue;
          const origin = sensitiveOrigin(model, bin.left) ?? sensitiveOrigin(model, bin.right);
          if (!origin) continue;
          const simple = isPure(bin.left) && isPure(bin.right);
          context.report({
            node: bin,
            messageId: 'unsafeCompare',
            data: { what: sentence(describeOrigin(origin)), operator: bin.operator },
            suggest: simple
              ? [
                  {
                    messageId: 'useTimingSafeEqual',
                    fix: (fixer) => {
                      const { ref, fixes } = cryptoRef(context, fixer, 'timingSafeEqual');
                      const a = `String(${context.sourceCode.getText(bin.left)})`;
                      const b = `String(${context.sourceCode.getText(bin.right)})`;
                      const safe = `(Buffer.byteLength(${a}) === Buffer.byteLength(${b}) && ${ref}(Buffer.from(${a}), Buffer.from(${b})))`;
                      const negate = bin.operator.startsWith('!');
                      return [fixer.replaceText(bin, negate ? `!${safe}` : safe), ...fixes];
                    },
                  },
                ]
              : [],
          });
        }
        for (const call of file.index.calls) {
          const callee = skipTS(call.callee);
          const operands = comparedByCall(call, callee);
          if (!operands) continue;
          const origin = operands
            .map((o) => (comparable(o) ? sensitiveOrigin(model, o) : undefined))
            .find((o) => o !== undefined);
          if (!origin) continue;
          context.report({
            node: call,
            messageId: 'unsafeCompare',
            data: { what: sentence(describeOrigin(origin)), operator: context.sourceCode.getText(callee) },
          });
        }
        for (const call of cryptoCalls(file).timingSafeEqual) {
          if (!lengthChecked(model, call)) context.report({ node: call, messageId: 'unguardedTimingSafeEqual' });
        }
      },
    };
  },
});

/** The two operands of `a.startsWith(b)`, `a.equals(b)`, `Buffer.compare(a, b)`; undefined for other calls. */
function comparedByCall(call: TSESTree.CallExpression, callee: Node): Node[] | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(callee);
  const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
  if (name === 'compare' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Buffer') {
    return args.length === 2 ? args : undefined;
  }
  if (!name || !COMPARING_METHODS.has(name) || args.length === 0) return undefined;
  // A literal argument is a format check (`sig.startsWith('sha256=')`), not a comparison with a secret.
  if (!comparable(args[0]!)) return undefined;
  return [callee.object, args[0]!];
}

/** Operands worth checking: not literals, `undefined`, `typeof x`, lengths or counts. */
function comparable(node: Node): boolean {
  const n = skipTS(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.UnaryExpression:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return n.expressions.length > 0;
    case AST_NODE_TYPES.Identifier:
      return n.name !== 'undefined';
    case AST_NODE_TYPES.MemberExpression:
      return !LENGTH_KEYS.has(propertyName(n) ?? '');
    default:
      return true;
  }
}

/** The origin that makes an operand a secret worth comparing in constant time. */
function sensitiveOrigin(model: FileModel, node: Node): Origin | undefined {
  return model.originsOf(node).find((o) => {
    switch (o.kind) {
      case 'digest':
      case 'secret':
        return true;
      case 'request':
        return o.part === 'auth' || (o.part === 'headers' && o.name !== undefined && isSensitiveHeader(o.name, model.file.settings));
      default:
        return false;
    }
  });
}

/** Whether a length comparison runs before `call` in its function, or the call sits in a `try` that catches it. */
function lengthChecked(model: FileModel, call: TSESTree.CallExpression): boolean {
  const fn = enclosingFunction(call);
  for (let n: Node | undefined = call.parent; n && n !== fn; n = n.parent) {
    if (n.type === AST_NODE_TYPES.TryStatement && contains(n.block, call) && n.handler) return true;
  }
  const from = fn ? fn.range[0] : 0;
  return model.file.index.binaries.some(
    (b) =>
      b.range[0] >= from &&
      b.range[1] <= call.range[0] &&
      (fn === undefined || contains(fn, b)) &&
      ['===', '!==', '==', '!=', '<', '>', '<=', '>='].includes(b.operator) &&
      (isLength(b.left) || isLength(b.right)),
  ) || isInsideLengthConjunction(call);
}

/** `a.length === b.length && timingSafeEqual(a, b)`: the check sits on the left of an enclosing `&&`. */
function isInsideLengthConjunction(call: Node): boolean {
  for (let n: Node | undefined = call; n?.parent; n = n.parent) {
    const p: Node = n.parent;
    if (p.type === AST_NODE_TYPES.LogicalExpression && p.operator === '&&' && p.right === n) {
      const left = skipTS(p.left);
      if (left.type === AST_NODE_TYPES.BinaryExpression && (isLength(left.left) || isLength(left.right))) return true;
    }
    if (p.type === AST_NODE_TYPES.BlockStatement || p.type === AST_NODE_TYPES.Program) return false;
  }
  return false;
}

function isLength(node: Node): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) return LENGTH_KEYS.has(propertyName(n) ?? '');
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const c = skipTS(n.callee);
    return c.type === AST_NODE_TYPES.MemberExpression && propertyName(c) === 'byteLength';
  }
  return false;
}

function isPure(node: Node): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Identifier) return true;
  return n.type === AST_NODE_TYPES.MemberExpression && isPure(n.object) && (!n.computed || n.property.type === AST_NODE_TYPES.Literal);
}

function sentence(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
