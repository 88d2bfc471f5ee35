/**
 * A rule never throws on code that parses: a failure inside the shared analysis is one report for the file and the
 * run goes on; settings mistakes still throw; untrusted text cannot blow up the regular expressions.
 */
import { Linter, type ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/cli/report.js';
import { createRule } from '../../src/create-rule.js';
import plugin from '../../src/index.js';

const boom = createRule({
  name: 'boom',
  meta: { type: 'problem', docs: { description: 'Throws', recommended: 'strict', cwe: [], owaspLlm: [] }, messages: { x: 'X.' }, schema: [] },
  defaultOptions: [],
  create: () => ({
    'Program:exit'() {
      throw new RangeError('Maximum call stack size exceeded');
    },
  }),
});
const fine = createRule({
  name: 'fine',
  meta: { type: 'problem', docs: { description: 'Reports', recommended: 'strict', cwe: [], owaspLlm: [] }, messages: { here: 'Here.' }, schema: [] },
  defaultOptions: [],
  create: (context) => ({
    'Program:exit'(node) {
      context.report({ node, messageId: 'here' });
    },
  }),
});

const lint = (code: string, rules: Record<string, 'error'>, settings: Record<string, unknown> = {}) =>
  new Linter({ configType: 'flat' }).verify(code, [
    {
      files: ['**/*.js'],
      languageOptions: { parser: tsParser },
      plugins: { t: { rules: { boom, boom2: boom, fine } as never }, 'llm-leak': plugin as never },
      rules,
      settings,
    },
  ], 'server.js');

describe('a failing analysis', () => {
  it('is reported once for the file, naming the error, and the other rules still report', () => {
    const messages = lint('const a = 1;', { 't/boom': 'error', 't/boom2': 'error', 't/fine': 'error' });
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([
      ['t/boom', 'analysisFailed', 1],
      ['t/fine', 'here', 1],
    ]);
    expect(messages[0]!.message).toContain('RangeError: Maximum call stack size exceeded');
    expect(messages.some((m) => m.fatal)).toBe(false);
  });

  it('still throws a settings mistake, as a configuration error', () => {
    expect(() => lint('const a = 1;', { 'llm-leak/require-auth-for-llm-route': 'error' }, { 'llm-leak': { nope: 1 } })).toThrow(/llm-leak/);
  });

  it('makes the CLI report the file as not fully checked, not as a finding', () => {
    const result = {
      filePath: '/p/server.js',
      messages: [{ ruleId: 'llm-leak/no-raw-llm-response', messageId: 'analysisFailed', message: 'llm-leak could not analyse this file (X).', severity: 2, line: 1, column: 1 }],
      suppressedMessages: [],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    } as unknown as ESLint.LintResult;
    const report = buildReport('/p', 1, [result]);
    expect(report.failedCount).toBe(1);
    expect(report.errorCount).toBe(0);
    expect(report.files[0]!.problems).toEqual([{ line: 1, column: 1, message: 'llm-leak could not analyse this file (X).', analysis: true }]);
  });
});

describe('untrusted text', () => {
  it('lints a file holding a 6 MB key-shaped string without a failure, and reports the literal key', () => {
    const code = `import OpenAI from 'openai';\nconst openai = new OpenAI({ apiKey: 'sk-${'a1'.repeat(3_000_000)}' });\n`;
    const rules = Object.fromEntries(Object.keys(plugin.configs.recommended[0].rules).map((id) => [id, 'error' as const]));
    const messages = lint(code, rules);
    expect(messages.filter((m) => m.messageId === 'analysisFailed' || m.fatal)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain('llm-leak/no-hardcoded-credentials');
  });
});
