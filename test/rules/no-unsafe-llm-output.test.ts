import rule from '../../rules/no-unsafe-llm-output.js';
import { cjs, ruleTester } from '../helpers.js';

type Id = 'code' | 'shell' | 'program' | 'sql' | 'path' | 'redirect' | 'url' | 'html';
const err = (messageId: Id, line?: number) => (line === undefined ? { messageId } : { messageId, line });

/** An Express app with an OpenAI client, and a handler body that gets `text`, the model's answer. */
const express = (imports: string, body: string, method = 'post') => `
import express from 'express';
import OpenAI from 'openai';
${imports}
const app = express();
const openai = new OpenAI();
app.${method}('/task', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.task) }] });
  const text = completion.choices[0].message.content;
${body}
});
`;

ruleTester().run('no-unsafe-llm-output', rule, {
  valid: [
    // Valid because the model's text is only sent back as JSON, logged and returned: nothing turns it into code.
    { code: express('', `  console.log(text);\n  res.json({ text });`) },
    // Valid because the command comes from the request, not from the model (not this rule's business).
    { code: express(`import { exec } from 'node:child_process';`, `  exec(req.body.cmd, (err, out) => res.send(out));`) },
    // Valid because the model's text is a query parameter ($1), never part of the SQL text.
    {
      code: express(
        `import pg from 'pg';\nconst pool = new pg.Pool();`,
        `  const rows = await pool.query('SELECT * FROM items WHERE tag = $1', [text]);\n  res.json(rows.rows);`,
      ),
    },
    // Valid because the receiver named `client` was made by a package that runs no SQL: its origin decides, not its name.
    { code: express(`import Search from 'search-sdk';\nconst client = new Search();`, `  res.json(await client.query(text));`) },
    // Valid because tagged templates (postgres' sql``, Prisma's $queryRaw``, Prisma.sql) send values as parameters.
    {
      code: express(
        `import postgres from 'postgres';\nimport { PrismaClient, Prisma } from '@prisma/client';\nconst sql = postgres();\nconst prisma = new PrismaClient();`,
        `  await sql\`SELECT * FROM items WHERE tag = \${text}\`;\n  await prisma.$queryRaw\`SELECT * FROM items WHERE tag = \${text}\`;\n  await prisma.$queryRaw(Prisma.sql\`SELECT * FROM items WHERE tag = \${text}\`);\n  res.end();`,
      ),
    },
    // Valid because a prompt that reads like SQL in prose is not SQL: a chain's run() gets words, not a statement.
    {
      code: express(
        `import { critic } from './chains.js';`,
        `  const best = await critic.run(\`Select the best title from these drafts: \${text}\`);\n  res.json({ best });`,
      ),
    },
    // Valid because a number cannot change the statement.
    {
      code: express(
        `import mysql from 'mysql2/promise';\nconst db = await mysql.createConnection({});`,
        `  const [rows] = await db.query(\`SELECT * FROM items ORDER BY id LIMIT \${Number(text)}\`);\n  res.json(rows);`,
      ),
    },
    // Valid because token usage is bookkeeping, not generated content.
    {
      code: express(
        `import pg from 'pg';\nconst pool = new pg.Pool();`,
        `  await pool.query(\`INSERT INTO usage (tokens) VALUES (\${completion.usage.total_tokens})\`);\n  res.json({ text });`,
      ),
    },
    // Valid because the model's choice is checked against a fixed list before it runs (early return).
    {
      code: express(
        `import { execFile } from 'node:child_process';\nconst ALLOWED = ['status', 'log', 'diff'];`,
        `  if (!ALLOWED.includes(text)) return res.status(400).end();\n  execFile(text, [], (err, out) => res.send(out));`,
      ),
    },
    // Valid because a Set of literals guards the command, and the failing branch throws.
    {
      code: express(
        `import { execSync } from 'node:child_process';\nconst COMMANDS = new Set(['uptime', 'df -h']);`,
        `  if (!COMMANDS.has(text)) {\n    throw new Error('not allowed');\n  }\n  res.send(execSync(text).toString());`,
      ),
    },
    // Valid because the command only runs in the cases of a switch over literals.
    {
      code: express(
        `import { execSync } from 'node:child_process';`,
        `  switch (text) {\n    case 'uptime':\n    case 'whoami':\n      return res.send(execSync(text).toString());\n    default:\n      return res.status(400).end();\n  }`,
      ),
    },
    // Valid because the command runs only inside the branch where the list check passed.
    {
      code: express(
        `import { exec } from 'node:child_process';\nconst ALLOWED = ['ls', 'pwd'];`,
        `  if (ALLOWED.includes(text)) {\n    exec(text, (e, out) => res.send(out));\n  } else res.status(400).end();`,
      ),
    },
    // Valid because the answer is escaped (escape-html, DOMPurify, he) before it goes into the page.
    {
      code: express(
        `import escapeHtml from 'escape-html';\nimport DOMPurify from 'isomorphic-dompurify';\nimport he from 'he';`,
        `  res.send(\`<div>\${escapeHtml(text)}</div><p>\${DOMPurify.sanitize(text)}</p><i>\${he.encode(text)}</i>\`);`,
        'get',
      ),
    },
    // Valid because a helper of the file whose name says it escapes HTML is applied (a documented last resort).
    {
      code: express(
        `const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');`,
        `  res.send('<p>' + escapeHtml(text) + '</p>');`,
        'get',
      ),
    },
    // Valid because plain text is sent as it is: no HTML is built from it (JSON holding HTML is the client's to render).
    { code: express('', `  res.type('text/plain').send(text);\n  res.json({ html: \`<p>\${text}</p>\` });`) },
    // Valid because path.basename leaves only a file name inside the folder.
    {
      code: express(
        `import fs from 'node:fs/promises';\nimport path from 'node:path';`,
        `  await fs.writeFile(path.join('/srv/notes', path.basename(text)), 'note');\n  res.end();`,
      ),
    },
    // Valid because the model's text is what is written, not where.
    { code: express(`import fs from 'node:fs';`, `  fs.writeFileSync('/srv/notes/latest.txt', text);\n  res.end();`) },
    // Valid because a strict pattern check (letters, digits, dashes) runs before the path is built.
    {
      code: express(
        `import { readFile } from 'node:fs/promises';\nimport path from 'node:path';`,
        `  if (!/^[a-z0-9-]+$/.test(text)) return res.status(400).end();\n  res.send(await readFile(path.join('/srv/docs', text + '.md'), 'utf8'));`,
      ),
    },
    // Valid because the resolved path is checked to stay inside the folder.
    {
      code: express(
        `import fs from 'node:fs';\nimport path from 'node:path';\nconst ROOT = '/srv/docs/';`,
        `  const file = path.resolve(ROOT, text);\n  if (!file.startsWith(ROOT)) return res.status(400).end();\n  fs.createReadStream(file).pipe(res);`,
      ),
    },
    // Valid because the server fixed the host: the model only picks a query on it (encoded as well).
    {
      code: express(
        `import axios from 'axios';`,
        `  const hits = await fetch(\`https://api.github.com/search/code?q=\${encodeURIComponent(text)}\`);\n  const more = await axios.get('https://hn.algolia.com/api/v1/search?query=' + text);\n  res.json({ hits: await hits.json(), more: more.data });`,
      ),
    },
    // Valid because the URL starts with a base the server chose (its configuration): the model picks the path.
    { code: express(`const API_BASE = process.env.API_BASE;`, `  const r = await fetch(\`\${API_BASE}\${text}\`);\n  res.json(await r.json());`) },
    // Valid because the host of the model's URL is checked against an allow-list.
    {
      code: express(
        `const HOSTS = ['docs.example.com', 'status.example.com'];`,
        `  const url = new URL(text);\n  if (!HOSTS.includes(url.hostname)) return res.status(400).end();\n  res.send(await (await fetch(url)).text());`,
      ),
    },
    // Valid because the redirect stays on this site under a fixed path.
    { code: express('', `  res.redirect(\`/articles/\${encodeURIComponent(text)}\`);`) },
    // Valid because without a shell the model's word is one argument of a fixed program.
    { code: express(`import { spawn } from 'node:child_process';`, `  spawn('git', ['log', '--grep', text]).stdout.pipe(res);`) },
    // Valid because a call to a model API is a model call, not a request the model chose.
    {
      code: `
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.q) }] }) });
  const data = await r.json();
  res.json({ text: data.choices[0].message.content });
});
`,
    },
    // Valid because an image API's URL is where the provider stores the image: the model did not choose it.
    {
      code: express(
        '',
        `  const image = await openai.images.generate({ model: 'dall-e-3', prompt: text });\n  const bytes = await fetch(image.data[0].url);\n  res.type('png').send(Buffer.from(await bytes.arrayBuffer()));`,
      ),
    },
    // Valid because the tool's schema limits the argument to an enum or a number: the SDK refuses anything else.
    {
      code: `
import { tool } from 'ai';
import { z } from 'zod';
import { execSync } from 'node:child_process';
const schema = z.object({ service: z.enum(['api', 'worker']).describe('Which service'), lines: z.number().int() });
export const logs = tool({
  description: 'Recent logs of a service',
  parameters: schema,
  execute: async ({ service, lines }) => execSync(\`journalctl -u \${service} -n \${lines}\`).toString(),
});
export const status = tool({
  description: 'Status',
  inputSchema: z.object({ unit: z.enum(['api', 'worker']) }),
  execute: async (args) => execSync('systemctl status ' + args.unit).toString(),
});
`,
    },
    // Valid because (MCP, LangChain JSON schema) the argument is an enum of the tool's schema.
    {
      code: `
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { execSync } from 'node:child_process';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.tool('restart', 'Restart a service', { service: z.enum(['api', 'worker']) }, async ({ service }) => ({ content: [{ type: 'text', text: execSync('systemctl restart ' + service).toString() }] }));
export const uptime = tool(async ({ host }) => execSync('ssh ' + host + ' uptime').toString(), {
  name: 'uptime',
  schema: { type: 'object', properties: { host: { type: 'string', enum: ['web1', 'web2'] } }, required: ['host'] },
});
`,
    },
    // Valid because a file with tools and no model call still has its code paths read: the check returns early.
    {
      code: `
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const ROOT = path.resolve('notes') + path.sep;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
server.tool('read', { file: z.string() }, async ({ file }) => {
  const full = path.resolve(ROOT, file);
  if (!full.startsWith(ROOT)) return { content: [], isError: true };
  return { content: [{ type: 'text', text: await readFile(full, 'utf8') }] };
});
`,
    },
    // Valid because the tool's schema-checked argument is compared with literals before it runs.
    {
      code: `
import { tool } from 'ai';
import { z } from 'zod';
import { execSync } from 'node:child_process';
export const status = tool({
  description: 'Show service status',
  parameters: z.object({ service: z.string() }),
  execute: async ({ service }) => {
    if (service !== 'api' && service !== 'worker') return 'unknown service';
    return execSync(\`systemctl status \${service}\`).toString();
  },
});
`,
    },
    // Valid because (Fastify) the model's word is a query parameter and the redirect stays under a fixed path.
    {
      code: `
import Fastify from 'fastify';
import pg from 'pg';
import OpenAI from 'openai';
const fastify = Fastify();
const pool = new pg.Pool();
const openai = new OpenAI();
fastify.get('/find', async (request, reply) => {
  const r = await openai.responses.create({ model: 'gpt-4o', input: String(request.query.q) });
  if (request.query.go) return reply.redirect('/products/' + encodeURIComponent(r.output_text));
  const { rows } = await pool.query('SELECT * FROM products WHERE name ILIKE $1', [r.output_text]);
  return { rows };
});
`,
    },
    // Valid because (Koa) the destination is narrowed to a fixed list where it is used.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
const PAGES = ['/billing', '/help'];
router.get('/go', async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(ctx.query.q) }] });
  const page = c.choices[0].message.content;
  ctx.redirect(PAGES.includes(page) ? page : '/help');
});
new Koa().use(router.routes());
`,
    },
    // Valid because (Hono) hono/html's tagged template escapes what it interpolates, and c.text is not HTML.
    {
      code: `
