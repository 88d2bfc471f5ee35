/** Reading other files for the project route map: module resolution, entry candidates, and a bounded mtime cache. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { ALL_PARTS, mergeFacts, partBits, PART_BITS, type FactPart, type FactsWith, type FileFacts } from './facts.js';
import { handsOutClient, type ExportSeed, type ImportedExport, type ModelFunction } from '../llm/summary.js';
import type { ClientMap } from '../llm/sdks.js';
import { modelHost } from '../llm/hosts.js';
import { isInside, madeNow, projectRoot, readSource, sourceFileStat, stampsHold, stampsOf, stat, stillStands, type DiskMemo, type Made, type Stamp } from './disk.js';
import { resolveInProject } from './resolve.js';
import { globSync } from 'tinyglobby';
import { CREATES_APP_TEXT } from '../frameworks/registry.js';
import { pathListeners } from '../flow/paths.js';
import { sourceCodeOf } from './parse.js';
import { textBindings, textConstructedImports, textHasModelSignal, textPassesImportOn, textSpecifiers, type TextBinding } from '../signals.js';
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
  parts: number,
) => FileFacts;

/** Builds what an export does with a client handed to one of its parameters (ImportedExport.seeded), like FactsBuilder. */
export type SeededBuilder = (
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: Record<string, unknown>,
  filename: string,
  imported: ImportedExport | undefined,
  seed: ExportSeed,
) => ModelFunction | undefined;

/** Builds the lookup of a file's imports at `level` (see factsFor), recording what it reads into `lint.deps`. */
export type ImportLookup = (filename: string, settings: Record<string, unknown>, lint: LintOptions, level: number) => ImportedExport | undefined;

/** What the linted file's run tells us about how to parse the others. */
export interface LintOptions {
  readonly cwd: string;
  /** How to read another file's facts once it is parsed. */
  readonly buildFacts: FactsBuilder;
  /** How to read what another file's function does with a client a caller hands it; absent: not read. */
  readonly buildSeeded?: SeededBuilder;
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
  /** What the disk said during this file's lint (disk.ts DiskMemo); the project map's entry points read through it. */
  readonly disk?: DiskMemo;
  /**
   * Work that only adds to `deps`, left for whoever reads them (the CLI's cache stamp): most lints never do. Only on
   * the linted file's own options: a fact's deps are stamped when it is built.
   */
  readonly depsLater?: (() => void)[];
  /**
   * The linted file's own parse: its facts, asked for during its lint (the route map's walk expands it), are built
   * from it rather than from a second parse, when the file on disk holds the same text and no type information
   * could make them differ from a parse's.
   */
  readonly own?: { readonly file: string; readonly sourceCode: Readonly<TSESLint.SourceCode> };
}

const MAX_FILES = 2000;
/**
 * Modules whose text and facts are kept: every module of a large project (the route map's import graph reads each
 * one's text, and a module whose built facts were pushed out costs its parse again: a 2,500-file app parsed 8% more
 * with 2,000).
 */
const MAX_ENTRIES = 10_000;

