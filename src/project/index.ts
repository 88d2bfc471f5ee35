/**
 * The project route map: from the app's entry files, follow relative imports and re-exports to the routers and
 * plugins they mount, with the path and the authentication each mount adds, so a route in routes/chat.ts is judged
 * by how app.ts mounts it.
 *
 * Entries for a linted file: files named app/server/index/main.{ts,mts,cts,js,mjs,cjs} that create an app
 * (`express()`, `fastify()`, `new Koa()`, `new Hono()`) in its directory and each ancestor up to the package root,
 * plus `settings['llm-leak'].entries`. Other files are parsed with the lint's parser, at most once per content.
 */
import path from 'node:path';
import { joinPath } from '../frameworks/common.js';
import { readSettings } from '../settings.js';
import type { FileContext, Framework, ProjectMount, Route } from '../types.js';
import { exportsOf, type FileFacts, type MountFact } from './facts.js';
import { projectRoot } from './disk.js';
import { entryCandidates, expandEntries, factsFor, isFile, resolveModule, SUMMARY_LEVELS, type LintOptions } from './files.js';
import type { ExportSummary, ImportedExport } from '../llm/summary.js';

export type { LintOptions, ProjectMount };
export { clearProjectCache, readCount } from './files.js';

/** Mount and re-export chains longer than this are not real; the walk stops there. */
const MAX_DEPTH = 16;
/** At most this many (module, export, walk) states a query visits: a bound even for a graph built to blow up. */
const MAX_VISITS = 20_000;
let visits = 0;

/** How many module-export states the route map has visited since the process started (for tests and the bench). */
export function walkCount(): number {
  return visits;
}

const reachCache = new WeakMap<FileContext, ProjectWalk>();
const exportCache = new WeakMap<FileContext, ReturnType<typeof exportsOf>>();

/** Where the project mounts the router or plugin `route` belongs to; see FileModel.mountsOf. */
export function projectMounts(
  file: FileContext,
  allSettings: Record<string, unknown>,
  lint: LintOptions,
  route: Route,
): readonly ProjectMount[] | undefined {
  const root = route.root;
  const filename = file.filename;
  if (!root || !filename || !path.isAbsolute(filename) || !isFile(filename)) return undefined;
  let exp = exportCache.get(file);
  if (!exp) {
    exp = exportsOf(file);
    exportCache.set(file, exp);
  }
  const names = [...exp.exports].filter(([, t]) => t.kind === 'local' && t.key === root.node.range[0]).map(([n]) => n);
  if (names.length === 0) return undefined;
  const reached = walkFor(file, filename, allSettings, lint).mounts;
  const mounts = names.flatMap((n) => reached.get(n) ?? []);
  // An exported app nobody mounts is the app itself.
  if (mounts.length === 0 && root.app) return undefined;
  return mounts;
}

interface Walk {
  readonly path: string | undefined;
  readonly auth: boolean;
  readonly devOnly: boolean;
  /** The framework of the last mount on the way. */
  readonly framework: Framework | undefined;
}

/** How the project uses the exports of one file: where they are mounted, and which are route handlers elsewhere. */
export interface ProjectWalk {
  /** Every mount of an export reachable from the entries, by export name. */
  readonly mounts: ReadonlyMap<string, readonly ProjectMount[]>;
  /** Exports (or methods of exported objects) that files on the way register as route handlers. */
  readonly handlers: readonly { readonly name: string; readonly member?: string; readonly framework: Framework }[];
}

