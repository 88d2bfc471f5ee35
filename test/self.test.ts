/** The plugin holds itself to its own standards: it type-checks, and its own lint config (typescript-eslint and
 * eslint-plugin-eslint-plugin on rules/ and tests) reports nothing. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

it('type-checks src/, rules/ and test/', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('passes its own lint config', { timeout: 120_000 }, async () => {
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(['src', 'rules', 'test', 'scripts']);
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  expect(problems).toEqual([]);
});
