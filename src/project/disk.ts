/**
 * The one way the project map touches the disk. Every file it reads on its own (other modules, entry candidates)
 * must be a regular source file of a sane size inside the project root, checked on its real path, so an import of
 * `../../../../proc/kmsg` or a symlink out of the tree is never opened.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Files larger than this are not source code worth reading (a bundle, a data file). */
export const MAX_SIZE = 1_000_000;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const MAX_LEVELS = 12;

/**
 * What the disk said during the lint of one file: stats and real paths by path (null: none). The files of a project do
 * not change while one file is linted, and a whole-project lint asks about the same few hundred files hundreds of
 * thousands of times (docs/performance.md); the next file's lint starts from an empty memo, so no answer goes stale.
 */
export interface DiskMemo {
  /** Which lint it is: what was checked in it is recorded by this number, so no memo outlives its lint. */
  readonly id: number;
  readonly stats: Map<string, fs.Stats | null>;
  readonly real: Map<string, string | null>;
  /** What the project map found current in this lint, by its own keys (files.ts `peek`). */
  readonly found: Map<string, unknown>;
  /** The memo of a whole one-shot run (lintMemo), not of one lint. */
  readonly run: boolean;
  /** Parses the project map keeps for as long as this memo (files.ts `keepParsed`), by its cache entry, and their size. */
  readonly parses: { readonly kept: Map<object, { readonly text: string }>; chars: number };
}

let lints = 0;

export function diskMemo(run = false): DiskMemo {
  return { id: ++lints, stats: new Map(), real: new Map(), found: new Map(), run, parses: { kept: new Map(), chars: 0 } };
}

/**
 * A one-shot run (`eslint .`, `llm-leak`, a pre-commit hook) reads the project as it is when it starts, as `tsc` does:
 * each file is stat'ed once for the whole run, not once per linted file. A long-lived process (the editor's server,
 * eslint_d, a test runner) is not one, and checks the disk afresh in each file's lint. ESLint tells a rule neither, so
 * ESLint's own command line is known by its script (`.bin/eslint`, `eslint/bin/eslint.js`), ours by a setting it
 * passes (`settings['llm-leak-cli'].oneShot`), and `setOneShotRun` overrides both.
 */
const ESLINT_CLI = /(?:^|[\\/])eslint(?:[\\/]bin[\\/]eslint\.[cm]?js)?$/;

/** Whether the main script of the process is ESLint's command line. */
export const isEslintCli = (script: string | undefined): boolean => ESLINT_CLI.test(script ?? '');

const eslintCli = isEslintCli(process.argv[1]);
let oneShotOverride: boolean | undefined;
let runMemo: DiskMemo | undefined;

export function setOneShotRun(on: boolean | undefined): void {
  oneShotOverride = on;
  runMemo = undefined;
}

/** The memo for one file's lint: its own, or in a one-shot run the run's (see above). */
export function lintMemo(settings: Readonly<Record<string, unknown>>): DiskMemo {
  const cli = settings['llm-leak-cli'] as { oneShot?: unknown } | undefined;
  const oneShot = oneShotOverride ?? (eslintCli || cli?.oneShot === true);
  return oneShot ? (runMemo ??= diskMemo(true)) : diskMemo();
}

/** The id of the one-shot run under way (its memo's), if any: the files do not change until it ends. */
export function oneShotRunId(): number | undefined {
  return runMemo?.id;
}

/** When an answer about the project's layout (a root, a resolution, a glob) was made: `madeNow()`. */
export interface Made {
  readonly at: number;
  readonly run: number | undefined;
}

export function madeNow(): Made {
  return { at: Date.now(), run: oneShotRunId() };
}

/**
 * Layout answers live a short while (`ttlMs`) in a long-lived process, so an editor sees a new package.json or a
 * moved file soon enough, and for the whole of a one-shot run, which reads the project as it is when it starts.
 */
export function stillStands(made: Made, ttlMs: number): boolean {
  const run = oneShotRunId();
  return run !== undefined ? made.run === run : Date.now() - made.at < ttlMs;
}

/** Forgets the run's memo (the project map's cache is being emptied: a new run starts). */
export function endRun(): void {
  runMemo = undefined;
}

let memo: DiskMemo | undefined;

