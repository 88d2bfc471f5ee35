import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { enclosingFunction, firstFrom, propertyName, resolveFunction, skipTS, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen, type FileModel } from '../src/model.js';
import type { FunctionNode, Node } from '../src/types.js';

/** Calls that turn their argument into text or a plain object without removing anything. */
const SERIALIZERS = new Set(['String', 'stringify', 'serializeError', 'inspect', 'format', 'assign', 'structuredClone', 'toJSON']);

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
        const model = modelWhen(context, (s) => s.framework);
        if (!model) return;
        const scopes = errorScopes(model);
        if (scopes.size === 0) return;
        for (const sink of model.sinks) {
          if (!insideAny(scopes, sink.node)) continue;
          const leak = errorDetail(model, sink.node);
          if (!leak) continue;
          context.report({ node: sink.node, messageId: 'errorDetails', data: { what: context.sourceCode.getText(leak) } });
        }
      },
    };
  },
});

/**
 * Error handlers, the handlers of routes that reach a model call, and the same-file helpers they call directly
 * (`sendError(res, err)`), where the response is often written.
 */
function errorScopes(model: FileModel): Set<FunctionNode> {
  const out = new Set<FunctionNode>(model.errorHandlers);
  for (const route of model.routes) {
    for (const h of route.handlers) if (model.reachedLlmCall(h)) out.add(h);
  }
  // Controllers another module registers as route handlers.
  for (const h of model.externalHandlers) if (model.reachedLlmCall(h)) out.add(h);
  const helpers = new Set<FunctionNode>();
  for (const call of model.file.index.calls) {
    if (!insideAny(out, call)) continue;
    const callee = resolveFunction(model.file.sourceCode, call.callee);
    if (callee && !out.has(callee)) helpers.add(callee);
  }
  for (const h of helpers) out.add(h);
  return out;
}

/** Whether `node` lies in one of `fns`: a walk up its parents, so the cost does not grow with the number of routes. */
function insideAny(fns: ReadonlySet<Node>, node: Node): boolean {
  for (let n: Node | undefined = node; n; n = n.parent) if (fns.has(n)) return true;
  return false;
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
      // `const status = err.status` and `const { status } = err` are as safe as the field they read.
      if (readsSafeField(model, n)) continue;
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
      case AST_NODE_TYPES.CallExpression: {
        // `err.toString()`, `err.message.slice(0, 200)`: a method of the error or its field.
        const callee = skipTS(n.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) stack.push(callee.object);
        // String(err), JSON.stringify(err), serializeError(err), util.inspect(err) carry the error as is.
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
        if (name && SERIALIZERS.has(name)) {
          for (const a of n.arguments) stack.push(a);
          break;
        }
        // A same-file function: what it returns (its parameters carry the caller's arguments' origins).
        const fn = resolveFunction(model.file.sourceCode, n.callee);
        if (fn && fn.body.type !== AST_NODE_TYPES.BlockStatement) stack.push(fn.body);
        else if (fn) {
          const returns = model.file.index.returns;
          for (let i = firstFrom(returns, fn.range[0], (r) => r.range[0]); i < returns.length && returns[i]!.range[0] < fn.range[1]; i++) {
            const r = returns[i]!;
            if (r.argument && enclosingFunction(r) === fn) stack.push(r.argument);
          }
        }
        // Other calls (an imported `toPublicError(err)`) may sanitise: stay silent.
        break;
      }
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

/** A local bound once to a status/code field of an error: `const s = err.status`, `const { code } = err`. */
function readsSafeField(model: FileModel, id: Node & { type: AST_NODE_TYPES.Identifier }): boolean {
  const v = variableOf(model.file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = skipTS(def.node.init);
  if (def.node.id.type === AST_NODE_TYPES.Identifier) {
    if (init.type !== AST_NODE_TYPES.MemberExpression) return false;
    const r = memberRoot(init);
    return isError(model, r.object) && SAFE_FIELDS.has(r.key ?? '');
  }
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern && isError(model, init)) {
    const prop = def.node.id.properties.find(
      (p) => p.type === AST_NODE_TYPES.Property && (p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value) === def.name,
    );
    return prop?.type === AST_NODE_TYPES.Property && SAFE_FIELDS.has(propertyName(prop) ?? '');
  }
  return false;
}
