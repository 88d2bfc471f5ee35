/** `llm-leak [paths]`: lints a project with the plugin's configs, no eslint.config.js needed. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HELP, UsageError, parseCliArgs } from './args.js';
import type { CliIo } from './lint.js';

export type { CliIo } from './lint.js';

/** The package version, read without loading ESLint or the plugin. */
function packageVersion(): string {
  return (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
}

/** Runs the CLI and resolves to its exit code: 0 clean, 1 findings, 2 usage or runtime error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    for (const p of args.paths) if (!existsSync(path.resolve(io.cwd, p))) throw new UsageError(`no such file or folder: ${p}`);
    // Loaded only now, so that --help and command-line mistakes answer without loading ESLint.
    const { lintProject } = await import('./lint.js');
    return await lintProject(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
    io.stderr.write(`llm-leak: ${line}${error instanceof UsageError ? ' (see llm-leak --help)' : ''}\n`);
    if (!(error instanceof UsageError) && io.env.LLM_LEAK_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