/** Facts built at one level, with the other files they were computed from. */
interface Built {
  readonly facts: FileFacts | null;
  /** The parts built (facts.ts PART_BITS); the other fields are empty. */
  readonly parts: number;
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
  /** Its text calls `fetch` or axios, whose URL may start with another module's constant. */
  readonly fetches: boolean;
  /** Its text adds a hook to an instance (`addHook`): only such a module can guard the routes registered after it. */
  readonly hooks: boolean;
  /** Its text assigns to a member of a name (`res.success = ...`): only such a module can install a responder. */
  readonly installs: boolean;
  /** What it imports, requires and re-exports from. */
  readonly specifiers: readonly string[];
  /** Its text may pass an import on as its own export (a barrel, `module.exports = require(...)`). */
  readonly passesOn: boolean;
  /** The specifiers whose imports its text constructs (signals.ts `textConstructedImports`). */
  readonly constructs: readonly string[];
  /** By level; missing until parsed (an entry candidate that creates no app is never parsed). */
  readonly built: Map<number, Built>;
  /** holdsAt's answers by level. */
  readonly holds: Map<number, Hold>;
  /** seededFor's answers, by level and seed (seedKey); null: no model call reached through the parameter. */
  readonly seeded: Map<string, { readonly fn: ModelFunction | null; readonly deps: ReadonlyMap<string, Stamp> }>;
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
  recentTexts.clear();
  recentChars = 0;
  scanned.clear();
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

const globs = new Map<string, { made: Made; files: string[] }>();
/** Glob results are reused this long in a long-lived process, and for a whole one-shot run (stillStands). */
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
  if (hit && stillStands(hit.made, GLOB_TTL_MS)) return hit.files;
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
  globs.set(key, { made: madeNow(), files });
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

/** Text a file must contain to be worth parsing: an import, a require, an export (`exports.x =` too), or a mount. */
const WORTH_READING = /\bfrom\s*['"]|\brequire\s*\(|\bexport\b|\bexports\.|module\.exports|\b(use|register|route)\s*\(/;
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
export const SUMMARY_LEVELS = 3;

/**
 * Facts built at CLIENT_LEVEL + 1 read their imports as a probe does, except for the model clients the imports hand
 * out (their summaries at CLIENT_LEVEL): route -> controller -> service -> the module that makes the client, the
 * layered app's chain, costs the client module's parse and the service's build, nothing more. A module none of
 * whose imports can hold a client has the same facts at that level as at the one below, and is not built again.
 */
export const CLIENT_LEVEL = 0;

/** What a question asks of a module's facts (see factsFor). */
export interface FactsAsk<P extends FactPart> {
  /** The parts it reads: the others are not built for it (facts.ts FactPart). */
  readonly parts: readonly P[];
  /** The summary level (default 0). */
  readonly level?: number;
  /** A file that creates no app is not parsed. */
  readonly entryOnly?: boolean;
  /** Only the summary is wanted: a module that cannot reach a model is not parsed for it. */
  readonly summaryOnly?: boolean;
}

/**
 * The facts of a file at `ask.level`, read at most once per content (path, mtime and size) and parsed at most once
 * per level, with the parts asked (one part asked later costs a second build, from a kept parse when there is one:
 * the modules the route map walks and those read for summaries are seldom the same); undefined when unreadable,
 * unparsable or not worth reading. Facts that read other modules are rebuilt when one of those changes. The file,
 * and every file its facts were computed from, are added to `lint.deps`.
 */
export function factsFor<P extends FactPart>(
  file: string,
  lint: LintOptions,
  settings: Record<string, unknown>,
  root: string,
  ask: FactsAsk<P>,
): FactsWith<P> | undefined {
  const { level = 0, entryOnly = false, summaryOnly = false } = ask;
  const need = partBits(ask.parts);
  const key = `${file}\0${configKey(lint, settings)}`;
  let hit = cache.get(key);
  // The guard (a regular source file inside the project root, of a sane size, on its real path too) passed when the
  // entry was made; while the file's stats are the same, one stat re-checks it.
  const quick = hit && isInside(path.isAbsolute(file) ? file : path.resolve(file), root) ? stat(file) : undefined;
  const s = sameStats(quick, hit) ? quick : sourceFileStat(file, root);
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
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, hit);
  if (entryOnly && !hit.createsApp) return undefined;
  if (hit.inert || (summaryOnly && !mayHoldSummary(hit, file, level, lint, settings, root))) return undefined;
  let built = fresh(hit, level, need);
  if (!built) {
    const kept = (lint.disk && parsedOf(hit, lint.disk)) || (lint.own?.file === file ? ownParse(lint.own.sourceCode, (text ??= textOf(hit, file, root))) : undefined);
    // A second read only when the file was first seen as an entry candidate that creates no app.
    if (!kept) text ??= textOf(hit, file, root);
    // One parse builds every missing level up to `level`: the lower ones are asked for next (by the files this
    // file's importers import), and a parse costs several times a build.
    const levels: number[] = [];
    for (let l = 0; l <= level; l++) if (!fresh(hit, l, need)) levels.push(l);
    const entry = hit;
    const build: LevelBuilder = (buildOne) => {
      for (const l of levels) {
        if (fresh(entry, l, need)) continue; // A saturated lower level filled it.
        // Facts of this content built for other parts stay; only the parts they lack are built.
        const before = entry.built.get(l);
        const had = before?.facts && stampsHold(before.deps) ? before : undefined;
        const wanted = companions(need) | (had?.parts ?? 0);
        const below = l === CLIENT_LEVEL + 1 ? fresh(entry, CLIENT_LEVEL, wanted) : undefined;
        if (below) {
          const read = new Set<string>();
          if (!importsHoldClients(entry, file, lint, settings, root, read)) {
            for (const d of below.deps.keys()) read.add(d);
            read.delete(file);
            store(entry, l, { facts: below.facts, parts: below.parts, deps: stampsOf(read), saturated: below.saturated });
            continue;
          }
        }
        const parts = wanted & ~(had?.parts ?? 0);
        const deps = new Set<string>(had?.deps.keys());
        const unsaturated = { value: had ? !had.saturated : false };
        const inner: LintOptions = { ...lint, deps, unsaturated, depsLater: undefined };
        // At level 0 the lookup only probes: it says whether any import is a project module, and returns nothing.
        const imported = lint.lookup ? lint.lookup(file, settings, inner, l - 1) : undefined;
        // Without a lookup nothing is known of the imports: never saturated.
        if (!lint.lookup) unsaturated.value = true;
        let facts: FileFacts | null = null;
        ops.builds++;
        try {
          facts = buildOne(imported, parts) ?? null;
        } catch {
          facts = null; // Defensive: never let one module's facts stop the lint.
        }
        if (facts && had?.facts) facts = mergeFacts(had.facts, facts, parts);
        deps.delete(file);
        store(entry, l, { facts, parts: facts ? wanted : ALL_PARTS, deps: stampsOf(deps), saturated: !unsaturated.value });
      }
    };
    try {
      const sourceCode = kept ?? (text === undefined ? undefined : parse(file, text, lint));
      if (sourceCode) {
        build((imported, parts) => lint.buildFacts(sourceCode, settings, file, imported, parts));
        // Kept while a level above is still to be built from it.
        if (lint.disk && !fresh(hit, SUMMARY_LEVELS - 1, need)) keepParsed(hit, sourceCode, lint.disk);
        else if (lint.disk) dropParsed(hit, lint.disk);
      }
    } catch {
      // Defensive: a parser that throws instead of reporting.
    }
    // Unparsable (or a parser that threw): remembered as no facts, for this content.
    for (const l of levels) if (!fresh(hit, l, need)) store(hit, l, { facts: null, parts: ALL_PARTS, deps: new Map(), saturated: true });
    built = fresh(hit, level, need)!;
  }
  for (const d of built.deps.keys()) lint.deps?.add(d);
  if (!built.saturated && lint.unsaturated) lint.unsaturated.value = true;
  return built.facts ?? undefined;
}

const mapIds = new WeakMap<ClientMap, number>();
let nextMapId = 0;

function seedKey(level: number, seed: ExportSeed): string {
  let id = mapIds.get(seed.seed.map);
  if (id === undefined) mapIds.set(seed.seed.map, (id = ++nextMapId));
  return `${level}\0${seed.name}\0${seed.member ?? ''}\0${seed.seed.index}\0${id}`;
}

/**
 * What export `seed.name` of `file` does when a caller hands its parameter `seed.seed.index` a client
 * (ImportedExport.seeded), read with the file's imports at `level - 1`; cached per content, level and seed, and
 * rebuilt when a module it read changes. Asked only where a client is handed to a project module's function, so the
 * parse it may cost is paid there.
 */
export function seededFor(file: string, lint: LintOptions, settings: Record<string, unknown>, root: string, level: number, seed: ExportSeed): ModelFunction | undefined {
  if (!lint.buildSeeded) return undefined;
  const entry = peekNow(file, `${file}\0${configKey(lint, settings)}`, settings, root);
  if (!entry || entry.inert) return undefined;
  lint.deps?.add(file);
  const key = seedKey(level, seed);
  let hit = entry.seeded.get(key);
  if (!hit || !stampsHold(hit.deps)) {
    const deps = new Set<string>();
    const inner: LintOptions = { ...lint, deps, unsaturated: undefined, depsLater: undefined };
    let fn: ModelFunction | null = null;
    try {
      const sourceCode = (lint.disk && parsedOf(entry, lint.disk)) || parseText(file, root, lint);
      const imported = sourceCode && lint.lookup ? lint.lookup(file, settings, inner, level - 1) : undefined;
      fn = (sourceCode && lint.buildSeeded(sourceCode, settings, file, imported, seed)) ?? null;
    } catch {
      fn = null; // Defensive: never let one module's answer stop the lint.
    }
    deps.delete(file);
    if (entry.seeded.size > 32) entry.seeded.clear();
    entry.seeded.set(key, (hit = { fn, deps: stampsOf(deps) }));
  }
  for (const d of hit.deps.keys()) lint.deps?.add(d);
  return hit.fn ?? undefined;
}

/** What a project file imports, requires and re-exports from, read from its text (cached per content, no parse). */
export function importSpecifiersOf(file: string, lint: LintOptions, settings: Record<string, unknown>, root: string): readonly string[] {
  return peekNow(file, `${file}\0${configKey(lint, settings)}`, settings, root)?.specifiers ?? [];
}

/**
 * importSpecifiersOf for a module that may never be asked anything else (the route map's import graph reads every
 * module an entry imports): from its cache entry when it has one, else from a scan of its text for the specifiers
 * alone, kept by content apart from the entries.
 */
export function specifiersOnly(file: string, lint: LintOptions, settings: Record<string, unknown>, root: string): readonly string[] {
  const entry = cache.get(`${file}\0${configKey(lint, settings)}`);
  const s = isInside(path.isAbsolute(file) ? file : path.resolve(file), root) ? stat(file) : undefined;
  if (entry && sameStats(s, entry)) return entry.specifiers;
  const hit = scanned.get(file);
  if (hit && sameStats(s, hit)) return hit.specifiers;
  const checked = sourceFileStat(file, root);
  const text = checked && read(file, root);
  if (!checked || text === undefined) return [];
  const specifiers = textSpecifiers(text);
  if (scanned.size >= MAX_ENTRIES) scanned.delete(scanned.keys().next().value!);
  scanned.set(file, { mtimeMs: checked.mtimeMs, size: checked.size, specifiers });
  return specifiers;
}

const scanned = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly specifiers: readonly string[] }>();

