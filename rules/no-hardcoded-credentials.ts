import { createRule } from '../src/create-rule.js';
import { credentialLiterals } from '../src/credentials.js';
import { getModel } from '../src/model.js';

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
        for (const { node, what } of credentialLiterals(getModel(context).file)) {
          context.report({ node, messageId: 'hardcoded', data: { what } });
        }
      },
    };
  },
});
