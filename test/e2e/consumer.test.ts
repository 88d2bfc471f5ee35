/**
 * The package as a user gets it: `npm pack` once, install the tarball into fresh projects and lint with `npx eslint`:
 * one project with ESLint 9 and one with ESLint 10 (a flat config that spreads `configs.recommended`, and in the
 * ESLint 9 one an `.eslintrc.json` run in eslintrc mode), and a JavaScript and a TypeScript project whose
 * eslint.config.js is each `js` snippet of README.md, read from README.md itself. Needs network access to the npm
 * registry (or a warm npm cache) only.
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

function run(
  command: string,
  args: string[],
  cwd: string,
  extraEnv: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 << 20,
  });
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
  { languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' } } },
  ...llmLeak.configs.recommended,
];
`;

/** The same leak in TypeScript: annotations that ESLint's own parser cannot read. */
const LEAKING_TS = LEAKING.replace("import express from 'express';", "import express, { type Request, type Response } from 'express';")
  .replace('async (req, res) =>', 'async (req: Request, res: Response): Promise<void> =>');

/** A credential in a test file: a fixture, not reported by configs.recommended. */
const FIXTURE_TEST = `const password: string = process.env.TEST_PASS || 'secret';\nexport default password;\n`;

/** The eslintrc-mode project (ESLint 9 only: ESLint 10 removed eslintrc). */
const ESLINTRC = JSON.stringify(
  { root: true, extends: ['plugin:llm-leak/legacy-recommended'], parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  null,
  2,
);

/** Each \`\`\`js block of README.md that is a whole eslint.config.js (it has `export default`). */
function readmeConfigs(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((code) => /^export default/m.test(code));
}

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

/** One consumer per supported ESLint major: the newest 9.39 and the ESLint 10 this project develops with. */
const MAJORS = [
  { major: 9, spec: 'eslint@~9.39.0', expected: /^9\.39\./ },
  { major: 10, spec: `eslint@${eslintVersion}`, expected: /^10\./ },
] as const;

/** The README projects: a fresh JavaScript one and a fresh TypeScript one (ESLint 10). */
const README_PROJECTS = [
  { name: 'readme-js', ext: 'js', packages: [] as string[] },
  { name: 'readme-ts', ext: 'ts', packages: ['typescript@~6.0.3', 'typescript-eslint'] },
] as const;

/** The packages a snippet imports (other than the plugin and ESLint), as npm names. */
const importsOf = (code: string): string[] =>
  [...code.matchAll(/from '([^'.][^']*)'/g)]
    .map((m) => m[1]!.split('/').slice(0, m[1]!.startsWith('@') ? 2 : 1).join('/'))
    .filter((name) => name !== 'eslint-plugin-llm-leak' && name !== 'eslint');

describe('the packed plugin in a consumer project', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-leak-consumer-'));
  const installed = new Map<number | string, { status: number | null; stderr: string }>();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const snippets = readmeConfigs();

  // One `npm pack` of the dist/ built by test/global-setup.ts, then every consumer
  // installs the same tarball at the same time.
  beforeAll(async () => {
    // dist/ was built once by test/global-setup.ts; rebuilding here would race the other end-to-end tests.
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], root);
    expect(pack.status, `npm pack failed:\n${pack.stdout.slice(-3000)}\n${pack.stderr.slice(-3000)}`).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball, pack.stdout).toBeDefined();
    const npmInstall = (cwd: string, specs: string[]) =>
      runAsync('npm', ['install', path.join(dir, tarball!), ...specs, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd);

    const majors = MAJORS.map(async ({ major, spec }) => {
      const consumer = path.join(dir, `eslint${major}`);
      mkdirSync(path.join(consumer, 'legacy'), { recursive: true });
      writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: `consumer-eslint${major}`, private: true, type: 'module' }, null, 2));
      writeFileSync(path.join(consumer, 'eslint.config.js'), CONFIG);
      writeFileSync(path.join(consumer, 'leaking.js'), LEAKING);
      writeFileSync(path.join(consumer, 'clean.js'), CLEAN);
      writeFileSync(path.join(consumer, 'legacy', '.eslintrc.json'), ESLINTRC);
      writeFileSync(path.join(consumer, 'legacy', 'leaking.js'), LEAKING);
      writeFileSync(path.join(consumer, 'legacy', 'leaking.ts'), LEAKING_TS);
      writeFileSync(path.join(consumer, 'legacy', 'auth.test.ts'), FIXTURE_TEST);
      installed.set(major, await npmInstall(consumer, [spec]));
    });
    const readme = README_PROJECTS.map(async ({ name, ext, packages }) => {
      const consumer = path.join(dir, name);
      mkdirSync(path.join(consumer, 'src'), { recursive: true });
      writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }, null, 2));
      writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', noEmit: true }, include: ['src'] }));
      writeFileSync(path.join(consumer, 'src', `leaking.${ext}`), ext === 'ts' ? LEAKING_TS : LEAKING);
      writeFileSync(path.join(consumer, 'src', `clean.${ext}`), CLEAN);
      writeFileSync(path.join(consumer, 'src', `auth.test.${ext}`), ext === 'ts' ? FIXTURE_TEST : FIXTURE_TEST.replace(': string', ''));
      const wanted = new Set<string>(packages);
      for (const code of snippets) for (const pkg of importsOf(code)) if (!pkg.startsWith('typescript') || ext === 'ts') wanted.add(pkg);
      installed.set(name, await npmInstall(consumer, [`eslint@${eslintVersion}`, ...wanted]));
    });
    await Promise.all([...majors, ...readme]);
  }, 300_000);

  it('finds the README snippets', () => {
    // The flat config, the type-checked one, one rule, settings.
    expect(snippets.length).toBeGreaterThanOrEqual(4);
  });

  it.each(README_PROJECTS)('lints a fresh $ext project with each eslint.config.js of the README', ({ name, ext }) => {
    const consumer = path.join(dir, name);
    const install = installed.get(name);
    expect(install?.status, `npm install failed:\n${install?.stderr.slice(-3000)}`).toBe(0);
    let checked = 0;
    for (const code of snippets) {
      // The type-checked snippet is for TypeScript projects.
      if (ext === 'js' && code.includes('typescript-eslint')) continue;
      checked += 1;
      writeFileSync(path.join(consumer, 'eslint.config.js'), code);
      const lint = run('npx', ['--no-install', 'eslint', '--format', 'json', '.'], consumer);
      expect(lint.status === 0 || lint.status === 1, `eslint failed with\n${code}\n${lint.stderr.slice(-3000)}`).toBe(true);
      const results = JSON.parse(lint.stdout) as LintResult[];
      const of = (file: string) => results.find((r) => path.basename(r.filePath) === file)?.messages ?? [];
      // No "Parsing error: Unexpected token :" or any other fatal message, in any file.
      expect(results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`)), code).toEqual([]);
      if (!/configs(\.recommended|\['recommended-type-checked'\])/.test(code)) continue;
      const ids = (file: string) => of(file).map((m) => m.ruleId).filter((id) => id?.startsWith('llm-leak/')).sort();
      expect(ids(`leaking.${ext}`), code).toEqual(['llm-leak/no-raw-llm-response', 'llm-leak/require-auth-for-llm-route']);
      expect(ids(`clean.${ext}`), code).toEqual([]);
      // A credential in a test file is a fixture.
      expect(ids(`auth.test.${ext}`), code).toEqual([]);
    }
    expect(checked).toBeGreaterThanOrEqual(ext === 'js' ? 3 : 4);
  });

  it('loads plugin:llm-leak/legacy-recommended in ESLint 9 eslintrc mode (.eslintrc.json) and reports with it', () => {
    const consumer = path.join(dir, 'eslint9');
    expect(installed.get(9)?.status).toBe(0);
    const lint = run('npx', ['--no-install', 'eslint', '--format', 'json', 'legacy/leaking.js', 'legacy/leaking.ts', 'legacy/auth.test.ts'], consumer, {
      ESLINT_USE_FLAT_CONFIG: 'false',
    });
    expect(lint.status, `eslint failed:\n${lint.stderr.slice(-3000)}`).toBe(1);
    // ESLint 9 warns that eslintrc is deprecated: proof that the flat eslint.config.js beside it was not used.
    expect(lint.stderr).toMatch(/eslintrc/i);
    const results = JSON.parse(lint.stdout) as LintResult[];
    const of = (name: string) => results.find((r) => path.basename(r.filePath) === name)?.messages ?? [];
    const expected = ['llm-leak/no-raw-llm-response', 'llm-leak/require-auth-for-llm-route'];
    expect(of('leaking.js').map((m) => m.ruleId).sort(), lint.stdout).toEqual(expected);
    // TypeScript through the legacy config's own parser override.
    expect(of('leaking.ts').map((m) => m.ruleId).sort(), lint.stdout).toEqual(expected);
    expect(of('auth.test.ts'), lint.stdout).toEqual([]);
  });

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