/**
 * What a project file's text says it may do to the instance or response its functions are handed, read without a
 * parse: add a hook (facts.ts `sharedAuth` needs one), install a method (`responders` needs one).
 */
export function mayAddTo(file: string, lint: LintOptions, settings: Record<string, unknown>, root: string): { readonly hooks: boolean; readonly installs: boolean } {
  const entry = peekNow(file, `${file}\0${configKey(lint, settings)}`, settings, root);
  return { hooks: entry?.hooks ?? false, installs: entry?.installs ?? false };
}

function parseText(file: string, root: string, lint: LintOptions): Readonly<TSESLint.SourceCode> | undefined {
  const text = read(file, root);
  return text === undefined ? undefined : parse(file, text, lint);
}

/** How deep `holdsAt` follows imports in one question (a chain of barrels is rarely a tenth of it). */
const MAX_HOLD_DEPTH = 64;
/** A Hold input that is a module's own level-0 summary, or its text's model signal, rather than its answer at a level. */
const OWN = -1;
const TEXT = -2;
/** A module's own level-0 summary holds a model client. */
const CLIENTS = -3;
/** A module exports a constant bound to a model host's URL (facts.ts `literals`). */
const HOSTS = -4;
/** The hold "hands out a model client at CLIENT_LEVEL" (its own, or one it passes on), as CLIENT_LEVEL + 1 reads it. */
const CLIENT_HOLD = SUMMARY_LEVELS;

