/**
 * `npm run eval:real` (scripts/eval-real.js): the matching and scoring on a synthetic fixture written for this
 * project (test/fixtures/real-world/), and one end-to-end run of the script on it with the built CLI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
// @ts-expect-error plain ESM script without types
import { checkCorpus, readFindings, scoreApp, summarise } from '../scripts/lib/real-world.js';

interface Finding { file: string; line: number; rule: string }
interface AppScore { repo: string; expected: number; tp: Finding[]; fp: (Finding & { labelledSafe: boolean })[]; fn: Finding[]; ignored: Finding[] }
interface RuleScore { rule: string; expected: number; tp: number; fp: number; fn: number; precision: number | null; recall: number | null }

const root = path.join(import.meta.dirname, '..');
const fixture = path.join(import.meta.dirname, 'fixtures', 'real-world');
const ruleIds = Object.keys(plugin.rules).sort();
const app = {
  repo: 'acme/tiny-chat',
  commit: '0'.repeat(40),
  folder: 'server',
  framework: 'express',
  labels: [
    { file: 'app.js', line: 9, rule: 'require-auth-for-llm-route', kind: 'leak', why: 'x' },
    { file: 'app.js', line: 13, rule: 'no-untrusted-system-prompt', kind: 'leak', why: 'x' },
    { file: 'app.js', line: 15, rule: 'no-sensitive-logging', kind: 'ignore', why: 'x' },
    { file: 'app.js', line: 25, rule: 'no-raw-llm-response', kind: 'safe', why: 'x' },
    { file: 'app.js', line: 30, rule: 'require-output-limit', kind: 'leak', why: 'x' },
  ],
};

describe('real-world scoring', () => {
  it('counts a same file, line and rule finding as TP, an unlabelled or safe-labelled one as FP, a missed leak as FN', () => {
    const findings: Finding[] = [
      { file: 'app.js', line: 9, rule: 'require-auth-for-llm-route' },
      { file: 'app.js', line: 10, rule: 'require-auth-for-llm-route' }, // right rule, wrong line
      { file: 'other.js', line: 9, rule: 'require-auth-for-llm-route' }, // right line, wrong file
      { file: 'app.js', line: 15, rule: 'no-sensitive-logging' }, // ignored
      { file: 'app.js', line: 25, rule: 'no-raw-llm-response' }, // labelled safe
    ];
    const s = scoreApp(app, findings) as AppScore;
    expect(s.tp.map((f) => f.line)).toEqual([9]);
    expect(s.fp.map((f) => `${f.file}:${f.line}`)).toEqual(['app.js:10', 'other.js:9', 'app.js:25']);
    expect(s.fp.find((f) => f.line === 25)?.labelledSafe).toBe(true);
    expect(s.fn.map((f) => f.rule)).toEqual(['no-untrusted-system-prompt']);
    expect(s.ignored).toHaveLength(1);
    expect(s.expected).toBe(2);
  });

  it('scores require-output-limit only under --strict', () => {
    const findings = [{ file: 'app.js', line: 31, rule: 'require-output-limit' }];
    const loose = scoreApp(app, findings) as AppScore;
    expect(loose.fn.some((f) => f.rule === 'require-output-limit')).toBe(false);
    expect(loose.fp).toHaveLength(0);
    const strict = scoreApp(app, findings, { strict: true }) as AppScore;
    expect(strict.fn.map((f) => f.line)).toEqual([9, 13, 30]);
    expect(strict.fp.map((f) => f.line)).toEqual([31]);
    const rules = (summarise([strict], ruleIds, { strict: true }) as { rules: RuleScore[] }).rules;
    expect(rules.find((r) => r.rule === 'require-output-limit')).toMatchObject({ expected: 1, tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
    expect((summarise([loose], ruleIds) as { rules: RuleScore[] }).rules.map((r) => r.rule)).not.toContain('require-output-limit');
  });

  it('reads ESLint JSON once per file, line and rule, keeps parse errors apart and ignores other plugins', () => {
    const dir = path.join(fixture, 'app');
    const results = [
      {
        filePath: path.join(dir, 'src', 'a.js'),
        messages: [
          { ruleId: 'llm-leak/no-raw-llm-response', line: 4 },
          { ruleId: 'llm-leak/no-raw-llm-response', line: 4 },
          { ruleId: 'no-unused-vars', line: 5 },
          { ruleId: null, line: 1, message: 'Parsing error' },
        ],
      },
    ];
    const { findings, problems } = readFindings(results, dir);
    expect(findings).toEqual([{ file: 'src/a.js', line: 4, rule: 'no-raw-llm-response' }]);
    expect(problems).toEqual([{ file: 'src/a.js', line: 1, message: 'Parsing error' }]);
  });

  it('rejects a malformed corpus entry', () => {
    const bad = [{ ...app, commit: 'abc', folder: '../x', labels: [{ file: 'a.js', line: 0, rule: 'nope', kind: 'maybe', why: '' }] }];
    const problems = checkCorpus(bad, ruleIds) as string[];
    expect(problems.join('\n')).toMatch(/commit/);
    expect(problems.join('\n')).toMatch(/folder/);
    expect(problems.join('\n')).toMatch(/unknown rule 'nope'/);
    expect(problems.join('\n')).toMatch(/kind/);
    expect(problems.join('\n')).toMatch(/why/);
    expect(checkCorpus([app], ruleIds)).toEqual([]);
  });

  it('the committed corpus is well formed, with at least 15 apps', async () => {
    const { readFileSync } = await import('node:fs');
    const corpus = JSON.parse(readFileSync(path.join(root, 'test', 'real-world', 'corpus.json'), 'utf8')) as unknown[];
    expect(checkCorpus(corpus, ruleIds)).toEqual([]);
    expect(corpus.length).toBeGreaterThanOrEqual(15);
  });
});

describe('npm run eval:real on the fixture', () => {
  it('lints the app with the CLI from its folder, scores it, and names the snapshot that is missing', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'scripts', 'eval-real.js'), path.join(fixture, 'snapshots'), '--json', '--corpus', path.join(fixture, 'corpus.json')],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rules: RuleScore[]; total: RuleScore; apps: AppScore[]; missing: { repo: string }[] };
    expect(out.missing.map((m) => m.repo)).toEqual(['acme/gone']);
    const [tiny] = out.apps;
    expect(tiny.tp.map((f) => `${f.line} ${f.rule}`).sort()).toEqual(['16 no-raw-llm-response', '9 require-auth-for-llm-route']);
    expect(tiny.fp.map((f) => `${f.line} ${f.rule}`)).toEqual(['19 require-auth-for-llm-route']);
    expect(tiny.fn.map((f) => `${f.line} ${f.rule}`)).toEqual(['13 no-untrusted-system-prompt']);
    expect(tiny.ignored.map((f) => f.line)).toEqual([15]);
    expect(out.rules.find((x) => x.rule === 'require-auth-for-llm-route')).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(out.total).toMatchObject({ expected: 3, tp: 2, fp: 1, fn: 1 });
  });
});
