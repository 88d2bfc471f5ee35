/** Reading other files for the project route map: module resolution, entry candidates, and a bounded mtime cache. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileFacts } from './facts.js';
import type { ImportedExport } from '../llm/summary.js';
import { isInside, projectRoot, readSource, sourceFileStat, stampsHold, stampsOf, stat, type Stamp } from './disk.js';
import { resolveInProject } from './resolve.js';
import { globSync } from 'tinyglobby';
import { CREATES_APP_TEXT } from '../frameworks/registry.js';
import { withPathRecorder } from '../flow/paths.js';
import { textConstructedImports, textHasModelSignal, textPassesImportOn, textSpecifiers } from '../signals.js';
import { readSettings } from '../settings.js';
import { ops } from '../counters.js';

/**
 * Builds a file's facts while its scopes are live. The model hands it in, so the map never imports the model that
 * asks it (no import cycle, and one recogniser for both).
 */
export type FactsBuilder = (
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: Record<string, unknown>,
  filename: string,
  imported: ImportedExport | undefined,
) => FileFacts;

/** Builds the lookup of a file's imports at `level` (see factsFor), recording what it reads into `lint.deps`. */
export type ImportLookup = (filename: string, settings: Record<string, unknown>, lint: LintOptions, level: number) => ImportedExport | undefined;

/** What the linted file's run tells us about how to parse the others. */
export interface LintOptions {
  readonly cwd: string;
  /** How to read another file's facts once it is parsed. */
  readonly buildFacts: FactsBuilder;
  readonly languageOptions?: {
    readonly parser?: unknown;
    readonly parserOptions?: Readonly<Record<string, unknown>>;
    readonly ecmaVersion?: unknown;
    readonly sourceType?: string;
  };
  /** Every project file whose facts the answers so far depended on (the CLI's cache stamp, a fact's own deps). */
  readonly deps?: Set<string>;
  /** Set when an answer depended on facts that a deeper level could change (see Built.saturated). */
  readonly unsaturated?: { value: boolean };
  /** How a file's facts read their own imports (set by the project map; absent: facts read no imports). */
  readonly lookup?: ImportLookup;
}

const MAX_FILES = 2000;

/** Facts built at one level, with the other files they were computed from. */
interface Built {
  readonly facts: FileFacts | null;
  readonly deps: ReadonlyMap<string, Stamp>;
  /**
   * A deeper level would give the same facts: the file imports no project module (at level 0), or every module it
   * read had saturated facts. Then the facts are stored for every level above, and the file is parsed once for all.
   */
  readonly saturated: boolean;
}

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly createsApp: boolean;
  /** Not worth parsing (no import, export or mount in its text). */
  readonly inert: boolean;
  /** Its own text could hold a model client or call (signals.ts `textHasModelSignal`). */
  readonly modelSignal: boolean;
  /** What it imports, requires and re-exports from. */
  readonly specifiers: readonly string[];
  /** Its text may pass an import on as its own export (a barrel, `module.exports = require(...)`). */
  readonly passesOn: boolean;
  /** The specifiers whose imports its text constructs (signals.ts `textConstructedImports`). */
  readonly constructs: readonly string[];
  /** By level; missing until parsed (an entry candidate that creates no app is never parsed). */
  readonly built: Map<number, Built>;
}

/** Process-wide, bounded (least recently used goes first), checked by mtime and size: editor processes live for hours. */
const cache = new Map<string, Entry>();

/** How many files the cache has read and parsed since the process started (for tests and the bench). */
export function readCount(): number {
  return ops.reads;
}

/** How many times a file has been parsed for its facts since the process started (for tests and the bench). */
export function parseCount(): number {
  return ops.parses;
}

/** Empties the cache (tests). */
export function clearProjectCache(): void {
  cache.clear();
  dirs.clear();
  globs.clear();
}

/** True for a regular file on disk. */
export function isFile(file: string): boolean {
  return stat(file)?.isFile() ?? false;
}

/**
 * Resolves a specifier to a file of the project (see resolve.ts): relative paths, tsconfig paths, package imports
 * and workspace packages; never into node_modules, never outside `root` (default: the file's project root).
 */
export function resolveModule(from: string, specifier: string, root = projectRoot(from, path.dirname(from))): string | undefined {
  return resolveInProject(from, specifier, root);
}

const dirs = new Map<string, { mtimeMs: number; names: string[] }>();

