/**
 * Every rule runs over a corpus of real code without throwing: the examples, the test sources and fixtures, and the
 * sources of express, fastify, koa and openai. A parse error is not a crash; those are counted and logged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const JS = /\.(?:js|mjs|cjs)$/;
const TS = /\.(?:ts|mts|cts)$/;
const SKIP = /\.d\.[mc]?ts$|\.min\.js$/;

/** Source files under `dir`, recursively, without nested node_modules. */
function sources(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out; // a package that is not installed
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === '.git') continue;
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) sources(full, out);
    else if ((JS.test(name) || TS.test(name)) && !SKIP.test(name)) out.push(full);
  }
  return out;
}

const packageTypes = new Map<string, 'module' | 'commonjs'>();

/** Whether a .js file is ESM or CommonJS, from the nearest package.json, as Node decides. */
function jsSourceType(file: string): 'module' | 'commonjs' {
  if (file.endsWith('.mjs')) return 'module';
  if (file.endsWith('.cjs')) return 'commonjs';
  const dir = path.dirname(file);
  let type = packageTypes.get(dir);
  if (!type) {
    let pkg: { type?: string } | undefined;
    try {
      pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: string };
    } catch {
      pkg = undefined;
    }
    const parent = path.dirname(dir);
    type = pkg ? (pkg.type === 'module' ? 'module' : 'commonjs') : parent === dir ? 'commonjs' : jsSourceType(path.join(parent, 'x.js'));
    packageTypes.set(dir, type);
  }
  return type;
}

const corpus = [
  ...sources(path.join(root, 'examples')),
  ...sources(path.join(root, 'test')),
  ...['express', 'fastify', 'koa', 'openai'].flatMap((pkg) => sources(path.join(root, 'node_modules', pkg))),
];

const globals = {
  process: 'readonly',
  Buffer: 'readonly',
  console: 'readonly',
  fetch: 'readonly',
  Response: 'readonly',
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
} as const;

const strictRules = (plugin.configs.strict as { rules: Linter.RulesRecord }).rules;
const plugins = { 'llm-leak': plugin as never };

function config(parser: 'espree' | 'typescript', sourceType: 'module' | 'commonjs'): Linter.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        globals,
        ...(parser === 'typescript' ? { parser: tsParser } : {}),
      },
      plugins,
      rules: strictRules,
    },
  ];
}

interface Outcome {
  files: number;
  parseErrors: string[];
  crashes: string[];
  /** Files the linter did not lint at all (no matching config, ignored): would make the test pass for nothing. */
  skipped: string[];
  ms: number;
  /** The slowest files, to spot a rule that is not linear in file size. */
  slowest: { file: string; ms: number; kb: number }[];
}

function run(files: readonly string[], parser: 'espree' | 'typescript'): Outcome {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const outcome: Outcome = { files: 0, parseErrors: [], crashes: [], skipped: [], ms: 0, slowest: [] };
  const started = performance.now();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // removed since the corpus was listed (someone else's scratch file)
    }
    const sourceType = parser === 'typescript' ? 'module' : jsSourceType(file);
    // Files under node_modules are ignored by flat config defaults; lint them under a neutral name.
    const rel = path.relative(root, file).replace(/(^|[\\/])node_modules[\\/]/g, '$1corpus/');
    outcome.files += 1;
    const t0 = performance.now();
    try {
      const messages = linter.verify(text, config(parser, sourceType), { filename: path.join(root, rel) });
      const fatal = messages.find((m) => m.fatal);
      if (fatal) outcome.parseErrors.push(`${rel}:${fatal.line}:${fatal.column} ${fatal.message}`);
      const skipped = messages.find((m) => !m.fatal && m.ruleId === null && m.line === 0);
      if (skipped) outcome.skipped.push(`${rel}: ${skipped.message}`);
    } catch (error) {
      outcome.crashes.push(`${rel}: ${error instanceof Error ? error.message : String(error)}`);
    }
    outcome.slowest.push({ file: rel, ms: performance.now() - t0, kb: text.length / 1024 });
    outcome.slowest.sort((a, b) => b.ms - a.ms).splice(3);
  }
  outcome.ms = performance.now() - started;
  return outcome;
}

function log(name: string, o: Outcome): void {
  console.log(
    `no-crash ${name}: ${o.files} files in ${(o.ms / 1000).toFixed(1)} s, ` +
      `${o.parseErrors.length} parse errors (not crashes), ${o.crashes.length} crashes`,
  );
  for (const e of o.parseErrors.slice(0, 5)) console.log(`  parse error: ${e}`);
  for (const s of o.slowest) console.log(`  slow: ${s.file} (${s.kb.toFixed(0)} kB) ${s.ms.toFixed(0)} ms`);
}

describe('no rule crashes on real code', () => {
  it('has every rule in configs.strict and a corpus to run on', () => {
    expect(Object.keys(strictRules).length).toBe(Object.keys(plugin.rules).length);
    expect(corpus.filter((f) => JS.test(f)).length).toBeGreaterThan(100);
    expect(corpus.filter((f) => TS.test(f)).length).toBeGreaterThan(100);
  });

  // The time limits are generous so that a busy machine does not fail the test; the log line gives the real time.
  it('JavaScript sources, default parser', { timeout: 240_000 }, () => {
    const outcome = run(corpus.filter((f) => JS.test(f)), 'espree');
    log('espree', outcome);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.skipped).toEqual([]);
  });

  it('TypeScript sources, typescript-eslint parser', { timeout: 240_000 }, () => {
    const outcome = run(corpus.filter((f) => TS.test(f)), 'typescript');
    log('typescript', outcome);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.skipped).toEqual([]);
  });
});
