import { createRule } from '../src/create-rule.js';
import { limitInsertion } from '../src/fix.js';
import { modelWhen } from '../src/model.js';
import { providerName } from '../src/report.js';
import type { Origin, RequestPart } from '../src/types.js';

/** Request parts the client writes. Identity and session data (`req.user.plan.maxTokens`) are set by the server. */
const CLIENT_PARTS: ReadonlySet<RequestPart> = new Set(['body', 'rawBody', 'query', 'params', 'headers', 'cookies']);

export default createRule({
  name: 'require-output-limit',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require an output token limit on every model call',
      recommended: 'strict',
      cwe: ['CWE-770', 'CWE-400'],
      owaspLlm: ['LLM10:2025 Unbounded Consumption'],
    },
    messages: {
      noLimit: 'This {{provider}} call sets no output limit ({{keys}}), so one request can run up unbounded output and cost.',
      clientLimit:
        'The output limit of this {{provider}} call comes from {{what}}, so the client picks it; cap it on the server.',
      addLimit: 'Add {{entry}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.llm);
        if (!model) return;
        for (const call of model.llmCalls) {
          // Options built elsewhere or with a spread are unknown: stay silent rather than guess.
          const limit = model.outputLimitOf(call);
          if (limit === 'unknown') continue;
          if (limit === 'missing') {
            const insertion = limitInsertion(call);
            context.report({
              node: call.node,
              messageId: 'noLimit',
              data: { provider: providerName(call), keys: call.limitKeys.join(', ') },
              suggest: insertion
                ? [
                    {
                      messageId: 'addLimit',
                      data: { entry: insertion.entry },
                      fix: (fixer) => {
                        const first = insertion.object.properties[0];
                        return first
                          ? fixer.insertTextBefore(first, `${insertion.entry}, `)
                          : fixer.replaceText(insertion.object, `{ ${insertion.entry} }`);
                      },
                    },
                  ]
                : [],
            });
            continue;
          }
          const origin = model.originsOf(limit).find(isClientData);
          if (origin) {
            context.report({
              node: call.node,
              messageId: 'clientLimit',
              data: { provider: providerName(call), what: clientSource(origin) },
            });
          }
        }
      },
    };
  },
});

function isClientData(o: Origin): o is Extract<Origin, { kind: 'request' }> {
  return o.kind === 'request' && CLIENT_PARTS.has(o.part);
}

/** "the request body", "the x-max-tokens header", "the request query". */
function clientSource(o: Extract<Origin, { kind: 'request' }>): string {
  if (o.part === 'headers' && o.name) return `the ${o.name} header`;
  if (o.part === 'cookies' && o.name) return `the ${o.name} cookie`;
  return o.part === 'rawBody' ? 'the request body' : `the request ${o.part}`;
}
