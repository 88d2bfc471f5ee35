import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { modelWhen } from '../src/model.js';
import { describeOrigin, providerName } from '../src/report.js';
import type { LlmCall, Node, Origin, RequestPart } from '../src/types.js';

/**
 * Request parts a client controls. Authenticated identity (`req.user`, `req.auth`, Koa `ctx.state.user`) and the
 * session are set by the server after authentication, so they are not here.
 */
const UNTRUSTED: ReadonlySet<RequestPart> = new Set(['body', 'rawBody', 'query', 'params', 'headers', 'cookies']);

export default createRule({
  name: 'no-untrusted-system-prompt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data in system or developer instructions',
      recommended: 'recommended',
      cwe: ['CWE-74', 'CWE-1427'],
      owaspLlm: ['LLM01:2025 Prompt Injection', 'LLM07:2025 System Prompt Leakage'],
    },
    messages: {
      untrusted:
        'Data from {{what}} is written into the system instructions of this {{provider}} call; pass it as a user message instead.',
      clientMessages:
        'The message list from {{what}} goes to this {{provider}} call with the roles the client chose, so the client can write its own system message; keep only user and assistant turns.',
      clientOptions:
        'The request options from {{what}} go to this {{provider}} call as they are, so the client chooses the messages and their roles, system included; build the options from the fields you accept.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.llm);
        if (!model) return;
        const reported = new Set<Node>();
        const untrustedOrigin = (node: Node): Extract<Origin, { kind: 'request' }> | undefined =>
          model.originsOf(node).find(isUntrusted);
        const report = (node: Node, messageId: 'clientMessages' | 'clientOptions', call: LlmCall): void => {
          if (reported.has(node)) return;
          const from = model.clientRoleSource(node);
          const origin = from && untrustedOrigin(from);
          if (!origin) return;
          reported.add(node);
          context.report({ node, messageId, data: { what: source(origin), provider: providerName(call) } });
        };
        for (const call of model.llmCalls) {
          for (const input of call.systemInputs) {
            for (const leaf of model.leafValues(input)) {
              const origin = untrustedOrigin(leaf);
              if (!origin) continue;
              // buildSystem(req.body.name): point at the argument that carries the data when one does.
              const target = leaf.type === AST_NODE_TYPES.CallExpression ? (leaf.arguments.find((a) => untrustedOrigin(a)) ?? leaf) : leaf;
              if (reported.has(target)) continue;
              reported.add(target);
              context.report({
                node: target,
                messageId: 'untrusted',
                data: { what: source(untrustedOrigin(target) ?? origin), provider: providerName(call) },
              });
            }
          }
          // messages: req.body.messages, convertToModelMessages(messages), Body.parse(req.body).messages: the client's
          // roles reach the model; a filtered list or one mapped to fixed roles does not.
          for (const list of model.messageListsOf(call)) report(list, 'clientMessages', call);
          // create(req.body), { model, ...ctx.request.body }: the client's options, messages and roles included.
          for (const opts of model.requestOptionsOf(call)) report(opts, 'clientOptions', call);
        }
      },
    };
  },
});

function isUntrusted(o: Origin): o is Extract<Origin, { kind: 'request' }> {
  return o.kind === 'request' && UNTRUSTED.has(o.part);
}

/** "the request body", "the x-company header", "the request query". */
function source(o: Origin): string {
  const what = describeOrigin(o);
  return what.startsWith('request ') ? `the ${what}` : what;
}
