#!/usr/bin/env node
// The `llm-leak` command: runs the CLI built into dist/ (see src/cli/main.ts).
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (error) {
  // A clone that was never built (`npm ci` builds through `prepare`).
  process.stderr.write(`llm-leak: cannot load the built CLI (run \`npm run build\`): ${error.message.split('\n')[0]}\n`);
  process.exit(2);
}
// `llm-leak --format json . | head -1`: a reader that stops early is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await cli.main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
