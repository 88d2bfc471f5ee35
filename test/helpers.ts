/** Test helpers: a RuleTester with our defaults, and a way to build the shared model of a snippet. */
import fs from 'node:fs';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { buildModel, type FileModel } from '../src/model.js';
import { withPathRecorder } from '../src/flow/paths.js';
import plugin from '../src/index.js';

/** RuleTester for ESM TypeScript/JavaScript snippets. */
export function ruleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', Response: 'readonly', Buffer: 'readonly' },
    },
  });
}

/** Spread into a test case to parse it as CommonJS. */
export const cjs = {
  languageOptions: {
    parserOptions: { sourceType: 'script' as const },
    globals: {
      require: 'readonly' as const,
      module: 'writable' as const,
      exports: 'writable' as const,
      process: 'readonly' as const,
      console: 'readonly' as const,
      Buffer: 'readonly' as const,
    },
  },
};

export interface ModelOptions {
  sourceType?: 'module' | 'commonjs';
  settings?: Record<string, unknown>;
  filename?: string;
}

/**
 * Lints `code` with a probe rule and runs `inspect` on the shared model inside the lint, where scopes are live.
 * Returns what `inspect` returned.
 */
export function withModel<T>(code: string, inspect: (model: FileModel) => T, options: ModelOptions = {}): T {
  let result: T | undefined;
  let ran = false;
  let failure: unknown;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: {
          parser: tsParser,
          sourceType: options.sourceType ?? 'module',
          ecmaVersion: 'latest',
          globals: {
            process: 'readonly', console: 'readonly', fetch: 'readonly', Response: 'readonly', Buffer: 'readonly',
            ...(options.sourceType === 'commonjs' ? { require: 'readonly', module: 'writable', exports: 'writable' } : {}),
          },
        },
        settings: options.settings ?? {},
        plugins: {
          probe: {
            rules: {
              model: {
                meta: { type: 'problem', schema: [] },
                create(context) {
                  // The model's "runs before" answers come from the code path recorder, as in a real lint.
                  return withPathRecorder(context as never, {
                    'Program:exit'() {
                      try {
                        result = inspect(buildModel(context.sourceCode as never, context.settings, context.filename));
                        ran = true;
                      } catch (error) {
                        failure = error;
                      }
                    },
                  }) as never;
                },
              },
            },
          },
        },
        rules: { 'probe/model': 'error' },
      },
    ],
    options.filename ?? 'file.ts',
  );
  if (failure) throw failure;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message} at ${fatal.line}:${fatal.column}`);
  if (!ran) throw new Error('the probe rule did not run');
  return result as T;
}

/** The source text of a node in `code`. */
export function textOf(code: string, node: { range: [number, number] }): string {
  return code.slice(node.range[0], node.range[1]);
}

/**
 * Writes fixture projects on disk under `root`: each call makes a fresh folder holding `files` and a package.json
 * (`pkg`, an ESM one unless given), and returns the folder.
 */
export function projectMaker(root: string): (files: Record<string, string>, pkg?: string) => string {
  let n = 0;
  return (files, pkg = '{"type":"module"}') => {
    const dir = path.join(root, `p${n++}`);
    for (const [rel, text] of Object.entries({ 'package.json': pkg, ...files })) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  };
}

/**
 * Lints `file` of the fixture project `dir` as a lint run would: the TypeScript parser, Node's globals, CommonJS for
 * a `.js` file unless the package.json says module, and the plugin's `rules` at error.
 */
export function lintProjectFile(dir: string, file: string, rules: readonly string[], linter = new Linter({ cwd: dir, configType: 'flat' })): Linter.LintMessage[] {
  const abs = path.join(dir, file);
  const commonjs = file.endsWith('.js') && !fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"module"');
  return linter.verify(
    fs.readFileSync(abs, 'utf8'),
    [
      {
        files: ['**/*.{ts,js}'],
        languageOptions: {
          parser: tsParser as Linter.Parser,
          sourceType: commonjs ? 'commonjs' : 'module',
          globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', exports: 'writable' },
        },
        plugins: { 'llm-leak': plugin as never },
        rules: Object.fromEntries(rules.map((r) => [`llm-leak/${r}`, 'error'])),
      },
    ],
    abs,
  );
}
