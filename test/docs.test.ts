/** Docs are code: every ❌ example in docs/rules must be reported by its rule, every ✅ example by no rule. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const docsDir = join(import.meta.dirname, '..', 'docs', 'rules');

interface Example {
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
  line: number;
}

/** The fenced block that follows each `#### ❌ Incorrect` / `#### ✅ Correct` heading. */
function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let pending: Example['kind'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{2,5} .*❌/.test(line)) pending = 'incorrect';
    else if (/^#{2,5} .*✅/.test(line)) pending = 'correct';
    const fence = /^```(js|ts|javascript|typescript)\s*$/.exec(line);
    if (fence && pending) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith('```')) end++;
      out.push({ kind: pending, lang: fence[1]!, code: lines.slice(start, end).join('\n'), line: start });
      pending = undefined;
      i = end;
    }
  }
  return out;
}

const linter = new Linter({ configType: 'flat' });
function lint(example: Example) {
  const ts = example.lang.startsWith('t');
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { 'llm-leak': plugin as never },
        rules: plugin.configs.strict[0].rules,
        languageOptions: {
          parser: tsParser,
          ecmaVersion: 'latest',
          sourceType: /\brequire\(/.test(example.code) && !/^import /m.test(example.code) ? 'commonjs' : 'module',
          globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', Response: 'readonly', Buffer: 'readonly', require: 'readonly', module: 'writable' },
        },
      },
    ],
    ts ? 'example.ts' : 'example.js',
  );
}

const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md'));

describe.each(pages)('docs/rules/%s', (page) => {
  const id = page.slice(0, -3);
  const all = examples(readFileSync(join(docsDir, page), 'utf8'));

  it('has incorrect and correct examples', () => {
    expect(all.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(all.some((e) => e.kind === 'correct')).toBe(true);
  });

  it.each(all.map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', (_name, example) => {
    const messages = lint(example);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const ours = messages.filter((m) => m.ruleId === `llm-leak/${id}`);
    if (example.kind === 'incorrect') expect(ours.length).toBeGreaterThan(0);
    else expect(messages.filter((m) => m.ruleId?.startsWith('llm-leak/')).map((m) => `${m.line}: ${m.ruleId}: ${m.message}`)).toEqual([]);
  });
});
