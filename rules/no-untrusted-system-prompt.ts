import { createRule } from '../src/create-rule.js';
import { leafValues } from '../src/flow/leaves.js';
import { getModel } from '../src/model.js';
import { describeOrigin, providerName } from '../src/report.js';
import type { Node, Origin, RequestPart } from '../src/types.js';

/** Request parts a client controls. Authenticated identity (`req.user`, `req.auth`) and the session are not here. */
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
        '{{what}} is written into the system instructions of this {{provider}} call; pass it as a user message instead.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        if (!model.relevant) return;
        const reported = new Set<Node>();
        for (const call of model.llmCalls) {
          for (const input of call.systemInputs) {
            for (const leaf of leafValues(context.sourceCode, input)) {
              if (reported.has(leaf)) continue;
              const origin = model.originsOf(leaf).find(isUntrusted);
              if (!origin) continue;
              reported.add(leaf);
              const what = describeOrigin(origin);
              context.report({
                node: leaf,
                messageId: 'untrusted',
                data: { what: what[0]!.toUpperCase() + what.slice(1), provider: providerName(call) },
              });
            }
          }
        }
      },
    };
  },
});

function isUntrusted(o: Origin): boolean {
  return o.kind === 'request' && UNTRUSTED.has(o.part);
}
