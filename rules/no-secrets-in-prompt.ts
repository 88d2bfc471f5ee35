import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { modelWhen } from '../src/model.js';
import { describeOrigin, providerName, sentence } from '../src/report.js';
import type { Node } from '../src/types.js';

export default createRule({
  name: 'no-secrets-in-prompt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow secrets, keys and credentials in prompts sent to a model',
      recommended: 'recommended',
      cwe: ['CWE-200', 'CWE-522'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure', 'LLM07:2025 System Prompt Leakage'],
    },
    messages: {
      secretInPrompt:
        '{{what}} is placed into a prompt sent to the model ({{provider}}), where the model can repeat it; keep secrets out of prompts.',
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
        for (const call of model.llmCalls) {
          // System parts first: a helper's returned list (`messages: build(req)`) is reported at the secret inside
          // it, so the helper call itself is skipped when it carries only secrets already reported for this call.
          const named = new Set<string>();
          for (const input of [...call.systemInputs, ...call.inputs]) {
            for (const leaf of model.leafValues(input)) {
              if (reported.has(leaf)) continue;
              const secrets = model.originsOf(leaf).filter((o) => o.kind === 'secret');
              const origin = secrets[0];
              if (!origin) continue;
              if (leaf.type === AST_NODE_TYPES.CallExpression && secrets.every((o) => named.has(o.name))) continue;
              for (const o of secrets) named.add(o.name);
              reported.add(leaf);
              const what = describeOrigin(origin);
              context.report({
                node: leaf,
                messageId: 'secretInPrompt',
                data: { what: sentence(what), provider: providerName(call) },
              });
            }
          }
        }
      },
    };
  },
});
