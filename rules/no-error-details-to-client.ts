import { createRule } from '../src/create-rule.js';
import { modelWhen } from '../src/model.js';

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
        // Framework code, code that calls a model (a provider handed the framework's context), and error middleware
        // written apart from the app that registers it.
        const model = modelWhen(context, (s) => s.framework || s.llm || s.errorMiddleware || s.handedResponse);
        if (!model) return;
        for (const { detail } of model.errorExposures) {
          context.report({ node: detail, messageId: 'errorDetails', data: { what: context.sourceCode.getText(detail) } });
        }
      },
    };
  },
});
