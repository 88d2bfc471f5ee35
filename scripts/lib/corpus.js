// The files the bench and the sweep lint, and how to lint each one (parser, source type, a name the linter accepts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The packages whose shipped sources form the bench corpus (devDependencies of this repo). */
export const BENCH_PACKAGES = [
  'express',
  'fastify',
  'koa',
  'hono',
  'openai',
  '@anthropic-ai/sdk',
  'ai',
  'langchain',
  '@langchain/core',
  '@langchain/openai',
];

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?tsx?$|\.d\.[^.]+\.ts$/;
const TS = /\.[cm]?tsx?$/;

/**
 * Minified or bundled-into-one-line code is not what a user lints: long average lines give it away.
 * @param {string} name
 * @param {string} text
 */
export function isMinified(name, text) {
  if (/[.-]min\.[cm]?js$/.test(name)) return true;
  if (text.length < 2000) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
  return text.length / lines > 250;
}

/**
 * Source files under `dir`, recursively, sorted, without nested node_modules, declaration files or dot folders.
 * @param {string} dir
 * @param {string[]} [out]
 * @returns {string[]}
 */
export function listSources(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out; // not installed
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) listSources(full, out);
    else if (SOURCE.test(name) && !DECLARATION.test(name)) out.push(full);
  }
  return out;
}

const packageTypes = new Map();

/**
 * Whether a JS file is ESM or CommonJS, from its extension or the nearest package.json, as Node decides.
 * @param {string} file
 * @returns {'module' | 'commonjs'}
 */
export function jsSourceType(file) {
  if (/\.m[jt]sx?$/.test(file)) return 'module';
  if (/\.c[jt]sx?$/.test(file)) return 'commonjs';
  const dir = path.dirname(file);
  let type = packageTypes.get(dir);
  if (!type) {
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      pkg = undefined;
    }
    const parent = path.dirname(dir);
    if (pkg) type = pkg.type === 'module' ? 'module' : 'commonjs';
    else type = parent === dir ? 'commonjs' : jsSourceType(path.join(parent, 'x.js'));
    packageTypes.set(dir, type);
  }
  return type;
}

/**
 * @typedef {{ file: string, rel: string, name: string, text: string, parser: 'espree' | 'typescript',
 *   sourceType: 'module' | 'commonjs', jsx: boolean }} SourceFile
 */

/**
 * Reads `files` into memory with what the linter needs to know about each.
 * `name` is the filename given to the linter: node_modules is renamed because flat config ignores it by default.
 * @param {string} root
 * @param {readonly string[]} files
 * @returns {{ files: SourceFile[], minified: number }}
 */
export function load(root, files) {
  const out = [];
  let minified = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // removed since it was listed
    }
    if (isMinified(path.basename(file), text)) {
      minified += 1;
      continue;
    }
    const rel = path.relative(root, file);
    const name = path.join(root, rel.replace(/(^|[\\/])node_modules[\\/]/g, '$1corpus/'));
    const ts = TS.test(file);
    out.push({
      file,
      rel,
      name,
      text,
      parser: ts ? 'typescript' : 'espree',
      // TypeScript sources are written as ESM whatever they compile to.
      sourceType: ts ? 'module' : jsSourceType(file),
      jsx: /x$/.test(file),
    });
  }
  return { files: out, minified };
}

/**
 * The bench corpus: the JS/TS sources shipped in node_modules by BENCH_PACKAGES.
 * @param {string} root the repository root
 */
export function benchCorpus(root) {
  const perPackage = {};
  const all = [];
  for (const pkg of BENCH_PACKAGES) {
    const listed = listSources(path.join(root, 'node_modules', pkg));
    perPackage[pkg] = listed.length;
    all.push(...listed);
  }
  const { files, minified } = load(root, all);
  return { files, minified, perPackage };
}

/**
 * The labelled corpus (test/corpus), whatever is there.
 * @param {string} root
 */
export function labelledCorpus(root) {
  return load(root, listSources(path.join(root, 'test', 'corpus'))).files;
}

const globals = {
  process: 'readonly',
  Buffer: 'readonly',
  console: 'readonly',
  fetch: 'readonly',
  Response: 'readonly',
  Request: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
};

/**
 * Makes flat-config arrays for one rule set, memoised per (parser, sourceType, jsx) so each lint call gets the same objects.
 * With `options.tsconfigRootDir`, TypeScript files are parsed with `projectService` (type information; each file must
 * be on disk under a tsconfig.json that includes it).
 * @param {{ plugins?: Record<string, unknown>, rules?: Record<string, unknown> } | object[]} ruleSet a config, or a
 *   config array whose first block holds the plugin and its rules (the plugin's own configs)
 * @param {unknown} tsParser the @typescript-eslint/parser module
 * @param {{ tsconfigRootDir?: string }} [options]
 */
export function configFactory(ruleSet, tsParser, options = {}) {
  const [rulesBlock] = [ruleSet].flat();
  const typed = options.tsconfigRootDir ? { projectService: true, tsconfigRootDir: options.tsconfigRootDir } : {};
  const memo = new Map();
  /** @param {Pick<SourceFile, 'parser' | 'sourceType' | 'jsx'>} f */
  return (f) => {
    const key = `${f.parser}/${f.sourceType}/${f.jsx}`;
    let config = memo.get(key);
    if (!config) {
      config = [
        {
          files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
          languageOptions: {
            ecmaVersion: 'latest',
            sourceType: f.sourceType,
            globals,
            ...(f.parser === 'typescript' ? { parser: tsParser } : {}),
            parserOptions: { ecmaFeatures: { jsx: f.jsx }, ...(f.parser === 'typescript' ? typed : {}) },
          },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
          plugins: rulesBlock.plugins ?? {},
          rules: rulesBlock.rules ?? {},
        },
      ];
      memo.set(key, config);
    }
    return config;
  };
}

/**
 * Loads the built plugin (dist/) and the parser from the repository at `root`.
 * @param {string} root
 */
export async function loadBuilt(root) {
  const require = createRequire(path.join(root, 'package.json'));
  let plugin;
  try {
    plugin = (await import(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href)).default;
  } catch (error) {
    throw new Error(`Cannot load dist/src/index.js; run \`npm run build\` first. (${error.message})`);
  }
  const tsParser = require('@typescript-eslint/parser');
  const { Linter } = require('eslint');
  return { plugin, tsParser, Linter };
}
