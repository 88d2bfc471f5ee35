/**
 * The `llm-leak` command as users run it: `node bin/llm-leak.js` (the built CLI) on the example apps, checking exit
 * codes, the grouped human output, JSON, SARIF, --max-warnings, --concurrency, --cache and command-line mistakes.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateDepth } from '../../src/cli/files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'llm-leak.js');
const vulnerable = path.join(root, 'examples', 'vulnerable');
const hardened = path.join(root, 'examples', 'hardened');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const tmp = mkdtempSync(path.join(tmpdir(), 'llm-leak-cli-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, NO_COLOR: '1' };
    execFile(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 32 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** True when some file under src/cli is newer than its build (or the build is missing). */
function cliBuildStale(): boolean {
  const built = path.join(root, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(path.join(root, 'src', 'cli')).some((f) => statSync(path.join(root, 'src', 'cli', f)).mtimeMs > builtAt);
}

beforeAll(() => {
  // A clean clone has dist/ from `npm ci` (prepare); build when the CLI is missing or older than its sources.
  if (cliBuildStale()) {
    spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  expect(existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The lines of the stylish output from a heading (a line starting with two spaces and the label) to the next one. */
function section(stdout: string, heading: string): string {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${heading}`));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('llm-leak, stylish', () => {
  it('finds the vulnerable app leaking, groups findings by route, ends with a summary by rule and exits 1', async () => {
    const r = await cli([], vulnerable);
    expect(r.code).toBe(1);
    // stderr is not a TTY here: no progress bar, nothing else either.
    expect(r.stderr).toBe('');
    const chat = section(r.stdout, 'POST /chat');
    expect(chat).toContain('llm-leak/require-auth-for-llm-route');
    expect(chat).toContain('llm-leak/no-raw-llm-response');
    expect(section(r.stdout, 'GET /debug')).toContain('llm-leak/no-llm-debug-route');
    expect(section(r.stdout, 'module code')).toContain('llm-leak/no-hardcoded-credentials');
    expect(r.stdout).toMatch(/^webhook\.js$/m);
    const summary = r.stdout.slice(r.stdout.indexOf('Summary by rule'));
    expect(summary).toMatch(/llm-leak\/no-raw-llm-response\s+2/);
    expect(summary).toMatch(/✖ \d+ findings/);
  });

  it('finds nothing in the hardened app, even with --strict, and exits 0', async () => {
    const r = await cli(['--strict'], hardened);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    // The example's eslint.config.js registers the plugin; --strict adds the strict rules to it.
    expect(r.stdout).toMatch(/no findings: \d+ files checked with eslint\.config\.js \+ configs\.strict/);
  });

});

/** One JSON run of the vulnerable app, shared by the tests that compare with it. */
let plainJson: Promise<Run> | undefined;
const vulnerableJson = (): Promise<Run> => (plainJson ??= cli(['--format', 'json'], vulnerable));

describe('llm-leak, json and sarif', () => {
  it('writes ESLint-style JSON results with each finding’s route', async () => {
    const r = await vulnerableJson();
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as {
      filePath: string;
      errorCount: number;
      messages: { ruleId: string; line: number; route: { method: string; path: string } | null }[];
    }[];
    const server = results.find((x) => x.filePath === path.join(vulnerable, 'server.js'));
    expect(server?.errorCount).toBe(server?.messages.length);
    const auth = server?.messages.find((m) => m.ruleId === 'llm-leak/require-auth-for-llm-route');
    expect(auth?.route).toMatchObject({ method: 'POST', path: '/chat' });
    // The CLI's internal route map never shows.
    expect(results.flatMap((x) => x.messages).every((m) => m.ruleId.startsWith('llm-leak/'))).toBe(true);
  });

  it('writes SARIF 2.1.0 that code scanning takes, to --output-file', async () => {
    const out = path.join(tmp, 'reports', 'llm-leak.sarif');
    const r = await cli(['--format', 'sarif', '--output-file', out], vulnerable);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'eslint-plugin-llm-leak', version, informationUri: expect.stringMatching(/^https:\/\//) });
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^llm-leak\//);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*/${rule.id.slice('llm-leak/'.length)}\\.md$`));
      expect(rule.defaultConfiguration.level).toBe('error');
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    // The example's own eslint.config.js, which registers the plugin.
    expect(run.invocations[0].properties).toEqual({ config: 'eslint.config.js' });
    expect(run.results.length).toBeGreaterThan(5);
    for (const result of run.results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.message.text.length).toBeGreaterThan(10);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      // Relative to the repository root, forward slashes.
      expect(artifactLocation.uri).toMatch(/^examples\/vulnerable\/(server|webhook)\.js$/);
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        expect(Number.isInteger(region[key]) && region[key] >= 1).toBe(true);
      }
      expect(region.endLine >= region.startLine).toBe(true);
    }
  });
});

