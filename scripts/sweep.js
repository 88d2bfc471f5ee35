#!/usr/bin/env node
// `npm run sweep`: lints every file of the bench corpus, the labelled corpus and the examples with every rule on
// (configs.strict), then eslump programs (fixed seeds, then random seeds), and asserts that no rule ever crashes.
// Then lints worst-case shapes at sizes n, 2n and 4n and fails if the plugin's time grows clearly faster than the size.
// Options: --fixed=N (fixed seeds 1..N, default 1000), --random=M (random seeds, default 3000), --skip-corpus.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCorpus, configFactory, labelledCorpus, listSources, load, loadBuilt } from './lib/corpus.js';
import { SHAPES, fuzzProgram, lintOnce } from './lib/robustness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const FIXED = Number(args.fixed ?? 1000);
const RANDOM = Number(args.random ?? 3000);
/** Base sizes n; the largest size linted is 4n: 20,000 lines, 500 levels, 10,000 messages, 5,000 routes. */
const BASE = {
  'long handler (lines)': 5000,
  'deep nesting (levels)': 125,
  'messages array (elements)': 2500,
  'routes (count)': 1250,
};
/** 4n may take this many times as long as n before the growth counts as super-linear (linear is 4). */
const MAX_GROWTH = 6;

const { plugin, tsParser, Linter } = await loadBuilt(root);
const strict = configFactory(plugin.configs.strict, tsParser);
const linter = new Linter({ configType: 'flat', cwd: root });
let failed = false;

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

// 1. Every file of the corpora.
if (args['skip-corpus'] !== 'true') {
  const bench = benchCorpus(root);
  const files = [
    ...bench.files,
    ...labelledCorpus(root),
    ...load(root, listSources(path.join(root, 'examples'))).files,
  ];
  const counts = { ok: 0, 'parse-error': 0, crash: 0, skipped: 0 };
  const problems = [];
  const slowest = [];
  let bytes = 0;
  const t0 = performance.now();
  for (const f of files) {
    const s = performance.now();
    const r = lintOnce(linter, f.text, strict(f), f.name);
    const ms = performance.now() - s;
    counts[r.kind] += 1;
    bytes += f.text.length;
    if (r.kind !== 'ok') problems.push(`${r.kind}: ${f.rel}: ${r.detail}`);
    slowest.push({ rel: f.rel, ms, kb: f.text.length / 1024 });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
  }
  const ms = performance.now() - t0;
  console.log(
    `corpus sweep (configs.strict, ${Object.keys(plugin.configs.strict[0].rules).length} rules): ${files.length} files, ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${fmt(ms)}; ${counts.ok} ok, ${counts['parse-error']} parse errors, ` +
      `${counts.crash} crashes, ${counts.skipped} not linted`,
  );
  for (const p of problems.filter((p) => !p.startsWith('parse-error')).slice(0, 20)) console.log(`  ${p}`);
  for (const p of problems.filter((p) => p.startsWith('parse-error')).slice(0, 5)) console.log(`  ${p}`);
  for (const s of slowest) console.log(`  slowest: ${s.rel} (${s.kb.toFixed(0)} kB) ${fmt(s.ms)}`);
  if (counts.crash || counts.skipped) failed = true;
}

// 2. eslump programs: seeds 1..FIXED, then RANDOM seeds drawn now and printed on failure.
function fuzz(label, seeds) {
  const counts = { ok: 0, 'parse-error': 0, crash: 0, skipped: 0 };
  const t0 = performance.now();
  for (const seed of seeds) {
    const p = fuzzProgram(seed);
    const f = { parser: 'espree', sourceType: p.sourceType, jsx: false };
    const r = lintOnce(linter, p.text, strict(f), path.join(root, `fuzz-${seed}.js`));
    counts[r.kind] += 1;
    if (r.kind === 'crash' || r.kind === 'skipped') {
      failed = true;
      console.log(`  ${r.kind} on eslump seed ${seed} (reproduce: fuzzProgram(${seed}) in scripts/lib/robustness.js): ${r.detail}`);
    }
  }
  console.log(
    `eslump ${label}: ${seeds.length} programs in ${fmt(performance.now() - t0)}; ${counts.ok} ok, ` +
      `${counts['parse-error']} parse errors, ${counts.crash} crashes`,
  );
}
fuzz(`fixed seeds 1..${FIXED}`, Array.from({ length: FIXED }, (_, i) => i + 1));
const randomSeeds = Array.from({ length: RANDOM }, () => Math.floor(Math.random() * 2 ** 31));
fuzz('random seeds', randomSeeds);

// 3. Worst-case shapes at n, 2n, 4n. The plugin's part is the sum of its rules' times from ESLint's stats (which holds
// the model build too), median of 3 after a warm-up; it is what must stay linear. The total is printed for context.
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(text, config) {
  const filename = path.join(root, 'shape.js');
  const r = lintOnce(linter, text, config, filename);
  if (r.kind !== 'ok') throw new Error(`worst-case shape did not lint cleanly: ${r.kind} ${r.detail}`);
  const totals = [];
  const rules = [];
  for (let i = 0; i < 3; i += 1) {
    const s = performance.now();
    linter.verifyAndFix(text, config, { filename, stats: true, fix: false });
    totals.push(performance.now() - s);
    const p = linter.getTimes()?.passes?.[0];
    rules.push(Object.entries(p?.rules ?? {}).reduce((sum, [id, t]) => (id.startsWith('llm-leak/') ? sum + t.total : sum), 0));
  }
  return { total: median(totals), plugin: median(rules) };
}
const shape = { parser: 'espree', sourceType: 'module', jsx: false };
console.log("worst-case shapes (configs.strict; total lint time, and the plugin's rules from ESLint's stats):");
for (const [name, make] of Object.entries(SHAPES)) {
  const n = BASE[name];
  const rows = [1, 2, 4].map((k) => {
    const text = make(n * k);
    return { size: n * k, kb: text.length / 1024, ...time(text, strict(shape)) };
  });
  const growth = rows[2].total / rows[0].total;
  // Below a few milliseconds the ratio is noise; judge the growth only when the cost is measurable.
  const pluginGrowth = rows[0].plugin >= 5 ? rows[2].plugin / rows[0].plugin : NaN;
  const bad = pluginGrowth > MAX_GROWTH;
  if (bad) failed = true;
  console.log(
    `  ${name}: ` +
      rows.map((r) => `${r.size} (${r.kb.toFixed(0)} kB) → ${fmt(r.total)}, plugin ${fmt(r.plugin)}`).join('; ') +
      `\n    4n/n: plugin ${Number.isNaN(pluginGrowth) ? 'n/a (under 5 ms)' : `${pluginGrowth.toFixed(2)}×`}, total ${growth.toFixed(2)}×` +
      (bad ? `  SUPER-LINEAR (limit ${MAX_GROWTH}×)` : ''),
  );
}

console.log(failed ? 'sweep: FAILED' : 'sweep: no crashes, growth linear');
process.exitCode = failed ? 1 : 0;
