import { createRule } from '../src/create-rule.js';
import { modelWhen } from '../src/model.js';

export default createRule({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow credentials and signing secrets written into the source',
      recommended: 'recommended',
      cwe: ['CWE-798', 'CWE-259'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      hardcoded:
        'This literal is {{what}}, so the credential ships with the source; read it from the environment and refuse to start without it.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.env || s.authPackage || s.crypto || s.secretText);
        if (!model) return;
        for (const { node, what } of model.credentialLiterals) {
          context.report({ node, messageId: 'hardcoded', data: { what } });
        }
      },
    };
  },
});
