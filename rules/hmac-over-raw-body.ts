import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { memberChain, propertyName, skipTS, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen, type FileModel } from '../src/model.js';
import type { Node } from '../src/types.js';

export default createRule({
  name: 'hmac-over-raw-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require HMAC signatures to be computed over the raw request body',
      recommended: 'recommended',
      cwe: ['CWE-347'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      parsedBody:
        'The HMAC is computed over the parsed request body, not the raw bytes the client signed, so valid signatures fail and the check invites workarounds; verify over the raw body.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.crypto);
        if (!model) return;
        const rawParsing = model.parsesRawBody;
        const bodyParsed = !rawParsing && model.parsesJsonBody;
        const fromRequest = (n: Node): { body: boolean; any: boolean } => {
          const origins = model.originsOf(n);
          const body = origins.some((o) => o.kind === 'request' && o.part === 'body');
          return { body, any: body || origins.some((o) => o.kind === 'request' && o.part === 'rawBody') };
        };
        for (const update of model.hmacUpdates) {
          const arg = update.arguments[0];
          if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
          const shape = valueShape(model, arg);
          const serialised = stringified(shape);
          let report: boolean;
          if (serialised) {
            // JSON.stringify(req.body), JSON.stringify(JSON.parse(raw)): a new text, never the bytes that were signed.
            const inner = fromRequest(serialised);
            report = inner.body || (inner.any && isParsed(model, serialised));
          } else {
            // req.body itself, or String(req.body) / `${req.body}` / req.body.toString(): wrong only when it was parsed.
            const value = textOf(shape) ?? shape;
            const origin = fromRequest(value);
            report = origin.body ? bodyParsed || isParsed(model, value) : origin.any && isParsed(model, value);
          }
          if (report) context.report({ node: arg, messageId: 'parsedBody' });
        }
      },
    };
  },
});

/** What an expression holds, looking through TS wrappers, `await` and `const` variables written once (bounded). */
function valueShape(model: FileModel, node: Node): Node {
  let n = skipTS(node);
  for (let hops = 0; hops < 5; hops++) {
    if (n.type === AST_NODE_TYPES.AwaitExpression) {
      n = skipTS(n.argument);
      continue;
    }
    if (n.type !== AST_NODE_TYPES.Identifier) return n;
    const v = variableOf(model.file.sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return n;
    if (v!.references.some((r) => r.isWrite() && r.identifier !== def.name)) return n;
    n = skipTS(def.node.init);
  }
  return n;
}

/** The value a `JSON.stringify(x)`, `qs.stringify(x)`, `stringify(x)` call serialises. */
function stringified(node: Node): Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTS(node.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  const arg = node.arguments[0];
  return name && /stringify/i.test(name) && arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : undefined;
}

/** `String(x)`, `` `${x}` ``, `x.toString()`: the value turned into text. */
function textOf(node: Node): Node | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 1) return node.expressions[0];
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTS(node.callee);
  const arg = node.arguments[0];
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && arg && arg.type !== AST_NODE_TYPES.SpreadElement) return arg;
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'toString' ? callee.object : undefined;
}

/** A value produced by parsing: `JSON.parse(...)`, `await request.json()`, `await c.req.parseBody()`. */
function isParsed(model: FileModel, node: Node): boolean {
  const n = valueShape(model, node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTS(n.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(callee);
  if (name === 'parse') return memberChain(callee)?.join('.') === 'JSON.parse';
  return name === 'json' || name === 'parseBody' || name === 'formData';
}
