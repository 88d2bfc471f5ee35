/**
 * Workspace packages read from the workspace root's own manifest (package.json `workspaces`, pnpm-workspace.yaml
 * `packages`), for a monorepo whose packages are not linked into node_modules yet, and the sources of a package whose
 * entry points at build output (`dist/index.cjs` built from `src/index.ts`): the project map reads what the developer
 * writes, not what a build makes of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside, madeNow, readJson, stat, stillStands, type Made } from './disk.js';

/** Workspace maps are reused this long in a long-lived process, and for a whole one-shot run (stillStands). */
const TTL_MS = 2000;
const maps = new Map<string, { made: Made; packages: ReadonlyMap<string, string> }>();
/** Folders a workspace pattern may list, at most. */
const MAX_PACKAGES = 500;
/** Build output folders, and the extensions a source may have, in the order TypeScript prefers. */
const BUILD_DIRS = new Set(['dist', 'build', 'lib', 'out']);
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Package name -> folder, for the workspace rooted at `root`. */
export function workspacePackages(root: string): ReadonlyMap<string, string> {
  const hit = maps.get(root);
  if (hit && stillStands(hit.made, TTL_MS)) return hit.packages;
  const packages = new Map<string, string>();
  for (const pattern of patternsOf(root)) {
    for (const dir of expand(root, pattern)) {
      if (packages.size >= MAX_PACKAGES) break;
      const name = readJson(path.join(dir, 'package.json'))?.name;
      if (typeof name === 'string' && !packages.has(name)) packages.set(name, dir);
    }
  }
  if (maps.size > 100) maps.clear();
  maps.set(root, { made: madeNow(), packages });
  return packages;
}

function patternsOf(root: string): string[] {
  const json = readJson(path.join(root, 'package.json'));
  const ws = json?.workspaces;
  const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages) ? (ws as { packages: unknown[] }).packages : [];
  const out = list.filter((p): p is string => typeof p === 'string');
  const yaml = path.join(root, 'pnpm-workspace.yaml');
  const s = stat(yaml);
  if (s?.isFile() && s.size < 100_000) {
    let text = '';
    try {
      text = fs.readFileSync(yaml, 'utf8');
    } catch {
      // Unreadable: no patterns from it.
    }
    // `packages:` then `  - 'packages/*'` lines; anything fancier is not read.
    const block = /^packages:\s*\n((?:[ \t]*-[^\n]*\n?)*)/m.exec(text)?.[1] ?? '';
    for (const m of block.matchAll(/-\s*['"]?([^'"\n#]+?)['"]?\s*(?:#.*)?$/gm)) out.push(m[1]!);
  }
  return out.filter((p) => !p.startsWith('!'));
}

/** The folders a pattern names: an exact folder, or `dir/*` (one level; `dir/**` is read as one level too). */
function expand(root: string, pattern: string): string[] {
  const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  const star = /^(.*?)\/\*\*?$/.exec(clean);
  const base = path.resolve(root, star ? star[1]! : clean);
  if (!isInside(base, root) || clean.includes('..')) return [];
  if (!star) return stat(path.join(base, 'package.json'))?.isFile() ? [base] : [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(base);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.') && n !== 'node_modules')
    .map((n) => path.join(base, n))
    .filter((d) => stat(path.join(d, 'package.json'))?.isFile());
}

/** The workspace package a bare specifier names (`@acme/api`, `@acme/api/sub`), with the rest of the specifier. */
export function workspacePackageOf(root: string, specifier: string): { dir: string; sub: string } | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return undefined;
  const packages = workspacePackages(root);
  if (packages.size === 0) return undefined;
  const parts = specifier.split('/');
  const n = specifier.startsWith('@') ? 2 : 1;
  const dir = packages.get(parts.slice(0, n).join('/'));
  return dir ? { dir, sub: parts.slice(n).join('/') } : undefined;
}

/**
 * The source a file of a workspace package's build output was made from, when the package keeps it in `src/`
 * (`dist/index.cjs` -> `src/index.ts`, `dist/tools/x.js` -> `src/tools/x.ts`); undefined when there is none.
 */
export function sourceOfBuilt(packageDir: string, file: string): string | undefined {
  const rel = path.relative(packageDir, file).split(path.sep);
  if (rel.length < 2 || !BUILD_DIRS.has(rel[0]!)) return undefined;
  const stem = path.join(packageDir, 'src', ...rel.slice(1)).replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  for (const candidate of [stem, path.join(stem, 'index')]) {
    for (const ext of SOURCE_EXTENSIONS) if (stat(candidate + ext)?.isFile()) return candidate + ext;
  }
  return undefined;
}

/** The package folder holding `file` among the workspace's packages, if any. */
export function packageOfFile(root: string, file: string): string | undefined {
  let best: string | undefined;
  for (const dir of workspacePackages(root).values()) if (isInside(file, dir) && (!best || dir.length > best.length)) best = dir;
  return best;
}

/**
 * The file a workspace package's entry (`sub` '' for the package itself) names, read from its package.json
 * (`exports`, `module`, `main`) with build output mapped to its source; then `src/index` or `src/<sub>`.
 */
export function packageEntry(dir: string, sub: string): string | undefined {
  const json = readJson(path.join(dir, 'package.json')) ?? {};
  const targets: string[] = [];
  const key = sub ? `./${sub}` : '.';
  const exp = json.exports;
  const entry = typeof exp === 'string' ? (key === '.' ? exp : undefined) : exp && typeof exp === 'object' ? ((exp as Record<string, unknown>)[key] ?? (key === '.' && !Object.keys(exp).some((k) => k.startsWith('.')) ? exp : undefined)) : undefined;
  const first = conditionTarget(entry, 0);
  if (first) targets.push(first);
  if (!sub) for (const f of ['module', 'main']) if (typeof json[f] === 'string') targets.push(json[f] as string);
  else targets.push(`./${sub}`);
  targets.push(sub ? `./dist/${sub}.js` : './dist/index.js');
  for (const t of targets) {
    const abs = path.resolve(dir, t);
    if (!isInside(abs, dir)) continue;
    const source = sourceOfBuilt(dir, abs);
    if (source) return source;
    if (stat(abs)?.isFile()) return abs;
    for (const ext of SOURCE_EXTENSIONS) if (stat(abs + ext)?.isFile()) return abs + ext;
    for (const ext of SOURCE_EXTENSIONS) if (stat(path.join(abs, `index${ext}`))?.isFile()) return path.join(abs, `index${ext}`);
  }
  return undefined;
}

/** The first file path of an `exports` entry: a string, or the first usable condition of an object. */
function conditionTarget(entry: unknown, depth: number): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object' || depth > 4) return undefined;
  const conditions = entry as Record<string, unknown>;
  for (const c of ['source', 'development', 'import', 'require', 'node', 'default']) {
    const t = conditionTarget(conditions[c], depth + 1);
    if (t) return t;
  }
  return undefined;
}
