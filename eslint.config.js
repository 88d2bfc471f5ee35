// Lints the plugin's own sources (`npm run lint`). The example apps and test fixtures are linted by the tests instead.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'examples/', 'test/fixtures/', 'test/corpus/', 'node_modules/', 'coverage/'] },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      // RuleCreator adds the docs URL, which this rule cannot see.
      'eslint-plugin/require-meta-docs-url': 'off',
      // Each report is one sentence: it starts with a capital, a placeholder or a code name (`timingSafeEqual`), and ends
      // with a full stop.
      'eslint-plugin/report-message-format': ['error', '^(?:[A-Z]|\\{\\{|[a-z]\\w*[A-Z.]).*\\.$'],
      // Rules ask the model; they never reach into the analyses behind it. What they may import: the model and its
      // contract, types, report and fix helpers, createRule, and src/ast.ts (syntax helpers that hold no knowledge).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../src/**',
                '!../src/model.js',
                '!../src/contract.js',
                '!../src/types.js',
                '!../src/report.js',
                '!../src/fix.js',
                '!../src/create-rule.js',
                '!../src/ast.js',
              ],
              message: 'Rules import only the model, its contract, types, report and fix helpers, createRule and src/ast.js: ask the model instead (src/contract.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
);