import { Hono } from 'hono';
import { html } from 'hono/html';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.get('/page', async (c) => {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: c.req.query('topic') ?? '' });
  // c.text sends text/plain: the tags are shown, not run.
  if (c.req.query('plain')) return c.text(\`<article>\${text}</article>\`);
  return c.html(html\`<article>\${text}</article>\`);
});
export default app;
`,
    },
    // Valid because the markdown is rendered from escaped text, or its HTML is sanitised before it is sent.
    {
      code: express(
        `import { marked } from 'marked';\nimport DOMPurify from 'isomorphic-dompurify';\nimport escapeHtml from 'escape-html';`,
        `  if (req.query.safe) return res.send(DOMPurify.sanitize(marked.parse(text)));\n  res.send(marked.parse(escapeHtml(text)));`,
        'get',
      ),
    },
    // KNOWN MISS: zx's $ and other process runners beyond child_process, execa and shelljs are not recognised.
    { code: express(`import { spawn as run } from 'cross-spawn';`, `  run(text, { shell: true }).stdout.pipe(res);`) },
  ],
  invalid: [
    // Invalid because the receiver, whatever its name, is a pg pool: the model's whole text is run as SQL.
    { code: express(`import { Pool } from 'pg';\nconst store = new Pool();`, `  res.json(await store.query(text));`), errors: [err('sql')] },

    // Invalid because the model's text runs in a shell, through a destructured client and a namespace import of child_process.
    {
      code: `
import express from 'express';
import { OpenAI as Client } from 'openai';
import * as cp from 'node:child_process';
const app = express();
const { chat } = new Client();
app.post('/ops', async (req, res) => {
  const r = await chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(req.body.q) }] });
  cp.exec(r.choices[0].message.content, (e, out) => res.send(out));
});
`,
      errors: [err('shell', 9)],
    },
    // Invalid because (Express) the answer runs as a shell command.
    { code: express(`import { exec } from 'node:child_process';`, `  exec(text, (err, out) => res.send(out));`), errors: [err('shell', 10)] },
    // Invalid because the model's name is part of the command; the report names that part.
    {
      code: express(`import { execSync } from 'child_process';`, `  res.send(execSync(\`git log --author=\${text}\`).toString());`),
      errors: [{ messageId: 'shell', line: 10, column: 41 }],
    },
    // Invalid because (CommonJS: require, destructuring, an alias of the module) the answer runs as a shell command.
    {
      code: `
const express = require('express');
const cp = require('child_process');
const { OpenAI } = require('openai');
const app = express();
const client = new OpenAI();
const run = cp.execSync;
app.post('/ops', async (req, res) => {
  const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.send(run(r.choices[0].message.content).toString());
});
`,
      ...cjs,
      errors: [err('shell', 10)],
    },
    // Invalid because spawn with shell: true runs its arguments as one shell line, and spawn of the model's word picks the program.
    {
      code: express(`import { spawn } from 'node:child_process';`, `  spawn('grep', [text, 'app.log'], { shell: true }).stdout.pipe(res);\n  spawn(text);`),
      errors: [err('shell', 10), err('program', 11)],
    },
    // Invalid because parsed structured output is evaluated (eval), compiled (new Function) and run in vm.
    {
      code: express(
        `import vm from 'node:vm';`,
        `  const plan = JSON.parse(text);\n  const a = eval(plan.code);\n  const b = new Function('x', text);\n  const c = vm.runInNewContext(plan.expression, {});\n  res.json({ a, b: b(1), c });`,
      ),
      errors: [err('code', 11), err('code', 12), err('code', 13)],
    },
    // Invalid because the SQL is built as a string: a template, knex.raw, Sequelize, Prisma's $queryRawUnsafe, a query the model wrote whole.
    {
      code: express(
        `import knex from 'knex';\nimport { Sequelize } from 'sequelize';\nimport { PrismaClient } from '@prisma/client';\nconst db = knex({ client: 'pg' });\nconst sequelize = new Sequelize('sqlite::memory:');\nconst prisma = new PrismaClient();`,
        `  await db.raw(\`SELECT * FROM items WHERE tag = '\${text}'\`);\n  await sequelize.query('DELETE FROM items WHERE tag = ' + text);\n  await prisma.$queryRawUnsafe(text);\n  await db.raw(text);\n  res.end();`,
      ),
      errors: [err('sql', 15), err('sql', 16), err('sql', 17), err('sql', 18)],
    },
    // Invalid because the SQL is grown with += before it runs.
    {
      code: express(
        `import Database from 'better-sqlite3';\nconst db = new Database('app.db');`,
        `  let sql = 'SELECT * FROM notes WHERE 1 = 1';\n  sql += \` AND title LIKE '%\${text}%'\`;\n  res.json(db.prepare(sql).all());`,
      ),
      // The query grown with += is reported where it runs.
      errors: [err('sql', 13)],
    },
    // Invalid because the model names the file written, or the part joined to a folder.
    {
      code: express(
        `import fs from 'node:fs';\nimport path from 'node:path';`,
        `  fs.writeFileSync(text, 'x');\n  const file = path.join('/srv/docs', text);\n  res.send(fs.readFileSync(file, 'utf8'));`,
      ),
      errors: [err('path', 11), err('path', 13)],
    },
    // Invalid because Express sends the file the model named.
    { code: express('', `  res.sendFile(text);`), errors: [err('path', 10)] },
    // Invalid because the model chooses where Express redirects, and the Location header.
    {
      code: express('', `  if (req.query.a) return res.redirect(302, text);\n  res.setHeader('Location', '/' + text);\n  res.status(302).end();`),
      errors: [err('redirect', 10), err('redirect', 11)],
    },
    // Invalid because the model chooses the URL of outgoing requests (fetch, encodeURI keeps its host; axios, a host it fills in).
    {
      code: express(
        `import axios from 'axios';`,
        `  const a = await fetch(encodeURI(text));\n  const b = await axios.get(\`https://\${text}/status\`);\n  const c = await axios({ url: text, method: 'get' });\n  res.json({ a: a.status, b: b.status, c: c.status });`,
      ),
      errors: [err('url', 10), err('url', 11), err('url', 12)],
    },
    // Invalid because (Express) HTML is built from the answer and sent.
    { code: express('', `  res.send(\`<div class="answer">\${text}</div>\`);`, 'get'), errors: [err('html', 10)] },
    // Invalid because a helper that calls the model returns its text, which runs as a command where it is used.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
import { exec } from 'node:child_process';
const app = express();
const anthropic = new Anthropic();
async function suggestCommand(task) {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 200, messages: [{ role: 'user', content: task }] });
  return msg.content[0].text;
}
app.post('/ops', async (req, res) => {
  const cmd = await suggestCommand(String(req.body.task));
  exec(cmd, (e, out) => res.send(out));
});
`,
      errors: [err('shell', 13)],
    },
    // Invalid because tool-call arguments of a chat completion are parsed and run (the excessive-agency case).
    {
      code: express(
        `import { execSync } from 'node:child_process';`,
        `  const call = completion.choices[0].message.tool_calls[0];\n  const args = JSON.parse(call.function.arguments);\n  res.send(execSync(args.command).toString());`,
      ),
      errors: [err('shell', 12)],
    },
    // Invalid because Anthropic tool_use input runs through a shell.
    {
      code: `