/** Runs `fn` with `m` answering repeated stats (none: as the caller is; the memo of an outer call stays). */
export function withDiskMemo<T>(m: DiskMemo | undefined, fn: () => T): T {
  if (!m || m === memo) return fn();
  const outer = memo;
  memo = m;
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

/** A file's stats, or undefined when it does not exist or cannot be read (the project map's only stat). */
export function stat(file: string): fs.Stats | undefined {
  const hit = memo?.stats.get(file);
  if (hit !== undefined) return hit ?? undefined;
  let s: fs.Stats | undefined;
  try {
    s = fs.statSync(file, { throwIfNoEntry: false }) ?? undefined;
  } catch {
    s = undefined; // Defensive: permissions and the like.
  }
  memo?.stats.set(file, s ?? null);
  return s;
}

/** The real path of a file, or undefined when it does not exist. */
export function realpath(file: string): string | undefined {
  const hit = memo?.real.get(file);
  if (hit !== undefined) return hit ?? undefined;
  let real: string | undefined;
  try {
    real = fs.realpathSync(file);
  } catch {
    real = undefined;
  }
  memo?.real.set(file, real ?? null);
  return real;
}

/** A `.` or `..` segment, or a doubled separator: a path that is not normalised. */
const DOT_SEGMENT = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)|[\\/]{2}/;

/** `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  // Most questions are about a normalised absolute path under the root: answered without path.relative.
  if (child === parent) return true;
  if (
    child.startsWith(parent) &&
    child.charAt(parent.length) === path.sep &&
    path.isAbsolute(parent) &&
    !parent.endsWith(path.sep) &&
    !DOT_SEGMENT.test(child) &&
    !DOT_SEGMENT.test(parent)
  ) {
    return true;
  }
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const roots = new Map<string, { made: Made; root: string }>();
/** Roots are reused this long in a long-lived process (stillStands). */
const ROOT_TTL_MS = 2000;

export function readJson(file: string): Record<string, unknown> | undefined {
  const s = stat(file);
  if (!s?.isFile() || s.size > MAX_SIZE) return undefined;
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // A broken package.json says nothing.
  }
}

/**
 * The project root of a file: the workspace root that holds its package (a package.json with `workspaces`, or a
 * pnpm-workspace.yaml, above the package), else its package root (the nearest package.json), else `fallback`.
 * Reads only package.json files and directory entries on the way up.
 */
export function projectRoot(file: string, fallback: string): string {
  const start = path.dirname(path.resolve(file));
  const hit = roots.get(start);
  if (hit && stillStands(hit.made, ROOT_TTL_MS)) return hit.root;
  let pkg: string | undefined;
  let workspace: string | undefined;
  let dir = start;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const manifest = path.join(dir, 'package.json');
    if (stat(manifest)?.isFile()) {
      pkg ??= dir;
      const json = readJson(manifest);
      if (json && 'workspaces' in json) workspace = dir;
    }
    if (stat(path.join(dir, 'pnpm-workspace.yaml'))?.isFile()) workspace = dir;
    if (workspace) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const root = workspace ?? pkg ?? fallback;
  if (roots.size > 2000) roots.delete(roots.keys().next().value!);
  roots.set(start, { made: madeNow(), root });
  return root;
}

/** Stats of a readable source file inside `root` (on its real path too), or undefined. */
export function sourceFileStat(file: string, root: string): fs.Stats | undefined {
  if (!SOURCE_FILE.test(file) || !isInside(path.resolve(file), root)) return undefined;
  const s = stat(file);
  if (!s?.isFile() || s.size > MAX_SIZE) return undefined;
  const real = realpath(file);
  const realRoot = realpath(root);
  if (!real || !realRoot || !isInside(real, realRoot) || real.split(path.sep).includes('node_modules')) return undefined;
  return s;
}

/** The text of a source file inside `root`, or undefined when the guard refuses it or it cannot be read. */
export function readSource(file: string, root: string): string | undefined {
  if (!sourceFileStat(file, root)) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // Defensive: it changed or vanished between the check and the read.
  }
}

/** A file's mtime and size when something was computed from it (-1 for a file that was not there). */
export type Stamp = { readonly mtimeMs: number; readonly size: number };

/** The stamps of `files` now. Only a stat: the files were let through the guard before. */
export function stampsOf(files: Iterable<string>): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  for (const f of files) {
    const s = stat(f);
    out.set(f, s ? { mtimeMs: s.mtimeMs, size: s.size } : { mtimeMs: -1, size: -1 });
  }
  return out;
}

/** Whether every stamped file still has its mtime and size. */
export function stampsHold(stamps: ReadonlyMap<string, Stamp>): boolean {
  for (const [f, was] of stamps) {
    const s = stat(f);
    if ((s?.mtimeMs ?? -1) !== was.mtimeMs || (s?.size ?? -1) !== was.size) return false;
  }
  return true;
}