function listDir(dir: string): string[] {
  const s = stat(dir);
  if (!s?.isDirectory()) return [];
  const hit = dirs.get(dir);
  if (hit && hit.mtimeMs === s.mtimeMs) return hit.names;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // Defensive: unreadable directory.
  }
  if (dirs.size > MAX_FILES) dirs.delete(dirs.keys().next().value!);
  dirs.set(dir, { mtimeMs: s.mtimeMs, names });
  return names;
}

const ENTRY_NAME = /^(app|server|index|main)\.(ts|mts|cts|js|mjs|cjs)$/;
const MAX_LEVELS = 8;

/**
 * Entry candidates for a file: files named app/server/index/main.{ts,mts,cts,js,mjs,cjs} in its directory and each
 * ancestor up to the package root (the nearest directory with a package.json, at most 8 levels), then the files
 * `settings['llm-leak'].entries` names (paths or globs relative to the cwd).
 */
export function entryCandidates(file: string, cwd: string, entries: readonly string[], root: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(file);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const names = listDir(dir);
    for (const n of names) if (ENTRY_NAME.test(n)) out.push(path.join(dir, n));
    if (names.includes('package.json') || names.includes('node_modules')) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const f of expandEntries(cwd, entries, root)) if (!out.includes(f)) out.push(f);
  return out;
}

const globs = new Map<string, { at: number; files: string[] }>();
/** Glob results are reused this long: a lint run sees one list, an editor sees new files soon enough. */
const GLOB_TTL_MS = 2000;

/**
 * Expands entry paths and globs relative to the cwd with tinyglobby (picomatch syntax), skipping node_modules and dot
 * directories, following no symlinks, at most 12 levels deep; only source files inside `root` come back (settings
 * validation already refuses absolute patterns and `..`).
 */
export function expandEntries(cwd: string, patterns: readonly string[], root: string): string[] {
  if (patterns.length === 0) return [];
  const key = `${cwd}\0${root}\0${patterns.join('\0')}`;
  const hit = globs.get(key);
  if (hit && Date.now() - hit.at < GLOB_TTL_MS) return hit.files;
  let found: string[] = [];
  try {
    found = globSync([...patterns], {
      cwd,
      absolute: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      deep: 12,
      ignore: ['**/node_modules/**', '**/.*/**'],
      expandDirectories: false,
    });
  } catch {
    found = []; // Defensive: an unreadable folder on the way.
  }
  const files = [...new Set(found.map((f) => path.resolve(f)))]
    .filter((f) => sourceFileStat(f, root) !== undefined)
    .sort()
    .slice(0, MAX_FILES);
  if (globs.size > 100) globs.clear();
  globs.set(key, { at: Date.now(), files });
  return files;
}

/** The scripts @fastify/autoload loads (`scriptPattern`, `.d.ts` aside), its index files, and its hook files. */
const AUTOLOAD_SCRIPT = /(?<!\.d)\.(?:ts|js|cjs|mjs|cts|mts)$/i;
const AUTOLOAD_INDEX = /^index\.(?:ts|js|cjs|mjs|cts|mts)$/i;
const AUTOLOAD_HOOKS = /^[_.]?auto_?hooks\.(?:ts|js|cjs|mjs|cts|mts)$/i;
/** Folders and files an autoload folder is followed through: deeper or larger trees are not a plugin folder. */
const AUTOLOAD_DEPTH = 8;
const AUTOLOAD_FILES = 500;

/**
 * The plugin files @fastify/autoload loads from `dir`, with defaults, each with the prefix its subfolders give it
 * (`/users` for users/list.ts, when `dirPrefix`; none without): every script, except that a folder holding an
 * index file loads that one alone (its subfolders still load), and hook files (`autohooks.js`) are not plugins.
 * In directory order (sorted), with the folders read (a file added to one is a new plugin). Nothing outside `root`.
 */