/** What `holdsAt` answered for a module at a level, with what the answer was read from. */
interface Hold {
  readonly answer: boolean;
  /** The answers it was read from: it stands while each input still gives the same one. */
  readonly inputs: readonly HoldInput[];
  /** The lint (its DiskMemo's id) in which it was last found to stand: not checked again in it. */
  checked: number | undefined;
  /** A false answer that leaned on a cycle (see holdsAt): kept for its inputs only, never reused. */
  readonly provisional: boolean;
}

interface HoldInput {
  readonly file: string;
  /** A summary level, or OWN, TEXT, CLIENTS or HOSTS. */
  readonly level: number;
  readonly answer: boolean;
}

/** One question to `holdsAt`: the modules on the way, and what it answered on the way (a barrel tree is read once). */
interface HoldQuestion {
  readonly lint: LintOptions;
  readonly settings: Record<string, unknown>;
  readonly root: string;
  /** The lint's DiskMemo id; none for a call outside a lint, where every answer is checked. */
  readonly epoch: number | undefined;
  /** The cache entries of the modules read, by file (one lint's, when there is a DiskMemo), and their key's suffix. */
  readonly entries: Map<string, Entry | undefined>;
  readonly config: string;
  /** The modules being answered, by level and file, with their depth, and in order. */
  readonly active: Map<string, number>[];
  readonly stack: { readonly file: string; readonly level: number }[];
  /** Answers given on the way, by level and file; `leaned`: the module of a cycle a false one leaned on (see holdsAt). */
  readonly answered: Map<string, { readonly answer: boolean; readonly leaned?: { readonly file: string; readonly level: number } }>[];
  /** The shallowest active module an answer on the way leaned on (a cycle): an answer below it is not kept. */
  leanedOn: number;
}

/** A hold question asked for `lint`, its answers read through the lint's DiskMemo. */
function holdQuestion(lint: LintOptions, settings: Record<string, unknown>, root: string): HoldQuestion {
  return {
    // Its own level-0 facts depend on no other module: they never make the asking facts unsaturated.
    lint: { ...lint, unsaturated: undefined },
    settings,
    root,
    epoch: lint.disk?.id,
    entries: entriesOf(lint, settings, root),
    config: configKey(lint, settings),
    active: [],
    stack: [],
    answered: [],
    leanedOn: Infinity,
  };
}

/**
 * Whether one of the modules `specifiers` name from `file` can hand out a model client (CLIENT_HOLD); what each
 * answer read goes to `record`.
 */
function anyHoldsClient(file: string, specifiers: Iterable<string>, q: HoldQuestion, record: (to: string) => void): boolean {
  for (const spec of specifiers) {
    const to = resolveModule(file, spec, q.root);
    if (!to || to === file) continue;
    const holds = holdsAt(to, CLIENT_HOLD, q);
    record(to);
    if (holds) return true;
  }
  return false;
}

