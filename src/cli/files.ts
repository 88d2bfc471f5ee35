/** Finds the files a CLI run lints: the given files, and the source files under the given folders. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.js';

/** Folders never walked into (a folder given on the command line is still linted). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', '.next', 'coverage']);

/**
 * Absolute paths of the files to lint, sorted and without duplicates. Walks folders iteratively (deep trees cannot
 * overflow the stack), does not follow symbolic links to folders, skips hidden folders, declaration files and
 * minified bundles. Throws UsageError for a path that does not exist.
 */
export function collectFiles(cwd: string, inputs: readonly string[], extensions: readonly string[]): string[] {
  const wanted = new Set(extensions.map((e) => `.${e}`));
  const out = new Set<string>();
  const lintable = (name: string): boolean =>
    wanted.has(path.extname(name)) && !/\.d\.[mc]?ts$/.test(name) && !/\.min\.[mc]?js$/.test(name);

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    // ESLint's flat config ignores files outside its base path: say so rather than skip them silently.
    const rel = path.relative(cwd, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UsageError(`${input} is outside the current folder; run llm-leak from a folder that contains it`);
    }
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    if (stat.isFile()) {
      // A file named on the command line is linted whatever its name, if ESLint can parse its kind.
      if (wanted.has(path.extname(abs))) out.add(abs);
      else throw new UsageError(`not a JavaScript or TypeScript file: ${input}`);
      continue;
    }
    const stack = [abs];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable folder: nothing to lint there
      }
      for (const entry of entries) {
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) stack.push(path.join(dir, entry.name));
        } else if (entry.isFile() && lintable(entry.name)) {
          out.add(path.join(dir, entry.name));
        }
      }
    }
  }
  return [...out].sort();
}
