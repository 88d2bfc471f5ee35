// Inputs for the crash sweep: seeded eslump programs and worst-case shapes generated at a given size, and one lint call
// that tells a rule crash (verify throws) from a parse error (a fatal message).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A small seeded PRNG (mulberry32): eslump has no seed option, so Math.random is swapped for this while it generates.
 * @param {number} seed
 * @returns {() => number}
 */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRELUDE = [
  "const express = require('express');",
  "const OpenAI = require('openai');",
  'const app = express();',
  'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  "app.post('/fuzz', function (req, res) {",
].join('\n');
const EPILOGUE = [
  '  client.chat.completions',
  "    .create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] })",
  '    .then((completion) => res.json(completion));',
  '});',
].join('\n');

/**
 * The eslump program for `seed`, deterministic. Odd seeds give a module as generated; even seeds give a script placed
 * inside an Express handler that calls OpenAI, so the random code runs through the route and flow model.
 * @param {number} seed
 * @param {number} [maxDepth]
 * @returns {{ seed: number, text: string, sourceType: 'module' | 'commonjs' }}
 */
export function fuzzProgram(seed, maxDepth = 6) {
  const { generateRandomJS } = require('eslump');
  const original = Math.random;
  Math.random = seeded(seed);
  try {
    if (seed % 2 === 1) return { seed, text: generateRandomJS({ sourceType: 'module', maxDepth }), sourceType: 'module' };
    const body = generateRandomJS({ sourceType: 'script', maxDepth });
    return { seed, text: `${PRELUDE}\n${body}\n${EPILOGUE}\n`, sourceType: 'commonjs' };
  } finally {
    Math.random = original;
  }
}

const HEAD = [
  "import express from 'express';",
  "import OpenAI from 'openai';",
  'const app = express();',
  'const client = new OpenAI();',
  "const secret = process.env.OPENAI_API_KEY || 'sk-local-dev-key';",
  '',
].join('\n');

/** Worst-case shapes, each a function of a size `n` that returns a module's text. Sizes named in the docs are at 4n. */
export const SHAPES = {
  /** One handler of ~n lines: a long chain of derived values, logs and branches, then a model call and a response. */
  'long handler (lines)': (n) => {
    const lines = [HEAD, "app.post('/chat', async (req, res) => {", '  let v0 = req.body.prompt;'];
    for (let i = 1; i < n; i += 1) {
      if (i % 50 === 0) lines.push(`  if (v${i - 1}.length > ${i}) console.log('step', v${i - 1}, req.headers); let v${i} = v${i - 1};`);
      else if (i % 7 === 0) lines.push(`  const v${i} = { text: v${i - 1}, key: secret, n: ${i} };`);
      else lines.push(`  const v${i} = String(v${i - 1}).slice(0, ${i});`);
    }
    lines.push(
      `  const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: secret }, { role: 'user', content: v${n - 1} }] });`,
      '  res.json(completion);',
      '});',
    );
    return lines.join('\n');
  },
  /**
   * Nesting n deep, alternating `if` blocks and callbacks, with the model call and the response at the bottom. The
   * outer test reads a credential (no guard: `||` lets requests without one in), so the code paths are computed.
   */
  'deep nesting (levels)': (n) => {
    const open = [];
    const close = [];
    for (let i = 0; i < n; i += 1) {
      if (i % 2 === 0) {
        open.push(i === 0 ? `if (req.user || req.body.k${i}) {` : `if (req.body.k${i}) {`);
        close.push('}');
      } else {
        open.push(`await run(async (x${i}) => {`);
        close.push('});');
      }
    }
    return [
      HEAD,
      'const run = (f) => f(1);',
      "app.post('/deep', async (req, res) => {",
      open.join('\n'),
      "const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] });",
      'res.json(completion);',
      close.reverse().join('\n'),
      '});',
    ].join('\n');
  },
  /** One model call whose messages array has n elements. */
  'messages array (elements)': (n) => {
    const items = [];
    for (let i = 0; i < n; i += 1) {
      const role = i === 0 ? 'system' : i % 2 ? 'user' : 'assistant';
      const content = i === 0 ? 'secret' : i % 3 === 0 ? `req.body.m${i}` : `'turn ${i}'`;
      items.push(`      { role: '${role}', content: ${content} },`);
    }
    return [
      HEAD,
      "app.post('/chat', async (req, res) => {",
      '  const completion = await client.chat.completions.create({',
      "    model: 'm',",
      '    messages: [',
      ...items,
      '    ],',
      '  });',
      '  res.json(completion);',
      '});',
    ].join('\n');
  },
  /** An app with n routes, auth middleware on some, app.use every so often, each handler calling the model. */
  'routes (count)': (n) => {
    const lines = [
      HEAD,
      "const auth = (req, res, next) => (req.headers.authorization === 'Bearer ' + secret ? next() : res.sendStatus(401));",
    ];
    for (let i = 0; i < n; i += 1) {
      if (i % 100 === 0) lines.push(`app.use('/p${i}', auth);`);
      const mw = i % 3 === 0 ? 'auth, ' : '';
      lines.push(
        `app.${i % 2 ? 'get' : 'post'}('/r${i}', ${mw}async (req, res) => {`,
        `  const c = await client.chat.completions.create({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: req.body.q${i} }] });`,
        i % 4 === 0 ? '  res.json(c);' : '  res.json({ text: c.choices[0].message.content });',
        '});',
      );
    }
    return lines.join('\n');
  },
};

/**
 * Lints one text with `config`. A throw from verify is a crash (a rule or the plugin failed); a fatal message is a parse
 * error, which is the parser's business and counted apart.
 * @param {import('eslint').Linter} linter
 * @param {string} text
 * @param {unknown} config
 * @param {string} filename
 * @returns {{ kind: 'ok' | 'parse-error' | 'crash' | 'skipped', detail?: string, messages: import('eslint').Linter.LintMessage[] }}
 */
export function lintOnce(linter, text, config, filename) {
  let messages;
  try {
    messages = linter.verify(text, /** @type {never} */ (config), { filename });
  } catch (error) {
    const detail = error instanceof Error ? `${error.message}\n${(error.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(error);
    return { kind: 'crash', detail, messages: [] };
  }
  const fatal = messages.find((m) => m.fatal);
  if (fatal) return { kind: 'parse-error', detail: `${fatal.line}:${fatal.column} ${fatal.message}`, messages };
  // A file no config applies to gets one warning at line 0: that would make the sweep pass for nothing.
  const skipped = messages.find((m) => m.ruleId === null && m.line === 0);
  if (skipped) return { kind: 'skipped', detail: skipped.message, messages };
  return { kind: 'ok', messages };
}
