import { createRule } from '../src/create-rule.js';
import { getModel } from '../src/model.js';
import { describeRoute, providerName, registrationLoc } from '../src/report.js';

export default createRule({
  name: 'require-auth-for-llm-route',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require authentication in front of routes that call a language model',
      recommended: 'recommended',
      cwe: ['CWE-306', 'CWE-862'],
      owaspLlm: ['LLM10:2025 Unbounded Consumption', 'LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      unauthenticated:
        '{{route}} calls {{provider}} with no authentication in front of it, so anyone can reach the model through it.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        if (!model.relevant) return;
        // A router mounted twice yields one route per mount with the same registration: report it once.
        const reported = new Set<unknown>();
        for (const route of model.routes) {
          const reached = model.llmSiteIn(route.handlers);
          if (!reached) continue;
          if (route.middleware.some((mw) => model.authOfMiddleware(mw))) continue;
          if (model.authGuardBefore(reached.fn, reached.site)) continue;
          if (reported.has(route.registration)) continue;
          reported.add(route.registration);
          context.report({
            loc: registrationLoc(route),
            messageId: 'unauthenticated',
            data: { route: describeRoute(route), provider: providerName(reached.call) },
          });
        }
      },
    };
  },
});