import Anthropic from '@anthropic-ai/sdk';
import { execSync } from 'node:child_process';
const anthropic = new Anthropic();
export async function agent(task) {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, tools: [], messages: [{ role: 'user', content: task }] });
  const use = msg.content.find((b) => b.type === 'tool_use');
  return execSync(use.input.command).toString();
}
`,
      errors: [err('shell', 8)],
    },
    // Invalid because (Vercel ai) structured output (generateObject) and a tool's model-chosen parameters run as commands.
    {
      code: `
import { generateObject, generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { exec, execSync } from 'node:child_process';
export async function plan(goal) {
  const { object } = await generateObject({ model: openai('gpt-4o'), schema: z.object({ command: z.string() }), prompt: goal });
  exec(object.command);
  return generateText({
    model: openai('gpt-4o'),
    prompt: goal,
    tools: {
      shell: tool({ description: 'Run a command', parameters: z.object({ cmd: z.string() }), execute: async ({ cmd }) => execSync(cmd).toString() }),
      inline: { description: 'Run inline', parameters: z.object({ cmd: z.string() }), execute: async (args) => execSync(args.cmd).toString() },
    },
  });
}
`,
      errors: [
        { messageId: 'shell', line: 8, data: { what: 'Model output' } },
        { messageId: 'shell', line: 13, data: { what: 'A tool argument the model chose' } },
        { messageId: 'shell', line: 14 },
      ],
    },
    // Invalid because LangChain tools run their model-chosen input: DynamicTool's, tool(fn)'s, a StructuredTool subclass' _call.
    {
      code: `
import { DynamicTool, tool, StructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import { exec } from 'node:child_process';
import pg from 'pg';
const pool = new pg.Pool();
export const shell = new DynamicTool({ name: 'shell', description: 'Run a command', func: async (input) => new Promise((ok) => exec(input, (e, out) => ok(out))) });
export const search = tool(async ({ query }) => (await pool.query(\`SELECT title FROM docs WHERE body LIKE '%\${query}%'\`)).rows, { name: 'search', schema: z.object({ query: z.string() }) });
export class Reader extends StructuredTool {
  name = 'reader';
  async _call(input) { return eval(input.expression); }
}
`,
      errors: [err('shell', 7), err('sql', 8), err('code', 11)],
    },
    // Invalid because an MCP server's tool handler reads the file the calling model chose.
    {
      code: `
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
const server = new McpServer({ name: 'files', version: '1.0.0' });
server.tool('read', { file: z.string() }, async ({ file }) => ({ content: [{ type: 'text', text: await readFile(file, 'utf8') }] }));
server.registerTool('read2', { inputSchema: { file: z.string() } }, async (args) => ({ content: [{ type: 'text', text: await readFile(args.file, 'utf8') }] }));
`,
      errors: [err('path', 6), err('path', 7)],
    },
    // Invalid because (Fastify) the answer chooses the redirect and is built into HTML.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.get('/go', async (request, reply) => {
  const r = await openai.responses.create({ model: 'gpt-4o', input: String(request.query.q) });
  if (request.query.html) return reply.type('text/html').send('<main>' + r.output_text + '</main>');
  return reply.redirect(r.output_text);
});
`,
      errors: [err('html', 8), err('redirect', 9)],
    },
    // Invalid because (Koa) the answer is built into ctx.body's HTML and chooses the redirect.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const app = new Koa();
const router = new Router();
const openai = new OpenAI();
router.get('/summary', async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(ctx.query.url) }] });
  const summary = c.choices[0].message.content;
  if (ctx.query.go) return ctx.redirect(summary);
  ctx.body = \`<article>\${summary}</article>\`;
});
app.use(router.routes());
`,
      errors: [err('redirect', 11), err('html', 12)],
    },
    // Invalid because (Hono) c.html sends the answer as HTML, and fetch goes to a model-chosen URL.
    {
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.get('/page', async (c) => {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: c.req.query('topic') ?? '' });
  const page = await fetch(text);
  return c.html(text + (await page.text()));
});
export default app;
`,
      errors: [err('url', 8), err('html', 9)],
    },
    // Invalid because (Next.js) the answer builds the redirect and the HTML of a Response.
    {
      code: `
