/**
 * Module specifiers resolved as Node and TypeScript do, by oxc-resolver: relative paths, index files, `.js` written
 * for `.ts`, tsconfig `paths`/`baseUrl` (found per file), package.json `imports` and `exports`, and workspace
 * packages linked into node_modules. Only files of the project come back: a third-party package, a builtin or
 * anything outside the root is undefined, so the map never reads them.
 */
import path from 'node:path';
import { ResolverFactory } from 'oxc-resolver';
import { isInside, madeNow, realpath, sourceFileStat, stat, stillStands, type Made } from './disk.js';
import { packageEntry, packageOfFile, sourceOfBuilt, workspacePackageOf } from './workspaces.js';

const OPTIONS = {
  extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
  // TS projects write './chat.js' for './chat.ts'.
  extensionAlias: {
    '.js': ['.ts', '.tsx', '.js', '.jsx'],
    '.mjs': ['.mts', '.mjs'],
    '.cjs': ['.cts', '.cjs'],
    '.jsx': ['.tsx', '.jsx'],
  },
  conditionNames: ['node', 'import', 'require', 'default'],
  mainFields: ['module', 'main'],
  tsconfig: 'auto' as const,
  // A workspace package is linked into node_modules: its real path is where its sources are.
  symlinks: true,
  builtinModules: true,
};

/** One resolver per config: tsconfig.json found per file ('auto'), or a JavaScript project's jsconfig.json. */
const resolvers = new Map<string, ResolverFactory>();
let made: Made = { at: 0, run: undefined };
/**
 * The resolvers' file-system caches are dropped this often in a long-lived process, so an editor sees new and moved
 * files, and kept for a whole one-shot run (stillStands): a 6 s lint of LibreChat resolved everything three times
 * over with only the 2 s life.
 */
const CACHE_TTL_MS = 2000;
/** Resolutions by folder, specifier and root. */
const answers = new Map<string, string | undefined>();
const MAX_ANSWERS = 20_000;
/** The jsconfig.json that governs a directory (null: a tsconfig.json, or nothing, is nearer), by directory. */
const jsconfigs = new Map<string, string | null>();

function current(from: string, root: string): ResolverFactory {
  if (!stillStands(made, CACHE_TTL_MS)) {
    for (const r of resolvers.values()) r.clearCache();
    plain?.clearCache();
    jsconfigs.clear();
    answers.clear();
    made = madeNow();
  }
  // VS Code and TypeScript read `paths` from jsconfig.json in a JavaScript project (`~/server/...` aliases).
  const js = jsconfigOf(path.dirname(from), root);
  const key = js ?? '';
  let r = resolvers.get(key);
  if (!r) {
    r = new ResolverFactory(js ? { ...OPTIONS, tsconfig: { configFile: js, references: 'auto' as const } } : OPTIONS);
    resolvers.set(key, r);
  }
  return r;
}

/** A config file the resolver may read: a regular file inside the root. */
function configFile(file: string, root: string): boolean {
  return isInside(file, root) && (stat(file)?.isFile() ?? false);
}

function jsconfigOf(dir: string, root: string): string | null {
  const hit = jsconfigs.get(dir);
  if (hit !== undefined) return hit;
  let found: string | null = null;
  if (configFile(path.join(dir, 'tsconfig.json'), root)) found = null;
  else if (configFile(path.join(dir, 'jsconfig.json'), root)) found = path.join(dir, 'jsconfig.json');
  else if (dir !== root && isInside(dir, root)) found = jsconfigOf(path.dirname(dir), root);
  jsconfigs.set(dir, found);
  return found;
}

/**
 * The project file `specifier` names from `from`, written under `root` as the caller writes paths; undefined for
 * packages in node_modules, builtins, files outside the root and anything that does not resolve.
 */
export function resolveInProject(from: string, specifier: string, root: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  // Every file of a folder resolves a specifier alike: one answer per folder, dropped with the resolvers' caches.
  const key = `${path.dirname(from)}\0${specifier}\0${root}`;
  if (answers.has(key) && stillStands(made, CACHE_TTL_MS)) return answers.get(key);
  const answer = resolveNow(from, specifier, root);
  if (answers.size > MAX_ANSWERS) answers.clear();
  answers.set(key, answer);
  return answer;
}

/** A resolver that reads no tsconfig, for relative paths when the project's tsconfig cannot be read. */
let plain: ResolverFactory | undefined;

function resolveNow(from: string, specifier: string, root: string): string | undefined {
  let result;
  try {
    result = current(from, root).resolveFileSync(path.resolve(from), specifier);
    // A tsconfig that extends one that is not there (a package not installed, a parent folder not checked out) fails
    // every resolution; a relative path needs none of it.
    if (!result.path && result.error && (specifier.startsWith('.') || specifier.startsWith('/'))) {
      plain ??= new ResolverFactory({ ...OPTIONS, tsconfig: undefined });
      result = plain.resolveFileSync(path.resolve(from), specifier);
    }
  } catch {
    return undefined; // Defensive: the resolver refuses odd input rather than answering.
  }
  const found = result.path;
  if (result.builtin) return undefined;
  if (!found) {
    // A workspace package not linked into node_modules (a fresh clone), or whose build output is not made yet.
    const ws = workspacePackageOf(root, specifier);
    const entry = ws && packageEntry(ws.dir, ws.sub);
    return entry && sourceFileStat(entry, root) ? entry : undefined;
  }
  // The resolver answers with real paths; express them under the root as written, so they compare with the linted file.
  const realRoot = realpath(root);
  let file = found;
  if (realRoot && realRoot !== root && isInside(found, realRoot)) file = path.join(root, path.relative(realRoot, found));
  if (file.split(path.sep).includes('node_modules')) return undefined;
  // A workspace package's build output: read the source it was built from, when the package keeps one.
  const pkg = packageOfFile(root, file);
  const source = pkg && sourceOfBuilt(pkg, file);
  if (source && sourceFileStat(source, root)) return source;
  return sourceFileStat(file, root) ? file : undefined;
}
