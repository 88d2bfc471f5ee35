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

/**
 * Template literals nested deeper than this are not handed to ESLint: its parser (acorn) compiles a regular expression
 * for every template it reads, and near 600 levels that compilation runs out of stack and V8 aborts the whole process
 * (with no rule on, too), losing every other file's findings. Real code nests a handful.
 */
export const MAX_TEMPLATE_DEPTH = 256;

/**
 * The deepest nesting of template literals in `text` (`` `a${`b${`c`}`}` `` is 3), in one pass that skips strings
 * and comments. Regular expression literals are not told from division: a backtick in one can only shift the count by
 * one until the next backtick.
 */
export function templateDepth(text: string): number {
  // Open contexts, innermost last: true for template text, false for a brace in code (`{` or a template's `${`).
  const stack: boolean[] = [];
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (stack.length > 0 && stack[stack.length - 1]) {
      if (c === 0x5c) i++; // \: skip the escaped character
      else if (c === 0x60) {
        stack.pop();
        depth--;
      } else if (c === 0x24 && text.charCodeAt(i + 1) === 0x7b) {
        stack.push(false);
        i++;
      }
      continue;
    }
    if (c === 0x60) {
      stack.push(true);
      if (++depth > max) max = depth;
    } else if (c === 0x7b) stack.push(false);
    else if (c === 0x7d) {
      if (stack.length > 0) stack.pop();
    } else if (c === 0x27 || c === 0x22) {
      // A quoted string ends at its quote or at the line's end.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === c || d === 0x0a) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    }
  }
  return max;
}
