#!/usr/bin/env node
// `npm run demo`: runs the `llm-leak` command (bin/llm-leak.js, the built CLI) on the three bundled example apps
// and prints what it finds, grouped by route, then a summary table across the runs.
// Exits 0 whatever the findings (it is a demo); exits 1 when the CLI cannot be built or run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'llm-leak.js');

/** The example folders, in the order of the story, and the CLI flags each is linted with. */
const EXAMPLES = [
  { dir: 'vulnerable', flags: [], config: 'recommended', story: 'Express + OpenAI as first written' },
  { dir: 'naive-fix', flags: [], config: 'recommended', story: 'the first fix: hand-written Basic Auth, text only, no debug route' },
  { dir: 'hardened', flags: [], config: 'recommended', story: 'every leak fixed' },
  { dir: 'hardened', flags: ['--strict'], config: 'strict', story: 'the same, with the strict-only rules too' },
];

function fail(message, detail) {
  console.error(`demo: ${message}`);
  if (detail) console.error(detail);
  process.exit(1);
}

function ensureBuilt() {
  if (existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) return;
  console.log('dist/ is missing; running `npm run build` first.\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) fail('`npm run build` failed.');
}

/** Runs `llm-leak` in a folder; returns its output, or stops the demo when the CLI itself fails (exit 2). */
function llmLeak(cwd, flags) {
  const r = spawnSync(process.execPath, [bin, ...flags], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) fail(`llm-leak ${flags.join(' ')} failed in ${path.relative(root, cwd)}.`, r.stderr || r.error);
  return r.stdout;
}

/** Findings per rule, read from the "Summary by rule" block the CLI prints at the end. */
function summaryCounts(output) {
  const counts = new Map();
  const start = output.indexOf('\nSummary by rule\n');
  if (start < 0) return counts;
  for (const line of output.slice(start).split('\n').slice(2)) {
    const m = /^ {2}(\S+)\s+(\d+)$/.exec(line);
    if (!m) break;
    counts.set(m[1], Number(m[2]));
  }
  return counts;
}

const pad = (text, width) => String(text).padEnd(width);

function main() {
  ensureBuilt();
  const version = llmLeak(root, ['--version']).trim();
  console.log(`llm-leak ${version}: the \`llm-leak\` command on the example apps in examples/\n`);

  const columns = [];
  for (const example of EXAMPLES) {
    const cwd = path.join(root, 'examples', example.dir);
    const command = ['llm-leak', ...example.flags].join(' ');
    console.log(`== examples/${example.dir} — \`${command}\` (configs.${example.config}): ${example.story}`);
    const output = llmLeak(cwd, example.flags);
    console.log(output.replace(/^(?=.)/gm, '  '));
    const counts = summaryCounts(output);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total === 0 && !/no findings/.test(output)) fail(`could not read the findings of \`${command}\` in examples/${example.dir}.`, output);
    columns.push({ label: `${example.dir} (${example.config})`, counts, total });
  }

  // Summary: one row per rule that reported anywhere, one column per run.
  const ruleIds = [...new Set(columns.flatMap((c) => [...c.counts.keys()]))].sort();
  const first = Math.max(...ruleIds.map((id) => id.length), 'rule'.length) + 2;
  const widths = columns.map((c) => Math.max(c.label.length, 5) + 2);
  const row = (name, cells) => (pad(name, first) + cells.map((cell, i) => pad(cell, widths[i])).join('')).trimEnd();
  console.log('Summary (findings per rule)');
  console.log(row('rule', columns.map((c) => c.label)));
  console.log(row('-'.repeat(first - 2), widths.map((w) => '-'.repeat(w - 2))));
  for (const id of ruleIds) console.log(row(id, columns.map((c) => String(c.counts.get(id) ?? 0))));
  console.log(row('total', columns.map((c) => String(c.total))));
  console.log(
    '\nvulnerable and naive-fix are linted with `llm-leak` (configs.recommended): naive-fix\'s findings are what the' +
      '\nfirst fix still leaks. The hardened app is clean under `llm-leak` and `llm-leak --strict`.' +
      '\nTry it on your own server: `npx llm-leak` in its folder (`--format sarif` for code scanning).',
  );
}

main();
