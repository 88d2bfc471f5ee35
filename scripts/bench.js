#!/usr/bin/env node
// `npm run bench`: what the plugin costs on top of parsing, next to eslint-plugin-security, in one process.
// Corpora: the JS/TS sources shipped by the framework and SDK packages in node_modules, and the labelled corpus.
// For each: parse-only (ESLint with no rules, same parser), + configs.recommended, + security's recommended; passes
// interleaved, medians of --runs (default 5) after a warm-up. Then per-rule times from ESLint's stats, and the time
// the plugin adds on 1x, 2x and 4x copies of the labelled corpus (copied to a temporary folder). Then what the
// cross-file route map costs (the same texts linted under their real paths and under paths that do not exist, where
// the map finds nothing to read) and what the type-aware mode costs (the labelled .ts files parsed with and without
// `projectService`, with and without rules). Then module summaries on a generated multi-module app (--features=N,
// default 100, about 5N files): the whole-project lint with and without them, and the warm re-lint of one file.
// Options: --runs=N, --skip-packages (labelled corpus only, for a quick look), --against=DIR (another checkout with a
// built dist/, e.g. an earlier commit: its recommended config is timed in the same passes, for a before/after),
// --apps=DIR[,DIR...] (real servers on disk, e.g. the real-world snapshots' LibreChat `api/` and AnythingLLM
// `server/`: each is linted whole as `eslint .` lints it, with and without summaries and next to
// eslint-plugin-security; the summaries' 30% target and the rule-time target are judged there, see
// docs/performance.md), --only-apps (just that section).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchCorpus, configFactory, labelledCorpus, listSources, load, loadBuilt } from './lib/corpus.js';
import { writeSyntheticApp } from './lib/synthetic-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const RUNS = Number(args.runs ?? 5);

const { plugin, tsParser, Linter } = await loadBuilt(root);
const project = await import(pathToFileURL(path.join(root, 'dist', 'src', 'project', 'index.js')).href);
const security = createRequire(path.join(root, 'package.json'))('eslint-plugin-security');
const linter = new Linter({ configType: 'flat', cwd: root });

// A rule that does nothing but listen to Program:exit: what ESLint itself charges once any rule runs (it has to
// traverse the tree to emit events), so the plugin's own cost can be told apart from that floor.
const noop = { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) };

const SETS = {
  'parse only': configFactory({}, tsParser),
  'one no-op rule': configFactory({ plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }, tsParser),
  'llm-leak recommended': configFactory(plugin.configs.recommended, tsParser),
  'security recommended': configFactory(security.configs.recommended, tsParser),
};
const against = args.against === undefined ? undefined : path.resolve(args.against);
if (against) {
  const baseline = (await loadBuilt(against)).plugin;
  SETS['baseline recommended'] = configFactory(baseline.configs.recommended, tsParser);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pct = (x) => `${(x * 100).toFixed(1)}%`;

/**
 * A rule set to time: a config factory, or `{ make, files, before }` to lint other files (the same texts under
 * other names) or to run something untimed before each pass (emptying a cache).
 */
const setOf = (set, files) => (typeof set === 'function' ? { make: set, files, before: undefined } : { files, ...set });

/** One pass over the set's files; returns the wall time. A crash aborts: the sweep is the place for those. */
function pass(files, set, lint = linter) {
  const { make, files: fs, before } = setOf(set, files);
  before?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of fs) lint.verify(f.text, make(f), { filename: f.name });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  lastCpu = (cpu.user + cpu.system) / 1000;
  return wall;
}
/** The process CPU time of the last pass: steadier than wall time when the machine is shared (for --against). */
let lastCpu = 0;

/** The warm-up pass, checked: a file that no config applies to (outside cwd, ignored) would be timed for nothing. */
function checkedPass(files, set, lint) {
  const { make, files: fs, before } = setOf(set, files);
  before?.();
  const t0 = performance.now();
  for (const f of fs) {
    const messages = lint.verify(f.text, make(f), { filename: f.name });
    const skipped = messages.find((m) => m.ruleId === null && (m.line === 0 || m.fatal));
    if (skipped) throw new Error(`${f.rel} was not linted: ${skipped.message}`);
  }
  return performance.now() - t0;
}

