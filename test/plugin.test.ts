import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { readSettings } from '../src/settings.js';

const root = join(import.meta.dirname, '..');
const ids = (dir: string, ext: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ext) && f !== `index${ext}`)
    .map((f) => f.slice(0, -ext.length))
    .sort();

/** The rule table of the contract, read from ../shared/RULES.md when it is there, else the list below. */
const CONTRACT: Record<string, 'recommended' | 'strict'> = {
  'require-auth-for-llm-route': 'recommended',
  'no-raw-llm-response': 'recommended',
  'no-llm-debug-route': 'recommended',
  'no-sensitive-logging': 'recommended',
  'timing-safe-compare': 'recommended',
  'hmac-over-raw-body': 'recommended',
  'no-hardcoded-credentials': 'recommended',
  'no-error-details-to-client': 'recommended',
  'no-untrusted-system-prompt': 'recommended',
  'no-secrets-in-prompt': 'recommended',
  'no-system-prompt-to-client': 'recommended',
  'require-hmac-timestamp': 'recommended',
  'no-unsafe-llm-output': 'recommended',
  'require-output-limit': 'strict',
};

describe('the plugin', () => {
  it('names each rule the same in rules/, docs/rules/ and test/rules/', () => {
    const rules = ids('rules', '.ts');
    expect(rules).toEqual(Object.keys(plugin.rules).sort());
    expect(ids('docs/rules', '.md')).toEqual(rules);
    expect(ids('test/rules', '.test.ts')).toEqual(rules);
  });

  it('ships exactly the rules of the contract', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it('builds the configs from the contract', () => {
    const recommended = Object.entries(CONTRACT).filter(([, level]) => level === 'recommended').map(([id]) => `llm-leak/${id}`);
    expect(Object.keys(plugin.configs.recommended[0].rules).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs['recommended-type-checked'][0].rules).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict[0].rules).sort()).toEqual(Object.keys(CONTRACT).map((id) => `llm-leak/${id}`).sort());
    expect(plugin.configs.recommended[0].plugins['llm-leak']).toBe(plugin);
    expect(plugin.configs['legacy-recommended'].plugins).toEqual(['llm-leak']);
    expect(plugin.configs['legacy-recommended'].rules).toEqual(plugin.configs.recommended[0].rules);
    expect(plugin.configs['legacy-strict'].rules).toEqual(plugin.configs.strict[0].rules);
  });

  it('gives require() the plugin itself, the same object as import (eslintrc loads plugins with require)', () => {
    // In plain Node (vitest has a module loader of its own): the package's name resolves through its exports, as
    // eslintrc's require of 'eslint-plugin-llm-leak' does.
    const script = `import { createRequire } from 'node:module';
const required = createRequire(${JSON.stringify(join(root, 'package.json'))})('eslint-plugin-llm-leak');
const imported = (await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'src', 'index.js')).href)})).default;
process.stdout.write(JSON.stringify({ same: required === imported, configs: Object.keys(required.configs ?? {}) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ same: true, configs: expect.arrayContaining(['recommended', 'legacy-recommended']) });
  });

  it('reads its name and version from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toMatchObject({ name: pkg.name, version: pkg.version });
  });

  it('agrees with the rule table of ../shared/RULES.md when it is present', () => {
    let text: string;
    try {
      text = readFileSync(join(root, '..', 'shared', 'RULES.md'), 'utf8');
    } catch {
      return; // Outside the workspace the contract file is not there; the table above stands in for it.
    }
    const rows = [...text.matchAll(/^\| `([a-z-]+)` \|.*\| (error|`strict` only) \|$/gm)];
    const table = Object.fromEntries(rows.map((m) => [m[1], m[2] === 'error' ? 'recommended' : 'strict']));
    // A rule shipped while ../shared (read-only here) still lists it as planned: its planned row must name its level.
    const planned = [...text.matchAll(/^\| `([a-z-]+)` \|.*\| planned: (recommended|strict)\b.*\|$/gm)];
    for (const [, id, level] of planned) if (id! in CONTRACT && !(id! in table)) table[id!] = level!;
    expect(table).toEqual(CONTRACT);
  });
});

/** Rule ids reported when `code` is linted as `file` (relative to /project) with `config`. */
function reported(config: Linter.Config[], file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/project' });
  return linter.verify(code, config, `/project/${file}`).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const CREDENTIAL = `const pass = process.env.BASIC_PASS || 'secret';\n`;
const LEAK = `import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req: express.Request, res: express.Response) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.body.prompt) }] });
  res.json(completion);
});
`;

describe('the flat configs', () => {
  const configs = ['recommended', 'recommended-type-checked', 'strict'] as const;

  it.each(configs)('%s parses TypeScript files on its own (no parser in the user config)', (name) => {
    const config = plugin.configs[name] as unknown as Linter.Config[];
    for (const file of ['src/server.ts', 'src/server.mts', 'src/server.cts']) {
      expect(reported(config, file, LEAK), file).toEqual(
        expect.arrayContaining(['llm-leak/require-auth-for-llm-route', 'llm-leak/no-raw-llm-response']),
      );
    }
    expect(reported(config, 'src/view.tsx', 'const el = <div>{String(1 as number)}</div>;\n')).toEqual([]);
    // JavaScript stays with ESLint's own parser.
    expect(reported(config, 'src/server.js', 'const x: number = 1;\n')[0]).toMatch(/^fatal: Parsing error/);
  });

  it.each(configs)('%s turns no-hardcoded-credentials off in test files, and every rule off in test code', (name) => {
    const config = plugin.configs[name] as unknown as Linter.Config[];
    expect(reported(config, 'src/server.js', CREDENTIAL)).toEqual(['llm-leak/no-hardcoded-credentials']);
    expect(reported(config, 'src/server.ts', CREDENTIAL)).toEqual(['llm-leak/no-hardcoded-credentials']);
    expect(reported(config, 'src/contest.js', CREDENTIAL)).toEqual(['llm-leak/no-hardcoded-credentials']);
    expect(reported(config, 'src/contest.ts', LEAK)).toContain('llm-leak/no-raw-llm-response');
    // Test code by its own name is never served: nothing is reported there.
    for (const file of ['src/server.test.js', 'src/server.spec.ts', 'src/auth.test.mjs', 'src/__tests__/auth.js', 'src/__mocks__/openai.js']) {
      expect(reported(config, file, CREDENTIAL), file).toEqual([]);
      expect(reported(config, file.replace(/\.\w+$/, '.ts'), LEAK), file).toEqual([]);
    }
    // A folder named test or tests may hold a real route (`app/api/test/route.ts`): only credentials are off there.
    for (const file of ['test/fixtures/server.js', 'packages/api/tests/helpers.cjs', 'app/api/test/route.js']) {
      expect(reported(config, file, CREDENTIAL), file).toEqual([]);
      expect(reported(config, file.replace(/\.\w+$/, '.ts'), LEAK), file).toContain('llm-leak/no-raw-llm-response');
    }
  });

  it('gives the rule back to test files with a block after the config, as the README says', () => {
    const config = [
      ...(plugin.configs.recommended as unknown as Linter.Config[]),
      { files: ['**/*.test.js'], rules: { 'llm-leak/no-hardcoded-credentials': 'error' } },
    ] satisfies Linter.Config[];
    expect(reported(config, 'src/server.test.js', CREDENTIAL)).toEqual(['llm-leak/no-hardcoded-credentials']);
  });

  it('gives the legacy configs the same TypeScript parser and test-file overrides', () => {
    const legacy = plugin.configs['legacy-recommended'];
    expect(legacy.overrides[0]).toMatchObject({ files: ['*.ts', '*.mts', '*.cts', '*.tsx'] });
    expect(legacy.overrides[0]?.parser).toMatch(/@typescript-eslint[\\/]parser/);
    expect(legacy.overrides[1]).toMatchObject({ rules: { 'llm-leak/no-hardcoded-credentials': 'off' } });
  });
});

describe("settings['llm-leak']", () => {
  it('accepts the documented keys', () => {
    expect(readSettings({ 'llm-leak': { llmCalls: ['askModel'], loggers: ['audit.write'] } })).toMatchObject({
      llmCalls: ['askModel'],
      loggers: ['audit.write'],
      authMiddleware: [],
    });
  });

  it.each([
    [{ llmCall: ['x'] }, /unknown key 'llmCall'/],
    [{ llmCalls: 'askModel' }, /llmCalls must be an array of non-empty strings/],
    [{ loggers: [''] }, /loggers must be an array of non-empty strings/],
    ['yes', /must be an object/],
  ])('rejects %j with a clear error', (value, message) => {
    expect(() => readSettings({ 'llm-leak': value })).toThrow(message);
  });

  it('fails the lint run with the message naming the bad key', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('const x = 1;', [
        { plugins: { 'llm-leak': plugin as never }, rules: { 'llm-leak/no-sensitive-logging': 'error' }, settings: { 'llm-leak': { logger: [] } } },
      ]),
    ).toThrow(/unknown key 'logger'/);
  });
});