/** Adds what `file`'s answer at `level` was read from to `lint.deps`, now or when the CLI's stamp asks (depsLater). */
function recordHoldDeps(lint: LintOptions, file: string, level: number, q: HoldQuestion): void {
  const deps = lint.deps;
  if (deps && lint.depsLater) lint.depsLater.push(() => addHoldDeps(file, level, deps, q));
  else if (deps) addHoldDeps(file, level, deps, q);
}

/** Whether an import of `file` can hand out a model client (see CLIENT_LEVEL); what the answer read goes to `deps`. */
function importsHoldClients(entry: Entry, file: string, lint: LintOptions, settings: Record<string, unknown>, root: string, deps: Set<string>): boolean {
  const q = holdQuestion(lint, settings, root);
  return anyHoldsClient(file, entry.specifiers, q, (to) => addHoldDeps(to, CLIENT_HOLD, deps, q));
}

/**
 * Whether one of the linted file's imports that it calls (`called`, asked only when needed) names a project module
 * that can hand out a model client (CLIENT_HOLD); `specifiers` are all its imports, read from its text as linted.
 * What the answer read goes to `lint.deps`.
 */
export function importsModelClient(
  file: string,
  specifiers: readonly string[],
  called: () => readonly string[],
  lint: LintOptions,
  settings: Record<string, unknown>,
  root: string,
): boolean {
  const q = holdQuestion(lint, settings, root);
  // By text first: an import with no model signal of its own that passes nothing on hands out no client, and the
  // linted file's calls need not be read (most modules of an app import only such modules).
  const candidates = new Set<string>();
  for (const spec of specifiers) {
    const to = resolveModule(file, spec, root);
    if (!to || to === file) continue;
    lint.deps?.add(to);
    const entry = entryIn(q, to);
    if (entry && !entry.inert && (entry.modelSignal || entry.passesOn)) candidates.add(spec);
  }
  if (candidates.size === 0) return false;
  const calledCandidates = new Set(called().filter((spec) => candidates.has(spec)));
  return anyHoldsClient(file, calledCandidates, q, (to) => recordHoldDeps(lint, to, CLIENT_HOLD, q));
}

/**
 * Whether `file`'s summary at `level` can say anything, before parsing it: its own text has a model signal, or an
 * import's summary at `level - 1` can (a function of this module calls it), or this module passes an import on whose
 * summary at `level` can (holdsAt). Not so: its summary is empty, and it is not parsed for it. Every module the answer
 * read is added to `lint.deps` (it changes when one of them does).
 */
function mayHoldSummary(entry: Entry, file: string, level: number, lint: LintOptions, settings: Record<string, unknown>, root: string): boolean {
  // The asked module is parsed whenever its text has a signal: every level it needs is built in that one parse.
  if (entry.modelSignal) return true;
  const question = holdQuestion(lint, settings, root);
  const answer = holdsAt(file, level, question);
  recordHoldDeps(lint, file, level, question);
  // Empty at this level: a level deeper could reach further (conservative, so the facts are rebuilt rather than stale).
  if (!answer && entry.specifiers.length > 0 && lint.unsaturated) lint.unsaturated.value = true;
  return answer;
}

/**
 * Whether a module's summary at `level` can say anything (see mayHoldSummary), where a module below the asked one counts
 * by its own level-0 facts, not its text (LibreChat's data-provider config names model hosts in constants, and nearly
 * every module imports it through a barrel): one parse, shared by every question after. Answers are kept on the
 * module's cache entry with the answers they were read from, and checked once per lint: a whole-project lint walks
 * each barrel tree once, not once per importer. Linear in the modules and levels reached.
 */
function holdsAt(file: string, level: number, q: HoldQuestion): boolean {
  const answered = (q.answered[level] ??= new Map());
  const done = answered.get(file);
  if (done) {
    // A false answer that leaned on a module of a cycle: while that module is on the way, so does this one; once it
    // is answered, no answer above may be kept.
    if (done.leaned) q.leanedOn = Math.min(q.leanedOn, q.active[done.leaned.level]?.get(done.leaned.file) ?? 0);
    return done.answer;
  }
  const active = (q.active[level] ??= new Map());
  const depth = active.get(file);
  if (depth !== undefined) {
    q.leanedOn = Math.min(q.leanedOn, depth);
    return false;
  }
  const entry = entryIn(q, file);
  if (!entry || entry.inert) return false;
  const known = entry.holds.get(level);
  if (known && !known.provisional && q.epoch !== undefined && known.checked === q.epoch) return known.answer;
  if (q.stack.length >= MAX_HOLD_DEPTH) {
    q.leanedOn = 0;
    return false;
  }
  const mine = q.stack.length;
  active.set(file, mine);
  q.stack.push({ file, level });
  const outer = q.leanedOn;
  q.leanedOn = Infinity;
  let answer: boolean;
  try {
    if (known && !known.provisional && known.inputs.every((i) => inputNow(i, q) === i.answer)) {
      answer = known.answer;
      if (q.leanedOn >= mine) known.checked = q.epoch;
    } else {
      const inputs: HoldInput[] = [];
      answer = computeHold(entry, file, level, q, inputs);
      // A false answer that leaned on a module above it in a cycle may be wrong once that module is answered.
      entry.holds.set(level, { answer, inputs, checked: q.epoch, provisional: !answer && q.leanedOn < mine });
    }
  } finally {
    active.delete(file);
    q.stack.pop();
  }
  const final = answer || q.leanedOn >= mine;
  answered.set(file, final ? { answer } : { answer, leaned: q.stack[q.leanedOn] ?? q.stack[0] });
  q.leanedOn = Math.min(outer, final ? Infinity : q.leanedOn);
  return answer;
}

