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
import { EVERY_EXPORT, joinPath } from '../frameworks/common.js';
import { readSettings } from '../settings.js';
import type { FileContext, Framework, ProjectMount, Route } from '../types.js';
import { exportNamesOf, exportsOf, type FactsWith, type MountFact } from './facts.js';
import { endRun, isInside, projectRoot, stampsHold, stampsOf, withDiskMemo, type Stamp } from './disk.js';
import { autoloadFiles, clearProjectCache as clearFiles, entryCandidates, expandEntries, factsFor, importSpecifiersOf, importsModelClient, isFile, mayAddTo, resolveModule, seededFor, specifiersOnly, CLIENT_LEVEL, SUMMARY_LEVELS, type LintOptions } from './files.js';
import { classMap, handsOutClient, holdsClient, type ClientSeed, type ExportSummary, type ImportedExport, type ModelFunction } from '../llm/summary.js';
import type { ErrorFlow, ImportedErrorFlow } from '../flow/error-details.js';
import { ops } from '../counters.js';
import { AUTOLOAD } from '../frameworks/fastify.js';
import { textSpecifiers } from '../signals.js';

/** The facts the route map's walk reads. */
type WalkFacts = FactsWith<'map'>;

export type { LintOptions, ProjectMount };
export { parseCount, readCount } from './files.js';
export { setOneShotRun } from './disk.js';

/** Mount and re-export chains longer than this are not real; the walk stops there. */
const MAX_DEPTH = 16;
/** At most this many (module, export, walk) states a query visits: a bound even for a graph built to blow up. */
const MAX_VISITS = 20_000;

/** How many module-export states the route map has visited since the process started (for tests and the bench). */
export function walkCount(): number {
  return ops.walkStates;
}

const reachCache = new WeakMap<FileContext, ProjectWalk>();
const appCache = new WeakMap<FileContext, ProjectWalk>();
const exportCache = new WeakMap<FileContext, ReturnType<typeof exportsOf>>();

/** Where the project mounts the router or plugin `route` belongs to; see FileModel.mountsOf. */
export function projectMounts(
  file: FileContext,
  allSettings: Record<string, unknown>,
  lint: LintOptions,
  route: Route,
): readonly ProjectMount[] | undefined {
  return withDiskMemo(lint.disk, () => mountsOfRoute(file, allSettings, lint, route));
}

function mountsOfRoute(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions, route: Route): readonly ProjectMount[] | undefined {
  const root = route.root;
  const filename = file.filename;
  if (!root || !filename || !path.isAbsolute(filename) || !isFile(filename)) return undefined;
  let exp = exportCache.get(file);
  if (!exp) {
    exp = exportsOf(file);
    exportCache.set(file, exp);
  }
  // A parameter handed an app or router: the calls of its function that hand it one.
  const names = exportNamesOf(exp.exports, root, route.registration).map((n) => (root.param ? paramKey(n, root.param.index) : n));
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
  /**
   * The files that decorate the app's Fastify instances, by decoration name (facts.ts `decorations`): any plugin of
   * the app may, so only a walk that expands the whole app (`walkFor(..., app = true)`) fills it.
   */
  readonly decorators: ReadonlyMap<string, readonly string[]>;
  /**
   * Methods the middleware on the file's way installs on the context or response, which send the response (facts.ts
   * `responders`): middleware the entry, or a module leading to the file, applies with `.use(...)`.
   */
  readonly responders: ReadonlySet<string>;
  /** The entry walks it was read from (see servedModules). */
  readonly walks: readonly EntryWalk[];
}

/**
 * The walk for the linted file's questions: it expands only the modules that import the file, directly or through
 * others (ImportGraph), since no other module's mounts can lead to it. `app`: every module of the app is expanded,
 * for what any of them adds to the instances (the Fastify decorations).
 */
function walkFor(file: FileContext, filename: string, allSettings: Record<string, unknown>, lint: LintOptions, app = false): ProjectWalk {
  const memo = app ? appCache : reachCache;
  let reached = memo.get(file);
  if (!reached) {
    reached = walkProject(filename, lint, allSettings, app);
    memo.set(file, reached);
  }
  return reached;
}

/**
 * How the project uses the linted file's exports (see ProjectWalk), or undefined when the map does not apply. Read
 * by a file that imports no framework: its exported `(req, res)` functions may be controllers registered elsewhere.
 */
export function projectUses(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): ProjectWalk | undefined {
  const filename = file.filename;
  if (!summariesOn || !filename || !path.isAbsolute(filename)) return undefined;
  return withDiskMemo(lint.disk, () => (isFile(filename) ? walkFor(file, filename, allSettings, lint) : undefined));
}

/** Response methods the middleware on the linted file's way installs (ProjectWalk.responders). */
export function appResponders(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): ReadonlySet<string> {
  const filename = file.filename;
  if (!summariesOn || !filename || !path.isAbsolute(filename)) return new Set();
  return withDiskMemo(lint.disk, () => (isFile(filename) ? walkFor(file, filename, allSettings, lint).responders : new Set<string>()));
}

/**
 * Whether a module that defines route handlers the app registers (a controller) imports the linted file: a service
 * of the server, whose logs are the server's, not a script's. Read from the controllers' text (their imports), not
 * their parse.
 */
