/** The plugin entry: meta, rules, and configs derived from each rule's docs. */
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import type { LlmLeakDocs } from './create-rule.js';

/** package.json sits two levels up from dist/src/index.js and one level up from src/index.ts (tests). */
function readPackage(): { name: string; version: string } {
  const require = createRequire(import.meta.url);
  try {
    return require('../../package.json') as { name: string; version: string };
  } catch {
    return require('../package.json') as { name: string; version: string };
  }
}

const pkg = readPackage();

type RuleEntries = Record<string, 'error'>;

function ruleSet(level: 'recommended' | 'strict'): RuleEntries {
  const out: RuleEntries = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs as unknown as LlmLeakDocs | undefined;
    if (level === 'strict' || docs?.recommended === 'recommended') out[`llm-leak/${id}`] = 'error';
  }
  return out;
}

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: RuleEntries;
}

interface LegacyConfig {
  plugins: string[];
  rules: RuleEntries;
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

// Configs are attached after the object exists so that they can reference the plugin itself.
Object.assign(plugin.configs, {
  recommended: { name: 'llm-leak/recommended', plugins: { 'llm-leak': plugin }, rules: ruleSet('recommended') },
  // The same rules; they use the checker when the consumer sets `parserOptions.projectService` (as with
  // typescript-eslint's type-checked configs, the config leaves parser options to the consumer: see README).
  'recommended-type-checked': {
    name: 'llm-leak/recommended-type-checked',
    plugins: { 'llm-leak': plugin },
    rules: ruleSet('recommended'),
  },
  strict: { name: 'llm-leak/strict', plugins: { 'llm-leak': plugin }, rules: ruleSet('strict') },
  'legacy-recommended': { plugins: ['llm-leak'], rules: ruleSet('recommended') },
  'legacy-recommended-type-checked': { plugins: ['llm-leak'], rules: ruleSet('recommended') },
  'legacy-strict': { plugins: ['llm-leak'], rules: ruleSet('strict') },
});

export default plugin;
