/**
 * One answer in every setup: a config that declares no Node globals (typescript-eslint's quick start declares none,
 * and parses .js as a module) must find what a config with Node's globals finds. The tracker treats names a file
 * uses without declaring them (`require`, `console`, `Buffer`) as globals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const corpus = path.join(import.meta.dirname, '..', 'corpus');
const files = (fs.readdirSync(corpus, { recursive: true }) as string[]).filter((f) => f.endsWith('.cjs')).sort();
const NODE = { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', Buffer: 'readonly', console: 'readonly' } as const;

function findings(file: string, globals: Record<string, 'readonly' | 'writable'> | undefined): string[] {
  const code = fs.readFileSync(path.join(corpus, file), 'utf8');
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(code, [
      {
        files: ['**/*.cjs'],
        plugins: { 'llm-leak': plugin as never },
        rules: plugin.configs.recommended[0].rules,
        languageOptions: { sourceType: 'module', ...(globals ? { globals } : {}) },
      },
    ], path.join(corpus, file))
    .map((m) => `${m.line}:${m.ruleId}`);
}

describe('a config without Node globals', () => {
  it('finds what a config with them finds, on every CommonJS server of the corpus', () => {
    expect(files.length).toBeGreaterThan(5);
    let total = 0;
    for (const file of files) {
      const withGlobals = findings(file, NODE);
      total += withGlobals.length;
      expect(findings(file, undefined), file).toEqual(withGlobals);
    }
    expect(total).toBeGreaterThan(20);
  });
});
