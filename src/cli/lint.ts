/** A CLI run after the arguments are read: finds the files, lints them, writes the report. */
import { depsStamp, writeDeps } from './deps-stamp.js';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../index.js';
import { UsageError, type CliArgs } from './args.js';
import { MAX_TEMPLATE_DEPTH, collectFiles, templateDepth } from './files.js';
import { DEFAULT_CACHE_LOCATION, JS_EXTENSIONS, TS_EXTENSIONS, buildOptions, type OptionParams } from './options.js';
import { NO_PROGRESS, PROGRESS_MIN_FILES, createProgress, type Progress } from './progress.js';
import { buildReport, displayPath, type Report } from './report.js';
import { formatSarif } from './sarif.js';
import { COLOUR, PLAIN, formatStylish } from './stylish.js';

/** Where the CLI reads and writes; tests and the bin pass the process's own. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Files per ESLint call while a progress bar is shown (bigger with worker threads, which start per call). */
const batchSize = (total: number, threaded: boolean): number =>
  threaded ? Math.max(200, Math.ceil(total / 5)) : Math.max(10, Math.ceil(total / 50));

async function typescriptParserAvailable(): Promise<boolean> {
  try {
    await import('@typescript-eslint/parser');
    return true;
  } catch {
    return false;
  }
}

/** The flat config file names ESLint looks for, in its order. */
const CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/** The config file ESLint would use from `cwd`: the nearest one in it or a folder above. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = path.join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The plugin config a run adds: `configs.recommended`, `configs.strict`, or the type-checked one. */
function pluginConfigName(args: CliArgs): string {
  if (args.strict) return args.typeChecked ? 'configs.strict (type-checked)' : 'configs.strict';
  return args.typeChecked ? "configs['recommended-type-checked']" : 'configs.recommended';
}

/** What the run used, for the report: `configs.recommended`, `eslint.config.js`, `eslint.config.js + configs.strict`. */
function configName(args: CliArgs, params: OptionParams, cwd: string): string {
  if (params.configFile === undefined) return pluginConfigName(args);
  const file = displayPath(cwd, params.configFile);
  if (params.projectPlugin && !args.strict) return args.typeChecked ? `${file} (type-checked)` : file;
  return `${file} + ${pluginConfigName(args)}`;
}

/** Whether the project's config registers the plugin for any of the files (checked until one does). */
async function registersPlugin(params: OptionParams, files: readonly string[]): Promise<boolean> {
  const probe = new ESLint({
    cwd: params.cwd,
    overrideConfigFile: params.configGiven ? params.configFile : undefined,
    errorOnUnmatchedPattern: false,
  });
  for (const file of files) {
    const config = (await probe.calculateConfigForFile(file)) as { plugins?: Record<string, unknown> } | undefined;
    if (config?.plugins && Object.hasOwn(config.plugins, 'llm-leak')) return true;
  }
  return false;
}

/** The project config's failure, said in one line that names the file. */
function configError(file: string, cwd: string, error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((l) => l.trim() !== '') ?? message;
  return new UsageError(`cannot use ${displayPath(cwd, file)}: ${line} (--no-config lints without it)`);
}

async function createESLint(params: OptionParams): Promise<ESLint> {
  const threaded = params.concurrency !== undefined && params.concurrency !== 'off';
  const fromModule = (ESLint as unknown as { fromOptionsModule?: (url: URL) => Promise<ESLint> }).fromOptionsModule;
  if (params.concurrency !== undefined && typeof fromModule !== 'function') {
    // ESLint before 9.34 has neither worker threads nor the option.
    if (threaded) throw new UsageError(`--concurrency needs ESLint 9.34 or later (found ${ESLint.version})`);
    return new ESLint(await buildOptions({ ...params, concurrency: undefined }));
  }
  if (threaded && fromModule) {
    // Workers rebuild the options from this URL: plugin objects and parsers cannot be cloned into them.
    const url = new URL(`./options-module.js?p=${encodeURIComponent(JSON.stringify(params))}`, import.meta.url);
    return fromModule.call(ESLint, url);
  }
  return new ESLint(await buildOptions(params));
}

async function lint(eslint: ESLint, files: readonly string[], progress: Progress, threaded: boolean) {
  if (progress === NO_PROGRESS) return eslint.lintFiles([...files]);
  const results: ESLint.LintResult[] = [];
  const size = batchSize(files.length, threaded);
  for (let i = 0; i < files.length; i += size) {
    results.push(...(await eslint.lintFiles(files.slice(i, i + size))));
    progress.update(Math.min(files.length, i + size));
  }
  progress.done();
  return results;
}

/** A result with the plugin's errors turned into warnings. */
function asWarnings(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.map((m) => (m.severity === 2 && m.ruleId?.startsWith('llm-leak/') ? { ...m, severity: 1 as const } : m));
  return { ...result, messages };
}

/**
 * A "not checked" result for a file whose template literals nest past MAX_TEMPLATE_DEPTH (files.ts): the parser would
 * abort the process on it. Undefined for every other file, and for one that cannot be read (ESLint reports that).
 */
