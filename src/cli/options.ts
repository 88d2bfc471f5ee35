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
  /** The project's flat config file (absolute), found from the cwd up or given with --config; undefined: none. */
  readonly configFile: string | undefined;
  /** True when --config named the file (ESLint then takes patterns relative to the cwd, as with `eslint -c`). */
  readonly configGiven: boolean;
  /** True when the project's config registers the plugin itself: its rule levels and options stand. */
  readonly projectPlugin: boolean;
  /** With --cache: the stamp of the files other files' findings depend on (deps-stamp.ts). */
  readonly depsStamp?: string;
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

/** The plugin's config for this run, every rule at the run's severity (rules a block turns off stay off). */
function pluginConfig(params: OptionParams): Linter.Config[] {
  const base =
    params.strict ? plugin.configs.strict : params.typeChecked ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended;
  return base.map((block) =>
    'rules' in block
      ? { ...block, rules: Object.fromEntries(Object.entries(block.rules).map(([id, level]) => [id, level === 'off' ? 'off' : params.severity])) }
      : block,
  ) as unknown as Linter.Config[];
}

/** Only the plugin's rules and the CLI's route map run: the project's other rules are not this tool's findings. */
const ruleFilter = ({ ruleId }: { ruleId: string }): boolean => ruleId.startsWith('llm-leak/') || ruleId === ROUTES_RULE_ID;

/** The options for `new ESLint(...)`; loads the TypeScript parser when asked to. */
export async function buildOptions(params: OptionParams): Promise<ESLint.Options> {
  const config: Linter.Config[] = [
    // Disable comments for rules of the project's own ESLint config are not ours to judge.
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  // Without a project config, the CLI says how to parse JavaScript; with one, the project does.
  if (params.configFile === undefined) {
    config.push({
      files: [globOf(JS_EXTENSIONS)],
      languageOptions: {
        ecmaVersion: 'latest',
        globals: NODE_GLOBALS,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    });
  }
  if (params.typescript && params.typeChecked) {
    config.push({
      files: [globOf(TS_EXTENSIONS)],
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: params.cwd } },
    });
  }
  if (!params.projectPlugin) {
    config.push(...pluginConfig(params));
  } else if (params.strict) {
    // The project's config registers the plugin: --strict adds the strict rules, without registering it again.
    config.push({ rules: Object.fromEntries(Object.keys(plugin.configs.strict[0].rules).map((id) => [id, params.severity])) });
  }
  config.push(
    { plugins: { 'llm-leak-cli': { rules: { routes: routesRule as unknown as NonNullable<ESLint.Plugin['rules']>[string] } } } },
    { rules: { [ROUTES_RULE_ID]: 'warn' } },
  );
  // The run reads the project once (src/project/disk.ts lintMemo). The deps stamp is part of every file's config, so
  // ESLint's cache entries go stale when a file they depend on changes.
  config.push({ settings: { 'llm-leak-cli': { oneShot: true, ...(params.depsStamp === undefined ? {} : { deps: params.depsStamp }) } } });

  const options: ESLint.Options = {
    cwd: params.cwd,
    // A found config is left for ESLint to find again, so that its patterns are relative to its folder, as in `eslint`.
    overrideConfigFile: params.configFile === undefined ? true : params.configGiven ? params.configFile : undefined,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
    ruleFilter,
  };
  if (params.cache || params.cacheLocation !== undefined) {
    options.cache = true;
    options.cacheLocation = params.cacheLocation ?? DEFAULT_CACHE_LOCATION;
  }
  // Only set when asked: ESLint before 9.34 rejects the option.
  if (params.concurrency !== undefined) options.concurrency = params.concurrency;
  return options;
}