describe('llm-leak, options', () => {
  it('--max-warnings reports findings as warnings and fails only above the limit', async () => {
    const under = await cli(['--max-warnings', '1000'], vulnerable);
    expect(under.code).toBe(0);
    expect(under.stdout).toMatch(/\d+ warnings\)/);
    const over = await cli(['--max-warnings', '0'], vulnerable);
    expect(over.code).toBe(1);
  });

  it('--concurrency (worker threads) and --cache give the same findings as a plain run', async () => {
    const count = (r: Run) => (JSON.parse(r.stdout) as { messages: unknown[] }[]).reduce((n, x) => n + x.messages.length, 0);
    const plain = count(await vulnerableJson());
    expect(plain).toBeGreaterThan(5);
    const cacheFile = path.join(tmp, 'cache.json');
    const cold = await cli(['--format', 'json', '--concurrency', '2', '--cache', '--cache-location', cacheFile], vulnerable);
    expect(cold.code).toBe(1);
    expect(existsSync(cacheFile)).toBe(true);
    const warm = await cli(['--format', 'json', '--cache', '--cache-location', cacheFile], vulnerable);
    expect(warm.code).toBe(1);
    expect([count(cold), count(warm)]).toEqual([plain, plain]);
  });

  it('--cache after a change in another module gives the findings a fresh run gives', async () => {
    const app = mkdtempSync(path.join(tmp, 'cache-app-'));
    const write = (rel: string, text: string): void => {
      mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
      writeFileSync(path.join(app, rel), text);
    };
    write('package.json', '{ "type": "module" }\n');
    write('lib/openai.js', `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`);
    write(
      'routes/chat.js',
      `import express from 'express';\nimport { openai } from '../lib/openai.js';\nconst router = express.Router();\nrouter.post('/chat', async (req, res) => {\n  const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] });\n  res.json({ text: c.choices[0].message.content });\n});\nexport default router;\n`,
    );
    const open = `import express from 'express';\nimport chat from './routes/chat.js';\nconst app = express();\napp.use('/api', chat);\napp.listen(3000);\n`;
    write('app.js', open);
    const cacheFile = path.join(app, '.cache');
    const findings = async (args: string[]): Promise<string[]> => {
      const r = await cli(['--format', 'json', '--no-config', ...args, '.'], app);
      return (JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap((f) =>
        f.messages.map((m) => `${path.relative(app, f.filePath)}:${m.line} ${m.ruleId}`),
      );
    };
    const cached = () => findings(['--cache', '--cache-location', cacheFile]);
    const auth = ['routes/chat.js:4 llm-leak/require-auth-for-llm-route'];
    expect(await cached()).toEqual(auth);
    expect(await cached()).toEqual(auth);
    // Auth in front of the mount, written only in app.js: routes/chat.js is unchanged.
    write('app.js', open.replace("app.use('/api', chat);", "app.use('/api', passport.authenticate('jwt', { session: false }), chat);").replace("import chat", "import passport from 'passport';\nimport chat"));
    expect(await findings([])).toEqual([]);
    expect(await cached()).toEqual([]);
    // The auth removed again, and the client moved out of lib/openai.js: only other modules changed each time.
    write('app.js', open);
    expect(await cached()).toEqual(auth);
    write('lib/openai.js', `export const openai = { chat: { completions: { create: async (o) => o } } };\n`);
    expect(await findings([])).toEqual([]);
    expect(await cached()).toEqual([]);
  });

  it('--help and --version exit 0', async () => {
    const help = await cli(['--help'], vulnerable);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: llm-leak');
    const v = await cli(['--version'], vulnerable);
    expect(v).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('an unknown flag, a bad value or a missing path is one line on stderr and exit 2', async () => {
    for (const args of [['--bogus'], ['--format', 'xml'], ['--max-warnings', 'many'], ['no-such-folder']]) {
      const r = await cli(args, vulnerable);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^llm-leak: /);
    }
  });

  it('says what is wrong with an empty output file, a negative number, an unwritable cache and a path outside the folder', async () => {
    const cases: [string[], RegExp][] = [
      [['-o', ''], /--output-file expects a file path/],
      [['--max-warnings', '-1'], /--max-warnings expects an integer of at least 0, got '-1'/],
      [['--concurrency', '-3'], /--concurrency expects an integer of at least 1, got '-3'/],
      [['--cache', '--cache-location', path.join(vulnerable, 'package.json', 'cache')], /cannot write the cache file/],
      [[path.join(hardened, 'server.js')], /is outside the current folder/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, vulnerable);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('caps --concurrency at the number of files and cores, with the same findings', async () => {
    const count = (r: Run) => (JSON.parse(r.stdout) as { messages: unknown[] }[]).reduce((n, x) => n + x.messages.length, 0);
    const many = await cli(['--format', 'json', '--concurrency', '999'], vulnerable);
    expect(many.code).toBe(1);
    expect(count(many)).toBe(count(await vulnerableJson()));
  });

  it('stops quietly when the reader closes the output early', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    // More output than a pipe holds, so the writer meets the closed end.
    const dir = path.join(tmp, 'many');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
    const server = readFileSync(path.join(vulnerable, 'server.js'), 'utf8');
    for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, `s${i}.js`), server);
    const child = spawn(process.execPath, [bin, '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end, as `| head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(1);
  });

  it('checks a file that still has a /* eslint-env */ comment, and does not call it unchecked', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = path.join(tmp, 'eslint-env');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
    writeFileSync(path.join(dir, 'server.js'), `/* eslint-env node */\n${readFileSync(path.join(vulnerable, 'server.js'), 'utf8')}`);
    const r = await cli([], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 file checked/);
    expect(r.stdout).not.toMatch(/could not be checked/);
    // Its findings count as without the comment, and no report carries ESLint's fatal message about it.
    const plain = path.join(tmp, 'eslint-env-plain');
    mkdirSync(plain, { recursive: true });
    writeFileSync(path.join(plain, 'package.json'), '{ "type": "module" }');
    writeFileSync(path.join(plain, 'server.js'), `\n${readFileSync(path.join(vulnerable, 'server.js'), 'utf8')}`);
    const json = JSON.parse((await cli(['--format', 'json'], dir)).stdout) as { errorCount: number; warningCount: number; fatalErrorCount: number; messages: { ruleId: string | null; line: number; fatal?: boolean }[] }[];
    const want = JSON.parse((await cli(['--format', 'json'], plain)).stdout) as typeof json;
    expect(json[0]!.messages.filter((m) => m.ruleId === null || m.fatal)).toEqual([]);
    expect(json[0]!.fatalErrorCount).toBe(0);
    expect(json[0]!.errorCount).toBeGreaterThan(0);
    expect(json[0]!.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(want[0]!.messages.map((m) => `${m.ruleId}:${m.line}`));
    const sarif = JSON.parse((await cli(['--format', 'sarif'], dir)).stdout) as { runs: { invocations?: { toolExecutionNotifications?: unknown[] }[]; results: unknown[] }[] };
    expect(sarif.runs[0]!.invocations?.[0]?.toolExecutionNotifications ?? []).toEqual([]);
    expect(sarif.runs[0]!.results.length).toBe(want[0]!.errorCount + want[0]!.warningCount);
  });
});

describe('llm-leak, template literals nested past what the parser survives', () => {
  it('counts template nesting in one pass, past strings, comments and escapes', () => {
    expect(templateDepth('const a = `x${`y${`z`}`}`;')).toBe(3);
    expect(templateDepth('const a = "`" + \'`\' + `\\`` /* ` */; // `\nconst b = { c: `${{ d: 1 }.d}` };')).toBe(1);
    expect(templateDepth('`a` + `b` + `${`c`}`')).toBe(2);
    let t = 'q';
    for (let i = 0; i < 1000; i++) t = `\`${i}\${${t}}\``;
    expect(templateDepth(t)).toBe(1000);
  });

  it('reports a file of 1,000 nested templates as not checked and keeps every other finding (the parser aborted the run)', async () => {
    const dir = path.join(tmp, 'nested-templates');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
    let t = 'req.body.q';
    for (let i = 0; i < 1000; i++) t = `\`${i}:\${${t}}\``;
    writeFileSync(path.join(dir, 'deep.js'), `export const prompt = (req) => ${t};\n`);
    writeFileSync(path.join(dir, 'server.js'), readFileSync(path.join(vulnerable, 'server.js'), 'utf8'));
    const r = await cli([], dir);
    expect(r.stderr).not.toMatch(/FATAL|out of memory/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/deep\.js[\s\S]*Template literals nested 1000 deep/);
    expect(r.stdout).toMatch(/2 files checked/);
    expect(r.stdout).toMatch(/1 file could not be checked/);
    const json = JSON.parse((await cli(['--format', 'json'], dir)).stdout) as { filePath: string; errorCount: number; fatalErrorCount: number }[];
    const byName = Object.fromEntries(json.map((x) => [path.basename(x.filePath), x]));
    expect(byName['deep.js']?.fatalErrorCount).toBe(1);
    expect(byName['server.js']?.errorCount).toBeGreaterThan(0);
  });
});

/** A route whose model call goes through the project's own wrapper: an LLM route only with `llmCalls: ['askModel']`. */
const WRAPPED = `import express from 'express';
import { askModel } from './model.js';

const app = express();
app.post('/ask', async (req, res) => {
  res.json({ text: await askModel(String(req.body.q)) });
});
app.listen(3000);
`;
/** A file any config reports (a hard-coded credential), kept out by the project's `ignores`. */
const GENERATED = `const pass = process.env.BASIC_PASS || 'secret';\nexport default pass;\n`;

const pluginUrl = JSON.stringify(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href);

/** A project folder under tmp with these files; returns its path. */
async function project(name: string, files: Record<string, string>): Promise<string> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries({ 'package.json': '{ "type": "module" }', ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const SETTINGS = `{ 'llm-leak': { llmCalls: ['askModel'] } }`;
const ruleIdsOf = (r: Run) =>
  (JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[])
    .flatMap((f) => f.messages.map((m) => `${path.basename(f.filePath)} ${m.ruleId}`))
    .sort();

describe("llm-leak and the project's eslint.config.js", () => {
  it('uses the settings, ignores and rule levels of a config that registers the plugin, and says so', async () => {
    const dir = await project('with-plugin', {
      'eslint.config.js': `import llmLeak from ${pluginUrl};
export default [
  { ignores: ['generated/**'] },
  ...llmLeak.configs.recommended,
  { settings: ${SETTINGS}, rules: { 'llm-leak/no-hardcoded-credentials': 'off', 'no-unused-vars': 'error' } },
];
`,
      'server.js': WRAPPED,
      'keys.js': GENERATED,
      'model.js': 'export async function askModel(q) { return q; }\n',
      'generated/secret.js': GENERATED,
    });
    const r = await cli([], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/POST \/ask/);
    expect(r.stdout).toContain('llm-leak/require-auth-for-llm-route');
    expect(r.stdout).not.toContain('generated');
    // Only the plugin's rules run: the project's other rules are not findings of this tool.
    expect(r.stdout).not.toContain('no-unused-vars');
    // eslint.config.js, keys.js (its rule turned off), server.js and model.js.
    expect(r.stdout).toMatch(/1 finding \(1 error\) in 1 file, 1 route: 4 files checked with eslint\.config\.js$/m);

    const json = await cli(['--format', 'json'], dir);
    expect(ruleIdsOf(json)).toEqual(['server.js llm-leak/require-auth-for-llm-route']);
  });

  it('adds configs.recommended to a config that does not register the plugin, keeping its settings and ignores', async () => {
    const dir = await project('without-plugin', {
      'eslint.config.js': `export default [{ ignores: ['generated/**'] }, { settings: ${SETTINGS} }];\n`,
      'server.js': WRAPPED,
      'model.js': 'export async function askModel(q) { return q; }\n',
      'generated/secret.js': GENERATED,
    });
    const r = await cli([], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/3 files checked with eslint\.config\.js \+ configs\.recommended$/m);
    expect(ruleIdsOf(await cli(['--format', 'json'], dir))).toEqual(['server.js llm-leak/require-auth-for-llm-route']);

    // --no-config: the plugin's config alone, so the wrapper is unknown and the generated file is linted.
    const plain = await cli(['--no-config'], dir);
    expect(plain.stdout).toMatch(/4 files checked with configs\.recommended$/m);
    expect(ruleIdsOf(await cli(['--format', 'json', '--no-config'], dir))).toEqual(['secret.js llm-leak/no-hardcoded-credentials']);
  });

  it('finds the config in a folder above, and takes another file with --config', async () => {
    const dir = await project('config-above', {
      'eslint.config.js': `export default [{ ignores: ['lint/**'] }];\n`,
      'lint/llm.config.js': `export default [{ settings: ${SETTINGS} }];\n`,
      'src/server.js': WRAPPED,
      'src/model.js': 'export async function askModel(q) { return q; }\n',
    });
    const below = await cli([], path.join(dir, 'src'));
    expect(below).toMatchObject({ code: 0, stderr: '' });
    expect(below.stdout).toMatch(/2 files checked with \.\.\/eslint\.config\.js \+ configs\.recommended$/m);

    const other = await cli(['--config', 'lint/llm.config.js', 'src'], dir);
    expect(other.code, other.stderr).toBe(1);
    expect(other.stdout).toContain('llm-leak/require-auth-for-llm-route');
    expect(other.stdout).toMatch(/2 files checked with lint\/llm\.config\.js \+ configs\.recommended$/m);
  });

  it('says which config failed to load, and what --config and --no-config cannot take', async () => {
    const dir = await project('broken-config', {
      'eslint.config.js': `import missing from 'eslint-plugin-not-installed';\nexport default [missing];\n`,
      'server.js': WRAPPED,
    });
    const r = await cli([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^llm-leak: cannot use eslint\.config\.js: .*eslint-plugin-not-installed.*--no-config/);
    expect((await cli(['--no-config'], dir)).code).toBe(0);
    const missing = await cli(['--config', 'nope.config.js'], dir);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/no such config file: nope\.config\.js/);
    const both = await cli(['--config', 'eslint.config.js', '--no-config'], dir);
    expect(both.stderr).toMatch(/--config and --no-config cannot be used together/);
  });
});
