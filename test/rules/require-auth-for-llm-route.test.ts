import rule from '../../rules/require-auth-for-llm-route.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('require-auth-for-llm-route', rule, {
  valid: [
    {
      // Valid because app.use(requireAuth) is registered before the route (imported auth, trusted by its name).
      code: `
import express from 'express';
import OpenAI from 'openai';
import { requireAuth } from './auth';
const app = express();
const openai = new OpenAI();
app.use(requireAuth);
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because express-basic-auth stands in the route's own chain.
      code: `
import express from 'express';
import basicAuth from 'express-basic-auth';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
app.post('/ask', basicAuth({ users: { admin: process.env.ADMIN_PASS! } }), async (req, res) => {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: msg.content[0].type === 'text' ? msg.content[0].text : '' });
});
`,
    },
    {
      // Valid because passport.authenticate('jwt') guards the router's route (CommonJS).
      code: `
const express = require('express');
const passport = require('passport');
const { OpenAI } = require('openai');
const router = express.Router();
const client = new OpenAI();
router.post('/chat', passport.authenticate('jwt', { session: false }), async (req, res) => {
  const r = await client.responses.create({ model: 'gpt-4o', input: req.body.q });
  res.json({ text: r.output_text });
});
module.exports = router;
`,
      ...cjs,
    },
    {
      // Valid because express-jwt is applied to /api before /api/summarize is registered.
      code: `
import express from 'express';
import { expressjwt } from 'express-jwt';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = express();
app.use('/api', expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] }));
app.post('/api/summarize', async (req, res) => {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: req.body.text });
  res.json({ text });
});
`,
    },
    {
      // Valid because the hand-written middleware compares the Authorization header and answers 401.
      code: `