export function servesHandlers(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): boolean {
  const filename = file.filename;
  if (!summariesOn || !filename || !path.isAbsolute(filename)) return false;
  return withDiskMemo(lint.disk, () => {
    if (!isFile(filename)) return false;
    const root = projectRoot(filename, lint.cwd);
    return walkFor(file, filename, allSettings, lint).walks.some((w) => servedModules(w, root, lint, allSettings).has(filename));
  });
}

/** The modules an entry walk's handler-defining files import, with those files' stamps (their imports may change). */
const served = new WeakMap<EntryWalk, { readonly files: ReadonlySet<string>; readonly stamps: ReadonlyMap<string, Stamp> }>();

/** (The walk grows: its handler files so far, which include those of every module importing the linted file.) */
function servedModules(walk: EntryWalk, root: string, lint: LintOptions, allSettings: Record<string, unknown>): ReadonlySet<string> {
  for (const h of walk.handlers.keys()) lint.deps?.add(h);
  const hit = served.get(walk);
  if (hit && hit.stamps.size === walk.handlers.size && stampsHold(hit.stamps)) return hit.files;
  const files = new Set<string>();
  for (const h of walk.handlers.keys()) {
    for (const s of importSpecifiersOf(h, lint, allSettings, root)) {
      const to = resolveModule(h, s, root);
      if (to && to !== h) files.add(to);
    }
  }
  served.set(walk, { files, stamps: stampsOf(walk.handlers.keys()) });
  return files;
}

/** Every mount of `target`'s exports reachable from its entries, by export name. */
export function reachesOf(target: string, lint: LintOptions, allSettings: Record<string, unknown>): ReadonlyMap<string, readonly ProjectMount[]> {
  return withDiskMemo(lint.disk, () => walkProject(target, lint, allSettings, false).mounts);
}

type Handler = ProjectWalk['handlers'][number];

/**
 * What one entry's walk has found so far. It grows as the files linted ask for modules to be expanded (`expand`):
 * every answer about one file reads only what the modules it needs expanded (expandsFor) give, so what other files
 * asked before changes no answer.
 */
interface EntryWalk {
  /** Mounts of each reached module export, by `file#export`. */
  readonly mounts: ReadonlyMap<string, readonly ProjectMount[]>;
  /** Handler registrations of the expanded files, by the file that defines the handler. */
  readonly handlers: ReadonlyMap<string, readonly Handler[]>;
  /** Files the walk reached besides the entry: an entry candidate among them is a sub-app, not an entry. */
  readonly passed: ReadonlySet<string>;
  /** The expanded files (the entry too) that decorate a shared Fastify instance, by decoration name. */
  readonly decorators: ReadonlyMap<string, readonly string[]>;
  /** Response methods the middleware an expanded file applies with `.use(...)` installs, by that file (facts.ts `responders`). */
  readonly responders: ReadonlyMap<string, readonly string[]>;
  /** Files expanded because a folder autoload registers them: on every file's way. */
  readonly eager: ReadonlySet<string>;
  /** Every file the walk has read, with its mtime and size then: the walk is reused while they hold. */
  readonly stamps: ReadonlyMap<string, Stamp>;
  /** Expands the modules reached and not expanded yet that `expands` accepts, read as `lint` reads, and follows their mounts on. */
  expand(expands: (file: string) => boolean, lint: LintOptions): void;
}

/** Entry walks, reused by every linted file of the project while the files they read are unchanged. */
const entryWalks = new Map<string, StoredWalk>();
const MAX_ENTRY_WALKS = 200;

/** Empties the project map's caches: files' facts, entry walks (tests, the bench's cold passes). */
export function clearProjectCache(): void {
  endRun();
  clearFiles();
  entryWalks.clear();
  graphs.clear();
}

