/**
 * No rule crashes: a fixed sample of what `npm run sweep` lints in full. Every rule on (configs.strict) over the
 * examples, the labelled corpus, every 12th file of the framework and SDK sources in node_modules, 300 eslump programs
 * with fixed seeds, and the worst-case shapes at a modest size. A parse error is not a crash; it is counted apart.
 * No timing assertions: speed is measured by `npm run bench` and growth by `npm run sweep`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { benchCorpus, configFactory, labelledCorpus, listSources, load, type SourceFile } from '../../scripts/lib/corpus.js';
import { SHAPES, fuzzProgram, lintOnce } from '../../scripts/lib/robustness.js';
import plugin from '../../src/index.js';

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
