/**
 * Import rules for the plugin's own sources (`npm run lint:deps`, also run by test/self.test.ts).
 * Type-only imports count: a cycle through types still ties the modules' meaning together.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'The model is built from analyses that must not import it back (src/contract.ts is what they may name).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'rules-on-the-model',
      severity: 'error',
      comment: 'Rules import only the model, its contract, types, report and fix helpers, createRule and src/ast.ts.',
      from: { path: '^rules/' },
      to: {
        path: '^src/',
        pathNot: '^src/(model|contract|types|report|fix|create-rule|ast)\\.ts$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test/fixtures|test/corpus|examples)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
