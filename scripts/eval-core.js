// The accuracy measurement behind `npm run eval`: lints a labelled folder and scores every rule against the
// `// expect: llm-leak/<id>` comments. Importable so that test/eval.test.ts can assert the floor.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/;
const SKIP = /\.d\.[cm]?ts$/;
const EXPECT = /\/\/\s*expect:\s*(.*)$/;
const PREFIX = 'llm-leak/';

/** Node's globals, so that `process`, `require` and friends resolve as in a real server's config. */
const GLOBALS = Object.fromEntries(
  [
    ['process', 'readonly'], ['Buffer', 'readonly'], ['console', 'readonly'], ['fetch', 'readonly'],
    ['Response', 'readonly'], ['Request', 'readonly'], ['Headers', 'readonly'], ['URL', 'readonly'],
    ['TextEncoder', 'readonly'], ['TextDecoder', 'readonly'], ['ReadableStream', 'readonly'],
    ['setTimeout', 'readonly'], ['clearTimeout', 'readonly'], ['crypto', 'readonly'],
    ['require', 'readonly'], ['module', 'writable'], ['exports', 'writable'], ['__dirname', 'readonly'],
    ['__filename', 'readonly'],
  ],
);

/** Source files under `dir`, recursively, sorted so the output is stable. */
export function listSources(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) listSources(full, out);
    else if (SOURCE.test(name) && !SKIP.test(name)) out.push(full);
  }
  return out;
}

/** CommonJS for .cjs/.cts, and for .js files that call require and never import or export. */
export function sourceTypeOf(file, text) {
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  if (/\.m[jt]s$/.test(file) || /\.ts$/.test(file)) return 'module';
  const esm = /^\s*(?:import\s|export\s)/m.test(text);
  return !esm && /\brequire\s*\(/.test(text) ? 'commonjs' : 'module';
}

/** The `// expect:` labels of a file: line → set of rule ids (without the prefix). */
export function readLabels(text) {
  const labels = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = EXPECT.exec(lines[i]);
    if (!m) continue;
    const ids = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    labels.set(i + 1, new Set(ids.map((id) => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : `?${id}`))));
  }
  return labels;
}