export function autoloadFiles(dir: string, root: string, dirPrefix: boolean): { files: { file: string; prefix: string }[]; folders: string[] } {
  const out: { file: string; prefix: string }[] = [];
  const folders: string[] = [];
  const walk = (folder: string, prefix: string, depth: number): void => {
    if (depth > AUTOLOAD_DEPTH || !isInside(folder, root) || out.length >= AUTOLOAD_FILES) return;
    folders.push(folder);
    const names = [...listDir(folder)].sort();
    const index = names.find((n) => AUTOLOAD_INDEX.test(n) && isFile(path.join(folder, n)));
    for (const n of names) {
      if (out.length >= AUTOLOAD_FILES) return;
      const full = path.join(folder, n);
      const s = stat(full);
      if (s?.isDirectory()) {
        if (n !== 'node_modules') walk(full, dirPrefix ? `${prefix}/${n}` : prefix, depth + 1);
      } else if (s?.isFile() && AUTOLOAD_SCRIPT.test(n) && !AUTOLOAD_HOOKS.test(n) && (!index || n === index)) {
        out.push({ file: full, prefix });
      }
    }
  };
  walk(dir, '', 0);
  return { files: out, folders };
}

/** Text a file must contain to be worth parsing: an import, a require, an export, or a mount. */
const WORTH_READING = /\bfrom\s*['"]|\brequire\s*\(|\bexport\b|module\.exports|\b(use|register|route)\s*\(/;
/** Text an entry candidate must contain: it creates an app (each adapter's `createsAppText`). */
export const CREATES_APP = CREATES_APP_TEXT;

/**
 * How many levels of imports a module summary looks through: the linted file reads its imports' summaries built at
 * `SUMMARY_LEVELS - 1`, and those read theirs one level lower, down to 0 (a summary from the module alone). So a
 * route reaches a model through a service and the module that makes the client (or an imported controller and the
 * module of its client). Each level is cached on its own: a fact never depends on what happened to be computed
 * before it. Each level costs a parse of the modules it reaches (docs/performance.md): three levels cost about twice
 * what two do on 500-file apps.
 */
export const SUMMARY_LEVELS = 2;

/**
 * The facts of a file at `level`, read at most once per content (path, mtime and size) and parsed at most once per
 * level; undefined when unreadable, unparsable or not worth reading. With `entryOnly`, a file that creates no app is
 * not parsed. Facts that read other modules are rebuilt when one of those changes. The file, and every file its
 * facts were computed from, are added to `lint.deps`.
 */
export function factsFor(
  file: string,
  lint: LintOptions,
  settings: Record<string, unknown>,
  root: string,
  entryOnly = false,
  level = 0,
  summaryOnly = false,
): FileFacts | undefined {
  const key = `${file}\0${configKey(lint, settings)}`;
  let hit = cache.get(key);
  // The guard (a regular source file inside the project root, of a sane size, on its real path too) passed when the
  // entry was made; while the file's stats are the same, one stat re-checks it.
  const quick = hit && isInside(path.resolve(file), root) ? stat(file) : undefined;
  const s = quick && hit && quick.mtimeMs === hit.mtimeMs && quick.size === hit.size ? quick : sourceFileStat(file, root);
  if (!s) return undefined;
  lint.deps?.add(file);
  let text: string | undefined;
  if (!hit || hit.mtimeMs !== s.mtimeMs || hit.size !== s.size) {
    text = read(file, root);
    if (text === undefined) return undefined;
    hit = entryOf(s, text, settings);
  }
  // Refresh its place in the LRU order.
  cache.delete(key);
  if (cache.size >= MAX_FILES) cache.delete(cache.keys().next().value!);
  cache.set(key, hit);
  if (entryOnly && !hit.createsApp) return undefined;
  if (hit.inert || (summaryOnly && !mayHoldSummary(hit, file, level, lint, settings, root))) return undefined;
  let built = fresh(hit, level);
  if (!built) {
    // A second read only when the file was first seen as an entry candidate that creates no app.
    text ??= read(file, root);
    // One parse builds every missing level up to `level`: the lower ones are asked for next (by the files this
    // file's importers import), and a parse costs several times a build.
    const levels: number[] = [];
    for (let l = 0; l <= level; l++) if (!fresh(hit, l)) levels.push(l);
    const entry = hit;
    const build: LevelBuilder = (buildOne) => {
      for (const l of levels) {
        if (fresh(entry, l)) continue; // A saturated lower level filled it.
        const deps = new Set<string>();
        const unsaturated = { value: false };
        const inner: LintOptions = { ...lint, deps, unsaturated };
        // At level 0 the lookup only probes: it says whether any import is a project module, and returns nothing.
        const imported = lint.lookup ? lint.lookup(file, settings, inner, l - 1) : undefined;
        // Without a lookup nothing is known of the imports: never saturated.
        if (!lint.lookup) unsaturated.value = true;
        let facts: FileFacts | null = null;
        try {
          facts = buildOne(imported) ?? null;
        } catch {
          facts = null; // Defensive: never let one module's facts stop the lint.
        }
        deps.delete(file);
        store(entry, l, { facts, deps: stampsOf(deps), saturated: !unsaturated.value });
      }
    };
    try {
      if (text !== undefined) parseFacts(file, text, lint, settings, build);
    } catch {
      // Defensive: a parser that throws instead of reporting.
    }
    // Unparsable (or a parser that threw): remembered as no facts, for this content.
    for (const l of levels) if (!fresh(hit, l)) store(hit, l, { facts: null, deps: new Map(), saturated: true });
    built = fresh(hit, level)!;
  }
  for (const d of built.deps.keys()) lint.deps?.add(d);
  if (!built.saturated && lint.unsaturated) lint.unsaturated.value = true;
  return built.facts ?? undefined;
}

/** Project imports followed when deciding whether a summary can say anything (the re-export hops summaryOf follows). */
const MAX_SIGNAL_HOPS = 8;

/**
 * Whether `file`'s summary at `level` can say anything, from the text of the modules it reads, before parsing it: its
 * own text has a model signal, or an import's summary at `level - 1` can (a function of this module calls it), or this
 * module passes an import on whose summary at `level` can. Not so: its summary is empty, and it is not parsed for it.
 * Every module read is added to `lint.deps` (the answer changes when one of them does).
 */
function mayHoldSummary(entry: Entry, file: string, level: number, lint: LintOptions, settings: Record<string, unknown>, root: string): boolean {
  const seen = new Set<string>();
  // A module left unread for want of levels: a deeper level could find a signal through it.
  let cut = false;
  const walk = (e: Entry, f: string, l: number, hops: number): boolean => {
    // Beyond the levels: what it holds is not read at this level (a deeper level could, see `cut`).
    if (l < 0) {
      cut ||= e.modelSignal || e.specifiers.length > 0;
      return false;
    }
    if (e.modelSignal) return true;
    if (hops > MAX_SIGNAL_HOPS || seen.has(`${l}\0${f}`)) return false;
    if (l === 0 && !e.passesOn) {
      cut ||= e.specifiers.length > 0;
      // An instance of an imported class, whose module says alone whether it calls a model (ClientMap.instanceOf).
      return e.constructs.some((spec) => {
        const to = resolveModule(f, spec, root);
        const next = to && to !== f ? peek(to, lint, settings, root) : undefined;
        if (next) lint.deps?.add(to!);
        return next?.modelSignal === true;
      });
    }
    seen.add(`${l}\0${f}`);
    for (const spec of e.specifiers) {
      const to = resolveModule(f, spec, root);
      if (!to || to === f) continue;
      const next = peek(to, lint, settings, root);
      if (!next) continue;
      lint.deps?.add(to);
      // At level 0 the module reads none of its imports: only what it passes on can carry a summary.
      if (walk(next, to, l - 1, hops + 1) || (e.passesOn && walk(next, to, l, hops + 1))) return true;
    }
    return false;
  };
  if (walk(entry, file, level, 0)) return true;
  // Empty at this level; if a signal lies further down, the answer is not the same at every level above.
  if (cut && lint.unsaturated && !lint.unsaturated.value && walk(entry, file, MAX_SIGNAL_HOPS, 0)) lint.unsaturated.value = true;
  return false;
}

/** The cache entry of a module whose text is read (not parsed), made if missing or stale. */
function peek(file: string, lint: LintOptions, settings: Record<string, unknown>, root: string): Entry | undefined {
  const key = `${file}\0${configKey(lint, settings)}`;
  const hit = cache.get(key);
  // As in factsFor: while the stats are those the guard passed, one stat re-checks it.
  const quick = hit && isInside(path.resolve(file), root) ? stat(file) : undefined;
  if (quick && hit && quick.mtimeMs === hit.mtimeMs && quick.size === hit.size) return hit;
  const s = sourceFileStat(file, root);
  if (!s) return undefined;
  const text = read(file, root);
  if (text === undefined) return undefined;
  const entry = entryOf(s, text, settings);
  if (cache.size >= MAX_FILES) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
  return entry;
}

function entryOf(s: { mtimeMs: number; size: number }, text: string, settings: Record<string, unknown>): Entry {
  return {
    mtimeMs: s.mtimeMs,
    size: s.size,
    createsApp: CREATES_APP.test(text),
    inert: !WORTH_READING.test(text),
    modelSignal: textHasModelSignal(text, readSettings(settings)),
    specifiers: textSpecifiers(text),
    passesOn: textPassesImportOn(text),
    constructs: textConstructedImports(text),
    built: new Map(),
  };
}

/** The facts built at `level`, unless a module they read has changed since. */
function fresh(entry: Entry, level: number): Built | undefined {
  const built = entry.built.get(level);
  return built && stampsHold(built.deps) ? built : undefined;
}

/** Saturated facts stand for every level above too: the file is parsed once for all. */
function store(entry: Entry, level: number, built: Built): void {
  entry.built.set(level, built);
  if (built.saturated) for (let l = level + 1; l < SUMMARY_LEVELS; l++) if (!fresh(entry, l)) entry.built.set(l, built);
}

/** Builds facts (one call per level) from one parse; `buildOne` reads the live scopes with a level's import lookup. */
type LevelBuilder = (buildOne: (imported: ImportedExport | undefined) => FileFacts | undefined) => void;

function read(file: string, root: string): string | undefined {
  ops.reads++;
  return readSource(file, root);
}

const configKeys = new WeakMap<object, string>();

/** Parser identity and the plugin's settings: facts (auth verdicts) depend on both. */
function configKey(lint: LintOptions, settings: Record<string, unknown>): string {
  let k = configKeys.get(settings);
  if (k === undefined) {
    k = JSON.stringify(settings['llm-leak'] ?? null);
    configKeys.set(settings, k);
  }
  return `${parserName(lint.languageOptions?.parser)}\0${k}`;
}

function parserName(parser: unknown): string {
  const meta = (parser as { meta?: { name?: string } } | undefined)?.meta;
  return meta?.name ?? (parser ? 'custom' : 'espree');
}

const TS_FILE = /\.(ts|tsx|mts|cts)$/;
let tsParser: unknown;

/** The parser for another file: the lint's own, or @typescript-eslint/parser for TypeScript when the lint uses espree. */
function parserFor(file: string, lint: LintOptions): unknown {
  const parser = lint.languageOptions?.parser;
  if (!TS_FILE.test(file) || (parser && parserName(parser) !== 'espree')) return parser;
  if (tsParser === undefined) {
    try {
      tsParser = createRequire(path.join(lint.cwd, 'package.json'))('@typescript-eslint/parser');
    } catch {
      tsParser = null; // Not installed: TypeScript files are skipped.
    }
  }
  return tsParser ?? null;
}

/** Parses a file with the lint's parser inside a one-rule Linter run, so scopes are live while the model is read. */
function parseFacts(
  file: string,
  text: string,
  lint: LintOptions,
  settings: Record<string, unknown>,
  build: LevelBuilder,
): void {
  const parser = parserFor(file, lint);
  if (parser === null) return;
  ops.parses++;
  const { project: _p, projectService: _s, programs: _g, ...parserOptions } = lint.languageOptions?.parserOptions ?? {};
  const esm = /\.(mjs|mts)$/.test(file) || TS_FILE.test(file) || /^\s*(import|export)\b/m.test(text);
  const sourceType = esm ? 'module' : /\.(cjs|cts)$/.test(file) || /\brequire\s*\(|module\.exports/.test(text) ? 'commonjs' : 'module';
  const linter = new Linter({ cwd: path.dirname(file), configType: 'flat' });
  linter.verify(
    text,
    [
      {
        // A pattern ending in '*' alone does not make ESLint lint a file: name the extensions.
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: {
          ...(parser ? { parser: parser as Linter.Parser } : {}),
          parserOptions: { ...parserOptions, sourceType: sourceType === 'commonjs' && parser ? 'script' : sourceType },
          ecmaVersion: 'latest',
          sourceType,
        },
        settings,
        plugins: {
          'llm-leak-project': {
            rules: {
              facts: {
                meta: { type: 'problem', schema: [] },
                create(context) {
                  // The facts' auth verdicts ask "does the check run before the call": record the code paths.
                  return withPathRecorder(context as never, {
                    'Program:exit'() {
                      build((imported) => lint.buildFacts(context.sourceCode as never, context.settings, context.filename, imported));
                    },
                  }) as never;
                },
              },
            },
          },
        },
        rules: { 'llm-leak-project/facts': 'error' },
      },
    ],
    file,
  );
}
