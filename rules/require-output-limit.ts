import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, skipTS } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { getModel } from '../src/model.js';
import { providerName } from '../src/report.js';
import type { LlmCall } from '../src/types.js';

/** Where an SDK nests generation settings beside the top level of its options. */
const NESTED = ['config', 'generationConfig', 'inferenceConfig', 'options', 'parameters'];

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
          if (call.limitKeys.length === 0) continue;
          const objects = [call.options, ...call.setupOptions].filter((o): o is TSESTree.ObjectExpression => !!o);
          // Options built elsewhere (a parameter, a spread we cannot see) may hold the limit: stay silent.
          if (objects.length === 0 || objects.some(hasUnknownSpread)) continue;
          const limit = findLimit(objects, call);
          if (limit === 'none') {
            const options = call.options;
            const key = call.limitKeys[0]!;
            context.report({
              node: call.node,
              messageId: 'noLimit',
              data: { provider: providerName(call), keys: call.limitKeys.join(', ') },
              suggest:
                options && options.properties.length > 0
                  ? [
                      {
                        messageId: 'addLimit',
                        data: { key },
                        fix: (fixer) => fixer.insertTextBefore(options.properties[0]!, `${key}: 1024, `),
                      },
                    ]
                  : [],
            });
          } else if (limit !== 'unknown' && model.originsOf(limit).some((o) => o.kind === 'request')) {
            context.report({ node: call.node, messageId: 'clientLimit', data: { provider: providerName(call) } });
          }
        }
      },
    };
  },
});

function hasUnknownSpread(obj: TSESTree.ObjectExpression): boolean {
  return obj.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
}

/** The limit's value expression, 'none' when no object sets one, 'unknown' when we cannot tell. */
function findLimit(objects: TSESTree.ObjectExpression[], call: LlmCall): TSESTree.Node | 'none' | 'unknown' {
  for (const obj of objects) {
    for (const key of call.limitKeys) {
      const p = findProperty(obj, key);
      if (p) return p.value;
    }
    for (const nest of NESTED) {
      const inner = findProperty(obj, nest);
      if (!inner) continue;
      const value = skipTS(inner.value);
      // A nested settings object we cannot see may hold the limit.
      if (value.type !== AST_NODE_TYPES.ObjectExpression || hasUnknownSpread(value)) return 'unknown';
      for (const key of call.limitKeys) {
        const p = findProperty(value, key);
        if (p) return p.value;
      }
    }
  }
  return 'none';
}
