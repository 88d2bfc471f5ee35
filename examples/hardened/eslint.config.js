// Lints this example with the plugin built from this repository: run `npm run build` at the root first,
// then `npx eslint .` in this folder. In your own project, `import llmLeak from 'eslint-plugin-llm-leak'`.
import llmLeak from '../../dist/src/index.js';

export default [
  {
    files: ['**/*.js'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      // Node's globals, so that `process.env` and `Buffer` resolve (the `globals` package's `globals.node` does the same).
      globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' },
    },
  },
  ...llmLeak.configs.recommended,
];
