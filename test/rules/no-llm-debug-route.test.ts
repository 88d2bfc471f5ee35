import rule from '../../rules/no-llm-debug-route.js';
import { cjs, ruleTester } from '../helpers.js';

/** Shared prelude: an Express app whose chat route sends SYSTEM_PROMPT to the model as its system message. */
const expressChat = `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You are the bank assistant. Never reveal internal account rules.';
app.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.q }],
  });
  res.json({ answer: c.choices[0].message.content });
});`;

ruleTester().run('no-llm-debug-route', rule, {
  valid: [
    // Valid because a debug health check sends nothing from the model.
    {
      code: `${expressChat}
app.get('/debug/health', (req, res) => res.json({ ok: true }));
`,
    },
    // Valid because /testimonials is not a debug segment, whatever it sends (that is another rule's business).
    {
      code: `${expressChat}
app.get('/testimonials', (req, res) => res.json({ intro: SYSTEM_PROMPT }));
`,
    },
    // Valid because /api/test-results is a feature name, not a test route.
    {
      code: `${expressChat}
app.get('/api/test-results', (req, res) => res.json({ intro: SYSTEM_PROMPT }));
`,
    },
    // Valid because /test-email names no model or prompt, so it is not read as a test route of the model.
    {
      code: `${expressChat}
app.get('/test-email', (req, res) => res.json({ intro: SYSTEM_PROMPT }));
`,
    },
    // Valid because a `:dev` path parameter is not a dev route.
    {
      code: `${expressChat}
app.get('/devices/:dev', (req, res) => res.json({ intro: SYSTEM_PROMPT }));
`,
    },
    // Valid because the debug route is registered only outside production and behind passport.
    {
      code: `${expressChat}
import passport from 'passport';
if (process.env.NODE_ENV !== 'production') {
  app.get('/debug/prompt', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ SYSTEM_PROMPT }));
}
`,
    },
    // Valid because auth applied with app.use before the route counts, and the branch is dev-only.
    {
      code: `${expressChat}
import { requireAuth } from './auth';
if (process.env.NODE_ENV === 'development') {
  app.use(requireAuth);
  app.get('/debug/prompt', (req, res) => res.json({ SYSTEM_PROMPT }));
}
`,
    },
    // Valid because the handler ends the request in production and a same-file middleware checks a credential.
    {
      code: `${expressChat}
function requireAdmin(req, res, next) {
  if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_TOKEN}\`) return res.status(401).end();
  next();
}
app.get('/debug/system', requireAdmin, (req, res) => {
  if (process.env.NODE_ENV === 'production') return res.sendStatus(404);
  res.json({ SYSTEM_PROMPT });
});
`,
    },
    // Valid because the debug route calls the model but sends only a status.
    {
      code: `${expressChat}
app.get('/debug/ping', async (req, res) => {
  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM_PROMPT }] });
  res.json({ ok: true });
});
`,
    },
    // Valid because a debug route that only echoes the request body sends nothing model-related.
    {
      code: `${expressChat}
app.post('/debug/echo-body', (req, res) => res.json(req.body));
`,
    },
    // Valid because a count of the history carries no content.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const history: { role: 'user' | 'assistant'; content: string }[] = [];
app.post('/chat', async (req, res) => {
  history.push({ role: 'user', content: req.body.q });
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: history });
  res.json({ text: c.choices[0].message.content });
});
app.get('/__debug/count', (req, res) => res.json({ count: history.length }));
`,
    },
    // Valid because the Koa debug route is dev-only and behind koa-jwt.
    {
      code: `
import Router from '@koa/router';
import OpenAI from 'openai';
import jwt from 'koa-jwt';
const openai = new OpenAI();
const router = new Router();
const SYSTEM = 'rules';
router.post('/chat', async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  ctx.body = c.choices[0].message.content;
});
if (process.env.NODE_ENV === 'development') {
  router.get('/debug/system', jwt({ secret: process.env.JWT_SECRET }), async (ctx) => { ctx.body = { SYSTEM }; });
}
`,
    },
    // Valid because the Fastify plugin is registered outside production and its onRequest hook checks a key.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
const SYSTEM = 'rules';
fastify.post('/chat', async () => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  return c.choices[0].message.content;
});
if (process.env.NODE_ENV !== 'production') {
  fastify.register(async (instance) => {
    instance.addHook('onRequest', async (request, reply) => {
      if (request.headers['x-admin-key'] !== process.env.ADMIN_KEY) return reply.code(401).send();
    });
    instance.get('/debug/system', async () => ({ SYSTEM }));
  });
}
`,
    },
    // Valid because Hono's debug routes sit under a dev-only const and basicAuth on /debug/*.
    {
      code: `
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
const isDev = process.env.NODE_ENV !== 'production';
if (isDev) {
  app.use('/debug/*', basicAuth({ username: 'dev', password: process.env.DEBUG_PASS! }));
  app.post('/debug/generate', async (c) => {
    const r = await generateText({ model: openai('gpt-4o'), prompt: 'x' });
    return c.json({ text: r.text });
  });
}
`,
    },
    // Valid because the Next.js debug route exits in production and checks the session before sending.
    {
      code: `
import { NextResponse } from 'next/server';
import { auth } from '@/auth';
const SYSTEM = 'secret';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  return Response.json({ ok: c.choices.length > 0 });
}
export async function GET() {
  if (process.env.NODE_ENV === 'production') return new Response(null, { status: 404 });
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return NextResponse.json({ system: SYSTEM });
}
`,
      filename: 'app/api/debug/route.ts',
    },
    // KNOWN MISS: a debug path built at run time is not static, so the route is not recognised as a debug route.
    {
      code: `${expressChat}
const base = process.env.DEBUG_BASE;
app.get(base + '/prompt', (req, res) => res.json({ SYSTEM_PROMPT }));
`,
    },
    // Valid because the /test route sends what a same-file function returns, and that result never reaches a prompt.
    `import express from 'express';
import OpenAI from 'openai';
const openai = new OpenAI();
const router = express.Router();
const listScopes = async () => ['docs', 'faq'];
const loadContext = async (scope) => [{ role: 'system', content: 'Answer about ' + scope }];
router.get('/test', (req, res) => {
  listScopes().then((r) => res.send(r));
});
router.post('/', async (req, res) => {
  const context = await loadContext(String(req.body.scope));
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [...context, { role: 'user', content: String(req.body.q) }] });
  res.json({ text: c.choices[0].message.content });
});
export default router;`,
  ],
  invalid: [
    // Invalid because /test-llm-result (a test route of the model, by its suffix) sends the system prompt.
    {
      code: `${expressChat}
app.post('/api/test-llm-result', (req, res) => res.json({ system: SYSTEM_PROMPT }));
`,
      errors: [{ messageId: 'debugRoute', line: 14, column: 1, endLine: 14, endColumn: 32 }],
    },
    // Invalid because /debug/prompt sends the system prompt with no guard at all.
    {
      code: `${expressChat}
app.get('/debug/prompt', (req, res) => res.json({ system: SYSTEM_PROMPT }));
`,
      errors: [{ messageId: 'debugRoute', line: 14, column: 1, endLine: 14, endColumn: 24 }],
    },
    // Invalid because /_debug/history sends the module-level message history that goes to the model.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const history: { role: 'user' | 'assistant'; content: string }[] = [];
app.post('/chat', async (req, res) => {
  history.push({ role: 'user', content: req.body.q });
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: history });
  res.json({ text: c.choices[0].message.content });
});
app.get('/_debug/history', (req, res) => { res.json(history); });
`,
      errors: [{ messageId: 'debugRoute', line: 12, column: 1, endLine: 12, endColumn: 26 }],
    },
    // Invalid because /internal/last sends the last model answer kept in a module variable.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
let lastAnswer = '';
app.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  lastAnswer = c.choices[0].message.content ?? '';
  res.json({ answer: lastAnswer });
});
app.get('/internal/last', (req, res) => res.send(lastAnswer));
`,
      errors: [{ messageId: 'debugRoute', line: 12, column: 1, endLine: 12, endColumn: 25 }],
    },
    // Invalid because /echo answers with model output.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/echo', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json(c.choices[0].message.content);
});
`,
      errors: [{ messageId: 'debugRoute', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    // Invalid because a router mounted under /__debug sends the messages array (nested under a prefix).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const messages = [{ role: 'system', content: 'You are a helpful assistant' }];
app.post('/chat', async (req, res) => {
  messages.push({ role: 'user', content: req.body.q });
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ text: c.choices[0].message.content });
});
const debug = express.Router();
debug.get('/messages', (req, res) => res.json({ count: messages.length, messages }));
app.use('/__debug', debug);
`,
      errors: [{ messageId: 'debugRoute', line: 13, column: 1, endLine: 13, endColumn: 22 }],
    },
    // Invalid because a /debug route on a router mounted under /api/v1 leaks the system prompt (CommonJS).
    {
      code: `
const express = require('express');
const OpenAI = require('openai');
const app = express();
const openai = new OpenAI();
const SYSTEM = 'secret rules';
const router = express.Router();
router.get('/debug', (req, res) => res.json({ SYSTEM }));
router.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  res.json(c.choices[0].message.content);
});
app.use('/api/v1', router);
`,
      ...cjs,
      errors: [{ messageId: 'debugRoute', line: 8, column: 1, endLine: 8, endColumn: 20 }],
    },
    // Invalid because a debug route that echoes the messages it built sends the prompt back (CommonJS).
    {
      code: `
const express = require('express');
const OpenAI = require('openai');
const app = express();
const openai = new OpenAI();
app.post('/debug/chat', async (req, res) => {
  const messages = [{ role: 'user', content: req.body.q }];
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ messages, answer: c.choices[0].message.content });
});
`,
      ...cjs,
      errors: [{ messageId: 'debugRoute', line: 6, column: 1, endLine: 6, endColumn: 23 }],
    },
    // Invalid because dev-only is not enough: the route has no authentication.
    {
      code: `${expressChat}
if (process.env.NODE_ENV !== 'production') {
  app.get('/debug/prompt', (req, res) => res.json({ SYSTEM_PROMPT }));
}
`,
      errors: [{ messageId: 'debugRoute', line: 15, column: 3, endLine: 15, endColumn: 26 }],
    },
    // Invalid because authentication is not enough: the route is also registered in production.
    {
      code: `${expressChat}
import passport from 'passport';
app.get('/dev/prompt', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ SYSTEM_PROMPT }));
`,
      errors: [{ messageId: 'debugRoute', line: 15, column: 1, endLine: 15, endColumn: 22 }],
    },
    // Invalid because a rate limiter is not auth, and the auth middleware is applied after the route.
    {
      code: `${expressChat}
import rateLimit from 'express-rate-limit';
import { requireAuth } from './auth';
if (process.env.NODE_ENV !== 'production') {
  app.use(rateLimit({ windowMs: 60000, max: 10 }));
  app.get('/debug/system', (req, res) => res.json({ SYSTEM_PROMPT }));
  app.use(requireAuth);
}
`,
      errors: [{ messageId: 'debugRoute', line: 18, column: 3, endLine: 18, endColumn: 26 }],
    },
    // Invalid because a static template path and a template-literal body still send the system prompt.
    {
      code: `${expressChat}
app.get(\`/debug/\${'prompt'}\`, (req, res) => res.type('text').send(\`System: \${SYSTEM_PROMPT}\`));
`,
      errors: [{ messageId: 'debugRoute', line: 14, column: 1, endLine: 14, endColumn: 29 }],
    },
    // Invalid because the Fastify debug route returns the system prompt and a plugin /test route under a prefix does too.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
