// Issue 14's worst cases at a chosen size, and one measurement of a lint by operation counts (src/counters.ts), not by
// a clock: the sweep judges 4n/n growth on the counts, and test/e2e/robustness.test.ts runs a fixed sample.
// Single-file cases are texts; cross-file cases are projects written to a temporary folder and linted from there.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROUTE_HEAD = [
  "import express from 'express';",
  "import OpenAI from 'openai';",
  'const openai = new OpenAI();',
].join('\n');

/** Single-file worst cases: functions of `n` returning a module's text; each sends a model's output to the client. */
export const FILE_CASES = {
  /** `req.body.p.p.…` with n links as the system prompt, and the same chain logged. */
  'member chain (links)': (n) => {
    const chain = `req.body${'.p'.repeat(n)}`;
    return `${ROUTE_HEAD}
const app = express();
app.post('/x', async (req, res) => {
  console.log(${chain});
  const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: ${chain} }] });
  res.json(c);
});
`;
  },
  /** A string literal `'sk-'` followed by n key characters, put in a prompt. */
  'key literal (chars)': (n) => `${ROUTE_HEAD}
const app = express();
const key = 'sk-${'a1B2'.repeat(Math.ceil(n / 4)).slice(0, n)}';
app.post('/x', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'use ' + key }] });
  res.json(c);
});
`,
  /** Template literals nested n deep around the user's input. */
  'nested templates (levels)': (n) => {
    let t = 'req.body.q';
    for (let i = 0; i < n; i += 1) t = `\`${i}:\${${t}}\``;
    return `${ROUTE_HEAD}
const app = express();
app.post('/x', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: ${t} }] });
  res.json(c);
});
`;
  },
};

/** The router every project case mounts: one LLM route with no auth that sends the whole completion. */
const CHAT = `${ROUTE_HEAD}
export const chat = express.Router();
chat.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] });
  res.json(c);
});
`;

const app = (importLine, mount) => `import express from 'express';\n${importLine}\nconst app = express();\n${mount}\napp.listen(3000);\n`;

/**
 * Cross-file worst cases: functions of `n` returning `{ files, target }`, the project's files by relative path and the
 * file to lint (always `chat.js`, mounted at `/api` through the graph). Graph walks stop at 16 hops (src/project),
 * so the deep cases take n where 4n stays within that.
 */
