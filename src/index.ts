/** The plugin entry: meta, rules, and configs derived from each rule's docs. */
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { rules } from '../rules/index.js';
import type { LlmLeakDocs } from './create-rule.js';

const require = createRequire(import.meta.url);

/** package.json sits two levels up from dist/src/index.js and one level up from src/index.ts (tests). */
function readPackage(): { name: string; version: string } {
  try {
    return require('../../package.json') as { name: string; version: string };
  } catch {
    return require('../package.json') as { name: string; version: string };
  }
}

const pkg = readPackage();

type RuleEntries = Record<string, 'error' | 'off'>;

function ruleSet(level: 'recommended' | 'strict'): RuleEntries {
  const out: RuleEntries = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs as unknown as LlmLeakDocs | undefined;
    if (level === 'strict' || docs?.recommended === 'recommended') out[`llm-leak/${id}`] = 'error';
  }
  return out;
}

/** TypeScript sources: the configs give them a parser, so that a config of the plugin alone lints a TS project. */
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/**
 * Test code, where credentials are fixtures: `*.test.*`/`*.spec.*` files and whatever sits in a `test`, `tests`,
 * `__tests__` or `__mocks__` folder.
 */
const TEST_FILES = [
  '**/*.{test,spec}.{js,mjs,cjs,jsx,ts,mts,cts,tsx}',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/__mocks__/**',
];

/** Rules turned off in test code (see TEST_FILES). */
const OFF_IN_TESTS: RuleEntries = { 'llm-leak/no-hardcoded-credentials': 'off' };

/**
 * Files that are test code by their own name (`chat.test.js`, `__tests__/`): never served, so an error handler of a
 * test app or a logged fixture leaks nothing, and every rule is off there. Folders named `test`/`tests` only get
 * TEST_FILES's exemption: a real route may live in one (`app/api/test/route.ts`).
 */
const TEST_CODE = ['**/*.{test,spec}.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', '**/__tests__/**', '**/__mocks__/**'];

/**
 * @typescript-eslint/parser, loaded on the first TypeScript file: its `typescript` peer is optional for us, and a
 * JavaScript project without it must still load the plugin.
 */
type ParseForESLint = (code: string, options?: Record<string, unknown>) => unknown;
const typescriptParser = {
  meta: { name: `${pkg.name}/typescript-parser`, version: pkg.version },
  parseForESLint(code: string, options?: Record<string, unknown>): unknown {
    return (require('@typescript-eslint/parser') as { parseForESLint: ParseForESLint }).parseForESLint(code, options);
  },
} as unknown as Linter.Parser;

/** A flat config: the rules block first (plugin and every rule), then the TypeScript parser, then test code. */
export type FlatConfig = [
  { name: string; plugins: Record<string, unknown>; rules: RuleEntries },
  { name: string; files: string[]; languageOptions: { parser: Linter.Parser } },
  { name: string; files: string[]; rules: RuleEntries },
  { name: string; files: string[]; rules: RuleEntries },
];

/** An eslintrc config: the same rules, with overrides for TypeScript and test files. */
export interface LegacyConfig {
  plugins: string[];
  rules: RuleEntries;
  overrides: { files: string[]; parser?: string; rules?: RuleEntries }[];
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'llm-leak' },
  rules: rules as Record<string, TSESLint.LooseRuleDefinition>,
  configs: {} as {
    recommended: FlatConfig;
    'recommended-type-checked': FlatConfig;
    strict: FlatConfig;
    'legacy-recommended': LegacyConfig;
    'legacy-recommended-type-checked': LegacyConfig;
    'legacy-strict': LegacyConfig;
  },
};

/** Every rule the config turns on, off. */
function allOff(level: 'recommended' | 'strict'): RuleEntries {
  return Object.fromEntries(Object.keys(ruleSet(level)).map((id) => [id, 'off' as const]));
}

function flat(name: string, level: 'recommended' | 'strict'): FlatConfig {
  return [
    { name: `llm-leak/${name}`, plugins: { 'llm-leak': plugin }, rules: ruleSet(level) },
    { name: `llm-leak/${name}/typescript`, files: TYPESCRIPT_FILES, languageOptions: { parser: typescriptParser } },
    { name: `llm-leak/${name}/test-files`, files: TEST_FILES, rules: OFF_IN_TESTS },
    { name: `llm-leak/${name}/test-code`, files: TEST_CODE, rules: allOff(level) },
  ];
}

// eslintrc resolves a parser by path or name; an absolute path finds ours wherever the consumer's config sits.
function legacy(level: 'recommended' | 'strict'): LegacyConfig {
  return {
    plugins: ['llm-leak'],
    rules: ruleSet(level),
    overrides: [
      { files: TYPESCRIPT_FILES.map((g) => g.replace('**/', '')), parser: require.resolve('@typescript-eslint/parser') },
      // eslintrc matches a pattern without a slash against the base name, and `**/x/**` anywhere below the config.
      { files: ['*.test.*', '*.spec.*', ...TEST_FILES.slice(1)], rules: OFF_IN_TESTS },
      { files: ['*.test.*', '*.spec.*', '**/__tests__/**', '**/__mocks__/**'], rules: allOff(level) },
    ],
  };
}

// Configs are attached after the object exists so that they can reference the plugin itself.
Object.assign(plugin.configs, {
  recommended: flat('recommended', 'recommended'),
  // The same rules; they use the checker when the consumer sets `parserOptions.projectService` (as with
  // typescript-eslint's type-checked configs, the config leaves parser options to the consumer: see README).
  'recommended-type-checked': flat('recommended-type-checked', 'recommended'),
  strict: flat('strict', 'strict'),
  'legacy-recommended': legacy('recommended'),
  'legacy-recommended-type-checked': legacy('recommended'),
  'legacy-strict': legacy('strict'),
});

export default plugin;
