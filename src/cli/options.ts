/**
 * The ESLint options of a CLI run, built from plain parameters so that ESLint's worker threads can rebuild the same
 * options from `options-module.js` (plugins and parsers cannot be cloned into a worker).
 */
import type { ESLint, Linter } from 'eslint';
import plugin from '../index.js';
import { ROUTES_RULE_ID, routesRule } from './routes-rule.js';

/** Everything that decides the ESLint options; JSON-serialisable. */
export interface OptionParams {
  readonly cwd: string;
  readonly strict: boolean;
  readonly typeChecked: boolean;
  /** Whether `@typescript-eslint/parser` can be loaded (TypeScript files are linted only then). */
  readonly typescript: boolean;
  /** 'warn' when --max-warnings is given. */
  readonly severity: 'error' | 'warn';
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  readonly concurrency: number | 'auto' | 'off' | undefined;
}

/** The file extensions the CLI lints. */
export const JS_EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx'] as const;
/** TypeScript extensions, linted with `@typescript-eslint/parser`. */
export const TS_EXTENSIONS = ['ts', 'mts', 'cts', 'tsx'] as const;

/** The cache file used when --cache is given without --cache-location (kept apart from ESLint's own). */
export const DEFAULT_CACHE_LOCATION = '.llm-leak-cache';

// Node's globals (the `globals` package's `globals.node`, trimmed to what server code uses), so that `require`,
// `process.env` and `Buffer` resolve to globals and the plugin's trace maps find them.
const NODE_GLOBALS: Linter.Globals = Object.fromEntries(
  [
    'AbortController', 'AbortSignal', 'Blob', 'Buffer', 'FormData', 'Headers', 'Request', 'Response', 'TextDecoder',
    'TextEncoder', 'URL', 'URLSearchParams', 'WebSocket', 'atob', 'btoa', 'clearImmediate', 'clearInterval',
    'clearTimeout', 'console', 'crypto', 'fetch', 'global', 'globalThis', 'performance', 'process', 'queueMicrotask',
    'setImmediate', 'setInterval', 'setTimeout', 'structuredClone', '__dirname', '__filename', 'exports', 'module',
    'require',
  ].map((name) => [name, name === 'exports' || name === 'module' ? 'writable' : 'readonly'] as const),
);

/** `**\/*.{a,b}` for a list of extensions. */
export const globOf = (exts: readonly string[]): string => `**/*.{${exts.join(',')}}`;

/** The options for `new ESLint(...)`; loads the TypeScript parser when asked to. */
export async function buildOptions(params: OptionParams): Promise<ESLint.Options> {
  const base =
    params.strict ? plugin.configs.strict : params.typeChecked ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended;
  const rules = Object.fromEntries(Object.keys(base.rules).map((id) => [id, params.severity]));

  const config: Linter.Config[] = [
    // Disable comments for rules of the project's own ESLint config are not ours to judge.
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    {
      files: [globOf(JS_EXTENSIONS)],
      languageOptions: {
        ecmaVersion: 'latest',
        globals: NODE_GLOBALS,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
  ];
  if (params.typescript) {
    const parser = (await import('@typescript-eslint/parser')) as unknown as Linter.Parser;
    config.push({
      files: [globOf(TS_EXTENSIONS)],
      languageOptions: {
        parser,
        globals: NODE_GLOBALS,
        parserOptions: params.typeChecked ? { projectService: true, tsconfigRootDir: params.cwd } : {},
      },
    });
  }
  config.push(
    { ...(base as unknown as Linter.Config), rules },
    { plugins: { 'llm-leak-cli': { rules: { routes: routesRule as unknown as NonNullable<ESLint.Plugin['rules']>[string] } } } },
    { rules: { [ROUTES_RULE_ID]: 'warn' } },
  );

  const options: ESLint.Options = {
    cwd: params.cwd,
    overrideConfigFile: true,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
  };
  if (params.cache || params.cacheLocation !== undefined) {
    options.cache = true;
    options.cacheLocation = params.cacheLocation ?? DEFAULT_CACHE_LOCATION;
  }
  // Only set when asked: ESLint before 9.34 rejects the option.
  if (params.concurrency !== undefined) options.concurrency = params.concurrency;
  return options;
}
