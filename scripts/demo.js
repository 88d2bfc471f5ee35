#!/usr/bin/env node
// `npm run demo`: lints the three bundled example apps with the built plugin and prints what it finds.
// Exits 0 whatever the findings (it is a demo); exits 1 when the plugin cannot be built, loaded or run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'src', 'index.js');

/** The example folders, in the order of the story, and the config each is linted with. */
const EXAMPLES = [
  { dir: 'vulnerable', config: 'recommended', story: 'Express + OpenAI as first written' },
  { dir: 'naive-fix', config: 'recommended', story: 'the first fix: hand-written Basic Auth, text only, no debug route' },
  { dir: 'hardened', config: 'recommended', story: 'every leak fixed' },
  { dir: 'hardened', config: 'strict', story: 'the same, with the strict-only rules too' },
];

// Node's globals, so that `process.env` and `Buffer` resolve as they do in the examples' own eslint.config.js.
const base = {
  files: ['**/*.js'],
  languageOptions: {
    ecmaVersion: 'latest',
    sourceType: 'module',
    globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' },
  },
};

function fail(message, error) {
  console.error(`demo: ${message}`);
  if (error) console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
}

async function loadPlugin() {
  if (!existsSync(entry)) {
    console.log('dist/ is missing; running `npm run build` first.\n');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) fail('`npm run build` failed.');
  }
  let plugin;
  try {
    plugin = (await import(pathToFileURL(entry).href)).default;
  } catch (error) {
    fail(`could not load the plugin from ${path.relative(root, entry)}.`, error);
  }
  if (!plugin?.rules || !plugin.configs?.recommended || !plugin.configs?.strict) {
    fail(`${path.relative(root, entry)} does not export a plugin with rules and configs.`);
  }
  return plugin;
}

function pad(text, width) {
  return String(text).padEnd(width);
}

async function main() {
  const plugin = await loadPlugin();
  const ruleIds = Object.keys(plugin.rules).map((id) => `llm-leak/${id}`);
  console.log(`eslint-plugin-llm-leak ${plugin.meta?.version ?? ''}: ${ruleIds.length} rules\n`);

  const columns = [];
  for (const example of EXAMPLES) {
    const cwd = path.join(root, 'examples', example.dir);
    const label = `${example.dir} (${example.config})`;
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [{ ignores: ['eslint.config.js'] }, base, plugin.configs[example.config]],
    });
    let results;
    try {
      results = await eslint.lintFiles(['**/*.js']);
    } catch (error) {
      fail(`linting examples/${example.dir} crashed.`, error);
    }

    const counts = new Map();
    let findings = 0;
    console.log(`== examples/${example.dir} — configs.${example.config}: ${example.story}`);
    for (const result of results) {
      const file = path.relative(cwd, result.filePath);
      for (const m of result.messages) {
        if (m.fatal) {
          console.log(`  ${file}:${m.line}:${m.column}  parse error  ${m.message}`);
          continue;
        }
        findings += 1;
        counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
        console.log(`  ${file}:${m.line}:${m.column}  ${m.ruleId}`);
        console.log(`      ${m.message}`);
      }
    }
    console.log(findings === 0 ? '  no findings\n' : `  ${findings} finding${findings === 1 ? '' : 's'}\n`);
    columns.push({ label, counts, total: findings });
  }

  // Summary: one row per rule, one column per example run.
  const first = Math.max(...ruleIds.map((id) => id.length), 'rule'.length) + 2;
  const widths = columns.map((c) => Math.max(c.label.length, 5) + 2);
  const row = (name, cells) => (pad(name, first) + cells.map((cell, i) => pad(cell, widths[i])).join('')).trimEnd();
  console.log('Summary (findings per rule)');
  console.log(row('rule', columns.map((c) => c.label)));
  console.log(row('-'.repeat(first - 2), widths.map((w) => '-'.repeat(w - 2))));
  for (const id of ruleIds) {
    console.log(row(id, columns.map((c) => (c.counts.get(id) ?? 0).toString())));
  }
  const other = columns.map((c) => c.total - ruleIds.reduce((n, id) => n + (c.counts.get(id) ?? 0), 0));
  if (other.some((n) => n > 0)) console.log(row('(other)', other.map(String)));
  console.log(row('total', columns.map((c) => String(c.total))));
  console.log(
    '\nvulnerable and hardened are linted with configs.recommended (the hardened app also with configs.strict);' +
      '\nnaive-fix with configs.recommended: its findings are what the first fix still leaks.',
  );
}

main().catch((error) => fail('unexpected error.', error));