const SYSTEM = 'secret rules';
fastify.post('/chat', async (request) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  return { text: c.choices[0].message.content };
});
fastify.get('/debug/system', async () => ({ system: SYSTEM }));
fastify.register(async (instance) => {
  instance.get('/test', async () => SYSTEM);
}, { prefix: '/admin' });
`,
      errors: [
        { messageId: 'debugRoute', line: 11, column: 1, endLine: 11, endColumn: 28 },
        { messageId: 'debugRoute', line: 13, column: 3, endLine: 13, endColumn: 23 },
      ],
    },
    // Invalid because a Fastify hook with a key check does not make a production route safe.
    {
      code: `
const fastify = require('fastify')();
const OpenAI = require('openai');
const openai = new OpenAI();
const SYSTEM = 'rules';
fastify.post('/chat', async () => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  return c.choices[0].message.content;
});
fastify.register(async (instance) => {
  instance.addHook('onRequest', async (request, reply) => {
    if (request.headers['x-admin-key'] !== process.env.ADMIN_KEY) return reply.code(401).send();
  });
  instance.get('/debug/system', async () => ({ SYSTEM }));
});
`,
      ...cjs,
      errors: [{ messageId: 'debugRoute', line: 14, column: 3, endLine: 14, endColumn: 31 }],
    },
    // Invalid because a Koa debug route under a router prefix sends the whole Anthropic message.
    {
      code: `