import { NextResponse } from 'next/server';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req) {
  const { q } = await req.json();
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const answer = c.choices[0].message.content;
  if (answer.startsWith('GO ')) return NextResponse.redirect(new URL(answer.slice(3), req.url));
  return new Response(\`<p>\${answer}</p>\`, { headers: { 'content-type': 'text/html' } });
}
`,
      filename: 'app/api/answer/route.ts',
      errors: [err('redirect', 9), err('html', 10)],
    },
    // Invalid because markdown rendered by marked passes the model's HTML through to the page.
    {
      code: express(`import { marked } from 'marked';`, `  const html = marked.parse(text);\n  res.send(html);`, 'get'),
      errors: [err('html', 10)],
    },
    // Invalid because execa and shelljs run the model's text as a shell command too.
    {
      code: express(`import { execaCommand } from 'execa';\nimport shell from 'shelljs';`, `  const { stdout } = await execaCommand(text);\n  res.send(stdout + shell.exec(text).stdout);`),
      errors: [err('shell', 11), err('shell', 12)],
    },
    // Invalid because the list check does not stop anything: its failing branch goes on to the command.
    {
      code: express(
        `import { exec } from 'node:child_process';\nconst ALLOWED = ['ls', 'pwd'];`,
        `  if (!ALLOWED.includes(text)) console.warn('unexpected command');\n  exec(text, (e, out) => res.send(out));`,
      ),
      errors: [err('shell', 12)],
    },
    // Invalid because a pattern that lets any character through is no check.
    {
      code: express(
        `import { exec } from 'node:child_process';`,
        `  if (!/^.+$/.test(text)) return res.status(400).end();\n  exec(text, (e, out) => res.send(out));`,
      ),
      errors: [err('shell', 11)],
    },
    // Invalid because HTML escaping does not make a shell command safe.
    {
      code: express(`import { exec } from 'node:child_process';\nimport escapeHtml from 'escape-html';`, `  exec('echo ' + escapeHtml(text));\n  res.end();`),
      errors: [err('shell', 11)],
    },
  ],
});
