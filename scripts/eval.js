#!/usr/bin/env node
// `npm run eval [-- DIR] [--json]`: precision and recall of every rule on a labelled corpus (default test/corpus).
// Exits 0 whatever the scores (it is a measurement); 1 when the plugin cannot be loaded or linting crashes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluate, formatReport } from './eval-core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'src', 'index.js');
const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'test', 'corpus'));

if (!existsSync(entry)) {
  console.error('eval: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
if (!existsSync(dir)) {
  console.error(`eval: no such folder ${dir}`);
  process.exit(1);
}
let plugin;
try {
  plugin = (await import(pathToFileURL(entry).href)).default;
} catch (error) {
  console.error('eval: could not load the plugin from dist/; run `npm run build`.');
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
let result;
try {
  result = evaluate(dir, plugin);
} catch (error) {
  console.error('eval: linting failed.');
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
}
console.log(json ? JSON.stringify(result, null, 2) : formatReport(result));
process.exit(result.crashes.length > 0 ? 1 : 0);
