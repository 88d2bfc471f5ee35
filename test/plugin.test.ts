import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    expect(Object.keys(plugin.configs.recommended.rules).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs['recommended-type-checked'].rules).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict.rules).sort()).toEqual(Object.keys(CONTRACT).map((id) => `llm-leak/${id}`).sort());
    expect(plugin.configs.recommended.plugins['llm-leak']).toBe(plugin);
    expect(plugin.configs['legacy-recommended'].plugins).toEqual(['llm-leak']);
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
    expect(Object.fromEntries(rows.map((m) => [m[1], m[2] === 'error' ? 'recommended' : 'strict']))).toEqual(CONTRACT);
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
