/** The bundled example apps tell the plugin's story: what the vulnerable app leaks, what the first fix misses, and that the hardened app is clean. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Rules the vulnerable app must trigger (under configs.strict): every rule of the plugin. */
const VULNERABLE_SHOWS = [
  'require-auth-for-llm-route',
  'no-raw-llm-response',
  'no-llm-debug-route',
  'no-sensitive-logging',
  'timing-safe-compare',
  'hmac-over-raw-body',
  'no-hardcoded-credentials',
  'no-error-details-to-client',
  'no-untrusted-system-prompt',
  'no-secrets-in-prompt',
  'no-system-prompt-to-client',
  'require-hmac-timestamp',
  'no-unsafe-llm-output',
  'require-output-limit',
];

/** Rules the first fix silences. */
const NAIVE_FIX_SILENCES = [
  'require-auth-for-llm-route',
  'no-raw-llm-response',
  'no-llm-debug-route',
  'no-sensitive-logging',
];

/** Rules that still report the first fix: its default credentials and its `===` comparison. */
const NAIVE_FIX_SHOWS = ['no-hardcoded-credentials', 'timing-safe-compare'];

/** Node's globals, as in the examples' own eslint.config.js. */
const base: Linter.Config = {
  files: ['**/*.js'],
  languageOptions: {
    ecmaVersion: 'latest',
    sourceType: 'module',
    globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' },
  },
};

interface Finding {
  file: string;
  line: number;
  ruleId: string | null;
  message: string;
  fatal: boolean;
}

async function lintExample(dir: string, config: 'recommended' | 'strict'): Promise<Finding[]> {
  const cwd = path.join(root, 'examples', dir);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ ignores: ['eslint.config.js'] }, base, ...(plugin.configs[config] as unknown as Linter.Config[])],
  });
  const results = await eslint.lintFiles(['**/*.js']);
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: path.relative(cwd, r.filePath),
      line: m.line,
      ruleId: m.ruleId,
      message: m.message,
      fatal: m.fatal === true,
    })),
  );
}

const byRule = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === `llm-leak/${id}`);

describe('examples', () => {
  const findings: Record<string, Finding[]> = {};

  beforeAll(async () => {
    findings.vulnerable = await lintExample('vulnerable', 'strict');
    findings.naive = await lintExample('naive-fix', 'strict');
    findings.hardened = await lintExample('hardened', 'strict');
  });

  it('every example parses', () => {
    for (const list of Object.values(findings)) expect(list.filter((f) => f.fatal)).toEqual([]);
  });

  it.each(VULNERABLE_SHOWS)('the vulnerable app is reported by %s', (id) => {
    expect(byRule(findings.vulnerable!, id)).not.toEqual([]);
  });

  it('the vulnerable app shows every rule of the plugin', () => {
    expect([...VULNERABLE_SHOWS].sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  it('the vulnerable app reports land where the contract says', () => {
    const at = (id: string) => byRule(findings.vulnerable!, id).map((f) => `${f.file}:${f.line}`);
    // The /chat registration, the completion sent as is, the /debug registration, the logged prompt and signature.
    expect(at('require-auth-for-llm-route')).toContain('server.js:17');
    expect(at('no-raw-llm-response')).toContain('server.js:27');
    expect(at('no-llm-debug-route')).toContain('server.js:31');
    expect(at('no-sensitive-logging')).toContain('webhook.js:14');
    // The === comparison, the re-serialised body, the literal fallbacks, the error stack, the system message parts.
    expect(at('timing-safe-compare')).toContain('webhook.js:20');
    expect(at('hmac-over-raw-body')).toContain('webhook.js:19');
    expect(at('no-hardcoded-credentials')).toEqual(expect.arrayContaining(['server.js:9', 'webhook.js:7']));
    expect(at('no-error-details-to-client')).toContain('server.js:40');
    expect(at('no-untrusted-system-prompt')).toContain('webhook.js:27');
    expect(at('no-secrets-in-prompt')).toContain('webhook.js:27');
    expect(at('require-output-limit')).toEqual(expect.arrayContaining(['server.js:19', 'webhook.js:21']));
    // The settings route that sends the system prompt to the chat widget.
    expect(at('no-system-prompt-to-client')).toEqual(['server.js:45']);
    // The same comparison accepts a signature over the body alone: a captured request can be replayed.
    expect(at('require-hmac-timestamp')).toEqual(['webhook.js:20']);
    // The answer written into the HTML fragment the partner embeds.
    expect(at('no-unsafe-llm-output')).toEqual(['webhook.js:35']);
  });

  it.each(NAIVE_FIX_SILENCES)('the naive fix is not reported by %s', (id) => {
    expect(byRule(findings.naive!, id)).toEqual([]);
  });

  it.each(NAIVE_FIX_SHOWS)('the naive fix is still reported by %s', (id) => {
    expect(byRule(findings.naive!, id)).not.toEqual([]);
  });

  it('the naive fix reports land on the literals and the comparison', () => {
    const at = (id: string) => byRule(findings.naive!, id).map((f) => `${f.file}:${f.line}`);
    expect(at('no-hardcoded-credentials')).toEqual(expect.arrayContaining(['server.js:11', 'server.js:12']));
    expect(at('timing-safe-compare')).toContain('server.js:22');
  });

  it('the hardened app has no finding under configs.strict', () => {
    expect(findings.hardened).toEqual([]);
  });

  it('configs.strict holds every rule of the plugin', () => {
    expect(Object.keys(plugin.configs.strict[0].rules).sort()).toEqual(
      Object.keys(plugin.rules).map((id) => `llm-leak/${id}`).sort(),
    );
  });
});