function linterConfig(plugin, level, file, sourceType) {
  const ts = /\.[cm]?ts$/.test(file);
  return [
    {
      files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.cts', '**/*.mts'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        globals: GLOBALS,
        ...(ts ? { parser: tsParser } : {}),
      },
      plugins: { 'llm-leak': plugin },
      rules: [plugin.configs[level]].flat()[0].rules,
    },
  ];
}

/** The groups to lint: each app under apps/ from its own folder, everything else from the corpus root. */
function groups(dir) {
  const files = listSources(dir);
  const appsDir = path.join(dir, 'apps') + path.sep;
  const out = [{ cwd: dir, files: files.filter((f) => !f.startsWith(appsDir)) }];
  const apps = new Map();
  for (const f of files.filter((f) => f.startsWith(appsDir))) {
    const app = path.join(appsDir, f.slice(appsDir.length).split(path.sep)[0]);
    if (!apps.has(app)) apps.set(app, []);
    apps.get(app).push(f);
  }
  for (const [cwd, list] of apps) out.push({ cwd, files: list });
  return out;
}

const ratio = (num, den) => (den === 0 ? 1 : num / den);

/**
 * Lints every source file under `dir` with `plugin` (configs.recommended, configs.strict under a `strict/` folder)
 * and scores the reports against the labels. Returns per-rule counts, the misses and any crashes.
 */
export function evaluate(dir, plugin) {
  const ruleIds = Object.keys(plugin.rules).sort();
  const stats = Object.fromEntries(ruleIds.map((id) => [id, { expected: 0, tp: 0, fp: 0, fn: 0 }]));
  const misses = [];
  const crashes = [];
  const unknownLabels = [];
  let fileCount = 0;
  const root = dir;
  for (const group of groups(dir)) {
    const linter = new Linter({ configType: 'flat', cwd: group.cwd });
    for (const file of group.files) {
      fileCount++;
      const rel = path.relative(root, file);
      const text = readFileSync(file, 'utf8');
      // The corpus root's own name counts, so that `npm run eval -- test/corpus/strict` lints with strict too.
      const level = path.relative(path.dirname(root), file).split(path.sep).includes('strict') ? 'strict' : 'recommended';
      const enabled = new Set(Object.keys([plugin.configs[level]].flat()[0].rules).map((id) => id.slice(PREFIX.length)));
      const labels = readLabels(text);
      let messages;
      try {
        messages = linter.verify(text, linterConfig(plugin, level, file, sourceTypeOf(file, text)), file);
      } catch (error) {
        crashes.push({ file: rel, error: error instanceof Error ? error.stack ?? error.message : String(error) });
        continue;
      }
      const reported = new Map(); // `${line} ${rule}` → message
      for (const m of messages) {
        if (!m.ruleId) {
          crashes.push({ file: rel, error: `${m.line}:${m.column} ${m.message}` });
          continue;
        }
        if (!m.ruleId.startsWith(PREFIX)) continue;
        const key = `${m.line} ${m.ruleId.slice(PREFIX.length)}`;
        if (!reported.has(key)) reported.set(key, m.message);
      }
      const expected = new Set();
      for (const [line, ids] of labels) {
        for (const id of ids) {
          if (!stats[id]) {
            unknownLabels.push(`${rel}:${line} ${id.replace(/^\?/, '')}`);
            continue;
          }
          // A label for a rule the file's config does not turn on cannot be met: it counts as a miss.
          expected.add(`${line} ${id}`);
          if (!enabled.has(id)) unknownLabels.push(`${rel}:${line} ${id} (not enabled in configs.${level})`);
        }
      }
      for (const key of expected) {
        const [line, id] = key.split(' ');
        stats[id].expected++;
        if (reported.has(key)) stats[id].tp++;
        else {
          stats[id].fn++;
          misses.push({ kind: 'FN', file: rel, line: Number(line), rule: id });
        }
      }
      for (const [key, message] of reported) {
        if (expected.has(key)) continue;
        const [line, id] = key.split(' ');
        stats[id].fp++;
        misses.push({ kind: 'FP', file: rel, line: Number(line), rule: id, message });
      }
    }
  }
  const rules = ruleIds.map((id) => {
    const s = stats[id];
    return { rule: id, ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) };
  });
  const sum = (k) => rules.reduce((n, r) => n + r[k], 0);
  const total = { expected: sum('expected'), tp: sum('tp'), fp: sum('fp'), fn: sum('fn') };
  total.precision = ratio(total.tp, total.tp + total.fp);
  total.recall = ratio(total.tp, total.tp + total.fn);
  const order = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
  return { files: fileCount, rules, total, misses: misses.sort(order), crashes, unknownLabels };
}

/** The result as the text `npm run eval` prints. */
export function formatReport(result) {
  const pct = (x) => x.toFixed(3);
  const rows = [['rule', 'expected', 'TP', 'FP', 'FN', 'precision', 'recall']];
  for (const r of result.rules) rows.push([r.rule, r.expected, r.tp, r.fp, r.fn, pct(r.precision), pct(r.recall)]);
  const t = result.total;
  rows.push(['total', t.expected, t.tp, t.fp, t.fn, pct(t.precision), pct(t.recall)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const line = (row) => row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const out = [`${result.files} files`, '', ...rows.slice(0, -1).map(line), ''];
  if (result.misses.length) {
    out.push('misses:');
    for (const m of result.misses) {
      out.push(m.kind === 'FP' ? `  FP ${m.file}:${m.line} llm-leak/${m.rule} ${m.message}` : `  FN ${m.file}:${m.line} llm-leak/${m.rule}`);
    }
    out.push('');
  }
  for (const u of result.unknownLabels) out.push(`bad label: ${u}`);
  for (const c of result.crashes) out.push(`CRASH ${c.file}: ${c.error}`);
  out.push(line(rows.at(-1)));
  return out.join('\n');
}
