/**
 * Builds dist/ once before any test file runs. The end-to-end tests (CLI, language server, pre-commit, packed
 * consumer) load the built plugin from several workers at once; building here, and never inside a test, keeps one
 * worker from reading files another is rewriting.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm run build failed before the tests:\n${r.stdout}\n${r.stderr}`);
}
