/** The plugin holds itself to its own standards: it type-checks, its own lint config (typescript-eslint and
 * eslint-plugin-eslint-plugin on rules/ and tests) reports nothing, and its modules import without cycles. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Runs `npm run lint:deps`' check in `cwd` and returns the names of the rules it reports, one per violation. */
function cruiseViolations(cwd: string, paths: string[]): string[] {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), ...paths, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd, encoding: 'utf8' },
  );
  const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string } }[] } };
  return out.summary.violations.map((v) => v.rule.name);
}

it('has no import cycle in src/, and rules import only the model and its helpers', { timeout: 120_000 }, () => {
  expect(cruiseViolations(root, ['src', 'rules'])).toEqual([]);
});

it('fails the dependency check on an import cycle and on a rule reaching into an analysis', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-leak-deps-'));
  try {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }));
    writeFileSync(join(dir, 'src/model.ts'), "import type { Facts } from './facts.js';\nexport type Model = { facts: Facts };\n");
    writeFileSync(join(dir, 'src/facts.ts'), "import type { Model } from './model.js';\nexport type Facts = { model?: Model };\n");
    writeFileSync(join(dir, 'src/signals.ts'), 'export const signals = 1;\n');
    writeFileSync(join(dir, 'rules/a-rule.ts'), "import { signals } from '../src/signals.js';\nexport default signals;\n");
    const names = cruiseViolations(dir, ['src', 'rules']);
    expect(names.filter((n) => n === 'no-circular').length).toBeGreaterThan(0);
    expect(names).toContain('rules-on-the-model');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
