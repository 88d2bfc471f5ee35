import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipTS } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { hmacUpdates } from '../src/crypto.js';
import { getModel } from '../src/model.js';
import { parsesRawBody } from '../src/raw-body.js';
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
        const model = getModel(context);
        const rawParsing = parsesRawBody(model.file);
        for (const update of hmacUpdates(model.file)) {
          const arg = update.arguments[0];
          if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
          const fromBody = model.originsOf(arg).some((o) => o.kind === 'request' && o.part === 'body');
          if (!fromBody) continue;
          // With a raw parser installed, `req.body` is the signed Buffer; a re-serialisation of it still is not.
          if (rawParsing && !reserializes(arg)) continue;
          context.report({ node: arg, messageId: 'parsedBody' });
        }
      },
    };
  },
});

/** `JSON.stringify(...)`, `String(...)`, `qs.stringify(...)`, `` `${...}` ``: a new serialisation of a value. */
function reserializes(node: Node): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length > 0;
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTS(n.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'stringify' || callee.property.name === 'toString')
  );
}