function walkFor(file: FileContext, filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ProjectWalk {
  let reached = reachCache.get(file);
  if (!reached) {
    reached = walkProject(filename, lint, allSettings);
    reachCache.set(file, reached);
  }
  return reached;
}

/**
 * How the project uses the linted file's exports (see ProjectWalk), or undefined when the map does not apply. Read
 * by a file that imports no framework: its exported `(req, res)` functions may be controllers registered elsewhere.
 */
export function projectUses(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): ProjectWalk | undefined {
  const filename = file.filename;
  if (!filename || !path.isAbsolute(filename) || !isFile(filename)) return undefined;
  return walkFor(file, filename, allSettings, lint);
}

/** Every mount of `target`'s exports reachable from its entries, by export name. */
export function reachesOf(target: string, lint: LintOptions, allSettings: Record<string, unknown>): ReadonlyMap<string, readonly ProjectMount[]> {
  return walkProject(target, lint, allSettings).mounts;
}

function walkProject(target: string, lint: LintOptions, allSettings: Record<string, unknown>): ProjectWalk {
  const settings = readSettings(allSettings);
  const out = new Map<string, (ProjectMount & { readonly entry: string })[]>();
  const handlers = new Map<string, ProjectWalk['handlers'][number]>();
  // Files whose handler registrations were read (once each).
  const noted = new Set<string>();
  const note = (file: string, facts: FileFacts): void => {
    if (noted.has(file)) return;
    noted.add(file);
    for (const u of facts.handlerUses) {
      if (resolveModule(file, u.specifier, root) !== target) continue;
      handlers.set(`${u.name}\0${u.member ?? ''}\0${u.framework}`, u.member === undefined ? { name: u.name, framework: u.framework } : { name: u.name, member: u.member, framework: u.framework });
    }
  };
  // Files some walk went through: an entry candidate among them is a sub-app (`new Hono()` in v1/index.ts), not an entry.
  const passed = new Set<string>();
  let entry = '';
  // Nothing outside the project of the linted file is resolved or read.
  const root = projectRoot(target, lint.cwd);
  const configured = new Set(expandEntries(lint.cwd, settings.entries, root));
  const load = (f: string, entryOnly = false): FileFacts | undefined => factsFor(f, lint, allSettings, root, entryOnly);

  // Each module export is visited once per walk state (prefix, auth, dev-only, mounting site) across the whole query,
  // not once per path: barrels that `export *` from each other, or a ladder of them, cost linear time. A cycle comes
  // back to a visited state and stops.
  const visited = new Set<string>();
  // Module exports on the current chain: a mount cycle (A mounts B mounts A) is cut at once, as a cycle.
  const onPath = new Set<string>();
  const follow = (from: string, m: MountFact, w: Walk, depth: number): void => {
    const next: Walk = {
      path: w.path === undefined ? undefined : joinPath(w.path, m.path),
      auth: w.auth || m.auth,
      devOnly: w.devOnly || m.devOnly,
      framework: m.framework,
    };
    const to = resolveModule(from, m.specifier, root);
    if (to) land(to, m.name, next, { file: from, line: m.line }, depth + 1);
  };

  const land = (file: string, name: string, w: Walk, by: { file: string; line: number }, depth: number): void => {
    const node = `${file}#${name}`;
    const key = `${node}\0${w.path}\0${w.auth}\0${w.devOnly}\0${w.framework}\0${by.file}:${by.line}`;
    if (depth > MAX_DEPTH || onPath.has(node) || visited.has(key) || visited.size >= MAX_VISITS) return;
    visited.add(key);
    visits++;
    onPath.add(node);
    try {
      visit(file, name, w, by, depth);
    } finally {
      onPath.delete(node);
    }
  };

  const visit = (file: string, name: string, w: Walk, by: { file: string; line: number }, depth: number): void => {
    if (file !== entry) passed.add(file);
    if (file === target) {
      const list = out.get(name) ?? [];
      list.push({ path: w.path, file: by.file, line: by.line, auth: w.auth, devOnly: w.devOnly, framework: w.framework, entry });
      out.set(name, list);
      return;
    }
    const facts = load(file);
    if (!facts) return;
    note(file, facts);
    const t = facts.exports.get(name);
    if (!t) {
      if (name !== 'default') for (const s of facts.stars) {
        const to = resolveModule(file, s, root);
        if (to) land(to, name, w, by, depth + 1);
      }
      return;
    }
    if (t.kind === 'from') {
      const to = resolveModule(file, t.specifier, root);
      if (to) land(to, t.name, w, by, depth + 1);
      return;
    }
    for (const m of facts.mounts) if (m.topKey === t.key && !m.topApp) follow(file, m, w, depth);
    // An exported sub-app (Hono, Express) mounted on another app passes its own mounts on too.
    for (const m of facts.mounts) if (m.topKey === t.key && m.topApp) follow(file, m, w, depth);
  };

  for (const candidate of entryCandidates(target, lint.cwd, settings.entries, root)) {
    if (candidate === target) continue;
    entry = candidate;
    const facts = load(entry, !configured.has(entry));
    if (!facts) continue;
    note(entry, facts);
    const start: Walk = { path: '', auth: false, devOnly: false, framework: undefined };
    onPath.add(`${entry}#`);
    for (const m of facts.mounts) if (m.topApp) follow(entry, m, start, 0);
    onPath.delete(`${entry}#`);
  }
  const result = new Map<string, ProjectMount[]>();
  for (const [name, list] of out) {
    // The same mount reached from two entries (index.ts imports app.ts) counts once.
    const unique = new Map<string, ProjectMount>();
    for (const { entry: from, ...m } of list) if (!passed.has(from)) unique.set(`${m.file}:${m.line}:${m.path}:${m.auth}:${m.devOnly}`, m);
    result.set(name, [...unique.values()]);
  }
  return { mounts: result, handlers: [...handlers.values()] };
}

/**
 * What the linted file's imports from the project's other modules are, by their summaries (see facts.ts): resolved by
 * the project map's resolver, read through its guard and cache. Undefined for a specifier that does not resolve to a
 * project file (a package, a builtin, a typo) and for an export with no summary. The summaries look through
 * `SUMMARY_LEVELS - 1` further levels of imports (files.ts); levels strictly decrease, so an import cycle ends.
 */
export function importedExports(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ImportedExport | undefined {
  return lookupAt(filename, allSettings, lint, SUMMARY_LEVELS - 1);
}

/** The summaries of `filename`'s imports, built at `level`; what they read is added to `lint.deps`. */
function lookupAt(filename: string, allSettings: Record<string, unknown>, lint: LintOptions, level: number): ImportedExport | undefined {
  if (!path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const inner: LintOptions = { ...lint, lookup: lookupAt };
  const memo = new Map<string, ExportSummary | undefined>();
  return (specifier, name) => {
    const key = `${specifier}\0${name}`;
    if (memo.has(key)) return memo.get(key);
    const target = resolveModule(filename, specifier, root);
    const summary = target && target !== filename ? summaryOf(target, name, inner, allSettings, root, level) : undefined;
    memo.set(key, summary);
    return summary;
  };
}

/** Re-export hops (`export { x } from`, `export *`, `module.exports = require(...)`) a summary lookup follows. */
const MAX_REEXPORT_HOPS = 8;

/**
 * The summary of export `name` of `file`, through barrels: a re-export is followed to the module that defines the
 * value (each module once per lookup, so barrels that `export *` from each other cost linear time).
 */
function summaryOf(
  file: string,
  name: string,
  lint: LintOptions,
  allSettings: Record<string, unknown>,
  root: string,
  level: number,
  seen = new Set<string>(),
): ExportSummary | undefined {
  if (seen.size > MAX_REEXPORT_HOPS || seen.has(`${file}#${name}`)) return undefined;
  seen.add(`${file}#${name}`);
  const facts = factsFor(file, lint, allSettings, root, false, level);
  if (!facts) return undefined;
  const t = facts.exports.get(name);
  if (t?.kind === 'local') return facts.summaries.get(name);
  if (t?.kind === 'from') {
    const to = resolveModule(file, t.specifier, root);
    return to ? summaryOf(to, t.name, lint, allSettings, root, level, seen) : undefined;
  }
  if (t || name === 'default') return undefined;
  for (const star of facts.stars) {
    const to = resolveModule(file, star, root);
    const found = to && summaryOf(to, name, lint, allSettings, root, level, seen);
    if (found) return found;
  }
  return undefined;
}