/** Warm-up, then RUNS rounds; each round runs every set once, the order rotating so no set always goes first. */
function measure(files, sets = SETS, lint = linter) {
  const names = Object.keys(sets);
  for (const name of names) checkedPass(files, sets[name], lint);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const cpus = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + r) % names.length];
      times[name].push(pass(files, sets[name], lint));
      cpus[name].push(lastCpu);
    }
  }
  const out = Object.fromEntries(names.map((n) => [n, median(times[n])]));
  Object.defineProperty(out, 'cpu', { value: Object.fromEntries(names.map((n) => [n, median(cpus[n])])) });
  return out;
}

function report(label, files) {
  const bytes = files.reduce((s, f) => s + f.text.length, 0);
  const ts = files.filter((f) => f.parser === 'typescript').length;
  console.log(`\n## ${label}: ${files.length} files (${files.length - ts} JS, ${ts} TS), ${(bytes / 1e6).toFixed(1)} MB`);
  const m = measure(files);
  const base = m['parse only'];
  const ours = m['llm-leak recommended'] - base;
  const peer = m['security recommended'] - base;
  console.log(`  parse only (no rules)         ${fmt(base)}   (median of ${RUNS})`);
  console.log(`  + llm-leak recommended        ${fmt(m['llm-leak recommended'])}   adds ${fmt(ours)} = ${pct(ours / base)} of parse`);
  console.log(`  + security recommended        ${fmt(m['security recommended'])}   adds ${fmt(peer)} = ${pct(peer / base)} of parse`);
  console.log(`  ratio llm-leak / security added time: ${(ours / peer).toFixed(2)}`);
  const floor = m['one no-op rule'] - base;
  console.log(`  ESLint's floor, one no-op rule  adds ${fmt(floor)} = ${pct(floor / base)} of parse (the traversal any rule pays)`);
  console.log(`  over that floor: llm-leak adds ${fmt(ours - floor)} = ${pct((ours - floor) / base)} of parse, security ${fmt(peer - floor)} = ${pct((peer - floor) / base)}`);
  if (against) {
    const theirs = m['baseline recommended'] - base;
    const c = m.cpu;
    const cpuOurs = c['llm-leak recommended'] - c['parse only'];
    const cpuTheirs = c['baseline recommended'] - c['parse only'];
    console.log(`  baseline (${path.relative(root, against) || against}) adds ${fmt(theirs)}; this build adds ${fmt(ours)}: ${(ours / theirs).toFixed(2)}x the baseline`);
    console.log(`  in process CPU time: baseline adds ${fmt(cpuTheirs)}, this build ${fmt(cpuOurs)}: ${(cpuOurs / cpuTheirs).toFixed(2)}x`);
  }
  const ok = ours / base < 0.1 && ours < peer;
  console.log(`  targets (< 10% of parse, less than security): ${ok ? 'met' : 'MISSED'}; over ESLint's floor: ${(ours - floor) / base < 0.1 && ours < peer ? 'met' : 'MISSED'}`);
  return { base, ours, peer, ok };
}

/** Per-rule times from ESLint's stats (one pass with stats on), summed over the files. */
function perRule(files, make = SETS['llm-leak recommended']) {
  const rules = {};
  let parse = 0;
  for (const f of files) {
    linter.verifyAndFix(f.text, make(f), { filename: f.name, stats: true, fix: false });
    const p = linter.getTimes()?.passes?.[0];
    if (!p) continue;
    parse += p.parse?.total ?? 0;
    for (const [id, t] of Object.entries(p.rules ?? {})) rules[id] = (rules[id] ?? 0) + t.total;
  }
  return { parse, rules };
}

function printPerRule(label, files, make) {
  const { parse, rules } = perRule(files, make);
  console.log(`  per-rule times (ESLint stats, ${label}; parse alone ${fmt(parse)}):`);
  const ids = Object.keys(plugin.configs.recommended[0].rules);
  for (const id of ids.sort((a, b) => (rules[b] ?? 0) - (rules[a] ?? 0))) {
    console.log(`    ${id.padEnd(44)} ${fmt(rules[id] ?? 0)}`);
  }
}

let ok = true;

