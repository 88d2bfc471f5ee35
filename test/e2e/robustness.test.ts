/**
 * No rule crashes: a fixed sample of what `npm run sweep` lints in full. Every rule on (configs.strict) over the
 * examples, the labelled corpus, every 12th file of the framework and SDK sources in node_modules, 300 eslump programs
 * with fixed seeds, and the worst-case shapes at a modest size. A parse error is not a crash; it is counted apart.
 * Then issue 14's worst cases (member chains, huge literals, barrels, mount graphs, a client through barrels) at n and
 * 4n, judged as the sweep judges them: on operation counts (src/counters.ts), which are the same on every machine, and
 * on the findings still being reported; the `entries` settings and the CLI on a generated project.
 * No timing assertions: speed is measured by `npm run bench` and growth by `npm run sweep`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { benchCorpus, configFactory, labelledCorpus, listSources, load, type SourceFile } from '../../scripts/lib/corpus.js';
import { SHAPES, fuzzProgram, lintOnce } from '../../scripts/lib/robustness.js';
import {
  FILE_CASES,
  MAX_COUNT_GROWTH,
  PROJECT_CASES,
  countLint,
  missingReports,
  removeProject,
  superLinear,
  writeProject,
  type CountedLint,
} from '../../scripts/lib/worst-cases.js';
import * as counters from '../../src/counters.js';
import plugin from '../../src/index.js';
import { clearProjectCache } from '../../src/project/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const strict = configFactory(plugin.configs.strict as never, tsParser);

interface Tally {
  linted: number;
  ok: number;
  parseErrors: number;
  problems: string[];
  reports: Linter.LintMessage[];
}

function sweep(items: readonly { text: string; name: string; shape: Parameters<typeof strict>[0] }[]): Tally {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const t: Tally = { linted: 0, ok: 0, parseErrors: 0, problems: [], reports: [] };
  for (const item of items) {
    const r = lintOnce(linter, item.text, strict(item.shape), item.name);
    t.linted += 1;
    if (r.kind === 'ok') t.ok += 1;
    else if (r.kind === 'parse-error') t.parseErrors += 1;
    else t.problems.push(`${r.kind}: ${path.relative(root, item.name)}: ${r.detail ?? ''}`);
    t.reports.push(...r.messages.filter((m) => m.ruleId?.startsWith('llm-leak/')));
  }
  return t;
}

const asItems = (files: readonly SourceFile[]) => files.map((f) => ({ text: f.text, name: f.name, shape: f }));

describe('no rule crashes (sample of npm run sweep)', () => {
  it('has every rule in configs.strict', () => {
    expect(Object.keys(plugin.configs.strict[0].rules).length).toBe(Object.keys(plugin.rules).length);
  });

  it('framework and SDK sources from node_modules, a fixed sample', { timeout: 120_000 }, () => {
    const { files } = benchCorpus(root);
    // Every 12th file of a sorted list: the same files on every run, spread across all the packages.
    const sample = files.filter((_, i) => i % 12 === 0);
    expect(sample.length).toBeGreaterThan(200);
    const t = sweep(asItems(sample));
    console.log(`robustness node_modules sample: ${t.linted} files, ${t.parseErrors} parse errors, ${t.problems.length} crashes`);
    expect(t.problems).toEqual([]);
    expect(t.ok).toBeGreaterThan(sample.length * 0.9);
  });

  it('the examples and the labelled corpus', { timeout: 60_000 }, () => {
    const files = [...load(root, listSources(path.join(root, 'examples'))).files, ...labelledCorpus(root)];
    const t = sweep(asItems(files));
    expect(t.problems).toEqual([]);
    expect(t.parseErrors).toBe(0);
    // The examples alone carry reports, so a run that silently lints nothing cannot pass.
    expect(t.reports.length).toBeGreaterThan(0);
  });

  it('300 eslump programs with fixed seeds', { timeout: 60_000 }, () => {
    const programs = Array.from({ length: 300 }, (_, i) => fuzzProgram(i + 1));
    const t = sweep(
      programs.map((p) => ({
        text: p.text,
        name: path.join(root, `fuzz-${p.seed}.js`),
        shape: { parser: 'espree', sourceType: p.sourceType, jsx: false },
      })),
    );
    console.log(`robustness eslump: ${t.linted} programs, ${t.ok} parsed, ${t.parseErrors} parse errors, ${t.problems.length} crashes`);
    expect(t.problems).toEqual([]);
    // eslump writes some programs with early errors; most must parse, or the fuzz tests nothing.
    expect(t.ok).toBeGreaterThan(100);
    // The handler-wrapped programs send a completion: the model saw them.
    expect(t.reports.some((m) => m.ruleId === 'llm-leak/no-raw-llm-response')).toBe(true);
  });

  it('worst-case shapes at a modest size', { timeout: 60_000 }, () => {
    const sizes: Record<string, number> = {
      'long handler (lines)': 2000,
      'deep nesting (levels)': 500,
      'messages array (elements)': 1000,
      'routes (count)': 300,
    };
    expect(Object.keys(sizes).sort()).toEqual(Object.keys(SHAPES).sort());
    for (const [name, make] of Object.entries(SHAPES)) {
      const t = sweep([{ text: make(sizes[name]!), name: path.join(root, 'shape.js'), shape: { parser: 'espree', sourceType: 'module', jsx: false } }]);
      expect(t.problems, name).toEqual([]);
      expect(t.ok, name).toBe(1);
      // Each shape sends a whole completion to the client: a report shows the rules followed it to the end.
      expect(t.reports.map((m) => m.ruleId), name).toContain('llm-leak/no-raw-llm-response');
    }
  });
});

describe('worst cases grow linearly, by operation counts (sample of npm run sweep)', () => {
  const api = { Linter, counters, clearProjectCache };
  const config = strict({ parser: 'espree', sourceType: 'module', jsx: false });
  /**
   * n for each case; 4n is linted too. The graphs stay within the project map's hop limits at 4n. The long handler
   * branches from line 50 on, so its code-path count starts late: at 250 lines it grows 4.75x, at 500 4.33x.
   */
  const sizes: Record<string, number> = {
    'long handler (lines)': 500,
    'deep nesting (levels)': 25,
    'messages array (elements)': 250,
    'routes (count)': 30,
    'member chain (links)': 250,
    'key literal (chars)': 250_000,
    'nested templates (levels)': 25,
    'barrel cycle (barrels)': 3,
    'barrel ladder (levels)': 3,
    'mount graph (levels)': 3,
    'client through barrels (levels)': 2,
    'response methods (methods)': 5,
  };
  /** The count each case exists to exercise: it must be measurable at n, or the growth check measures nothing. */
  const exercised: Record<string, keyof counters.OpCounts> = {
    'long handler (lines)': 'originSteps',
    'deep nesting (levels)': 'pathSteps',
    'messages array (elements)': 'originSteps',
    'routes (count)': 'chainSteps',
    'member chain (links)': 'chainSteps',
    'barrel cycle (barrels)': 'walkStates',
    'barrel ladder (levels)': 'walkStates',
    'mount graph (levels)': 'walkStates',
    'client through barrels (levels)': 'summarySteps',
  };

  it('covers every case of the sweep', () => {
    expect(Object.keys(sizes).sort()).toEqual([...Object.keys(SHAPES), ...Object.keys(FILE_CASES), ...Object.keys(PROJECT_CASES)].sort());
  });

  const judge = (name: string, atN: CountedLint, at4n: CountedLint): void => {
    for (const r of [atN, at4n]) {
      expect(r.crash, name).toBeUndefined();
      expect(r.parseError, name).toBeUndefined();
      expect.soft(missingReports(name, r.messages), name).toEqual([]);
    }
    const key = exercised[name];
    if (key) expect(atN.counts[key], `${name}: ${key} at n`).toBeGreaterThan(0);
    // Linear is 4x; a count a + b*n with a >= 0 never exceeds it.
    expect.soft(superLinear(atN.counts, at4n.counts), `${name}: ${JSON.stringify(atN.counts)} -> ${JSON.stringify(at4n.counts)}`).toEqual([]);
  };

  it("single files: the sweep's shapes, member chains, a huge key literal, nested templates", { timeout: 120_000 }, () => {
    for (const [name, make] of Object.entries({ ...SHAPES, ...FILE_CASES })) {
      const n = sizes[name]!;
      const [atN, at4n] = [n, 4 * n].map((size) => countLint(api, config, root, path.join(root, 'shape.js'), make(size)));
      judge(name, atN!, at4n!);
    }
  });

  it('projects on disk: barrel cycles, a barrel ladder, routers mounting routers, a client through barrels', { timeout: 120_000 }, () => {
    for (const [name, make] of Object.entries(PROJECT_CASES)) {
      const n = sizes[name]!;
      const [atN, at4n] = [n, 4 * n].map((size) => {
        const { files, target } = make(size);
        const dir = writeProject(files, 'robustness');
        try {
          return countLint(api, config, dir, path.join(dir, target), files[target]!);
        } finally {
          removeProject(dir);
        }
      });
      judge(name, atN!, at4n!);
    }
    expect(MAX_COUNT_GROWTH).toBeLessThanOrEqual(4.5);
  });

  it('settings: entries globs find the mounts; a bad pattern is a settings error naming the key, and nothing is read', () => {
    const name = 'mount graph (levels)';
    const { files, target } = PROJECT_CASES[name]!(4);
    const dir = writeProject(files, 'robustness');
    try {
      const lint = (entries: string[]) =>
        countLint(api, [...config, { settings: { 'llm-leak': { entries } } }], dir, path.join(dir, target), files[target]!);
      const good = lint(['app.js', '**/m0_*.js']);
      expect(good.crash).toBeUndefined();
      expect(missingReports(name, good.messages)).toEqual([]);
      for (const bad of [['src/{a'], ['../../**'], ['/etc/passwd'], ['ok/*.js', 'x/[']]) {
        const r = lint(bad);
        expect(r.crash, bad.join()).toMatch(/settings\['llm-leak'\]\.entries has/);
        expect(r.counts.reads, bad.join()).toBe(0);
      }
    } finally {
      removeProject(dir);
    }
  });

  it('the CLI on a generated project: findings, the route judged by its mount, no file left unchecked', { timeout: 60_000 }, () => {
    const { files, target } = PROJECT_CASES['mount graph (levels)']!(6);
    const dir = writeProject(files, 'robustness-cli');
    try {
      const run = spawnSync(process.execPath, [path.join(root, 'bin', 'llm-leak.js'), '--format', 'json', '--no-config', '.'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(run.status, run.stderr).toBe(1);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: Linter.LintMessage[] }[];
      expect(results.length).toBe(Object.keys(files).length);
      expect(results.flatMap((r) => r.messages).filter((m) => m.fatal || m.messageId === 'analysisFailed')).toEqual([]);
      const chat = results.find((r) => r.filePath === path.join(dir, target));
      expect(missingReports('mount graph (levels)', chat?.messages ?? [])).toEqual([]);
    } finally {
      removeProject(dir);
    }
  });
});