function computeHold(entry: Entry, file: string, level: number, q: HoldQuestion, inputs: HoldInput[]): boolean {
  const read = (input: Omit<HoldInput, 'answer'>): boolean => {
    const answer = inputNow(input, q);
    inputs.push({ ...input, answer });
    return answer;
  };
  if (level === CLIENT_HOLD) {
    if (entry.modelSignal && read({ file, level: CLIENTS })) return true;
    if (!entry.passesOn) return false;
    for (const spec of entry.specifiers) {
      const to = resolveModule(file, spec, q.root);
      if (to && to !== file && read({ file: to, level: CLIENT_HOLD })) return true;
    }
    return false;
  }
  if (entry.modelSignal && read({ file, level: OWN })) return true;
  // An instance of an imported class, whose module says alone whether it calls a model (ClientMap.instanceOf); by
  // text: parsing the first of a factory's forty classes to confirm would read one the lookup never uses. Levels
  // whose lookup probes keep such instances for their readers.
  const constructs = (): boolean =>
    entry.constructs.some((spec) => {
      const to = resolveModule(file, spec, q.root);
      return to !== undefined && to !== file && read({ file: to, level: TEXT });
    });
  if (level === 0 && !entry.passesOn) return constructs();
  if (level === CLIENT_LEVEL + 1 && !entry.passesOn && constructs()) return true;
  for (const spec of entry.specifiers) {
    const to = resolveModule(file, spec, q.root);
    if (!to || to === file) continue;
    // At level 0 the module reads none of its imports: only what it passes on can carry a summary.
    if (level > 0 && read({ file: to, level: level - 1 === CLIENT_LEVEL ? CLIENT_HOLD : level - 1 })) return true;
    // fetch(`${OPENAI_BASE_URL}/...`) with the constant imported from this module.
    if (level > 0 && entry.fetches && read({ file: to, level: HOSTS })) return true;
    if (entry.passesOn && read({ file: to, level })) return true;
  }
  return false;
}

function inputNow(input: Omit<HoldInput, 'answer'>, q: HoldQuestion): boolean {
  if (input.level >= 0) return holdsAt(input.file, input.level, q);
  const entry = entryIn(q, input.file);
  if (!entry?.modelSignal) return false;
  if (input.level === TEXT) return true;
  if (input.level === HOSTS) {
    const literals = factsFor(input.file, q.lint, q.settings, q.root, { parts: ['model'] })?.literals;
    return [...(literals?.values() ?? [])].some((v) => modelHost(v) !== undefined);
  }
  const summaries = factsFor(input.file, q.lint, q.settings, q.root, { parts: ['model'] })?.summaries;
  if (input.level === OWN) return (summaries?.size ?? 0) > 0;
  return [...(summaries?.values() ?? [])].some(handsOutClient);
}

/** The modules whose answers (by level) are already in a deps set: a lint asks about one barrel tree many times. */
const depsAdded = new WeakMap<Set<string>, Set<string>[]>();

/**
 * Adds every module `file`'s answer at `level` was read from to `deps`: the answers kept on the way are read as they
 * are (holdsAt has just checked them), once per deps set, except those that leaned on a cycle, which may change.
 */
function addHoldDeps(file: string, level: number, deps: Set<string>, q: HoldQuestion): void {
  let added = depsAdded.get(deps);
  if (!added) depsAdded.set(deps, (added = []));
  const seen: Set<string>[] = [];
  const visit = (f: string, l: number): void => {
    const done = (added[l] ??= new Set());
    const now = (seen[l] ??= new Set());
    if (now.has(f) || done.has(f)) return;
    now.add(f);
    deps.add(f);
    const known = entryIn(q, f)?.holds.get(l);
    if (known && !known.provisional) done.add(f);
    for (const i of known?.inputs ?? []) {
      if (i.level >= 0) visit(i.file, i.level);
      else deps.add(i.file);
    }
  };
  visit(file, level);
}