// --- real servers on disk (--apps) ---
// The summaries' target (at most 30% on top of the lint without them) and the rule-time target (below
// eslint-plugin-security's) are about real app code: each folder is linted whole, as `eslint .` lints it (one-shot
// run, the project map's caches emptied before each pass), process CPU, medians of --runs after a warm-up pass each.
const apps = (args.apps ?? '').split(',').filter(Boolean).map((d) => path.resolve(d));
if (apps.length > 0) {
  const { ESLint } = createRequire(path.join(root, 'package.json'))('eslint');
  const ignores = { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/coverage/**'] };
  const tsBlock = plugin.configs.recommended.find((c) => c.languageOptions?.parser);
  const appSets = {
    'parse only': [tsBlock, ignores],
    'one no-op rule': [tsBlock, { plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }, ignores],
    'llm-leak without summaries': [...plugin.configs.recommended, ignores],
    'llm-leak with summaries': [...plugin.configs.recommended, ignores],
    'security recommended': [tsBlock, security.configs.recommended, ignores],
  };
  for (const dir of apps) {
    const eslints = Object.fromEntries(
      Object.entries(appSets).map(([name, config]) => [name, new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false })]),
    );
    const lintApp = async (name) => {
      project.setModuleSummaries(name !== 'llm-leak without summaries');
      project.setOneShotRun(true);
      project.clearProjectCache();
      const c0 = process.cpuUsage();
      const results = await eslints[name].lintFiles(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
      const c = process.cpuUsage(c0);
      return { cpu: (c.user + c.system) / 1000, files: results.length, findings: results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('llm-leak/')).length, 0) };
    };
    const names = Object.keys(appSets);
    const first = {};
    for (const name of names) first[name] = await lintApp(name);
    const cpus = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < RUNS; r += 1) {
      for (let i = 0; i < names.length; i += 1) {
        const name = names[(i + r) % names.length];
        cpus[name].push((await lintApp(name)).cpu);
      }
    }
    const m = Object.fromEntries(names.map((n) => [n, median(cpus[n])]));
    const without = m['llm-leak without summaries'];
    const withS = m['llm-leak with summaries'];
    const summaries = (withS - without) / without;
    const ours = withS - m['parse only'];
    const peer = m['security recommended'] - m['parse only'];
    console.log(`\n## a real server: ${dir} (${first['parse only'].files} files)`);
    console.log(`  parse only ${fmt(m['parse only'])}; llm-leak without summaries ${fmt(without)} (${first['llm-leak without summaries'].findings} findings), with ${fmt(withS)} (${first['llm-leak with summaries'].findings} findings)   (process CPU, median of ${RUNS})`);
    console.log(`  summaries add ${fmt(withS - without)} = ${pct(summaries)} of the lint without them (target: at most 30%)`);
    const floor = m['one no-op rule'] - m['parse only'];
    console.log(`  rules with summaries add ${fmt(ours)} to the parse; eslint-plugin-security's add ${fmt(peer)} (target: below security's)`);
    console.log(`  of which ESLint's floor (one no-op rule: the traversal and code paths any rule pays) ${fmt(floor)}; without summaries llm-leak adds ${fmt(without - m['parse only'])}`);
    if (summaries > 0.3 || ours >= peer) ok = false;
  }
  project.setModuleSummaries(true);
  project.setOneShotRun(undefined);
}
if (args['only-apps'] === 'true') {
  console.log(`\nbench: ${ok ? 'targets met' : 'a target was MISSED'} (node ${process.version}, ${os.cpus().length} cores)`);
  process.exit(ok ? 0 : 1);
}

// --- corpora ---
if (args['skip-packages'] !== 'true') {
  const bench = benchCorpus(root);
  console.log('bench corpus (node_modules sources; no .d.ts, no minified, nested node_modules skipped):');
  for (const [pkg, n] of Object.entries(bench.perPackage)) console.log(`  ${pkg.padEnd(20)} ${n} files listed`);
  console.log(`  ${bench.minified} minified files left out; ${bench.files.length} files linted`);
  if (bench.files.length < 2000) console.log('  WARNING: fewer than 2,000 files: are the dev dependencies installed?');
  ok = report('framework and SDK sources', bench.files).ok && ok;
  printPerRule('framework and SDK sources', bench.files);
}
const labelled = labelledCorpus(root);
if (labelled.length > 0) {
  ok = report('labelled corpus (test/corpus)', labelled).ok && ok;
  printPerRule('labelled corpus', labelled);

  // Growth: 1, 2 and 4 copies of the labelled corpus on disk (the plugin reads neighbouring files, so copies are real).
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'llm-leak-bench-'));
  try {
    for (let k = 0; k < 4; k += 1) cpSync(path.join(root, 'test', 'corpus'), path.join(tmp, `copy${k}`), { recursive: true });
    // The corpus' .js files are ESM through the repository's package.json; the copies need the same to parse.
    writeFileSync(path.join(tmp, 'package.json'), '{ "type": "module" }\n');
    const copies = [0, 1, 2, 3].map((k) => load(tmp, listSources(path.join(tmp, `copy${k}`))).files);
    const sets = { 'parse only': SETS['parse only'], 'llm-leak recommended': SETS['llm-leak recommended'] };
    // Flat config ignores files outside cwd, so the copies get a linter rooted at the temporary folder.
    const copyLinter = new Linter({ configType: 'flat', cwd: tmp });
    console.log('\n## growth: the labelled corpus copied 1x, 2x, 4x');
    const rows = [1, 2, 4].map((k) => {
      const files = copies.slice(0, k).flat();
      const m = measure(files, sets, copyLinter);
      return { k, files: files.length, base: m['parse only'], added: m['llm-leak recommended'] - m['parse only'] };
    });
    for (const r of rows) {
      console.log(
        `  ${r.k}x  ${String(r.files).padStart(5)} files  parse ${fmt(r.base)}  plugin adds ${fmt(r.added)}  ` +
          `(${(r.added / rows[0].added).toFixed(2)}x the 1x cost)`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  console.log('\nlabelled corpus (test/corpus) is empty: skipped');
}

// --- the route map ---
if (labelled.length > 0) {
  // Without the map: the same texts under paths that do not exist, so the map stops at its first stat and reads no
  // file. With the map, cold: its cache emptied before each pass, as in one `eslint .` run; warm: the cache kept, as
  // in an editor or a second pass. The rules' verdicts differ (unmounted routers), the work besides the map does not.
  const ghost = (files) => files.map((f) => ({ ...f, name: path.join(root, 'bench-no-such-dir', f.rel) }));
  const rec = SETS['llm-leak recommended'];
  const routeMap = (label, files) => {
    console.log(`\n## route map: ${label}, ${files.length} files`);
    const m = measure(files, {
      'parse only': SETS['parse only'],
      'no map': { make: rec, files: ghost(files) },
      'map, cold cache': { make: rec, before: project.clearProjectCache },
      'map, warm cache': rec,
    });
    project.clearProjectCache();
    const before = project.readCount();
    pass(files, rec);
    const reads = project.readCount() - before;
    const noMap = m['no map'] - m['parse only'];
    const cold = m['map, cold cache'] - m['no map'];
    const warm = m['map, warm cache'] - m['no map'];
    console.log(`  parse only ${fmt(m['parse only'])}; llm-leak recommended without the map adds ${fmt(noMap)}`);
    console.log(`  the map adds, cold cache (one lint run): ${fmt(cold)} = ${pct(cold / m['parse only'])} of parse; it read ${reads} files`);
    console.log(`  the map adds, warm cache (editor, re-run):  ${fmt(warm)} = ${pct(warm / m['parse only'])} of parse`);
  };
  const apps = labelled.filter((f) => f.rel.split(path.sep).includes('apps'));
  if (apps.length > 0) routeMap('the multi-file apps (test/corpus/apps)', apps);
  routeMap('the labelled corpus', labelled);
}

// --- module summaries: a generated multi-module app ---
{
  // Whole-project lint with and without the cross-module knowledge (imported modules' summaries, and the search for
  // the modules that register a file's functions), caches emptied before each pass as in one `eslint .` run; then
  // the editor's case: one route file and one controller re-linted in a warm process after a change.
  const features = Number(args.features ?? 100);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'llm-leak-bench-app-'));
  try {
    const { files } = load(dir, writeSyntheticApp(dir, features).filter((f) => f.endsWith('.js')));
    const appLinter = new Linter({ configType: 'flat', cwd: dir });
    const rec = SETS['llm-leak recommended'];
    // As `eslint .` runs it: one run reads the project once (src/project/disk.ts lintMemo). The long-lived process
    // (an editor re-linting every file) checks the disk in each lint: timed too, for the record.
    const fresh = (on, oneShot = true) => () => {
      project.setModuleSummaries(on);
      project.setOneShotRun(oneShot);
      project.clearProjectCache();
    };
    console.log(`\n## module summaries: a generated ${files.length}-file app (app, routers, controllers, services, one client module)`);
    const m = measure(
      files,
      {
        'parse only': SETS['parse only'],
        'without summaries': { make: rec, before: fresh(false) },
        'with summaries': { make: rec, before: fresh(true) },
        'with summaries, long-lived process': { make: rec, before: fresh(true, false) },
      },
      appLinter,
    );
    const count = (on) => {
      fresh(on)();
      return files.reduce((n, f) => n + appLinter.verify(f.text, rec(f), { filename: f.name }).length, 0);
    };
    const [findingsOff, findingsOn] = [count(false), count(true)];
    // Every other feature is mounted without requireUser: its chat route reaches the model four modules away
    // (route, controller, service, the client's module), which only the summaries see.
    const open = Math.ceil(features / 2);
    if (findingsOn !== open) {
      console.log(`  expected ${open} findings with summaries (the open chat routes), got ${findingsOn}`);
      ok = false;
    }
    const without = m['without summaries'];
    const extra = m['with summaries'] - without;
    const cpuExtra = m.cpu['with summaries'] - m.cpu['without summaries'];
    console.log(`  parse only ${fmt(m['parse only'])}; whole lint without summaries ${fmt(without)} (${findingsOff} findings), with ${fmt(m['with summaries'])} (${findingsOn} findings)`);
    const ratio = cpuExtra / m.cpu['without summaries'];
    console.log(`  summaries add ${fmt(extra)} wall, ${pct(ratio)} of the lint without them in process CPU (target: at most 30%)`);
    if (ratio > 0.3) ok = false;
    const longLived = m.cpu['with summaries, long-lived process'] / m.cpu['without summaries'] - 1;
    console.log(`  in a long-lived process (every lint checks the disk afresh): ${pct(longLived)}`);

    // Warm: every module's facts cached by the pass above; the edited file's own text changes each time.
    fresh(true, false)();
    pass(files, rec, appLinter);
    const warm = (rel) => {
      const f = files.find((x) => x.rel === rel);
      const times = [];
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        appLinter.verify(`${f.text}\n// edit ${i}\n`, rec(f), { filename: f.name });
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    for (const rel of [path.join('routes', 'r7.js'), path.join('controllers', 'c7.js')]) {
      const t = warm(rel);
      console.log(`  re-lint of ${rel} in a warm process: ${fmt(t)} (median of 21; target: under 100 ms)`);
      if (t > 100) ok = false;
    }
  } finally {
    project.setModuleSummaries(true);
    project.setOneShotRun(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- the type-aware mode ---
const typedConfig = plugin.configs['recommended-type-checked'];
const tsFiles = labelled.filter((f) => f.parser === 'typescript');
if (!typedConfig) {
  console.log("\nconfigs['recommended-type-checked'] is missing: type-aware mode not measured");
} else if (tsFiles.length === 0) {
  console.log('\nno .ts file in the labelled corpus: type-aware mode not measured');
} else {
  // test/corpus/tsconfig.json and test/corpus/apps/tsconfig.json hold the files; the project service finds them.
  const typedOpts = { tsconfigRootDir: path.join(root, 'test', 'corpus') };
  const sets = {
    'parse only': SETS['parse only'],
    'parse with types': configFactory({}, tsParser, typedOpts),
    'recommended': SETS['llm-leak recommended'],
    'type-checked': configFactory(typedConfig, tsParser, typedOpts),
  };
  console.log(`\n## type-aware mode: the labelled corpus' ${tsFiles.length} .ts files, projectService`);
  // The first typed pass starts the project service and builds the programs (lib files, node_modules types).
  const cold = checkedPass(tsFiles, sets['parse with types'], linter);
  const m = measure(tsFiles, sets);
  const base = m['parse only'];
  const program = m['parse with types'] - base;
  const rulesUntyped = m.recommended - base;
  const rulesTyped = m['type-checked'] - m['parse with types'];
  console.log(`  program, first pass (starts the project service, builds the programs): ${fmt(cold)}, once per lint run`);
  console.log(`  parse only (no types)                  ${fmt(base)}   (median of ${RUNS})`);
  console.log(`  parse with types (projectService, no rules) ${fmt(m['parse with types'])}   program adds ${fmt(program)} = ${pct(program / base)} of parse`);
  console.log(`  rules, recommended without types: add ${fmt(rulesUntyped)} = ${pct(rulesUntyped / base)} of parse`);
  console.log(`  rules, recommended-type-checked with types: add ${fmt(rulesTyped)} over the typed parse = ${pct(rulesTyped / base)} of parse` +
    ` (${fmt(rulesTyped - rulesUntyped)} more than without types)`);
  console.log(`  whole type-aware run, warm: ${fmt(m['type-checked'])} vs ${fmt(m.recommended)} without types; cold adds ${fmt(cold)} once`);
  printPerRule('type-checked, .ts files', tsFiles, sets['type-checked']);
}

console.log(`\nbench: ${ok ? 'targets met' : 'a target was MISSED'} (node ${process.version}, ${os.cpus().length} cores)`);