import Router from '@koa/router';
import Anthropic from '@anthropic-ai/sdk';
const router = new Router({ prefix: '/api' });
const anthropic = new Anthropic();
const system = 'secret rules';
router.get('/debug', async (ctx) => {
  const msg = await anthropic.messages.create({ model: 'claude', max_tokens: 10, system, messages: [{ role: 'user', content: String(ctx.query.q) }] });
  ctx.body = msg;
});
`,
      errors: [{ messageId: 'debugRoute', line: 7, column: 1, endLine: 7, endColumn: 20 }],
    },
    // Invalid because a Koa /dev route sends the system prompt.
    {
      code: `
import Router from 'koa-router';
import OpenAI from 'openai';
const openai = new OpenAI();
const router = new Router();
const SYSTEM = 'rules';
router.post('/chat', async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  ctx.body = c.choices[0].message.content;
});
router.get('/dev/system', async (ctx) => { ctx.body = SYSTEM; });
`,
      errors: [{ messageId: 'debugRoute', line: 11, column: 1, endLine: 11, endColumn: 25 }],
    },
    // Invalid because a Hono /test route echoes the prompt it sent beside the text.
    {
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.post('/test/generate', async (c) => {
  const { prompt } = await c.req.json();
  const r = await generateText({ model: openai('gpt-4o'), prompt });
  return c.json({ prompt, text: r.text });
});
`,
      errors: [{ messageId: 'debugRoute', line: 6, column: 1, endLine: 6, endColumn: 26 }],
    },
    // Invalid because Hono's basicAuth guards the route but the route is also registered in production.
    {
      code: `
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.use('/debug/*', basicAuth({ username: 'dev', password: process.env.DEBUG_PASS! }));
app.post('/debug/generate', async (c) => {
  const r = await generateText({ model: openai('gpt-4o'), prompt: 'x' });
  return c.text(r.text);
});
`,
      errors: [{ messageId: 'debugRoute', line: 8, column: 1, endLine: 8, endColumn: 27 }],
    },
    // Invalid because the Next.js route file app/api/debug/route.ts sends the system prompt and model output.
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
const SYSTEM = 'secret';
export async function GET() {
  return Response.json({ system: SYSTEM });
}
export async function POST(req: Request) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  return Response.json({ text: c.choices[0].message.content });
}
`,
      filename: 'app/api/debug/route.ts',
      errors: [
        { messageId: 'debugRoute', line: 5, column: 1, endLine: 5, endColumn: 26 },
        { messageId: 'debugRoute', line: 8, column: 1, endLine: 8, endColumn: 27 },
      ],
    },
    // Invalid because a production exit alone, without authentication, still exposes the prompt in staging.
    {
      code: `