function nestedTooDeep(file: string): ESLint.LintResult | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Cheap first: no file nests 256 templates with fewer backticks than that.
  if (text.split('`', MAX_TEMPLATE_DEPTH + 1).length <= MAX_TEMPLATE_DEPTH) return undefined;
  const depth = templateDepth(text);
  if (depth <= MAX_TEMPLATE_DEPTH) return undefined;
  const message = `Template literals nested ${depth} deep (more than ${MAX_TEMPLATE_DEPTH}): not parsed, since the JavaScript parser aborts the whole process on such input.`;
  return {
    filePath: file,
    messages: [{ ruleId: null, message, line: 1, column: 1, severity: 2, fatal: true }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function exitCode(report: Report, args: CliArgs): number {
  // An analysis that failed on some file leaves the run incomplete: say so, whatever else was found.
  if (report.failedCount > 0) return 2;
  if (report.errorCount > 0) return 1;
  return args.maxWarnings !== undefined && report.warningCount > args.maxWarnings ? 1 : 0;
}

/** A cache file the run can write, or a UsageError: ESLint would otherwise skip the cache without a word. */
function checkWritable(file: string): void {
  try {
    if (existsSync(file)) {
      if (!statSync(file).isFile()) throw new Error('not a file');
      accessSync(file, constants.W_OK);
    } else {
      // A folder path ending in a separator is ESLint's own convention for "put the cache file in here".
      const dir = /[\\/]$/.test(file) ? file : path.dirname(file);
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      accessSync(dir, constants.W_OK);
    }
  } catch {
    throw new UsageError(`cannot write the cache file ${file}`);
  }
}

/** Lints what `args` names and writes the report; resolves to the exit code (0 clean, 1 findings, 2 incomplete). */
export async function lintProject(args: CliArgs, io: CliIo): Promise<number> {
  if (args.typeChecked && !existsSync(path.join(io.cwd, 'tsconfig.json'))) {
    throw new UsageError('--type-checked needs a tsconfig.json in the current folder');
  }

  const typescript = await typescriptParserAvailable();
  const files = collectFiles(io.cwd, args.paths, typescript ? [...JS_EXTENSIONS, ...TS_EXTENSIONS] : JS_EXTENSIONS);
  if (!typescript && collectFiles(io.cwd, args.paths, TS_EXTENSIONS).length > 0) {
    io.stderr.write('llm-leak: TypeScript files skipped: install @typescript-eslint/parser to lint them\n');
  }

  // More workers than files or cores only costs memory (999 workers on 400 files took 22 GB).
  const concurrency =
    typeof args.concurrency === 'number' ? Math.max(1, Math.min(args.concurrency, files.length, os.availableParallelism())) : args.concurrency;
  if (args.cache) checkWritable(path.resolve(io.cwd, args.cacheLocation ?? '.llm-leak-cache'));

  let configFile: string | undefined;
  if (args.config !== undefined) {
    configFile = path.resolve(io.cwd, args.config);
    if (!existsSync(configFile) || !statSync(configFile).isFile()) throw new UsageError(`no such config file: ${args.config}`);
  } else if (!args.noConfig) {
    configFile = findConfigFile(io.cwd);
  }
  const found = {
    cwd: io.cwd,
    strict: args.strict,
    typeChecked: args.typeChecked,
    typescript,
    severity: args.maxWarnings === undefined ? ('error' as const) : ('warn' as const),
    cache: args.cache,
    cacheLocation: args.cacheLocation,
    concurrency,
    configFile,
    configGiven: args.config !== undefined,
    projectPlugin: false,
  };
  let projectPlugin = false;
  if (configFile !== undefined) {
    try {
      projectPlugin = await registersPlugin(found, files);
    } catch (error) {
      throw configError(configFile, io.cwd, error);
    }
  }
  const cacheFile = args.cache ? path.resolve(io.cwd, args.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  const params: OptionParams = { ...found, projectPlugin, ...(cacheFile ? { depsStamp: depsStamp(cacheFile, files) } : {}) };

  const eslint = await createESLint(params);
  const lintable: string[] = [];
  const tooDeep: ESLint.LintResult[] = [];
  for (const file of files) {
    if (await eslint.isPathIgnored(file)) continue;
    // A file no block of the project's config matches (`files: ['**/*.js']` and a .ts file) is not the run's.
    if (configFile !== undefined && (await eslint.calculateConfigForFile(file)) === undefined) continue;
    const deep = nestedTooDeep(file);
    if (deep) tooDeep.push(deep);
    else lintable.push(file);
  }
  if (lintable.length + tooDeep.length === 0) throw new UsageError(`no JavaScript or TypeScript files to lint in ${args.paths.join(' ')}`);

  const threaded = concurrency !== undefined && concurrency !== 'off';
  const progress =
    io.stderr.isTTY && lintable.length >= PROGRESS_MIN_FILES ? createProgress(io.stderr, lintable.length) : NO_PROGRESS;
  let results = [...(lintable.length > 0 ? await lint(eslint, lintable, progress, threaded) : []), ...tooDeep];
  // --max-warnings makes every finding a warning, whatever level the project's config gives a rule.
  if (args.maxWarnings !== undefined) results = results.map(asWarnings);
  const report = buildReport(io.cwd, lintable.length + tooDeep.length, results);
  if (cacheFile) writeDeps(cacheFile, report.deps);

  let text: string;
  if (args.format === 'json') {
    text = `${JSON.stringify(report.results, null, 2)}\n`;
  } else if (args.format === 'sarif') {
    const base = args.strict ? plugin.configs.strict : plugin.configs.recommended;
    text = formatSarif(
      report,
      { name: plugin.meta.name, version: plugin.meta.version, rules: plugin.rules },
      Object.keys(base[0].rules),
      params.severity === 'error' ? 'error' : 'warning',
      configName(args, params, io.cwd),
    );
  } else {
    const colour = !args.outputFile && io.stdout.isTTY && !io.env.NO_COLOR;
    text = formatStylish(report, configName(args, params, io.cwd), colour ? COLOUR : PLAIN);
  }

  if (args.outputFile) {
    const target = path.resolve(io.cwd, args.outputFile);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    const total = report.errorCount + report.warningCount;
    io.stderr.write(`llm-leak: ${total} finding${total === 1 ? '' : 's'}; report written to ${args.outputFile}\n`);
  } else {
    io.stdout.write(text);
  }
  return exitCode(report, args);
}