/** The cache entry of a module whose text is read (not parsed) for a HoldQuestion, made if missing or stale. */
function entryIn(q: HoldQuestion, file: string): Entry | undefined {
  if (q.entries.has(file)) return q.entries.get(file);
  const entry = peekNow(file, `${file}\0${q.config}`, q.settings, q.root);
  q.entries.set(file, entry);
  return entry;
}

/**
 * The cache entries found current in this lint for a root and config, by file: within one lint the files do not
 * change (DiskMemo). Without one (a direct call), a new map: every entry is looked up afresh.
 */
function entriesOf(lint: LintOptions, settings: Record<string, unknown>, root: string): Map<string, Entry | undefined> {
  const memo = lint.disk?.found;
  if (!memo) return new Map();
  const key = `${root}\0${configKey(lint, settings)}`;
  let entries = memo.get(key) as Map<string, Entry | undefined> | undefined;
  if (!entries) memo.set(key, (entries = new Map()));
  return entries;
}

function peekNow(file: string, key: string, settings: Record<string, unknown>, root: string): Entry | undefined {
  const hit = cache.get(key);
  // As in factsFor: while the stats are those the guard passed, one stat re-checks it.
  const quick = hit && isInside(path.isAbsolute(file) ? file : path.resolve(file), root) ? stat(file) : undefined;
  if (hit && sameStats(quick, hit)) return hit;
  const s = sourceFileStat(file, root);
  if (!s) return undefined;
  const text = read(file, root);
  if (text === undefined) return undefined;
  const entry = entryOf(s, text, settings);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
  keepText(entry, text);
  return entry;
}

/**
 * The texts of the modules a question read without parsing lately, for the parse the next question may ask of one
 * (the route map reads a router's text for what it may add to the app, then expands it): by cache entry, so by
 * content; least recently read out first past RECENT_CHARS.
 */
const recentTexts = new Map<Entry, string>();
let recentChars = 0;
const RECENT_CHARS = 2_000_000;

function keepText(entry: Entry, text: string): void {
  if (text.length > RECENT_CHARS / 4) return;
  recentTexts.set(entry, text);
  recentChars += text.length;
  for (const [old, t] of recentTexts) {
    if (recentChars <= RECENT_CHARS) break;
    recentTexts.delete(old);
    recentChars -= t.length;
  }
}

/** A module's text: the one read lately for this content, else from the disk. */
function textOf(entry: Entry, file: string, root: string): string | undefined {
  const text = recentTexts.get(entry);
  if (text === undefined) return read(file, root);
  recentTexts.delete(entry);
  recentChars -= text.length;
  return text;
}

/** Whether a file's stats now are those something was made from (its mtime and size). */
function sameStats(now: { mtimeMs: number; size: number } | undefined, was: { mtimeMs: number; size: number } | undefined): boolean {
  return !!now && !!was && now.mtimeMs === was.mtimeMs && now.size === was.size;
}

const FETCHES = /\bfetch\s*\(|\baxios\b/;
const HOOKS = /\baddHook\b/;
/** `P.name = F` or `P['name'] = F` (facts.ts `responders`), not `module.exports.x =` or `exports.x =`. */
const INSTALLS = /(?<![\w$.])(?!module\.|exports\.)[\w$]+\s*(?:\.\s*[\w$]+|\[[^\]\n]+\])\s*=(?![=>])/;

function entryOf(s: { mtimeMs: number; size: number }, text: string, settings: Record<string, unknown>): Entry {
  // Each scan once: the text of every module a hold question passes is read this way (a barrel tree of hundreds).
  const specifiers = textSpecifiers(text);
  let found: readonly TextBinding[] | undefined;
  const bindings = (): readonly TextBinding[] => (found ??= textBindings(text));
  return {
    mtimeMs: s.mtimeMs,
    size: s.size,
    createsApp: CREATES_APP.test(text),
    inert: !WORTH_READING.test(text),
    modelSignal: textHasModelSignal(text, readSettings(settings), specifiers),
    fetches: FETCHES.test(text),
    hooks: HOOKS.test(text),
    installs: INSTALLS.test(text),
    specifiers,
    passesOn: textPassesImportOn(text, bindings),
    constructs: textConstructedImports(text, bindings),
    built: new Map(),
    holds: new Map(),
    seeded: new Map(),
  };
}

/** The facts built at `level` with the parts `need` (and maybe more), unless a module they read has changed since. */
function fresh(entry: Entry, level: number, need: number): Built | undefined {
  const built = entry.built.get(level);
  return built && (built.parts & need) === need && stampsHold(built.deps) ? built : undefined;
}