export const PROJECT_CASES = {
  /** n barrels, each `export *` from the next two and from the first (cycles), the last one from the router. */
  'barrel cycle (barrels)': (n) => {
    const files = { 'chat.js': CHAT, 'app.js': app("import { chat } from './b0.js';", "app.use('/api', chat);") };
    for (let i = 0; i < n; i += 1) {
      const next = [...new Set([(i + 1) % n, (i + 2) % n, 0])].map((j) => `export * from './b${j}.js';`);
      if (i === n - 1) next.push("export * from './chat.js';");
      files[`b${i}.js`] = `${next.join('\n')}\n`;
    }
    return { files, target: 'chat.js' };
  },
  /** A ladder of barrels 3 wide and n deep: each `export *` from all three of the level below. */
  'barrel ladder (levels)': (n) => {
    const files = { 'chat.js': CHAT, 'app.js': app("import { chat } from './l0_0.js';", "app.use('/api', chat);") };
    for (let level = 0; level < n; level += 1) {
      for (let k = 0; k < 3; k += 1) {
        files[`l${level}_${k}.js`] =
          level === n - 1 ? "export * from './chat.js';\n" : `${[0, 1, 2].map((j) => `export * from './l${level + 1}_${j}.js';`).join('\n')}\n`;
      }
    }
    return { files, target: 'chat.js' };
  },
  /** Routers that mount routers: n levels 3 wide, each mounting all three of the next level (the app the first), the last the chat. */
  'mount graph (levels)': (n) => {
    const files = {
      'chat.js': CHAT,
      'app.js': app(
        "import { r0_0 } from './m0_0.js';\nimport { r0_1 } from './m0_1.js';\nimport { r0_2 } from './m0_2.js';",
        "app.use('/api', r0_0);\napp.use('/api', r0_1);\napp.use('/api', r0_2);",
      ),
    };
    for (let level = 0; level < n; level += 1) {
      for (let k = 0; k < 3; k += 1) {
        const subs = level === n - 1 ? [['chat', './chat.js']] : [0, 1, 2].map((j) => [`r${level + 1}_${j}`, `./m${level + 1}_${j}.js`]);
        files[`m${level}_${k}.js`] = [
          "import express from 'express';",
          ...subs.map(([name, from]) => `import { ${name} } from '${from}';`),
          `export const r${level}_${k} = express.Router();`,
          ...subs.map(([name]) => `r${level}_${k}.use(${name});`),
          '',
        ].join('\n');
      }
    }
    return { files, target: 'chat.js' };
  },
  /** The router's model client imported through a ladder of barrels 3 wide and n deep (summaries follow 8 hops). */
  'client through barrels (levels)': (n) => {
    const chat = CHAT.replace("import OpenAI from 'openai';\nconst openai = new OpenAI();", "import { openai } from './c0_0.js';");
    const files = {
      'chat.js': chat,
      'client.js': "import OpenAI from 'openai';\nexport const openai = new OpenAI();\n",
      'app.js': app("import { chat } from './chat.js';", "app.use('/api', chat);"),
    };
    for (let level = 0; level < n; level += 1) {
      for (let k = 0; k < 3; k += 1) {
        files[`c${level}_${k}.js`] =
          level === n - 1 ? "export * from './client.js';\n" : `${[0, 1, 2].map((j) => `export * from './c${level + 1}_${j}.js';`).join('\n')}\n`;
      }
    }
    return { files, target: 'chat.js' };
  },
  /** Middleware installing 20n response methods on `res` (each sending), applied by the app; the route sends through one. */
  'response methods (methods)': (n) => {
    const count = 20 * n;
    const methods = Array.from({ length: count }, (_, i) => `  res.m${i} = (data) => res.json({ i: ${i}, data });`);
    const chat = CHAT.replace('  res.json(c);', `  res.m${count - 1}(c);`);
    const files = {
      'chat.js': chat,
      'respond.js': `export function respond(req, res, next) {\n${methods.join('\n')}\n  next();\n}\n`,
      'app.js': app("import { chat } from './chat.js';\nimport { respond } from './respond.js';", "app.use(respond);\napp.use('/api', chat);"),
    };
    return { files, target: 'chat.js' };
  },
};

/**
 * Writes a project's files under a new temporary folder (with a package.json of type module) and returns the folder,
 * real path (the project map compares real paths).
 * @param {Record<string, string>} files
 * @param {string} [tag]
 */
