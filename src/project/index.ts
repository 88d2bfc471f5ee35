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
import type { FileContext, ProjectMount, Route } from '../types.js';
import { exportsOf, type FileFacts, type MountFact } from './facts.js';
import { projectRoot } from './disk.js';
import { entryCandidates, expandEntries, factsFor, isFile, resolveModule, type LintOptions } from './files.js';
import type { ExportSummary, ImportedExport } from '../llm/summary.js';
import type { ErrorFlow, ImportedErrorFlow } from '../flow/error-details.js';

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

const reachCache = new WeakMap<FileContext, Map<string, ProjectMount[]>>();
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
  let reached = reachCache.get(file);
  if (!reached) {
    reached = reachesOf(filename, lint, allSettings);
    reachCache.set(file, reached);
  }
  const mounts = names.flatMap((n) => reached.get(n) ?? []);
  // An exported app nobody mounts is the app itself.
  if (mounts.length === 0 && root.app) return undefined;
  return mounts;
}

interface Walk {
  readonly path: string | undefined;
  readonly auth: boolean;
  readonly devOnly: boolean;
}

/** Every mount of `target`'s exports reachable from its entries, by export name. */
export function reachesOf(target: string, lint: LintOptions, allSettings: Record<string, unknown>): Map<string, ProjectMount[]> {
  const settings = readSettings(allSettings);
  const out = new Map<string, (ProjectMount & { readonly entry: string })[]>();
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
    const next: Walk = { path: w.path === undefined ? undefined : joinPath(w.path, m.path), auth: w.auth || m.auth, devOnly: w.devOnly || m.devOnly };
    const to = resolveModule(from, m.specifier, root);
    if (to) land(to, m.name, next, { file: from, line: m.line }, depth + 1);
  };

  const land = (file: string, name: string, w: Walk, by: { file: string; line: number }, depth: number): void => {
    const node = `${file}#${name}`;
    const key = `${node}\0${w.path}\0${w.auth}\0${w.devOnly}\0${by.file}:${by.line}`;
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
      list.push({ path: w.path, file: by.file, line: by.line, auth: w.auth, devOnly: w.devOnly, entry });
      out.set(name, list);
      return;
    }
    const facts = load(file);
    if (!facts) return;
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
    const start: Walk = { path: '', auth: false, devOnly: false };
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
  return result;
}

/**
 * What the linted file's imports from the project's other modules are, by their summaries (see facts.ts): resolved by
 * the project map's resolver, read through its guard and cache. Undefined for a specifier that does not resolve to a
 * project file (a package, a builtin, a typo) and for an export with no summary. The other modules' models get no
 * lookup of their own, so summaries are one level deep and an import cycle cannot recurse.
 */
export function importedExports(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ImportedExport | undefined {
  if (!path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const memo = new Map<string, ExportSummary | undefined>();
  return (specifier, name) => {
    const key = `${specifier}\0${name}`;
    if (memo.has(key)) return memo.get(key);
    const target = resolveModule(filename, specifier, root);
    const facts = target && target !== filename ? factsFor(target, lint, allSettings, root) : undefined;
    const summary = facts?.summaries.get(name);
    memo.set(key, summary);
    return summary;
  };
}

/** What the linted file's imports from the project's other modules do with errors (facts.ts `errorFlows`), as importedExports. */
export function importedErrorFlows(filename: string, allSettings: Record<string, unknown>, lint: LintOptions): ImportedErrorFlow | undefined {
  if (!path.isAbsolute(filename) || !isFile(filename)) return undefined;
  const root = projectRoot(filename, lint.cwd);
  const memo = new Map<string, ErrorFlow | undefined>();
  return (specifier, name) => {
    const key = `${specifier}\0${name}`;
    if (memo.has(key)) return memo.get(key);
    const target = resolveModule(filename, specifier, root);
    const facts = target && target !== filename ? factsFor(target, lint, allSettings, root) : undefined;
    const flow = facts?.errorFlows.get(name);
    memo.set(key, flow);
    return flow;
  };
}
