/**
 * Module specifiers resolved as Node and TypeScript do, by oxc-resolver: relative paths, index files, `.js` written
 * for `.ts`, tsconfig `paths`/`baseUrl` (found per file), package.json `imports` and `exports`, and workspace
 * packages linked into node_modules. Only files of the project come back: a third-party package, a builtin or
 * anything outside the root is undefined, so the map never reads them.
 */
import path from 'node:path';
import { ResolverFactory } from 'oxc-resolver';
import { isInside, realpath, sourceFileStat } from './disk.js';

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

let resolver: ResolverFactory | undefined;
let madeAt = 0;
/** The resolver's file-system cache is dropped this often, so an editor sees new and moved files. */
const CACHE_TTL_MS = 2000;

function current(): ResolverFactory {
  const now = Date.now();
  if (!resolver) resolver = new ResolverFactory(OPTIONS);
  else if (now - madeAt > CACHE_TTL_MS) resolver.clearCache();
  if (now - madeAt > CACHE_TTL_MS) madeAt = now;
  return resolver;
}

/**
 * The project file `specifier` names from `from`, written under `root` as the caller writes paths; undefined for
 * packages in node_modules, builtins, files outside the root and anything that does not resolve.
 */
export function resolveInProject(from: string, specifier: string, root: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  let result;
  try {
    result = current().resolveFileSync(path.resolve(from), specifier);
  } catch {
    return undefined; // Defensive: the resolver refuses odd input rather than answering.
  }
  const found = result.path;
  if (!found || result.builtin) return undefined;
  // The resolver answers with real paths; express them under the root as written, so they compare with the linted file.
  const realRoot = realpath(root);
  let file = found;
  if (realRoot && realRoot !== root && isInside(found, realRoot)) file = path.join(root, path.relative(realRoot, found));
  if (file.split(path.sep).includes('node_modules')) return undefined;
  return sourceFileStat(file, root) ? file : undefined;
}