function walkProject(target: string, lint: LintOptions, allSettings: Record<string, unknown>, app: boolean): ProjectWalk {
  const settings = readSettings(allSettings);
  // Nothing outside the project of the linted file is resolved or read.
  const root = projectRoot(target, lint.cwd);
  const configured = new Set(expandEntries(lint.cwd, settings.entries, root));
  const found: { walk: EntryWalk; entry: string; expands: (file: string) => boolean }[] = [];
  for (const candidate of entryCandidates(target, lint.cwd, settings.entries, root)) {
    if (candidate === target) continue;
    const walk = entryWalk(candidate, !configured.has(candidate), root, lint, allSettings);
    if (!walk) continue;
    // The import graph is read only when some module waits to be expanded (or a responder's way is asked).
    let only: ((file: string) => boolean) | undefined;
    const expands = app ? () => true : (f: string) => (only ??= expandsFor(candidate, target, root, lint, allSettings))(f);
    walk.expand(expands, lint);
    found.push({ walk, entry: candidate, expands });
  }
  const passed = new Set<string>();
  for (const { walk } of found) for (const f of walk.passed) passed.add(f);
  const mounts = new Map<string, Map<string, ProjectMount>>();
  const handlers = new Map<string, Handler>();
  const decorators = new Map<string, Set<string>>();
  const responders = new Set<string>();
  const prefix = `${target}#`;
  for (const { walk, entry, expands } of found) {
    for (const d of walk.stamps.keys()) lint.deps?.add(d);
    for (const h of walk.handlers.get(target) ?? []) handlers.set(`${h.name}\0${h.member ?? ''}\0${h.framework}`, h);
    if (passed.has(entry)) continue;
    // What the app's middleware installs and its plugins decorate, for a file the walk reaches: the middleware applied
    // on its way (the entry's, and that of the modules leading to it); every decoration of the app.
    if (walk.passed.has(target)) {
      for (const [file, names] of walk.responders) if (expands(file) || walk.eager.has(file)) for (const r of names) responders.add(r);
      if (app) {
        for (const [name, files] of walk.decorators) {
          const set = decorators.get(name) ?? new Set<string>();
          for (const f of files) set.add(f);
          decorators.set(name, set);
        }
      }
    }
    for (const [node, list] of walk.mounts) {
      if (!node.startsWith(prefix)) continue;
      const name = node.slice(prefix.length);
      // The same mount reached from two entries (index.ts imports app.ts) counts once.
      const unique = mounts.get(name) ?? new Map<string, ProjectMount>();
      for (const m of list) unique.set(`${m.file}:${m.line}:${m.path}:${m.auth}:${m.devOnly}`, m);
      mounts.set(name, unique);
    }
  }
  return {
    mounts: new Map([...mounts].map(([name, m]) => [name, [...m.values()]])),
    handlers: [...handlers.values()],
    walks: found.map((f) => f.walk),
    decorators: new Map([...decorators].map(([name, files]) => [name, [...files]])),
    responders,
  };
}

/**
 * The walk from one entry, cached while every file it has read is unchanged. It grows on demand (EntryWalk.expand):
 * a module landed on is expanded (its facts read, its mounts followed) only when a question needs it.
 */
function entryWalk(entry: string, entryOnly: boolean, root: string, lint: LintOptions, allSettings: Record<string, unknown>): EntryWalk | undefined {
  const key = `${entry}\0${root}\0${entryOnly}\0${JSON.stringify(allSettings['llm-leak'] ?? null)}`;
  const hit = entryWalks.get(key);
  if (hit && stillHolds(hit, lint)) return hit.walk;
  const deps = new Set<string>();
  // Each expansion reads through the options of the lint asking (its disk memo, its own parse), into the walk's deps.
  const ioFor = (asking: LintOptions): WalkIo => {
    const inner: LintOptions = { ...asking, deps, lookup: lookupAt, depsLater: undefined };
    return {
      load: (f, only = false) => factsFor(f, inner, allSettings, root, { parts: ['map'], entryOnly: only }),
      // An autoload folder is a dependency too: a file added to it is a new plugin.
      touch: (dir) => deps.add(dir),
      text: (f) => mayAddTo(f, inner, allSettings, root),
    };
  };
  const io = ioFor(lint);
  const facts = io.load(entry, entryOnly);
  const walk = facts ? startWalk(entry, facts, root, io, deps, ioFor) : undefined;
  // A candidate that is no entry is remembered too (no walk), so it is not parsed again. A walk's stamps grow with it.
  const stored: StoredWalk = { walk, stamps: walk?.stamps ?? stampsOf(deps.size > 0 ? deps : new Set([entry])), checkedIn: lint.disk?.id };
  if (entryWalks.size >= MAX_ENTRY_WALKS) entryWalks.delete(entryWalks.keys().next().value!);
  entryWalks.set(key, stored);
  return walk;
}

/** Something kept across lints (a walk, an import graph) with the stamps of the files it was made from. */
interface Kept {
  readonly stamps: ReadonlyMap<string, Stamp>;
  /** The disk memo (DiskMemo.id) it was last found current in: the files do not change during one lint, or one run. */
  checkedIn: number | undefined;
}

interface StoredWalk extends Kept {
  readonly walk: EntryWalk | undefined;
}

/** Whether what `kept` was made from is unchanged, checked once per disk memo (a lint's, or a one-shot run's). */
function stillHolds(kept: Kept, lint: LintOptions): boolean {
  if (lint.disk && kept.checkedIn === lint.disk.id) return true;
  if (!stampsHold(kept.stamps)) return false;
  kept.checkedIn = lint.disk?.id;
  return true;
}

/**
 * Which modules the questions of one file, `target`, need expanded: those that import it, directly or through
 * others, and the target itself. Every step of a walk follows an import (a mount, a re-export), so no other module's
 * mounts can lead to the target; a folder autoload is the exception, and what it loads is always expanded. Nothing
 * else about the target depends on the other modules, so the answers do not depend on what other files asked first.
 */
function expandsFor(entry: string, target: string, root: string, lint: LintOptions, allSettings: Record<string, unknown>): (file: string) => boolean {
  const graph = importGraph(entry, root, lint, allSettings);
  const up = graph.importersOf(target);
  return (f) => f === entry || up.has(f) || graph.reachAny.has(f);
}

/**
 * The project modules an entry imports, directly or through others, read from their texts (no parse). Kept while
 * every module in it is unchanged, as an entry's walk is (a re-lint in an editor stats them rather than resolves
 * every import again): like the walk, it sees a module that an unchanged import starts to resolve to (a file created
 * where the import pointed at none) once one of its modules changes.
 */
