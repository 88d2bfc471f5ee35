/**
 * The pre-commit hook from docs/integrations.md, for real: a temp git repo with husky 9 and lint-staged 16 running
 * `eslint --max-warnings=0` with the plugin refuses a commit of a leaking file and lets a clean one through.
 * Hermetic: the tools come from this project's node_modules (no install, no network), and git reads no global or
 * system config (HOME, GIT_CONFIG_GLOBAL and GIT_CONFIG_NOSYSTEM point away from the user's).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modules = path.join(root, 'node_modules');

const LEAKING = `import express from 'express';
import OpenAI from 'openai';

const app = express();
const openai = new OpenAI();

app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: req.body.prompt }],
  });
  res.json(completion);
});
`;

const CLEAN = `import express from 'express';
import passport from 'passport';
import OpenAI from 'openai';

const app = express();
const openai = new OpenAI();

app.post('/chat', passport.authenticate('jwt', { session: false }), async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: String(req.body.prompt) }],
  });
  res.json({ text: completion.choices[0]?.message?.content ?? '' });
});
`;

describe('a husky + lint-staged pre-commit hook with the plugin', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-leak-precommit-'));
  const home = path.join(dir, '.home');
  const repo = path.join(dir, 'repo');

  // No npm_* (the suite may run under `npm test`), no HUSKY=0 from the caller, no user or system git config.
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:npm_|HUSKY$|GIT_|LINT_STAGED)/i.test(k))),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    // lint-staged runs `eslint` from PATH, as it would from the consumer's node_modules/.bin.
    PATH: `${path.join(modules, '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    FORCE_COLOR: '0',
    CI: 'true',
  };

  function run(command: string, args: string[]) {
    const r = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout ?? ''}\n${r.stderr ?? ''}` };
  }
  const git = (...args: string[]) => run('git', args);
  const commits = () => Number(git('rev-list', '--count', '--all').output.trim() || '0');

  beforeAll(() => {
    // The hook's eslint.config.js loads the built plugin; a clean clone builds it in `npm ci`.
    if (!existsSync(path.join(root, 'dist/src/index.js'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    }
    mkdirSync(home, { recursive: true });
    mkdirSync(repo);
    expect(git('-c', 'init.defaultBranch=main', 'init', '-q').status).toBe(0);
    git('config', 'user.name', 'Test');
    git('config', 'user.email', 'test@example.com');
    git('config', 'commit.gpgsign', 'false');

    writeFileSync(
      path.join(repo, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module', 'lint-staged': { '*.{js,ts}': 'eslint --max-warnings=0' } }, null, 2),
    );
    const plugin = pathToFileURL(path.join(root, 'dist/src/index.js')).href;
    writeFileSync(
      path.join(repo, 'eslint.config.js'),
      `import llmLeak from ${JSON.stringify(plugin)};\n\nexport default [\n  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly' } } },\n  ...llmLeak.configs.recommended,\n];\n`,
    );

    // husky's own `init`: sets core.hooksPath to .husky/_, writes the hook shims and a .husky/pre-commit.
    const init = run(process.execPath, [path.join(modules, 'husky/bin.js'), 'init']);
    expect(init.status, init.output).toBe(0);
    expect(git('config', 'core.hooksPath').output.trim()).toBe('.husky/_');
    // The docs' hook is `npx lint-staged`; here the project's own copy stands in, so that nothing is downloaded.
    writeFileSync(
      path.join(repo, '.husky/pre-commit'),
      `node ${JSON.stringify(path.join(modules, 'lint-staged/bin/lint-staged.js'))}\n`,
    );
    expect(git('add', 'package.json', 'eslint.config.js', '.husky/pre-commit').status).toBe(0);
    const setup = git('commit', '-q', '--no-verify', '-m', 'setup');
    expect(setup.status, setup.output).toBe(0);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to commit a leaking file', () => {
    writeFileSync(path.join(repo, 'leaking.js'), LEAKING);
    git('add', 'leaking.js');
    const before = commits();
    const commit = git('commit', '-m', 'leak');
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toContain('llm-leak/no-raw-llm-response');
    expect(commit.output).toContain('husky - pre-commit script failed');
    expect(commits()).toBe(before);
    // lint-staged restores the staged change after a failed run: the file is still staged for the user to fix.
    expect(git('diff', '--cached', '--name-only').output.trim()).toBe('leaking.js');
    expect(readFileSync(path.join(repo, 'leaking.js'), 'utf8')).toBe(LEAKING);
  });

  it('commits a clean file', () => {
    git('rm', '-q', '--cached', 'leaking.js');
    rmSync(path.join(repo, 'leaking.js'));
    writeFileSync(path.join(repo, 'clean.js'), CLEAN);
    git('add', 'clean.js');
    const before = commits();
    const commit = git('commit', '-m', 'clean');
    expect(commit.status, commit.output).toBe(0);
    expect(commits()).toBe(before + 1);
    expect(git('show', '--name-only', '--format=', 'HEAD').output.trim()).toBe('clean.js');
  });
});
