/**
 * Keeps `--cache` honest across modules. ESLint's cache knows a file's own text and config, not the other files
 * its findings depend on (the entry that mounts its router behind auth, the module that makes its model client).
 * Each file's lint reports those files (the routes rule carries them); the run keeps their union next to the
 * cache, and the next run puts a stamp of their current state (and of the file list) into the config. When one of
 * them changes, or a file comes or goes, the stamp changes and ESLint lints every file again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';

/** The sidecar file next to the cache file. */
export const depsFile = (cacheFile: string): string => `${cacheFile}.deps.json`;

/** The stamp for this run: the files to lint, and the state of every file the last run's findings depended on. */
export function depsStamp(cacheFile: string, files: readonly string[]): string {
  let deps: string[] = [];
  try {
    const value: unknown = JSON.parse(readFileSync(depsFile(cacheFile), 'utf8'));
    if (Array.isArray(value)) deps = value.filter((x): x is string => typeof x === 'string');
  } catch {
    // First run, or an unreadable sidecar: the stamp still covers the file list.
  }
  const hash = createHash('sha256');
  for (const f of [...files].sort()) hash.update(`${f}\0`);
  hash.update('\0deps\0');
  for (const d of [...new Set(deps)].sort()) {
    let state = 'missing';
    try {
      const s = statSync(d);
      state = `${s.mtimeMs}:${s.size}`;
    } catch {
      // Gone since the last run: 'missing' is its state.
    }
    hash.update(`${d}\0${state}\0`);
  }
  return hash.digest('hex');
}

/** Writes the union of the files this run's findings depended on; a failure to write only costs the next run. */
export function writeDeps(cacheFile: string, deps: Iterable<string>): void {
  try {
    writeFileSync(depsFile(cacheFile), `${JSON.stringify([...new Set(deps)].sort())}\n`);
  } catch {
    // The cache itself was checked writable; a sidecar that cannot be written makes the next run lint everything.
  }
}
