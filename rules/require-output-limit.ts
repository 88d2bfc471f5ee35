import { createRule } from '../src/create-rule.js';
import { outputLimitValue } from '../src/llm/index.js';
import { getModel } from '../src/model.js';
import { providerName } from '../src/report.js';

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
        'The output limit of this {{provider}} call comes from the request, so the client picks it; cap it on the server.',
      addLimit: 'Add {{key}}: 1024.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        for (const call of model.llmCalls) {
          const limit = outputLimitValue(call);
          if (limit === 'unknown') continue;
          if (limit === 'missing') {
            const options = call.options;
            const key = call.limitKeys[0]!;
            context.report({
              node: call.node,
              messageId: 'noLimit',
              data: { provider: providerName(call), keys: call.limitKeys.join(', ') },
              suggest:
                options && options.properties.length > 0 && options === call.node.arguments[0]
                  ? [
                      {
                        messageId: 'addLimit',
                        data: { key },
                        fix: (fixer) => fixer.insertTextBefore(options.properties[0]!, `${key}: 1024, `),
                      },
                    ]
                  : [],
            });
          } else if (model.originsOf(limit).some((o) => o.kind === 'request')) {
            context.report({ node: call.node, messageId: 'clientLimit', data: { provider: providerName(call) } });
          }
        }
      },
    };
  },
});
