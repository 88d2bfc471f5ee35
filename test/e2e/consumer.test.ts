/**
 * The package as a user gets it: `npm pack` once, install the tarball into two fresh projects, one with ESLint 9 and
 * one with ESLint 10, and lint in each with `npx eslint` and a flat config that spreads `configs.recommended`.
 * Needs network access to the npm registry (or a warm npm cache) only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslintVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/eslint/package.json'), 'utf8')) as { version: string }).version;

// Settings that npm passes to scripts it runs (this test may run under `npm test`) must not steer the nested npm.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^npm_(?:lifecycle_|package_|config_(?:local_prefix|call|prefix|global_prefix)$)/i.test(k),
  ),
);

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** `run` without blocking, so that the two consumers install in parallel. */
function runAsync(command: string, args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, shell: process.platform === 'win32', stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-20_000)));
    child.on('error', (e) => resolve({ status: null, stderr: `${stderr}\n${String(e)}` }));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const LEAKING = `import express from 'express';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: req.body.prompt }],
  });
  res.json(completion);
});

app.listen(3000);
`;

const CLEAN = `import express from 'express';
import passport from 'passport';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/chat', passport.authenticate('jwt', { session: false }), async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: String(req.body.prompt) }],
  });
  res.json({ text: completion.choices[0]?.message?.content ?? '' });
});

app.listen(3000);
`;

const CONFIG = `import llmLeak from 'eslint-plugin-llm-leak';

export default [
  {
    files: ['**/*.js'],
    ...llmLeak.configs.recommended,
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' } },
  },
];
`;

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

/** One consumer per supported ESLint major: the newest 9.39 and the ESLint 10 this project develops with. */
const MAJORS = [
  { major: 9, spec: 'eslint@~9.39.0', expected: /^9\.39\./ },
  { major: 10, spec: `eslint@${eslintVersion}`, expected: /^10\./ },
] as const;

describe('the packed plugin in a consumer project', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-leak-consumer-'));
  const installed = new Map<number, { status: number | null; stderr: string }>();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One `npm pack` of the dist/ built by test/global-setup.ts, then both consumers
  // install the same tarball at the same time.
  beforeAll(async () => {
    // dist/ was built once by test/global-setup.ts; rebuilding here would race the other end-to-end tests.
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], root);
    expect(pack.status, `npm pack failed:\n${pack.stdout.slice(-3000)}\n${pack.stderr.slice(-3000)}`).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball, pack.stdout).toBeDefined();

    await Promise.all(
      MAJORS.map(async ({ major, spec }) => {
        const consumer = path.join(dir, `eslint${major}`);
        mkdirSync(consumer);
        writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: `consumer-eslint${major}`, private: true, type: 'module' }, null, 2));
        writeFileSync(path.join(consumer, 'eslint.config.js'), CONFIG);
        writeFileSync(path.join(consumer, 'leaking.js'), LEAKING);
        writeFileSync(path.join(consumer, 'clean.js'), CLEAN);
        const install = await runAsync(
          'npm',
          ['install', path.join(dir, tarball!), spec, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
          consumer,
        );
        installed.set(major, install);
      }),
    );
  }, 240_000);

  it.each(MAJORS)('works with ESLint $major: reports the leaking file and not the clean one', ({ major, expected }) => {
    const consumer = path.join(dir, `eslint${major}`);
    const install = installed.get(major);
    expect(install?.status, `npm install failed:\n${install?.stderr.slice(-3000)}`).toBe(0);

    const version = run('npx', ['--no-install', 'eslint', '--version'], consumer);
    expect(version.stdout.trim().replace(/^v/, '')).toMatch(expected);

    // eslint exits 1 when it reports problems; the JSON on stdout is what counts.
    const lint = run('npx', ['--no-install', 'eslint', '--format', 'json', 'leaking.js', 'clean.js'], consumer);
    expect(lint.status === 0 || lint.status === 1, `eslint failed:\n${lint.stderr.slice(-3000)}`).toBe(true);
    const results = JSON.parse(lint.stdout) as LintResult[];
    const of = (name: string) => results.find((r) => path.basename(r.filePath) === name)?.messages ?? [];

    expect(of('leaking.js').filter((m) => m.fatal)).toEqual([]);
    expect(of('clean.js').filter((m) => m.fatal)).toEqual([]);
    expect(
      of('leaking.js')
        .map((m) => m.ruleId)
        .sort(),
      lint.stdout,
    ).toEqual(['llm-leak/no-raw-llm-response', 'llm-leak/require-auth-for-llm-route']);
    expect(of('clean.js')).toEqual([]);
  });

  // The bin as users get it from the tarball: no eslint config needed (it ignores the consumer's own).
  it.each(MAJORS)('runs the installed llm-leak command with ESLint $major', ({ major }) => {
    const consumer = path.join(dir, `eslint${major}`);
    expect(installed.get(major)?.status).toBe(0);
    const cli = run('npx', ['--no-install', 'llm-leak', '--format', 'json', 'leaking.js', 'clean.js'], consumer);
    expect(cli.status, `llm-leak failed:\n${cli.stderr.slice(-3000)}`).toBe(1);
    const results = JSON.parse(cli.stdout) as LintResult[];
    const of = (name: string) => results.find((r) => path.basename(r.filePath) === name)?.messages ?? [];
    expect(of('leaking.js').map((m) => m.ruleId).sort()).toEqual(['llm-leak/no-raw-llm-response', 'llm-leak/require-auth-for-llm-route']);
    expect(of('clean.js')).toEqual([]);
  });

  // After `npm pack` built dist/: the README rules table and the docs headers must match the rules' metadata.
  it('keeps the README rules table and the docs headers in sync (eslint-doc-generator --check)', { timeout: 60_000 }, () => {
    const check = run('npx', ['--no-install', 'eslint-doc-generator', '--check'], root);
    expect(check.status, `docs are out of date; run npm run docs:\n${check.stdout.slice(-3000)}\n${check.stderr.slice(-3000)}`).toBe(0);
  });
});