export function writeProject(files, tag = 'case') {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), `llm-leak-${tag}-`)));
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "worst-case", "type": "module" }\n');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Removes a folder made by writeProject. */
export function removeProject(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The operation counters and the project map's cache reset of a built plugin (dist/): internal modules, not the
 * plugin's API (package.json exports only the entry).
 * @param {string} root the repository root
 */
export async function loadCounters(root) {
  const counters = await import(pathToFileURL(path.join(root, 'dist', 'src', 'counters.js')).href);
  const project = await import(pathToFileURL(path.join(root, 'dist', 'src', 'project', 'index.js')).href);
  return { counters, clearProjectCache: project.clearProjectCache };
}

/**
 * Lints `text` as `filename` with the project map's caches emptied first, and returns the lint's messages and the
 * operation counts it cost (cold, so the same input gives the same counts on every run and every machine). The wall
 * time and the plugin's rules' time from ESLint's stats come along for context only.
 * @param {{ Linter: typeof import('eslint').Linter, counters: { opCounts(): Record<string, number>, opsSince(a: Record<string, number>): Record<string, number> }, clearProjectCache(): void }} api
 * @param {unknown} config a flat config array
 * @param {string} cwd
 * @param {string} filename
 * @param {string} text
 */
export function countLint(api, config, cwd, filename, text) {
  api.clearProjectCache();
  const linter = new api.Linter({ configType: 'flat', cwd });
  const before = api.counters.opCounts();
  const start = performance.now();
  let messages = [];
  let crash;
  try {
    messages = linter.verifyAndFix(text, /** @type {never} */ (config), { filename, stats: true, fix: false }).messages;
  } catch (error) {
    crash = error instanceof Error ? `${error.message} ${(error.stack ?? '').split('\n').slice(1, 4).map((l) => l.trim()).join(' | ')}` : String(error);
  }
  const ms = performance.now() - start;
  const counts = api.counters.opsSince(before);
  const rules = crash ? {} : (linter.getTimes()?.passes?.[0]?.rules ?? {});
  const pluginMs = Object.entries(rules).reduce((sum, [id, t]) => (id.startsWith('llm-leak/') ? sum + t.total : sum), 0);
  const fatal = messages.find((m) => m.fatal);
  return {
    messages,
    counts,
    crash,
    parseError: fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : undefined,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    ms,
    pluginMs,
  };
}

/**
 * What each worst case must still report at every size: rule ids, or `[ruleId, pattern]` for a message that must
 * match (the cross-file cases: the route is judged by its mount at /api, found through the graph).
 * @type {Record<string, (string | [string, RegExp])[]>}
 */
export const EXPECTED = {
  'member chain (links)': ['llm-leak/no-untrusted-system-prompt', 'llm-leak/no-sensitive-logging'],
  'key literal (chars)': ['llm-leak/no-hardcoded-credentials', 'llm-leak/no-secrets-in-prompt'],
  'nested templates (levels)': ['llm-leak/no-untrusted-system-prompt', 'llm-leak/no-raw-llm-response'],
  'barrel cycle (barrels)': [['llm-leak/require-auth-for-llm-route', /POST \/api\/chat .*mounted at \/api/]],
  'barrel ladder (levels)': [['llm-leak/require-auth-for-llm-route', /POST \/api\/chat .*mounted at \/api/]],
  'mount graph (levels)': [['llm-leak/require-auth-for-llm-route', /POST \/api\/chat .*mounted at \/api/]],
  // The route is a model route only if the client's summary was found through the barrels.
  'client through barrels (levels)': [['llm-leak/require-auth-for-llm-route', /POST \/api\/chat calls a model/], 'llm-leak/no-raw-llm-response'],
  // The completion goes out through the last method the middleware installs.
  'response methods (methods)': ['llm-leak/no-raw-llm-response'],
};

/**
 * The expected reports of `name` (EXPECTED, default: a whole completion sent to the client) missing from `messages`.
 * @param {string} name
 * @param {readonly { ruleId: string | null, message: string }[]} messages
 * @returns {string[]}
 */
export function missingReports(name, messages) {
  const want = EXPECTED[name] ?? ['llm-leak/no-raw-llm-response'];
  return want
    .filter((w) => {
      const [id, re] = typeof w === 'string' ? [w, undefined] : w;
      return !messages.some((m) => m.ruleId === id && (!re || re.test(m.message)));
    })
    .map((w) => (typeof w === 'string' ? w : `${w[0]} ${w[1]}`));
}

/** Allowed 4n/n ratio of an operation count: linear is 4; a count of the form a + b·n with a ≥ 0 never exceeds it. */
export const MAX_COUNT_GROWTH = 4.5;

/**
 * The counts that grew faster than linear from n to 4n: `[name, ratio]` pairs. A count that is 0 at n is judged
 * against 1, so a count that appears only at larger sizes fails too once it passes 4.5.
 * @param {Record<string, number>} atN
 * @param {Record<string, number>} at4n
 */
export function superLinear(atN, at4n) {
  const out = [];
  for (const [k, v] of Object.entries(at4n)) {
    const ratio = v / Math.max(1, atN[k] ?? 0);
    if (ratio > MAX_COUNT_GROWTH) out.push([k, ratio]);
  }
  return out;
}
