import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { contains, propertyName, skipTS, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { getModel, type FileModel } from '../src/model.js';
import type { FunctionNode, Node } from '../src/types.js';

/** Error fields that are safe to send: they classify the failure without carrying its details. */
const SAFE_FIELDS = new Set(['status', 'statusCode', 'code', 'name', 'type', 'expose', 'retryable']);

export default createRule({
  name: 'no-error-details-to-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending error stacks, messages and SDK error bodies to the client',
      recommended: 'recommended',
      cwe: ['CWE-209', 'CWE-497'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      errorDetails:
        'Error details ({{what}}) are sent to the client, and SDK errors carry key fragments and provider internals; send a generic message and log the detail.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        if (!model.relevant) return;
        const scopes = errorScopes(model);
        if (scopes.length === 0) return;
        for (const sink of model.sinks) {
          if (!scopes.some((fn) => contains(fn, sink.node))) continue;
          const leak = errorDetail(model, sink.node);
          if (!leak) continue;
          context.report({ node: sink.node, messageId: 'errorDetails', data: { what: context.sourceCode.getText(leak) } });
        }
      },
    };
  },
});

/** Error handlers, and the handlers of routes that reach a model call. */
function errorScopes(model: FileModel): FunctionNode[] {
  const out = [...model.errorHandlers];
  for (const route of model.routes) {
    for (const h of route.handlers) if (model.reachedLlmCall(h)) out.push(h);
  }
  return out;
}

/**
 * The first part of a sent expression that carries error details: the error itself (`err`, `String(err)`,
 * `${err}`), or a field other than a status or code (`err.message`, `err.stack`, `err.response.data`).
 */
function errorDetail(model: FileModel, root: Node): Node | undefined {
  const stack: Node[] = [root];
  const seen = new Set<Node>();
  while (stack.length > 0) {
    const n = skipTS(stack.pop()!);
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const root = memberRoot(n);
      if (isError(model, root.object)) return SAFE_FIELDS.has(root.key ?? '') ? undefined : n;
      stack.push(n.object);
      continue;
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      if (!isError(model, n)) continue;
      // `const status = err.status` is as safe as the field it reads.
      const init = singleInit(model, n);
      if (init?.type === AST_NODE_TYPES.MemberExpression) {
        const r = memberRoot(init);
        if (isError(model, r.object) && SAFE_FIELDS.has(r.key ?? '')) continue;
      }
      return n;
    }
    switch (n.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        stack.push(...n.expressions);
        break;
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(n.left as Node, n.right);
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        stack.push(n.consequent, n.alternate);
        break;
      case AST_NODE_TYPES.ArrayExpression:
        for (const e of n.elements) if (e) stack.push(e);
        break;
      case AST_NODE_TYPES.ObjectExpression:
        for (const p of n.properties) stack.push(p.type === AST_NODE_TYPES.SpreadElement ? p.argument : p.value);
        break;
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.AwaitExpression:
        stack.push(n.argument);
        break;
      case AST_NODE_TYPES.CallExpression:
        for (const a of n.arguments) stack.push(a);
        if (n.callee.type === AST_NODE_TYPES.MemberExpression) stack.push(n.callee.object);
        break;
      case AST_NODE_TYPES.NewExpression:
        for (const a of n.arguments) stack.push(a);
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** For `err.response.data`, the innermost member (`err.response`) with its object and key. */
function memberRoot(member: Node & { type: AST_NODE_TYPES.MemberExpression }): { object: Node; key: string | undefined } {
  let m = member;
  for (;;) {
    const obj = skipTS(m.object);
    if (obj.type !== AST_NODE_TYPES.MemberExpression) return { object: obj, key: propertyName(m) };
    m = obj;
  }
}

function isError(model: FileModel, node: Node): boolean {
  const n = skipTS(node);
  return n.type === AST_NODE_TYPES.Identifier && model.originsOf(n).some((o) => o.kind === 'error');
}

function singleInit(model: FileModel, id: Node & { type: AST_NODE_TYPES.Identifier }): Node | undefined {
  const v = variableOf(model.file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? skipTS(def.node.init) : undefined;
}
