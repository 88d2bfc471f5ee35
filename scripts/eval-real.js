#!/usr/bin/env node
// `npm run eval:real -- <snapshots folder> [--strict] [--json] [--corpus <file>]`: precision and recall of every rule
// on real-world apps nobody here wrote. The folder holds one checkout per repository of test/real-world/corpus.json,
// named `<owner>+<name>`, at the pinned commit; this script downloads nothing (see docs/accuracy.md for how to
// make the folder). Each app is linted as a user would: the `llm-leak` CLI of this package, run from the app's
// folder, with the recommended config (configs.strict under --strict).
// Exit code: 0 when it measured something, 1 when nothing could be measured, 2 on a usage error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkCorpus, formatReport, readFindings, scoreApp, snapshotDir, summarise } from './lib/real-world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'llm-leak.js');
const entry = path.join(root, 'dist', 'src', 'index.js');

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const corpusAt = argv.indexOf('--corpus');
const corpusFile = path.resolve(corpusAt >= 0 ? argv[corpusAt + 1] ?? '' : path.join(root, 'test', 'real-world', 'corpus.json'));
const positionals = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--corpus');
const strict = flags.has('--strict');
const json = flags.has('--json');

const usage = 'usage: npm run eval:real -- <snapshots folder> [--strict] [--json] [--corpus <file>]';
const unknown = [...flags].filter((f) => !['--strict', '--json', '--corpus'].includes(f));
if (unknown.length > 0 || positionals.length !== 1) {
  console.error(unknown.length > 0 ? `eval:real: unknown option ${unknown[0]}\n${usage}` : usage);
  process.exit(2);
}
const snapshots = path.resolve(positionals[0]);
if (!existsSync(snapshots) || !statSync(snapshots).isDirectory()) {
  console.error(`eval:real: no such folder ${snapshots}\n${usage}`);
  process.exit(2);
}
if (!existsSync(entry)) {
  console.error('eval:real: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const plugin = (await import(pathToFileURL(entry).href)).default;
const ruleIds = Object.keys(plugin.rules).sort();
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));
const shape = checkCorpus(corpus, ruleIds);
if (shape.length > 0) {
  console.error(`eval:real: ${path.relative(process.cwd(), corpusFile)} is malformed:\n  ${shape.join('\n  ')}`);
  process.exit(1);
}

/** The checkout's commit, or undefined when the folder is not a git checkout. */
function headOf(dir) {
  if (!existsSync(path.join(dir, '.git'))) return undefined;
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const missing = [];
const scores = [];
for (const app of corpus) {
  const dir = snapshotDir(snapshots, app.repo);
  const appDir = path.join(dir, app.folder);
  if (!existsSync(appDir)) {
    missing.push({ repo: app.repo, commit: app.commit, reason: existsSync(dir) ? `no folder ${app.folder}` : 'not in the folder' });
    continue;
  }
  const head = headOf(dir);
  if (head !== undefined && head !== app.commit) {
    missing.push({ repo: app.repo, commit: app.commit, reason: `checked out at ${head.slice(0, 12)}, not the pinned commit` });
    continue;
  }
  const run = spawnSync(process.execPath, [bin, '--format', 'json', '--no-config', ...(strict ? ['--strict'] : []), '.'], {
    cwd: appDir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) {
    missing.push({ repo: app.repo, commit: app.commit, reason: `llm-leak exited ${run.status}: ${(run.stderr || '').trim().split('\n')[0]}` });
    continue;
  }
  const results = JSON.parse(run.stdout);
  // The CLI reports real paths (its cwd is resolved), so relate them to the app folder's real path too.
  const { findings, problems } = readFindings(results, realpathSync(appDir));
  scores.push({ ...scoreApp(app, findings, { strict }), files: results.length, problems });
}

const summary = summarise(scores, ruleIds, { strict });
if (json) {
  console.log(JSON.stringify({ config: strict ? 'strict' : 'recommended', ...summary, apps: scores, missing }, null, 2));
} else {
  console.log(`${scores.length} of ${corpus.length} apps, configs.${strict ? 'strict' : 'recommended'}\n`);
  console.log(formatReport(summary, scores, { details: true }));
  if (missing.length > 0) {
    console.log(`\nnot measured (${missing.length}): fetch them as docs/accuracy.md shows`);
    for (const m of missing) console.log(`  ${m.repo} @ ${m.commit.slice(0, 12)}: ${m.reason}`);
  }
}
process.exit(scores.length > 0 ? 0 : 1);
