/**
 * Package hygiene: the published tarball holds only what users need, runs nothing at install time, every entry point
 * it declares is inside it, and its runtime dependencies have no known vulnerabilities (`npm audit --omit=dev`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Settings that npm passes to scripts it runs (this test may run under `npm test`) must not steer the nested npm.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^npm_(?:lifecycle_|package_|config_(?:local_prefix|call|prefix|global_prefix|dry_run|json)$)/i.test(k),
  ),
);

function npm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd: root, env, encoding: 'utf8', shell: process.platform === 'win32', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

interface PackReport {
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

interface PackageJson {
  scripts?: Record<string, string>;
  exports?: unknown;
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
}

/** What a user needs; anything else in the tarball is a leak of its own (tests, fixtures, sources, CI files). */
const ALLOWED = [
  /^dist\/src\/.+\.(?:js|d\.ts)$/,
  // The require() entry for eslintrc (src/index.cts).
  /^dist\/src\/index\.(?:cjs|d\.cts)$/,
  /^dist\/rules\/.+\.(?:js|d\.ts)$/,
  /^bin\/.+/,
  /^docs\/.+\.md$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^package\.json$/,
];

/** Every string leaf of `exports` (conditions and subpaths alike). */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

const normalise = (target: string) => path.posix.normalize(target).replace(/^\.\//, '');

describe('the published package', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  let report: PackReport;
  let files: Set<string>;

  beforeAll(() => {
    // A clean clone builds dist/ in `npm ci`. `--ignore-scripts` keeps `prepack` from rebuilding dist/ under the
    // other tests that load it at the same time; the consumer test packs with the build.
    if (!existsSync(path.join(root, 'dist/src/index.js'))) {
      const build = npm(['run', 'build']);
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    }
    const pack = npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
    expect(pack.status, pack.stderr.slice(-3000)).toBe(0);
    [report] = JSON.parse(pack.stdout) as PackReport[];
    files = new Set(report!.files.map((f) => f.path));
    console.log(
      `npm pack: ${report!.entryCount} files, ${(report!.size / 1024).toFixed(1)} kB packed, ${(report!.unpackedSize / 1024).toFixed(1)} kB unpacked`,
    );
  });

  it('holds only the built code, the bin, the docs, README, LICENSE and package.json', () => {
    const stray = [...files].filter((f) => !ALLOWED.some((re) => re.test(f)));
    expect(stray).toEqual([]);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/rules/index.js']) {
      expect(files, required).toContain(required);
    }
    // One doc page per rule.
    const rules = [...files].filter((f) => /^dist\/rules\/[^/]+\.js$/.test(f) && !f.endsWith('/index.js'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(files).toContain(`docs/rules/${path.posix.basename(rule, '.js')}.md`);
    // A guard against whole folders (node_modules, a corpus) slipping in through `files`.
    expect(report.entryCount).toBeLessThan(400);
    expect(report.unpackedSize).toBeLessThan(2 * 1024 * 1024);
  });

  it('runs nothing at install time', () => {
    const scripts = pkg.scripts ?? {};
    for (const hook of ['preinstall', 'install', 'postinstall', 'preuninstall', 'uninstall', 'postuninstall']) {
      expect(scripts[hook], `package.json has a "${hook}" script`).toBeUndefined();
    }
    // npm runs node-gyp for a binding.gyp even without an install script.
    expect(files).not.toContain('binding.gyp');
  });

  it('ships every file that exports, main, types and bin point to', () => {
    const targets = [
      ...exportTargets(pkg.exports),
      ...(pkg.main ? [pkg.main] : []),
      ...(pkg.types ? [pkg.types] : []),
      ...(typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {})),
    ].map(normalise);
    expect(targets.length).toBeGreaterThan(3);
    const missing = targets.filter((t) => !files.has(t));
    expect(missing, 'entry points missing from the tarball').toEqual([]);
    for (const bin of typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {})) {
      expect(readFileSync(path.join(root, bin), 'utf8').startsWith('#!/usr/bin/env node'), `${bin} needs a node shebang`).toBe(true);
    }
  });

  it('ships every module that its JavaScript imports by relative path', () => {
    const missing: string[] = [];
    for (const file of files) {
      if (!file.endsWith('.js')) continue;
      const source = readFileSync(path.join(root, file), 'utf8');
      // tsc puts each import and re-export at the start of a line; comments that mention imports do not start so.
      for (const m of source.matchAll(/^(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        const target = path.posix.join(path.posix.dirname(file), m[1]!);
        if (!files.has(target)) missing.push(`${file} → ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no known vulnerabilities in its runtime dependencies (npm audit --omit=dev)', { timeout: 60_000 }, (ctx) => {
    const audit = npm(['audit', '--omit=dev', '--json']);
    let parsed: { metadata?: { vulnerabilities?: Record<string, number> }; vulnerabilities?: Record<string, unknown>; message?: string };
    try {
      parsed = JSON.parse(audit.stdout) as typeof parsed;
    } catch {
      parsed = {};
    }
    const counts = parsed.metadata?.vulnerabilities;
    const unreachable = /audit endpoint returned an error|advisories|ECONN|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up|network/i;
    if (!counts && unreachable.test(`${audit.stdout}\n${audit.stderr}`)) {
      // The audit endpoint could not be reached or refused the request: that says nothing about the dependencies,
      // so skip loudly instead of passing. Findings always come with a report and fail below; so does any other error.
      const reason = (parsed.message ?? audit.stderr.trim().split('\n').at(-1) ?? `exit ${audit.status}`).slice(0, 300);
      console.warn(`SKIPPED npm audit: the registry's audit endpoint gave no report (${reason})`);
      ctx.skip(`npm audit endpoint unreachable: ${reason}`);
      return;
    }
    expect(counts, `npm audit gave no report:\n${audit.stdout.slice(-2000)}\n${audit.stderr.slice(-2000)}`).toBeDefined();
    expect(Object.keys(parsed.vulnerabilities ?? {}), JSON.stringify(parsed.vulnerabilities, null, 2).slice(0, 3000)).toEqual([]);
    expect(counts!.total).toBe(0);
    expect(audit.status).toBe(0);
  });
});