import { NextResponse } from 'next/server';
import OpenAI from 'openai';
const openai = new OpenAI();
const SYSTEM = 'secret';
export const POST = async (req: Request) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });
  return NextResponse.json({ text: c.choices[0].message.content });
};
export const GET = async (): Promise<Response> => {
  if (process.env.NODE_ENV === 'production') return new Response(null, { status: 404 });
  return NextResponse.json({ system: SYSTEM } as const);
};
`,
      filename: 'src/app/api/debug/route.ts',
      errors: [
        { messageId: 'debugRoute', line: 6, column: 1, endLine: 6, endColumn: 18 },
        { messageId: 'debugRoute', line: 10, column: 1, endLine: 10, endColumn: 17 },
      ],
    },
    // Invalid because /test sends the system messages a same-file function builds for the model (through promises).
    {
      code: `import express from 'express';
import OpenAI from 'openai';
import fs from 'fs';
const openai = new OpenAI();
const router = express.Router();
router.get('/test', (req, res) => {
  getDataset('billing').then((r) => res.send(r));
});
const getDataset = async (scope) => {
  const dataset = [];
  const files = fs.readdirSync('./dataset/' + scope);
  return Promise.allSettled(files.map((f) => fs.promises.readFile(f, 'utf8'))).then((results) => {
    results.forEach((result) => { if (result.status === 'fulfilled') dataset.push({ role: 'system', content: result.value }); });
    return dataset;
  }).catch(() => []);
};
router.post('/', (req, res) => {
  getDataset(String(req.body.scope)).then((dataset) => {
    openai.chat.completions.create({ model: 'gpt-4o', messages: [...dataset, { role: 'user', content: String(req.body.q) }] })
      .then((c) => res.json({ text: c.choices[0].message.content }));
  });
});
export default router;`,
      errors: [{ messageId: 'debugRoute', line: 6, column: 1, endLine: 6, endColumn: 19 }],
    },
    // Invalid because the Koa /test route returns the prompt messages a same-file builder makes.
    {
      code: `const Router = require('@koa/router');
const OpenAI = require('openai');
const openai = new OpenAI();
const router = new Router();
function buildMessages(topic) {
  const messages = [{ role: 'system', content: 'You are the billing assistant for ' + topic }];
  return messages;
}
router.get('/test', async (ctx) => {
  ctx.body = buildMessages('invoices');
});
router.post('/chat', async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: buildMessages(String(ctx.request.body.topic)) });
  ctx.body = { text: c.choices[0].message.content };
});
module.exports = router;`,
      ...cjs,
      errors: [{ messageId: 'debugRoute', line: 9, column: 1, endLine: 9, endColumn: 19 }],
    },
    // Invalid because the Fastify /__prompt route returns what the prompt builder returns.
    {
      code: `import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
const systemFor = (tenant) => 'Internal rules for ' + tenant + ': never refund.';
fastify.get('/__prompt', async () => ({ system: systemFor('acme') }));
fastify.post('/chat', async (request) => {
  const m = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, system: systemFor('acme'), messages: [] });
  return { text: m.content[0].type === 'text' ? m.content[0].text : '' };
});`,
      errors: [{ messageId: 'debugRoute', line: 6, column: 1, endLine: 6, endColumn: 24 }],
    },
  ],
});
