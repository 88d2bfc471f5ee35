/** Command-line arguments of `llm-leak`, parsed and checked once. */
import { parseArgs } from 'node:util';

/** The formats the CLI writes. */
export type Format = 'stylish' | 'json' | 'sarif';

/** What the command line asked for. */
export interface CliArgs {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly outputFile: string | undefined;
  /** Undefined: findings are errors. A number: findings are warnings and more than this many fail the run. */
  readonly maxWarnings: number | undefined;
  readonly concurrency: number | 'auto' | 'off' | undefined;
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  readonly strict: boolean;
  readonly typeChecked: boolean;
  /** --config: the flat config file to use instead of the one found from the current folder up. */
  readonly config: string | undefined;
  /** --no-config: use the plugin's configs alone, whatever eslint.config.js there is. */
  readonly noConfig: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** A command-line mistake: reported on one line, exit code 2. */
export class UsageError extends Error {}

/** The `--help` text. */
export const HELP = `Usage: llm-leak [options] [paths...]

Finds the ways a Node web server leaks data through a large language model. Lints the given files and
folders (default: the current folder) with eslint-plugin-llm-leak's recommended config. When the current
folder or one above it has an eslint.config.js (.mjs, .cjs, .ts, .mts, .cts), its settings, ignores and
parsers are used too, and its levels for the plugin's rules when it registers the plugin. Skips
node_modules, dist, build, .next, coverage and hidden folders.

Options:
  --format <name>            stylish (default; findings grouped by route), json, or sarif (SARIF 2.1.0)
  -o, --output-file <path>   write the report to a file instead of stdout
  --strict                   use configs.strict: every rule, including require-output-limit
  --type-checked             use type information (configs['recommended-type-checked'], TypeScript
                             projectService); needs a tsconfig.json in the current folder
  -c, --config <file>        use this flat config file instead of looking for eslint.config.js
  --no-config                ignore any eslint.config.js: the plugin's configs alone
  --max-warnings <n>         report findings as warnings and fail only when there are more than n
  --concurrency <n|auto|off> lint in worker threads (ESLint >= 9.34)
  --cache                    only re-lint changed files
  --cache-location <path>    where the cache lives (default: .llm-leak-cache)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings, 1 findings (more than --max-warnings when given), 2 usage or runtime error,
or a file the analysis failed on (the run is incomplete; every other finding is still printed).`;

const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif'];

function positiveInt(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`${flag} expects an integer of at least ${min}, got '${value}'`);
  }
  return Number(value);
}

/** Flags that take a number: `--max-warnings -1` must say what is wrong with -1, not that a value is missing. */
const NUMBER_FLAGS: Readonly<Record<string, number>> = { '--max-warnings': 0, '--concurrency': 1 };

/** Parses argv (without `node` and the script); throws UsageError on anything it does not accept. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  for (let i = 0; i < argv.length - 1; i++) {
    const min = NUMBER_FLAGS[argv[i]!];
    if (min !== undefined && /^-\d/.test(argv[i + 1]!)) positiveInt(argv[i]!, argv[i + 1]!, min);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        concurrency: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        strict: { type: 'boolean' },
        'type-checked': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    // "Option '-f, --format <value>' argument missing": keep just the long flag.
    const quoted = /'([^']+)'/.exec(message)?.[1];
    const option = quoted?.match(/--[\w-]+/)?.[0] ?? quoted;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${option ?? message}'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`option '${option ?? '?'}' expects a value`);
    }
    // Defensive: parseArgs has no other documented errors for these options.
    throw new UsageError(message.split('\n')[0] ?? message);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${v.format}' (use stylish, json or sarif)`);
  let concurrency: CliArgs['concurrency'];
  if (v.concurrency !== undefined) {
    concurrency =
      v.concurrency === 'auto' || v.concurrency === 'off'
        ? v.concurrency
        : positiveInt('--concurrency', v.concurrency, 1);
  }
  if (v['output-file'] === '') throw new UsageError('--output-file expects a file path, got an empty string');
  if (v.config === '') throw new UsageError('--config expects a file path, got an empty string');
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  if (v['cache-location'] === '') throw new UsageError('--cache-location expects a path, got an empty string');
  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    format,
    outputFile: v['output-file'],
    maxWarnings: v['max-warnings'] === undefined ? undefined : positiveInt('--max-warnings', v['max-warnings'], 0),
    concurrency,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    strict: v.strict ?? false,
    typeChecked: v['type-checked'] ?? false,
    config: v.config,
    noConfig: v['no-config'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