import express, { type Request, type Response, type NextFunction } from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
function checkToken(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization;
  if (!header || header !== \`Bearer \${process.env.API_TOKEN}\`) return res.status(401).json({ error: 'unauthorized' });
  next();
}
app.post('/chat', checkToken, async (req: Request, res: Response) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because the webhook route is behind a hand-written HMAC signature check that refuses bad signatures.
      code: `
import express from 'express';
import crypto from 'node:crypto';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
function verifySignature(req, res, next) {
  const sig = req.get('x-hub-signature-256') ?? '';
  const digest = 'sha256=' + crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  if (sig.length !== digest.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(digest))) {
    return res.status(401).end();
  }
  next();
}
app.post('/webhook', verifySignature, async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.issue.body }] });
  res.json({ ok: true, text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because the handler refuses requests without a session user before the model call.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (!req.session.user) return res.sendStatus(401);
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because an API key header is checked through a variable and the branch answers 403 then returns.
      code: `
import express from 'express';
import { OpenAI as LLM } from 'openai';
const app = express();
const llm = new LLM();
app.post('/chat', async (req, res) => {
  const key = req.headers['x-api-key'];
  if (key !== process.env.SERVICE_KEY) {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  const r = await llm.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because a same-file helper answers 401 and the handler returns when it fails.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
function ensureUser(req, res) {
  if (!req.session?.userId) {
    res.status(401).json({ error: 'login required' });
    return false;
  }
  return true;
}
app.post('/chat', async (req, res) => {
  if (!ensureUser(req, res)) return;
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because Stripe's constructEvent verifies the signature and its catch answers 400.
      code: `
import express from 'express';
import Stripe from 'stripe';
import OpenAI from 'openai';
const app = express();
const stripe = new Stripe(process.env.STRIPE_KEY!);
const openai = new OpenAI();
app.post('/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature']!, process.env.STRIPE_WHSEC!);
  } catch (err) {
    return res.status(400).send('bad signature');
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(event.data) }] });
  res.json({ received: true, summary: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because the router is mounted behind requireAuth in the same file.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { requireAuth } from './auth';
const app = express();
const router = express.Router();
const openai = new OpenAI();
router.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
app.use('/api', requireAuth, router);
`,
    },
    {
      // Valid because the route's handler never reaches a model.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
export const openai = new OpenAI();
app.get('/health', (req, res) => {
  res.json({ ok: true });
});
`,
    },
    {
      // Valid because the handler is imported: the rule cannot see whether it calls a model and stays silent.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { chatHandler } from './handlers/chat';
const app = express();
export const openai = new OpenAI();
app.post('/chat', chatHandler);
`,
    },
    {
      // Valid because the model is only called from a named inner function, which runs after the guard.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  async function ask(q) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
    return r.choices[0].message.content;
  }
  if (!req.user) return res.sendStatus(401);
  const answers = await Promise.all(req.body.questions.map(async (q) => ask(q)));
  res.json({ answers });
});
`,
    },
    {
      // Valid because the helper that calls the model is passed along to forEach after the session check.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
async function tag(item: { text: string }) {
  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: item.text }] });
}
app.post('/tag', async (req, res) => {
  if (!req.session.user) return res.sendStatus(401);
  req.body.items.forEach(tag);
  res.sendStatus(202);
});
`,
    },
    {
      // Valid because the middleware is named in settings['llm-leak'].authMiddleware.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { gate } from './gate';
const app = express();
const openai = new OpenAI();
app.post('/chat', gate, async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      settings: { 'llm-leak': { authMiddleware: ['gate'] } },
    },
    {
      // Valid because a Fastify onRequest hook in the same scope answers 401 on a wrong API key.
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.addHook('onRequest', async (request, reply) => {
  if (request.headers['x-api-key'] !== process.env.API_KEY) return reply.code(401).send({ error: 'unauthorized' });
});
fastify.post('/chat', async (request) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: (request.body as any).messages });
  return { text: r.choices[0].message.content };
});
`,
    },
    {
      // Valid because the onRequest hook in the same scope guards the route registered on withTypeProvider() too.
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.addHook('onRequest', async (request, reply) => {
  if (request.headers['x-api-key'] !== process.env.API_KEY) return reply.code(401).send({ error: 'unauthorized' });
});
fastify.withTypeProvider().post('/chat', async (request) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: (request.body as any).messages });
  return { text: r.choices[0].message.content };
});
`,
    },
    {
      // Valid because every part of the refusing test is a credential check: a request with neither a session user
      // nor a bearer token is refused (Express).
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (!req.session?.user && !req.headers.authorization) return res.status(401).json({ error: 'login required' });
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because the else branch of an \`||\` of two credential checks refuses: either credential lets it on (Koa).
      code: `
