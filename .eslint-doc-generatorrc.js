// eslint-doc-generator settings for `npm run docs` / `npm run docs:check` (the README rules table and each rule doc's header).

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // recommended-type-checked turns on the same rules as recommended, and the legacy configs mirror the flat ones:
  // listing them would only repeat the same marks.
  ignoreConfig: ['recommended-type-checked', 'legacy-recommended', 'legacy-recommended-type-checked', 'legacy-strict'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking'],
  // Absolute, so that the link also works from each rule doc.
  urlConfigs: 'https://github.com/llm-leak/eslint-plugin-llm-leak#configs',
};

export default config;
