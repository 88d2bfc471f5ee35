import rule from '../../rules/no-unsafe-llm-output.js';
import { cjs, ruleTester } from '../helpers.js';

const err = (messageId: 'code' | 'shell' | 'program' | 'sql' | 'path' | 'redirect' | 'url' | 'html', extra: { line?: number; column?: number } = {}) => ({
  messageId,
  ...extra,
});

ruleTester().run('no-unsafe-llm-output', rule, {
  valid: [
    // Valid because the model's text is only sent back as JSON and logged: no sink turns it into code.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.q) }] });
  const text = completion.choices[0].message.content;
  res.json({ text });
});
`,
    },
    // Valid because the command comes from the request, not the model: other rules judge request input.
    {
      code: `
import express from 'express';
import { exec } from 'node:child_process';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/run', async (req, res) => {
  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  exec(req.body.cmd, (err, out) => res.send(out));
});
`,
    },
    // Valid because the model's text is a query parameter, never part of the SQL text.
    {
      code: `
import express from 'express';
import pg from 'pg';
import OpenAI from 'openai';
const app = express();
const pool = new pg.Pool();
const openai = new OpenAI();
app.post('/tag', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.q) }] });
  const tag = completion.choices[0].message.content;
  const rows = await pool.query('SELECT * FROM items WHERE tag = $1', [tag]);
  res.json(rows.rows);
});
`,
    },
    // Valid because the model's choice is checked against a fixed list before it runs.
    {
      code: `
import express from 'express';
import { execFile } from 'node:child_process';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const ALLOWED = ['status', 'log', 'diff'];
app.post('/git', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.q) }] });
  const sub = completion.choices[0].message.content;
  if (!ALLOWED.includes(sub)) return res.status(400).end();
  execFile(sub, [], (err, out) => res.send(out));
});
`,
    },
    // Valid because the answer is escaped before it goes into the page.
    {
      code: `
import express from 'express';
import escapeHtml from 'escape-html';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.get('/answer', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.query.q) }] });
  res.send(\`<div class="answer">\${escapeHtml(completion.choices[0].message.content)}</div>\`);
});
`,
    },
  ],
  invalid: [
    {
      code: `
import express from 'express';
import { exec } from 'node:child_process';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/shell', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.task) }] });
  const cmd = completion.choices[0].message.content;
  exec(cmd, (err, out) => res.send(out));
});
`,
      errors: [err('shell', { line: 10 })],
    },
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.get('/answer', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.query.q) }] });
  res.send(\`<div class="answer">\${completion.choices[0].message.content}</div>\`);
});
`,
      errors: [err('html', { line: 8 })],
    },
    {
      code: `
import express from 'express';
import pg from 'pg';
import OpenAI from 'openai';
const app = express();
const pool = new pg.Pool();
const openai = new OpenAI();
app.post('/tag', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.q) }] });
  const tag = completion.choices[0].message.content;
  const rows = await pool.query(\`SELECT * FROM items WHERE tag = '\${tag}'\`);
  res.json(rows.rows);
});
`,
      errors: [err('sql', { line: 11 })],
    },
    {
      code: `
import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { execSync } from 'child_process';
export const run = tool({
  description: 'Run a command',
  parameters: z.object({ cmd: z.string() }),
  execute: async ({ cmd }) => execSync(cmd).toString(),
});
`,
      errors: [err('shell', { line: 9 })],
    },
  ],
});