import Router from '@koa/router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  if (ctx.state.user || ctx.get('x-api-key') === process.env.API_KEY) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ctx.request.body.q }] });
    ctx.body = { text: r.choices[0].message.content };
  } else {
    ctx.status = 401;
  }
});
export default router;
`,
    },
    {
      // Valid because Fastify hooks apply to their whole scope, also when added after the route.
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
const openai = new OpenAI();
app.post('/chat', async (request) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
  return { text: r.choices[0].message.content };
});
app.addHook('preHandler', async (request, reply) => {
  if (!request.headers.authorization) return reply.code(401).send();
});
`,
    },
    {
      // Valid because the hook sits in an fp-wrapped plugin, which shares the parent scope with the api plugin.
      code: `
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import OpenAI from 'openai';
const app = Fastify();
const openai = new OpenAI();
const authPlugin = fp(async (instance) => {
  instance.addHook('onRequest', async (request, reply) => {
    if (!request.headers.authorization) return reply.code(401).send();
  });
});
app.register(authPlugin);
app.register(async (api) => {
  api.post('/chat', async (request) => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
    return { text: r.choices[0].message.content };
  });
});
`,
    },
    {
      // Valid because onRequest runs fastify.authenticate, decorated in this file to call request.jwtVerify().
      code: `
import Fastify from 'fastify';
import jwt from '@fastify/jwt';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.register(jwt, { secret: process.env.JWT_SECRET! });
fastify.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});
fastify.route({
  method: 'POST',
  url: '/chat',
  onRequest: [fastify.authenticate],
  handler: async (request) => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
    return { text: r.choices[0].message.content };
  },
});
`,
    },
    {
      // Valid because @fastify/basic-auth's fastify.basicAuth runs as an onRequest hook (CommonJS).
      code: `
const fastify = require('fastify')();
const OpenAI = require('openai');
const openai = new OpenAI();
fastify.register(require('@fastify/basic-auth'), { validate: async (u, p) => { if (p !== process.env.PASS) throw new Error('no'); } });
fastify.after(() => {
  fastify.addHook('onRequest', fastify.basicAuth);
  fastify.post('/chat', async (request) => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
    return { text: r.choices[0].message.content };
  });
});
`,
      ...cjs,
    },
    {
      // Valid because a typed preHandler in the route options answers 401 on a wrong API key.
      code: `
import Fastify, { type FastifyRequest, type FastifyReply } from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
const openai = new OpenAI();
async function verifyApiKey(request: FastifyRequest, reply: FastifyReply) {
  if (request.headers['x-api-key'] !== process.env.API_KEY) {
    return reply.code(401).send({ error: 'unauthorized' });
  }
}
app.post('/chat', { preHandler: verifyApiKey }, async (request: FastifyRequest<{ Body: { messages: any[] } }>) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
  return { text: r.choices[0].message.content };
});
`,
    },
    {
      // Valid because koa-jwt is used on the app before router.routes() is mounted.
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import koaJwt from 'koa-jwt';
import OpenAI from 'openai';
const app = new Koa();
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: ctx.request.body.messages });
  ctx.body = { text: r.choices[0].message.content };
});
app.use(koaJwt({ secret: process.env.JWT_SECRET! }));
app.use(router.routes());
`,
    },
    {
      // Valid because router.use(jwt(...).unless(...)) runs before the route on the router.
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
import Anthropic from '@anthropic-ai/sdk';
const app = new Koa();
const router = new Router();
const anthropic = new Anthropic();
router.use(jwt({ secret: process.env.JWT_SECRET! }).unless({ path: [/^\\/public/] }));
router.post('/chat', async (ctx) => {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: ctx.request.body.messages });
  ctx.body = { text: msg.content[0] };
});
app.use(router.routes()).use(router.allowedMethods());
`,
    },
    {
      // Valid because koa-basic-auth stands in the route's chain of a prefixed LangChain route (CommonJS).
      code: `
const Koa = require('koa');
const Router = require('koa-router');
const auth = require('koa-basic-auth');
const { ChatOpenAI } = require('@langchain/openai');
const app = new Koa();
const router = new Router({ prefix: '/api' });
const model = new ChatOpenAI({ model: 'gpt-4o' });
router.post('/ask', auth({ name: 'admin', pass: process.env.ADMIN_PASS }), async (ctx) => {
  const out = await model.invoke(ctx.request.body.question);
  ctx.body = { text: out.content };
});
app.use(router.routes());
`,
      ...cjs,
    },
    {
      // Valid because a same-file middleware factory throws 403 without a user with the role (CommonJS).
      code: `
const Koa = require('koa');
const Router = require('@koa/router');
const { Mistral } = require('@mistralai/mistralai');
const app = new Koa();
const router = new Router();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
const requireRole = (role) => async (ctx, next) => {
  if (!ctx.state.user || ctx.state.user.role !== role) ctx.throw(403);
  await next();
};
router.post('/chat', requireRole('member'), async (ctx) => {
  const r = await mistral.chat.complete({ model: 'mistral-small-latest', messages: ctx.request.body.messages });
  ctx.body = { text: r.choices[0].message.content };
});
app.use(router.routes());
`,
      ...cjs,
    },
    {
      // Valid because ctx.assert(ctx.state.user, 401) ends unauthenticated requests before the model call.
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { Ollama } from 'ollama';
const app = new Koa();
const router = new Router();
const ollama = new Ollama();
router.post('/chat', async (ctx) => {
  ctx.assert(ctx.state.user, 401, 'login required');
  const r = await ollama.chat({ model: 'llama3', messages: ctx.request.body.messages });
  ctx.body = { text: r.message.content };
});
app.use(router.routes());
`,
    },
    {
      // Valid because Hono's bearerAuth and jwt cover /v1/* and /v2/* before the routes.
      code: `
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { jwt } from 'hono/jwt';
import { GoogleGenAI } from '@google/genai';
const app = new Hono();
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
app.use('/v1/*', bearerAuth({ token: process.env.API_TOKEN! }));
app.use('/v2/*', jwt({ secret: process.env.JWT_SECRET!, alg: 'HS256' }));
app.post('/v1/gen', async (c) => {
  const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: (await c.req.json()).prompt });
  return c.text(r.text ?? '');
});
app.post('/v2/gen', async (c) => {
  const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: (await c.req.json()).prompt });
  return c.text(r.text ?? '');
});
`,
    },
    {
      // Valid because the Hono handler compares the Authorization header and answers 401 first.
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.post('/chat', async (c) => {
  if (c.req.header('Authorization') !== \`Bearer \${process.env.API_TOKEN}\`) return c.text('Unauthorized', 401);
  const { prompt } = await c.req.json();
  const { text } = await generateText({ model: openai('gpt-4o'), prompt });
  return c.text(text);
});
`,
    },
    {
      // Valid because the route handler returns 401 when auth() gives no session.
      code: `
import OpenAI from 'openai';
import { auth } from '@/auth';
const openai = new OpenAI();
export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { messages } = await req.json();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return Response.json({ text: r.choices[0].message.content });
}
`,
      filename: 'app/api/chat/route.ts',
    },
    {
      // Valid because Clerk's auth.protect() throws for signed-out users before the model call.
      code: `
import OpenAI from 'openai';
import { auth } from '@clerk/nextjs/server';
const openai = new OpenAI();
export async function POST(req: Request) {
  await auth.protect();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: (await req.json()).messages });
  return Response.json({ text: r.choices[0].message.content });
}
`,
      filename: 'app/api/chat/route.ts',
    },
    {
      // Valid because the handler is wrapped in an imported withAuth (trusted by its name).
      code: `
import OpenAI from 'openai';
import { withAuth } from '@/lib/with-auth';
const openai = new OpenAI();
export const POST = withAuth(async (req: Request) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: (await req.json()).messages });
  return Response.json({ text: r.choices[0].message.content });
});
`,
      filename: 'app/api/chat/route.ts',
    },
    {
      // KNOWN MISS: jwt.decode does not verify the token's signature, yet `if (!user) return 401` reads as a check.
      code: `
import express from 'express';
import jwt from 'jsonwebtoken';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const user = jwt.decode(req.headers.authorization?.slice(7) ?? '');
  if (!user) return res.status(401).end();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // KNOWN MISS: only the presence of the Authorization header is checked, not its value.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (!req.headers.authorization) return res.status(401).end();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because the API key check inside the try returns 401, and the catch answers 400 and returns.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  try {
    if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);
  } catch {
    return res.sendStatus(400);
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
`,
    },
    {
      // Valid because inside the loop the user check refuses before every model call (Fastify).
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
fastify.post('/batch', async (request, reply) => {
  const out = [];
  for (const q of (request.body as { qs: string[] }).qs) {
    if (!request.user) return reply.code(401).send();
    out.push(await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: q }] }));
  }
  return { n: out.length };
});
`,
    },
    {
      // Valid because every case of the switch in the refusing branch returns (a redirect to the login page, or 401) (Koa).
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const app = new Koa();
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  if (!ctx.state.user) {
    switch (ctx.accepts('json', 'html')) {
      case 'html':
        return ctx.redirect('/login');
      default:
        ctx.status = 401;
        return;
    }
  }
  const r = await openai.responses.create({ model: 'gpt-4o', input: ctx.request.body.q });
  ctx.body = { text: r.output_text };
});
app.use(router.routes());
`,
    },
  ],
  invalid: [
    {
      // Invalid because a route registered on \`withTypeProvider()\` (the same instance, typed) calls the model with no
      // check in front of it (Fastify plugin, TypeScript).
      code: `
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export default async function (fastify: FastifyInstance) {
  fastify.withTypeProvider<ZodTypeProvider>().post('/chat', async (request, reply) => {
    const result = streamText({ model: openai('gpt-4o'), maxTokens: 500, prompt: String((request.body as any).q) });
    return reply.send(result.toTextStreamResponse());
  });
}
`,
      errors: [{ messageId: 'unauthenticated', line: 7 }],
    },
    {
      // Invalid because the missing-key refusal also needs another condition: a request for the default provider goes
      // on with no credential at all (Fastify, a bring-your-own-key proxy whose local model needs none).
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
app.post('/v1/chat/completions', async (request, reply) => {
  const { provider = 'ollama', model, messages } = request.body;
  const auth = request.headers.authorization;
  const apiKey = auth && auth.startsWith('Bearer ') ? auth.substring(7) : undefined;
  if (!apiKey && provider !== 'ollama') return reply.code(401).send({ error: 'Missing API key' });
  const client = new OpenAI({ apiKey: apiKey ?? 'ollama', baseURL: process.env.LLM_URL });
  return client.chat.completions.create({ model, messages });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 5 }],
    },
    {
      // Invalid because the user check is skipped whenever a setting says so: the else branch of \`||\` refuses only
      // when the request has no user and the app is not in open mode (Express, CommonJS).
      ...cjs,
      code: `
const express = require('express');
const OpenAI = require('openai');
const openai = new OpenAI();
const router = express.Router();
router.post('/ask', async (req, res) => {
  if (req.user || process.env.OPEN_MODE === 'true') {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
    return res.json({ text: r.choices[0].message.content });
  }
  return res.status(401).end();
});
module.exports = router;
`,
      errors: [{ messageId: 'unauthenticated', line: 6 }],
    },
    {
      // Invalid because the Whisper upload route (speech to text is a paid model call too) has only multer in front.
      ...cjs,
      code: `
const express = require('express');
const multer = require('multer');
const OpenAI = require('openai');
const openai = new OpenAI();
const upload = multer({ dest: '/tmp' });
const router = express.Router();
router.post('/transcribe', upload.single('audio'), async (req, res) => {
  const t = await openai.audio.transcriptions.create({ file: fs.createReadStream(req.file.path), model: 'whisper-1' });
  res.json({ text: t.text });
});
module.exports = router;
`,
      errors: [{ messageId: 'unauthenticated', line: 8 }],
    },
    {
      // Invalid because nothing authenticates the request before the OpenAI call.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'OpenAI' }, line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    {
      // Invalid because app.use(requireAuth) comes after the route: Express runs middleware in registration order.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { requireAuth } from './auth';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
app.use(requireAuth);
`,
      errors: [{ messageId: 'unauthenticated', line: 7, column: 1, endLine: 7, endColumn: 17 }],
    },
    {
      // Invalid because authLimiter is a rate limiter, whatever its name says.
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const authLimiter = rateLimit({ windowMs: 60_000, limit: 10 });
app.post('/chat', authLimiter, async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 8, column: 1, endLine: 8, endColumn: 17 }],
    },
    {
      // Invalid because authCors only sets CORS headers.
      code: `
import express from 'express';
import cors from 'cors';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const authCors = cors({ origin: 'https://example.com' });
app.use(authCors);
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 9, column: 1, endLine: 9, endColumn: 17 }],
    },
    {
      // Invalid because an imported validateBody says nothing about authentication.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { validateBody } from './middleware/validate';
const app = express();
const openai = new OpenAI();
app.post('/chat', validateBody(chatSchema), async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 7, column: 1, endLine: 7, endColumn: 17 }],
    },
    {
      // Invalid because a same-file middleware named authenticate attaches a user but never refuses anyone.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { decode } from './jwt';
const app = express();
const openai = new OpenAI();
function authenticate(req, res, next) {
  req.user = decode(req.headers.authorization);
  next();
}
app.post('/chat', authenticate, async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 11, column: 1, endLine: 11, endColumn: 17 }],
    },
    {
      // Invalid because the session check comes after the model call.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  if (!req.session.user) return res.sendStatus(401);
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    {
      // Invalid because the check runs in one branch only and the model call follows on every path.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (req.body.mode === 'premium') {
    if (!req.session.user) return res.sendStatus(401);
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    {
      // Invalid because the 401 is sent but the handler goes on to call the model.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (!req.user) res.status(401).json({ error: 'login required' });
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    {
      // Invalid because the second model call, outside the guarded branch, runs for anyone.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (req.body.private) {
    if (!req.user) return res.sendStatus(401);
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
    return res.json({ text: r.choices[0].message.content });
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    {
      // Invalid because the catch around constructEvent only logs, so unsigned events reach the model.
      code: `
import express from 'express';
import Stripe from 'stripe';
import OpenAI from 'openai';
const app = express();
const stripe = new Stripe(process.env.STRIPE_KEY!);
const openai = new OpenAI();
app.post('/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  let event = req.body;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature']!, process.env.STRIPE_WHSEC!);
  } catch (err) {
    console.warn('signature check failed');
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(event.data) }] });
  res.json({ received: true, summary: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /stripe', provider: 'OpenAI' }, line: 8, column: 1, endLine: 8, endColumn: 19 }],
    },
    {
      // Invalid because requireAuth guards /admin only; the router is mounted on /api without it.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { requireAuth } from './auth';
const app = express();
const router = express.Router();
const openai = new OpenAI();
app.use('/admin', requireAuth);
router.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
app.use('/api', router);
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /api/chat', provider: 'OpenAI' }, line: 9, column: 1, endLine: 9, endColumn: 20 }],
    },
    {
      // Invalid because the router is mounted twice and only /v1 is behind requireAuth; reported once.
      code: `
import express from 'express';
import OpenAI from 'openai';
import { requireAuth } from './auth';
const app = express();
const router = express.Router();
const openai = new OpenAI();
router.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.choices[0].message.content });
});
app.use('/v1', requireAuth, router);
app.use('/v2', router);
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /v2/chat', provider: 'OpenAI' }, line: 8, column: 1, endLine: 8, endColumn: 20 }],
    },
    {
      // Invalid because the handler reaches the model through a same-file helper over a destructured, aliased client.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const { chat } = new OpenAI();
const complete = chat.completions;
async function summarize(text: string): Promise<string> {
  const r = await complete.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Summarize: \${text}\` }] });
  return r.choices[0].message.content ?? '';
}
app.post('/summarize', async (req, res) => {
  const { text } = req.body;
  res.json({ summary: await summarize(text) });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 11, column: 1, endLine: 11, endColumn: 22 }],
    },
    {
      // Invalid because the handler calls a class method that calls Anthropic through this.client.
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
class Assistant {
  private client = new Anthropic();
  async ask(question: string) {
    const msg = await this.client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: question }] });
    return msg.content;
  }
}
const assistant = new Assistant();
const app = express();
app.post('/ask', async (req, res) => {
  res.json(await assistant.ask(req.body.q));
});
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /ask', provider: 'Anthropic' }, line: 13, column: 1, endLine: 13, endColumn: 16 }],
    },
    {
      // Invalid because a handler held in a variable proxies to api.openai.com with plain fetch.
      code: `
import express from 'express';
const app = express();
async function callModel(prompt: string) {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }),
  });
  return r.json();
}
const handler = async (req, res) => {
  const data = await callModel(req.body.prompt);
  res.json({ text: data.choices[0].message.content });
};
app.post('/proxy', handler);
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /proxy', provider: 'model API' }, line: 16, column: 1, endLine: 16, endColumn: 18 }],
    },
    {
      // Invalid because the Groq client stored in an object and aliased in the handler is still reached (CommonJS).
      code: `
const express = require('express');
const Groq = require('groq-sdk');
const app = express();
const llm = { client: new Groq() };
app.route('/chat').post(async function (req, res) {
  const ai = llm.client;
  const out = await ai.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: req.body.messages });
  res.send(out.choices[0].message.content);
});
`,
      ...cjs,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'Groq' }, line: 6, column: 1, endLine: 6, endColumn: 24 }],
    },
    {
      // Invalid because Fastify's route({...}) has no hook in front of its handler.
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.route({
  method: 'POST',
  url: '/chat',
  handler: async (request) => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
    return { text: r.choices[0].message.content };
  },
});
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'OpenAI' }, line: 6, column: 1, endLine: 6, endColumn: 14 }],
    },
    {
      // Invalid because the auth hook lives in a sibling plugin, whose hooks do not reach this one.
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
const openai = new OpenAI();
app.register(async (admin) => {
  admin.addHook('onRequest', async (request, reply) => {
    if (!request.headers.authorization) return reply.code(401).send();
  });
});
app.register(async (api) => {
  api.post('/chat', async (request, reply) => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: request.body.messages });
    return reply.send({ text: r.choices[0].message.content });
  });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 12, column: 3, endLine: 12, endColumn: 19 }],
    },
    {
      // Invalid because @fastify/rate-limit limits traffic but does not authenticate it.
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
await fastify.register(rateLimit, { max: 10, timeWindow: '1 minute' });
fastify.post('/chat', { config: { rateLimit: { max: 5 } } }, async (request) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: (request.body as { messages: [] }).messages });
  return { text: r.choices[0].message.content };
});
`,
      errors: [{ messageId: 'unauthenticated', line: 8, column: 1, endLine: 8, endColumn: 21 }],
    },
    {
      // Invalid because koa-jwt is used after router.routes(): Koa runs middleware in registration order.
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import koaJwt from 'koa-jwt';
import OpenAI from 'openai';
const app = new Koa();
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: ctx.request.body.messages });
  ctx.body = { text: r.choices[0].message.content };
});
app.use(router.routes());
app.use(koaJwt({ secret: process.env.JWT_SECRET! }));
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'OpenAI' }, line: 9, column: 1, endLine: 9, endColumn: 20 }],
    },
    {
      // Invalid because router.use(requireUser) only covers routes registered after it: /chat is open, /summary is not.
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const app = new Koa();
const router = new Router();
const openai = new OpenAI();
async function requireUser(ctx, next) {
  if (!ctx.state.user) ctx.throw(401, 'login required');
  await next();
}
router.post('/chat', async (ctx) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: ctx.request.body.messages });
  ctx.body = { text: r.choices[0].message.content };
});
router.use(requireUser);
router.post('/summary', async (ctx) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: ctx.request.body.messages });
  ctx.body = { text: r.choices[0].message.content };
});
app.use(router.routes());
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'OpenAI' }, line: 12, column: 1, endLine: 12, endColumn: 20 }],
    },
    {
      // Invalid because an app.use() function that answers POST /chat calls the model for anyone.
      code: `