/** Saturated facts stand for every level above too (unless one holds parts they lack): the file is parsed once for all. */
function store(entry: Entry, level: number, built: Built): void {
  entry.built.set(level, built);
  if (built.saturated) {
    for (let l = level + 1; l < SUMMARY_LEVELS; l++) {
      const other = entry.built.get(l);
      // A fresh level keeps its facts unless these hold strictly more parts.
      if (!other || !fresh(entry, l, other.parts) || ((other.parts & built.parts) === other.parts && other.parts !== built.parts)) entry.built.set(l, built);
    }
  }
}

/** Builds facts (one call per level) from one parse; `buildOne` reads the live scopes with a level's import lookup. */
type LevelBuilder = (buildOne: (imported: ImportedExport | undefined, parts: number) => FileFacts | undefined) => void;

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

/**
 * A module's SourceCode for its facts, parsed with the lint's parser (no Linter run, parse.ts: the code paths the
 * facts' auth verdicts ask about are computed when first asked); undefined when unparsable, as a lint reports a
 * parse error and runs no rule.
 */
function parse(file: string, text: string, lint: LintOptions): Readonly<TSESLint.SourceCode> | undefined {
  const parser = parserFor(file, lint);
  if (parser === null) return undefined;
  ops.parses++;
  const { project: _p, projectService: _s, programs: _g, ...parserOptions } = lint.languageOptions?.parserOptions ?? {};
  const esm = /\.(mjs|mts)$/.test(file) || TS_FILE.test(file) || /^\s*(import|export)\b/m.test(text);
  const sourceType = esm ? 'module' : /\.(cjs|cts)$/.test(file) || /\brequire\s*\(|module\.exports/.test(text) ? 'commonjs' : 'module';
  try {
    const sourceCode = sourceCodeOf(text, file, parser, parserOptions, sourceType);
    pathListeners(sourceCode);
    return sourceCode;
  } catch {
    return undefined;
  }
}

/** The linted file's parse for its facts (LintOptions.own), when the disk holds its text and it carries no types. */
function ownParse(sourceCode: Readonly<TSESLint.SourceCode>, text: string | undefined): Readonly<TSESLint.SourceCode> | undefined {
  if (text === undefined || sourceCode.parserServices?.program) return undefined;
  return sourceCode.text === (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) ? sourceCode : undefined;
}

/**
 * Modules parsed lately, kept for the facts of their other levels: a service is read at one level by the controllers
 * that import it and at another by the routes that import those, often in different files' lints. Kept for the whole
 * of a one-shot run while their texts add up to PARSED_CHARS (least recently used out first; on LibreChat's and
 * AnythingLLM's servers this keeps every one asked for again, 300,000 does not), each for its cache entry (its
 * content); in a long-lived process for one lint only, and a fifth as many (1 MB of text is about 100 MB of ASTs,
 * which go with that lint's memo).
 */
const PARSED_CHARS = 1_000_000;

/** On the lint's (or the one-shot run's) DiskMemo, so they go with it. */
function parsedOf(entry: Entry, memo: DiskMemo): Readonly<TSESLint.SourceCode> | undefined {
  const { kept } = memo.parses;
  const sourceCode = kept.get(entry) as Readonly<TSESLint.SourceCode> | undefined;
  if (sourceCode) {
    kept.delete(entry);
    kept.set(entry, sourceCode);
  }
  return sourceCode;
}

function dropParsed(entry: Entry, memo: DiskMemo): void {
  const sourceCode = memo.parses.kept.get(entry);
  if (!sourceCode) return;
  memo.parses.kept.delete(entry);
  memo.parses.chars -= sourceCode.text.length;
}

function keepParsed(entry: Entry, sourceCode: Readonly<TSESLint.SourceCode>, memo: DiskMemo): void {
  const parses = memo.parses;
  if (parses.kept.has(entry)) return;
  parses.kept.set(entry, sourceCode);
  parses.chars += sourceCode.text.length;
  const budget = memo.run ? PARSED_CHARS : PARSED_CHARS / 5;
  for (const [old, sc] of parses.kept) {
    if (parses.chars <= budget) break;
    if (old === entry) continue;
    parses.kept.delete(old);
    parses.chars -= sc.text.length;
  }
}

/**
 * The parts built with those asked: a module the route map walks is then often asked for its exports' summaries (a
 * function registering routes that the entry calls), and a module whose summary a route reads, for what its
 * functions do with errors and credentials (the route calls them). Without these, modules asked both ways are parsed
 * twice (AnythingLLM: 162 parses against 154). What is saved: the framework analysis of the modules read for their
 * summaries, the error and credential analyses of those the route map walks.
 */
function companions(need: number): number {
  let out = need;
  if (need & PART_BITS.map) out |= PART_BITS.model;
  if (need & PART_BITS.model) out |= PART_BITS.checks;
  return out;
}