interface ImportGraph {
  /** Modules that load a folder of plugins (@fastify/autoload), and those importing them: they may reach any module. */
  readonly reachAny: ReadonlySet<string>;
  /** A module and every module of the graph that imports it, directly or through others (linear in the graph). */
  importersOf(file: string): ReadonlySet<string>;
}

const MAX_GRAPHS = 50;
/** A bound on the modules one graph reads. */
const MAX_GRAPH_FILES = 5000;
const graphs = new Map<string, Kept & { readonly graph: ImportGraph }>();

function importGraph(entry: string, root: string, lint: LintOptions, allSettings: Record<string, unknown>): ImportGraph {
  const key = `${entry}\0${root}`;
  const hit = graphs.get(key);
  if (hit && stillHolds(hit, lint)) return hit.graph;
  const importers = new Map<string, string[]>();
  const loaders: string[] = [];
  const seen = new Set([entry]);
  const queue = [entry];
  for (let i = 0; i < queue.length && i < MAX_GRAPH_FILES; i++) {
    const from = queue[i]!;
    for (const s of specifiersOnly(from, lint, allSettings, root)) {
      if (AUTOLOAD.has(s)) loaders.push(from);
      const to = resolveModule(from, s, root);
      if (!to || to === from) continue;
      const by = importers.get(to);
      if (by) by.push(from);
      else importers.set(to, [from]);
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  const importersOf = (file: string): ReadonlySet<string> => {
    const out = new Set([file]);
    const queue = [file];
    for (let i = 0; i < queue.length; i++) {
      for (const f of importers.get(queue[i]!) ?? []) {
        if (out.has(f)) continue;
        out.add(f);
        queue.push(f);
      }
    }
    return out;
  };
  const reachAny = new Set<string>();
  for (const l of loaders) for (const f of importersOf(l)) reachAny.add(f);
  const graph: ImportGraph = { reachAny, importersOf };
  if (graphs.size >= MAX_GRAPHS) graphs.delete(graphs.keys().next().value!);
  graphs.set(key, { graph, stamps: stampsOf(seen), checkedIn: lint.disk?.id });
  return graph;
}

/**
 * The walk's name for argument `index` of export `name` (`chatEndpoints(0)`): mounts recorded under it are calls
 * handing that function an app or router. No export name contains a parenthesis.
 */
export function paramKey(name: string, index: number): string {
  return `${name}(${index})`;
}

/** The export and argument of a `paramKey`, or undefined for a plain export name. */
export function parseParamKey(key: string): { name: string; index: number } | undefined {
  const m = /^(.*)\((\d+)\)$/.exec(key);
  return m ? { name: m[1]!, index: Number(m[2]) } : undefined;
}

/** What a walk reads. */
interface WalkIo {
  /** A module's facts for the walk (`entryOnly`: only if it creates an app). */
  readonly load: (file: string, entryOnly?: boolean) => WalkFacts | undefined;
  /** A folder the walk listed (an autoload folder): a dependency. */
  readonly touch: (dir: string) => void;
  /** What a module's text says it may add to the instance that registers it or the response it is handed (no parse). */
  readonly text: (file: string) => { readonly hooks: boolean; readonly installs: boolean };
}

/**
 * Starts the walk from `entry`: follows its mounts, recording each module export reached, and expands a module
 * reached (reads its facts, follows its mounts, notes its handler registrations) when `expand` is asked to. `deps`
 * receives every file read.
 */
function startWalk(entry: string, entryFacts: WalkFacts, root: string, first: WalkIo, deps: Set<string>, ioFor: (lint: LintOptions) => WalkIo): EntryWalk {
  let io = first;
  const load = (f: string): WalkFacts | undefined => io.load(f);
  const touch = (dir: string): void => io.touch(dir);
  const mounts = new Map<string, ProjectMount[]>();
  const handlers = new Map<string, Handler[]>();
  const passed = new Set<string>();
  const decorators = new Map<string, string[]>();
  const responders = new Map<string, string[]>();
  const eager = new Set<string>();
  // Files whose handler registrations were read (once each).
  const noted = new Set<string>();
  const note = (file: string, facts: WalkFacts): void => {
    if (noted.has(file)) return;
    noted.add(file);
    for (const u of facts.uses) {
      const to = resolveModule(file, u.specifier, root);
      const installed = (to && to !== file && io.text(to).installs ? load(to)?.responders : undefined) ?? [];
      if (installed.length > 0) responders.set(file, [...(responders.get(file) ?? []), ...installed]);
    }
    for (const name of facts.decorations.keys()) {
      const list = decorators.get(name) ?? [];
      list.push(file);
      decorators.set(name, list);
    }
    for (const u of facts.handlerUses) {
      const to = resolveModule(file, u.specifier, root);
      if (!to) continue;
      const list = handlers.get(to) ?? [];
      list.push(u.member === undefined ? { name: u.name, framework: u.framework } : { name: u.name, member: u.member, framework: u.framework });
      handlers.set(to, list);
    }
  };

  // Breadth first: each module export is visited once per walk state (prefix, auth, dev-only, mounting site), at the
  // least depth it is reached at, so a long way found first cannot cut off by the depth limit what a short way reaches.
  // Barrels that `export *` from each other, or a ladder of them, cost linear time.
  const visited = new Set<string>();
  interface Step {
    readonly node: string;
    readonly up: Step | undefined;
  }
  // `eager`: landed under a folder autoload, whose files no import leads to: expanded whatever they import.
  interface Item {
    readonly file: string;
    readonly name: string;
    readonly w: Walk;
    readonly by: { file: string; line: number };
    readonly depth: number;
    readonly step: Step;
    readonly eager: boolean;
  }
  const queue: Item[] = [];
  let eagerNow = false;
  // Landed on, not expanded yet: the items waiting there, by file.
  const waiting = new Map<string, Item[]>();
  const expanded = new Set<string>([entry]);
  // The way the walk is on: a mount cycle (A mounts B mounts A) is cut at once, as a cycle.
  let current: Step | undefined;
  const onWay = (node: string): boolean => {
    for (let s = current; s; s = s.up) if (s.node === node) return true;
    return false;
  };
  /** The mount's auth rests on names of imports that are routers of their modules' routes (facts.ts `routers`). */
  const routersOnly = (from: string, m: MountFact): boolean =>
    m.authByName !== undefined &&
    m.authByName.every(({ specifier, name }) => {
      const to = resolveModule(from, specifier, root);
      return to !== undefined && to !== from && (load(to)?.routers.has(name) ?? false);
    });
  /** Follows a mount; true when what it registers adds an authenticating hook to the instance (facts.ts `sharedAuth`). */
  const follow = (from: string, m: MountFact, w: Walk, depth: number): boolean => {
    const next: Walk = {
      path: w.path === undefined ? undefined : joinPath(w.path, m.path),
      auth: w.auth || (m.auth && !routersOnly(from, m)),
      devOnly: w.devOnly || m.devOnly,
      framework: m.framework ?? w.framework,
    };
    if (m.autoload) {
      // @fastify/autoload: each plugin file of the folder, registered where the folder is (autoload encapsulates nothing).
      const dir = path.resolve(path.dirname(from), m.specifier);
      if (!isInside(dir, root)) return false;
      let auth = false;
      const { files, folders } = autoloadFiles(dir, root, m.autoload.dirPrefix);
      for (const f of folders) touch(f);
      for (const { file, prefix } of files) {
        const prefixed = next.path === undefined ? undefined : joinPath(next.path, prefix);
        land(file, 'default', { ...next, path: prefixed, auth: next.auth || auth }, { file: from, line: m.line }, depth + 1, true);
        // Autoload registers the folder's files in order on one instance: an auth hook one adds is in front of the next.
        if (io.text(file).hooks && load(file)?.sharedAuth) auth = true;
      }
      return auth;
    }
    const to = resolveModule(from, m.specifier, root);
    if (!to) return false;
    land(to, m.param === undefined ? m.name : paramKey(m.name, m.param), next, { file: from, line: m.line }, depth + 1);
    return m.param === undefined && io.text(to).hooks && !!load(to)?.sharedAuth;
  };

  /** Follows mounts in registration order: a plugin that adds an auth hook to an instance guards the later ones on it. */
  const followAll = (from: string, list: readonly MountFact[], w: Walk, depth: number): void => {
    const guarded = new Set<number>();
    for (const m of list) {
      if (follow(from, m, guarded.has(m.topKey) ? { ...w, auth: true } : w, depth)) guarded.add(m.topKey);
    }
  };

  const land = (file: string, name: string, w: Walk, by: { file: string; line: number }, depth: number, eager = false): void => {
    const node = `${file}#${name}`;
    const key = `${node}\0${w.path}\0${w.auth}\0${w.devOnly}\0${w.framework}\0${by.file}:${by.line}`;
    if (depth > MAX_DEPTH || onWay(node) || visited.has(key) || visited.size >= MAX_VISITS) return;
    visited.add(key);
    queue.push({ file, name, w, by, depth, step: { node, up: current }, eager: eager || eagerNow });
  };

  /** Records the mount of an item's module export; the module is expanded now when it already is, else it waits. */
  const arrive = (q: Item, expands: (file: string) => boolean): void => {
    if (q.file !== entry) passed.add(q.file);
    deps.add(q.file);
    const node = `${q.file}#${q.name}`;
    const list = mounts.get(node) ?? [];
    list.push({ path: q.w.path, file: q.by.file, line: q.by.line, auth: q.w.auth, devOnly: q.w.devOnly, framework: q.w.framework });
    mounts.set(node, list);
    if (q.eager) eager.add(q.file);
    if (q.eager || expanded.has(q.file) || expands(q.file)) {
      expanded.add(q.file);
      visit(q);
      return;
    }
    const wait = waiting.get(q.file);
    if (wait) wait.push(q);
    else waiting.set(q.file, [q]);
  };

  const visit = (q: Item): void => {
    const { file, name, w, by, depth } = q;
    current = q.step;
    eagerNow = q.eager;
    const facts = load(file);
    if (!facts) return;
    note(file, facts);
    // `name(i)`: the export is a function handed the app or router as argument i; its passes go on from that parameter.
    // A loop mounting each export of a namespace import: every export of this module, and of the ones it `export *`s.
    if (name === EVERY_EXPORT) {
      for (const n of facts.exports.keys()) land(file, n, w, by, depth + 1);
      for (const s of facts.stars) {
        const to = resolveModule(file, s, root);
        if (to) land(to, EVERY_EXPORT, w, by, depth + 1);
      }
      return;
    }
    const param = parseParamKey(name);
    const exported = param?.name ?? name;
    const again = (n: string): string => (param ? paramKey(n, param.index) : n);
    const t = facts.exports.get(exported);
    if (!t) {
      if (exported !== 'default') for (const s of facts.stars) {
        const to = resolveModule(file, s, root);
        if (to) land(to, name, w, by, depth + 1);
      }
      return;
    }
    if (t.kind === 'from') {
      const to = resolveModule(file, t.specifier, root);
      if (to) land(to, again(t.name), w, by, depth + 1);
      return;
    }
    if (param) {
      followAll(file, facts.mounts.filter((m) => m.topKey === t.key && m.topParam === param.index), w, depth);
      return;
    }
    followAll(file, facts.mounts.filter((m) => m.topKey === t.key && m.topParam === undefined && !m.topApp), w, depth);
    // An exported sub-app (Hono, Express) mounted on another app passes its own mounts on too.
    followAll(file, facts.mounts.filter((m) => m.topKey === t.key && m.topParam === undefined && m.topApp), w, depth);
  };

  const drain = (expands: (file: string) => boolean): void => {
    for (let i = 0; i < queue.length; i++) {
      ops.walkStates++;
      arrive(queue[i]!, expands);
    }
    queue.length = 0;
  };

  note(entry, entryFacts);
  const start: Walk = { path: '', auth: false, devOnly: false, framework: undefined };
  current = { node: `${entry}#`, up: undefined };
  eagerNow = false;
  followAll(entry, entryFacts.mounts.filter((m) => m.topApp), start, 0);
  drain(() => false);

  const stamps = new Map<string, Stamp>();
  const stampNew = (): void => {
    const fresh = [...deps].filter((d) => !stamps.has(d));
    for (const [d, s] of stampsOf(fresh)) stamps.set(d, s);
  };
  stampNew();
  return {
    mounts,
    handlers,
    passed,
    decorators,
    responders,
    eager,
    stamps,
    expand(expands, lint) {
      const ready = [...waiting.keys()].filter((f) => expands(f));
      if (ready.length === 0) return;
      io = ioFor(lint);
      for (const f of ready) {
        const items = waiting.get(f)!;
        waiting.delete(f);
        expanded.add(f);
        for (const q of items) visit(q);
      }
      drain(expands);
      stampNew();
    },
  };
}

/**
 * What the linted file's imports from the project's other modules are, by their summaries (see facts.ts): resolved by
 * the project map's resolver, read through its guard and cache. Undefined for a specifier that does not resolve to a
 * project file (a package, a builtin, a typo) and for an export with no summary. The summaries look through
 * `SUMMARY_LEVELS - 1` further levels of imports (files.ts); levels strictly decrease, so an import cycle ends.
 */
export function importedExports(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ImportedExport | undefined {
  return summariesOn ? withDiskMemo(lint.disk, () => lookupAt(filename, allSettings, lint, SUMMARY_LEVELS - 1)) : undefined;
}

/**
 * The model clients the linted file's imports hand out, and nothing else (a lookup at CLIENT_LEVEL): what a service
 * that is no framework code reads (src/model.ts), at the cost of its client modules' own facts.
 */
export function importedClients(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ImportedExport | undefined {
  return summariesOn ? withDiskMemo(lint.disk, () => lookupAt(filename, allSettings, lint, CLIENT_LEVEL)) : undefined;
}

/** Whether `specifier` from `filename` resolves to a file of its project (see resolveModule): not a package. */
export function projectModule(filename: string, specifier: string): boolean {
  const target = resolveModule(filename, specifier, projectRoot(filename, path.dirname(filename)));
  return target !== undefined && target !== filename;
}

let summariesOn = true;

/**
 * Turns the cross-module knowledge off or on: imported modules' summaries and the search for the modules that
 * register this file's functions. The route map's mounts stay. For the bench's "without summaries" figure.
 */
export function setModuleSummaries(on: boolean): void {
  summariesOn = on;
}

/** The summaries of `filename`'s imports, built at `level`; what they read is added to `lint.deps`. */
function lookupAt(filename: string, allSettings: Record<string, unknown>, lint: LintOptions, level: number): ImportedExport | undefined {
  if (!path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const project = (specifier: string): boolean =>
    withDiskMemo(lint.disk, () => {
      const target = resolveModule(filename, specifier, root);
      return target !== undefined && target !== filename;
    });
  if (level < 0) {
    // A probe for facts built at level 0: an import of a project module means a deeper level could say more.
    const probe = (specifier: string): undefined => {
      if (lint.unsaturated && !lint.unsaturated.value && project(specifier)) lint.unsaturated.value = true;
      return undefined;
    };
    return Object.assign(probe, { project, probe: true as const });
  }
  const inner: LintOptions = { ...lint, lookup: lookupAt };
  const memo = new Map<string, ExportSummary | undefined>();
  // At CLIENT_LEVEL, as a probe (a deeper level could say more), but a client an import hands out is known.
  const clientsOnly = level === CLIENT_LEVEL;
  const lookup = (specifier: string, name: string): ExportSummary | undefined => {
    if (clientsOnly) {
      if (!project(specifier)) return undefined;
      if (lint.unsaturated) lint.unsaturated.value = true;
    }
    const key = `${specifier}\0${name}`;
    if (memo.has(key)) return memo.get(key);
    const summary = withDiskMemo(lint.disk, () => {
      const target = resolveModule(filename, specifier, root);
      const s = target && target !== filename ? summaryOf(target, name, inner, allSettings, root, level) : undefined;
      return !clientsOnly || holdsClient(s) ? s : undefined;
    });
    memo.set(key, summary);
    return summary;
  };
  if (clientsOnly) return Object.assign(lookup, { project, probe: true as const });
  const seeded = (ref: { readonly specifier: string; readonly name: string; readonly member?: string }, seed: ClientSeed): ModelFunction | undefined =>
    withDiskMemo(lint.disk, () => {
      const target = resolveModule(filename, ref.specifier, root);
      return target && target !== filename ? seededFor(target, inner, allSettings, root, level, { name: ref.name, ...(ref.member === undefined ? {} : { member: ref.member }), seed }) : undefined;
    });
  const literal = importedLiteral(filename, allSettings, lint);
  const handsBack = importedFact(filename, allSettings, lint, (facts, name) => facts.errorFlows.get(name)?.carries.some((c) => c.index === 0 && c.fields.includes('')));
  return Object.assign(lookup, {
    project,
    seeded,
    ...(literal ? { literal } : {}),
    ...(handsBack ? { handsBack: (specifier: string, name: string) => handsBack(specifier, name) === true } : {}),
  });
}

/** What the app a file belongs to decorates its Fastify instances with (see `appDecorations`). */
export interface AppDecorations {
  /** Every name some module of the app decorates with. */
  readonly names: ReadonlySet<string>;
  /** The summary of a decoration: known only when every module that decorates with the name agrees. */
  summary(name: string): ExportSummary | undefined;
}

/**
 * The decorations the linted file's Fastify instances may carry: those of the modules of the app (or apps) whose
 * route map walk goes through the file, summarised at the level its imports are (SUMMARY_LEVELS - 1). A name
 * decorated by several modules is known only when all of their values reach a model call, as the same kind of
 * value: a route sees one of them, which one depends on the encapsulation context. Undefined when none.
 */
export function appDecorations(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): AppDecorations | undefined {
  return withDiskMemo(lint.disk, () => decorationsOfApp(file, allSettings, lint));
}

function decorationsOfApp(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): AppDecorations | undefined {
  const filename = file.filename;
  if (!summariesOn || !filename || !path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const decorators = new Map<string, Set<string>>();
  const merge = (from: ReadonlyMap<string, readonly string[]>): void => {
    for (const [name, files] of from) {
      const set = decorators.get(name) ?? new Set<string>();
      for (const f of files) set.add(f);
      decorators.set(name, set);
    }
  };
  merge(walkFor(file, filename, allSettings, lint, true).decorators);
  // The linted file is an app entry itself (`app.register(aiPlugin); app.post('/chat', ... app.ai.ask(q))`): its own walk.
  const settings = readSettings(allSettings);
  if (entryCandidates(filename, lint.cwd, settings.entries, root).includes(filename)) {
    const own = entryWalk(filename, !expandEntries(lint.cwd, settings.entries, root).includes(filename), root, lint, allSettings);
    own?.expand(() => true, lint);
    for (const d of own?.stamps.keys() ?? []) lint.deps?.add(d);
    if (own) merge(own.decorators);
  }
  if (decorators.size === 0) return undefined;
  const inner: LintOptions = { ...lint, lookup: lookupAt };
  const memo = new Map<string, ExportSummary | undefined>();
  const summary = (name: string): ExportSummary | undefined => {
    if (memo.has(name)) return memo.get(name);
    const found = withDiskMemo(lint.disk, () => {
      let agreed: ExportSummary | undefined;
      for (const f of decorators.get(name) ?? []) {
        const facts = f === filename ? undefined : factsFor(f, inner, allSettings, root, { parts: ['map'], level: SUMMARY_LEVELS - 1, summaryOnly: true });
        const s = withClass(f, facts?.decorations.get(name) ?? undefined, inner, allSettings, root);
        if (!s || (agreed && agreed.kind !== s.kind)) return undefined;
        agreed ??= s;
      }
      return agreed;
    });
    memo.set(name, found);
    return found;
  };
  return { names: new Set(decorators.keys()), summary };
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
  ops.summarySteps++;
  // Only the summary is wanted: a module that cannot reach a model is not parsed for it.
  const facts = factsFor(file, lint, allSettings, root, { parts: ['model'], level, summaryOnly: true });
  if (!facts) return undefined;
  const t = facts.exports.get(name);
  if (t?.kind === 'local') return withClass(file, facts.summaries.get(name), lint, allSettings, root);
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

/**
 * A client or factory summary holding an instance of another module's class, seen where that module was not read
 * (ClientMap.instanceOf): the class's own summary, from its module alone, takes its place. A class summary holds no
 * such instance, so this is one step, and it costs no level. Unknown (undefined) when the class calls no model.
 */
function withClass(file: string, summary: ExportSummary | undefined, lint: LintOptions, allSettings: Record<string, unknown>, root: string): ExportSummary | undefined {
  if (!handsOutClient(summary) || !summary.value.map.instanceOf) return summary;
  const { specifier, name } = summary.value.map.instanceOf;
  const to = resolveModule(file, specifier, root);
  const cls = to && to !== file ? summaryOf(to, name, lint, allSettings, root, 0) : undefined;
  return cls?.kind === 'class' ? { ...summary, value: { ...summary.value, map: classMap(cls) } } : undefined;
}

/**
 * Whether an export of another project module authenticates a request by its code (facts.ts `auth`): its description,
 * through re-exports; undefined when the module does not resolve or the export is no such function.
 */
export function importedAuth(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ((specifier: string, name: string) => string | null | undefined) | undefined {
  return importedFact(filename, allSettings, lint, (facts, name) => facts.auth.get(name) ?? (facts.routers.has(name) ? null : undefined));
}

/**
 * The string an export of another project module is a constant bound to (facts.ts `literals`), through re-exports:
 * `token.startsWith(ACCESS_CODE_PREFIX)` with the prefix in a constants module checks a format; `fetch(\`${BASE}/x\`)`
 * with `BASE` there goes where it says.
 */
export function importedLiteral(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ((specifier: string, name: string) => string | undefined) | undefined {
  return importedFact(filename, allSettings, lint, (facts, name) => facts.literals.get(name));
}

/** What an exported function of another project module checks when it throws without a good credential (facts.ts `verifiers`). */
export function importedVerifier(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ((specifier: string, name: string) => string | undefined) | undefined {
  return importedFact(filename, allSettings, lint, (facts, name) => facts.verifiers.get(name));
}

/**
 * A fact of the module that defines an export of another project module, read by `read` from that module's facts
 * (level 0) and the local name there, through `export { x } from` and `export *`; memoised per lint.
 */
function importedFact<T>(
  filename: string,
  allSettings: Record<string, unknown>,
  lint: LintOptions,
  read: (facts: FactsWith<'checks'>, name: string) => T | undefined,
): ((specifier: string, name: string) => T | undefined) | undefined {
  if (!summariesOn || !path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const memo = new Map<string, T | undefined>();
  const inner: LintOptions = { ...lint, lookup: lookupAt };
  const find = (file: string, name: string, hops: number): T | undefined => {
    const facts = hops <= MAX_REEXPORT_HOPS ? factsFor(file, inner, allSettings, root, { parts: ['checks'] }) : undefined;
    const t = facts?.exports.get(name);
    if (t?.kind === 'local') return read(facts!, name);
    if (t?.kind === 'from') {
      const to = resolveModule(file, t.specifier, root);
      return to && to !== file ? find(to, t.name, hops + 1) : undefined;
    }
    if (t || name === 'default') return undefined;
    for (const star of facts?.stars ?? []) {
      const to = resolveModule(file, star, root);
      const found = to && to !== file ? find(to, name, hops + 1) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return (specifier, name) => {
    const key = `${specifier}\0${name}`;
    if (memo.has(key)) return memo.get(key);
    const found = withDiskMemo(lint.disk, () => {
      const target = resolveModule(filename, specifier, root);
      return target && target !== filename ? find(target, name, 0) : undefined;
    });
    memo.set(key, found);
    return found;
  };
}

/**
 * Whether an import of the linted file that it calls (`called`) names a project module that can hand out a model
 * client (`const openai = require('../config/openai')`), by the project map's hold questions: no module is parsed
 * unless its text names a model SDK.
 */
export function importsProjectClient(filename: string, text: string, called: () => readonly string[], allSettings: Record<string, unknown>, lint: LintOptions): boolean {
  if (!summariesOn || !path.isAbsolute(filename) || !isFile(filename)) return false;
  const root = projectRoot(filename, lint.cwd);
  return withDiskMemo(lint.disk, () => importsModelClient(filename, textSpecifiers(text), called, lint, allSettings, root));
}

/** What the linted file's imports from the project's other modules do with errors (facts.ts `errorFlows`), as importedExports. */
export function importedErrorFlows(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ImportedErrorFlow | undefined {
  if (!summariesOn || !path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const memo = new Map<string, ErrorFlow | undefined>();
  return (specifier, name) => {
    const key = `${specifier}\0${name}`;
    if (memo.has(key)) return memo.get(key);
    const flow = withDiskMemo(lint.disk, () => {
      const target = resolveModule(filename, specifier, root);
      const facts = target && target !== filename ? factsFor(target, { ...lint, lookup: lookupAt }, allSettings, root, { parts: ['checks'] }) : undefined;
      return facts?.errorFlows.get(name);
    });
    memo.set(key, flow);
    return flow;
  };
}