import Koa from 'koa';
import OpenAI from 'openai';
const app = new Koa();
const openai = new OpenAI();
app.use(async (ctx) => {
  if (ctx.path === '/chat' && ctx.method === 'POST') {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: ctx.request.body.messages });
    ctx.body = { text: r.choices[0].message.content };
  }
});
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'OpenAI' }, line: 6, column: 1, endLine: 6, endColumn: 8 }],
    },
    {
      // Invalid because basicAuth covers /api/* only and /public/chat calls the model too.
      code: `
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import OpenAI from 'openai';
const app = new Hono();
const openai = new OpenAI();
app.use('/api/*', basicAuth({ username: 'admin', password: process.env.ADMIN_PASS! }));
app.post('/api/chat', async (c) => {
  const { messages } = await c.req.json();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return c.json({ text: r.choices[0].message.content });
});
app.post('/public/chat', async (c) => {
  const { messages } = await c.req.json();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return c.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /public/chat', provider: 'OpenAI' }, line: 13, column: 1, endLine: 13, endColumn: 24 }],
    },
    {
      // Invalid because Hono's bearerAuth is registered after the route.
      code: `
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import OpenAI from 'openai';
const app = new Hono();
const openai = new OpenAI();
app.post('/chat', async (c) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: (await c.req.json()).messages });
  return c.json({ text: r.choices[0].message.content });
});
app.use('*', bearerAuth({ token: process.env.API_TOKEN! }));
`,
      errors: [{ messageId: 'unauthenticated', line: 7, column: 1, endLine: 7, endColumn: 17 }],
    },
    {
      // Invalid because the Next.js route handler calls OpenAI with no session check.
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const { messages } = await req.json();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return Response.json({ text: r.choices[0].message.content });
}
`,
      filename: 'app/api/chat/route.ts',
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /api/chat', provider: 'OpenAI' }, line: 4, column: 1, endLine: 4, endColumn: 27 }],
    },
    {
      // Invalid because the session is only required in one branch of the Next.js handler.
      code: `
import OpenAI from 'openai';
import { getServerSession } from 'next-auth';
import { NextResponse } from 'next/server';
const openai = new OpenAI();
export async function POST(req: Request) {
  const { messages, mode } = await req.json();
  if (mode === 'private') {
    const session = await getServerSession();
    if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return NextResponse.json({ text: r.choices[0].message.content });
}
export async function GET() {
  return NextResponse.json({ ok: true });
}
`,
      filename: 'app/api/chat/route.ts',
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 27 }],
    },
    {
      // Invalid because an exported arrow handler streams from the Vercel AI SDK to anyone; withRateLimit is not auth.
      code: `
import { streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { withRateLimit } from '@/lib/rate-limit';
export const POST = withRateLimit(async (req: Request) => {
  const { prompt } = await req.json();
  const result = streamText({ model: anthropic('claude-sonnet-4-5'), prompt });
  return result.toTextStreamResponse();
});
`,
      filename: 'src/app/(chat)/api/chat/route.ts',
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /api/chat', provider: 'Vercel AI SDK' }, line: 5, column: 1, endLine: 5, endColumn: 18 }],
    },
    {
      // Invalid because the pages/api handler answers every method and calls OpenAI for anyone.
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import OpenAI from 'openai';
const openai = new OpenAI();
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  res.status(200).json({ text: r.choices[0].message.content });
}
`,
      filename: 'pages/api/chat.ts',
      errors: [{ messageId: 'unauthenticated', data: { route: '/api/chat', provider: 'OpenAI' }, line: 5, column: 1, endLine: 5, endColumn: 38 }],
    },
    {
      // Invalid because the 401 is sent without a return: the handler goes on to the model call (Express).
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (!req.user) {
    res.status(401).json({ error: 'login required' });
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
    {
      // Invalid because only the fast branch checks the user; the other branch reaches the model call (Fastify).
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
fastify.post('/ask', async (request, reply) => {
  if ((request.query as { fast?: string }).fast) {
    if (!request.user) return reply.code(401).send();
  } else {
    request.log.info('slow path');
  }
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'hi' }] });
  return { msg };
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 20 }],
    },
    {
      // Invalid because the check sits in a loop that may run zero times before the model call (Koa).
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const app = new Koa();
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  for (const scope of ctx.request.body.scopes) {
    if (!ctx.state.user) ctx.throw(401);
  }
  const r = await openai.responses.create({ model: 'gpt-4o', input: ctx.request.body.q });
  ctx.body = { text: r.output_text };
});
app.use(router.routes());
`,
      errors: [{ messageId: 'unauthenticated', line: 8, column: 1, endLine: 8, endColumn: 20 }],
    },
    {
      // Invalid because any call in the try block can throw into the catch, which calls the model before the check ran.
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  try {
    const user = await loadUser(req.headers.authorization);
    if (!user) return res.sendStatus(401);
    res.json(await work(user));
  } catch (err) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(err) }] });
    res.status(500).json({ hint: r.choices[0].message.content });
  }
});
`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 1, endLine: 6, endColumn: 17 }],
    },
  ],
});
