import rule from '../../rules/hmac-over-raw-body.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('hmac-over-raw-body', rule, {
  valid: [
    // Valid because express.raw() on the route makes req.body the Buffer the sender signed.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.use(express.json());
app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const digest = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.body).digest('hex');
  res.json({ digest });
});
`,
    },
    // Valid because express.json({ verify }) keeps the raw buffer in req.rawBody and the HMAC is computed over it.
    {
      code: `
const express = require('express');
const { createHmac } = require('crypto');
const app = express();
app.use(express.json({ verify: (req, res, buf) => { req.rawBody = buf; } }));
app.post('/webhook', (req, res) => {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  res.json({ ok: expected.length > 0, event: req.body.type });
});
`,
      ...cjs,
    },
    // Valid because the Buffer from express.raw() is turned into text, not re-serialised from an object.
    {
      code: `
import express from 'express';
import { createHmac } from 'crypto';
const app = express();
app.post('/svix', express.raw({ type: 'application/json' }), (req, res) => {
  const payload = req.body.toString('utf8');
  createHmac('sha256', process.env.SVIX_SECRET!).update(payload);
  createHmac('sha256', process.env.SVIX_SECRET!).update(String(req.body));
  res.sendStatus(204);
});
`,
    },
    // Valid because Fastify's rawBody (fastify-raw-body) is the signed bytes.
    {
      code: `
import Fastify from 'fastify';
import rawBody from 'fastify-raw-body';
import * as crypto from 'node:crypto';
const fastify = Fastify();
await fastify.register(rawBody, { global: false, runFirst: true });
fastify.post('/webhook', { config: { rawBody: true } }, async (request) => {
  const digest = crypto.createHmac('sha256', process.env.HOOK_SECRET as string).update(request.rawBody as string).digest('hex');
  return { digest };
});
`,
    },
    // Valid because the content-type parser with parseAs: 'buffer' hands the handler the raw Buffer as request.body.
    {
      code: `
const Fastify = require('fastify');
const crypto = require('crypto');
const fastify = Fastify();
fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => done(null, body));
fastify.post('/webhook', async (request) => {
  return { digest: crypto.createHmac('sha256', process.env.HOOK_SECRET).update(request.body).digest('hex') };
});
`,
      ...cjs,
    },
    // Valid because Koa's ctx.request.rawBody (koa-bodyparser) is the signed text.
    {
      code: `
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { createHmac } from 'node:crypto';
const app = new Koa();
app.use(bodyParser());
app.use(async (ctx) => {
  const hmac = createHmac('sha256', process.env.SIGNING_SECRET!);
  hmac.update(ctx.request.rawBody);
  ctx.body = { digest: hmac.digest('hex'), type: ctx.request.body.type };
});
`,
    },
    // Valid because Hono hashes c.req.text(), c.req.arrayBuffer() and the raw Request's text: all unparsed.
    {
      code: `
import { Hono } from 'hono';
import { createHmac } from 'node:crypto';
const app = new Hono();
app.post('/hook', async (c) => {
  const text = await c.req.text();
  createHmac('sha256', process.env.HOOK_SECRET!).update(text);
  createHmac('sha256', process.env.HOOK_SECRET!).update(Buffer.from(await c.req.arrayBuffer()));
  createHmac('sha256', process.env.HOOK_SECRET!).update(await c.req.raw.clone().text());
  return c.text('ok');
});
`,
    },
    // Valid because the Next.js route handler signs await request.text().
    {
      code: `
import { createHmac } from 'node:crypto';
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const body = await request.text();
  const digest = createHmac('sha256', process.env.HOOK_SECRET!).update(body).digest('hex');
  const event = JSON.parse(body);
  return NextResponse.json({ digest, type: event.type });
}
`,
      filename: 'app/api/webhook/route.ts',
    },
    // Valid because a same-file helper is only ever given the raw body.
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
app.use(express.json({ verify: (req: any, _res, buf) => { req.rawBody = buf; } }));
function sign(payload: Buffer): string {
  return createHmac('sha256', process.env.WEBHOOK_SECRET!).update(payload).digest('hex');
}
app.post('/webhook', (req: any, res) => res.json({ digest: sign(req.rawBody) }));
`,
    },
    // Valid because signing our own outgoing JSON is fine: the receiver gets exactly the string that was signed.
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
app.use(express.json());
app.post('/notify', async (req, res) => {
  const payload = JSON.stringify({ event: 'done', at: Date.now() });
  const signature = createHmac('sha256', process.env.OUTBOUND_SECRET!).update(payload).digest('hex');
  await fetch('https://example.com/hook', { method: 'POST', body: payload, headers: { 'x-signature': signature } });
  res.sendStatus(202);
});
`,
    },
    // Valid because a plain hash used as a cache key is not a signature check.
    {
      code: `
import express from 'express';
import { createHash } from 'node:crypto';
const app = express();
app.use(express.json());
app.post('/chat', (req, res) => {
  const key = createHash('sha256').update(JSON.stringify(req.body)).digest('hex');
  res.json({ key });
});
`,
    },
    // Valid because this router file does not show which parser runs; with express.raw mounted elsewhere req.body is the
    // signed Buffer, so the rule stays silent rather than guess.
    {
      code: `
const { Router } = require('express');
const crypto = require('crypto');
const router = Router();
router.post('/webhook', (req, res) => {
  const digest = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.body).digest('hex');
  res.json({ digest });
});
module.exports = router;
`,
      ...cjs,
    },
    // KNOWN MISS: an HMAC assigned to a variable after its declaration is not followed to its update() calls.
    {
      code: `
import express from 'express';
import { createHmac, type Hmac } from 'node:crypto';
const app = express();
app.use(express.json());
app.post('/webhook', (req, res) => {
  let hmac: Hmac;
  hmac = createHmac('sha256', process.env.WEBHOOK_SECRET!);
  hmac.update(JSON.stringify(req.body));
  res.json({ digest: hmac.digest('hex') });
});
`,
    },
  ],
  invalid: [
    // Invalid because the Express webhook re-serialises the parsed body with JSON.stringify.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.use(express.json());
app.post('/webhook', (req, res) => {
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(JSON.stringify(req.body)).digest('hex');
  if (req.headers['x-signature'] !== expected) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'parsedBody', line: 7, column: 84, endLine: 7, endColumn: 108 }],
    },
    // Invalid because with bodyParser.json() req.body is an object, not the signed bytes (CommonJS, destructured require).
    {
      code: `
const express = require('express');
const bodyParser = require('body-parser');
const { createHmac } = require('crypto');
const app = express();
app.use(bodyParser.json());
app.post('/webhook', (req, res) => {
  const digest = createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.body).digest('hex');
  res.json({ digest });
});
`,
      ...cjs,
      errors: [{ messageId: 'parsedBody', line: 8, column: 74, endLine: 8, endColumn: 82 }],
    },
    // Invalid because JSON.stringify of the Buffer from express.raw() is a new text ({"type":"Buffer",...}).
    {
      code: `
import express from 'express';
import { createHmac } from 'crypto';
const app = express();
app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const { body } = req;
  const digest = createHmac('sha256', process.env.WEBHOOK_SECRET!).update(JSON.stringify(body)).digest('hex');
  res.json({ digest });
});
`,
      errors: [{ messageId: 'parsedBody', line: 7, column: 75, endLine: 7, endColumn: 95 }],
    },
    // Invalid because a re-serialisation held in a variable is still not what the client signed.
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
app.use(express.json());
app.post('/webhook', (req, res) => {
  const payload = JSON.stringify(req.body);
  const hmac = createHmac('sha256', process.env.WEBHOOK_SECRET!);
  hmac.update(payload);
  res.json({ digest: hmac.digest('hex') });
});
`,
      errors: [{ messageId: 'parsedBody', line: 9, column: 15, endLine: 9, endColumn: 22 }],
    },
    // Invalid because a template literal over the parsed body hashes "[object Object]".
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
app.use(express.urlencoded({ extended: true }));
app.post('/form', (req, res) => {
  res.json({ d: createHmac('sha256', process.env.FORM_SECRET!).update(\`\${req.body}\`).digest('hex') });
});
`,
      errors: [{ messageId: 'parsedBody', line: 7, column: 71, endLine: 7, endColumn: 84 }],
    },
    // Invalid because Fastify parses JSON by default, so JSON.stringify(request.body) is a re-serialisation.
    {
      code: `
import Fastify from 'fastify';
import * as crypto from 'node:crypto';
const fastify = Fastify();
fastify.post('/webhook', async (request, reply) => {
  const digest = crypto.createHmac('sha256', process.env.HOOK_SECRET as string).update(JSON.stringify(request.body)).digest('hex');
  if (digest !== request.headers['x-signature']) return reply.code(401).send();
  return { ok: true };
});
`,
      errors: [{ messageId: 'parsedBody', line: 6, column: 88, endLine: 6, endColumn: 116 }],
    },
    // Invalid because request.body in Fastify is the parsed JSON even when cast to a string.
    {
      code: `
import Fastify from 'fastify';
import crypto from 'crypto';
const fastify = Fastify();
fastify.route({
  method: 'POST',
  url: '/webhook',
  handler: async (request) => {
    const digest = crypto.createHmac('sha256', process.env.HOOK_SECRET as string).update(request.body as string).digest('hex');
    return { digest };
  },
});
`,
      errors: [{ messageId: 'parsedBody', line: 9, column: 90, endLine: 9, endColumn: 112 }],
    },
    // Invalid because this buffer content-type parser still hands the handler JSON.parse's object.
    {
      code: `
const fastify = require('fastify')();
const { createHmac } = require('node:crypto');
fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
  req.rawBody = body;
  done(null, JSON.parse(body.toString()));
});
fastify.post('/webhook', async (request) => ({
  digest: createHmac('sha256', process.env.HOOK_SECRET).update(request.body).digest('hex'),
}));
`,
      ...cjs,
      errors: [{ messageId: 'parsedBody', line: 9, column: 64, endLine: 9, endColumn: 76 }],
    },
    // Invalid because koa-bodyparser turns ctx.request.body into an object.
    {
      code: `
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { createHmac } from 'node:crypto';
const app = new Koa();
app.use(bodyParser());
app.use(async (ctx) => {
  const hmac = createHmac('sha256', process.env.SIGNING_SECRET!);
  hmac.update(ctx.request.body);
  ctx.body = { digest: hmac.digest('hex') };
});
`,
      errors: [{ messageId: 'parsedBody', line: 9, column: 15, endLine: 9, endColumn: 31 }],
    },
    // Invalid because the Koa middleware re-serialises ctx.request.body (CommonJS, koa-body).
    {
      code: `
const Koa = require('koa');
const { koaBody } = require('koa-body');
const crypto = require('crypto');
const app = new Koa();
app.use(koaBody());
app.use(async (ctx) => {
  const digest = crypto.createHmac('sha256', process.env.SIGNING_SECRET).update(JSON.stringify(ctx.request.body)).digest('hex');
  if (digest !== ctx.get('x-signature')) ctx.throw(401);
});
`,
      ...cjs,
      errors: [{ messageId: 'parsedBody', line: 8, column: 81, endLine: 8, endColumn: 113 }],
    },
    // Invalid because Hono hashes a re-serialisation of await c.req.json(), and of JSON.parse over the raw text.
    {
      code: `
import { Hono } from 'hono';
import { createHmac } from 'node:crypto';
const app = new Hono();
app.post('/hook', async (c) => {
  const body = await c.req.json();
  const a = createHmac('sha256', process.env.HOOK_SECRET!).update(JSON.stringify(body)).digest('hex');
  const raw = await c.req.text();
  const b = createHmac('sha256', process.env.HOOK_SECRET!).update(JSON.stringify(JSON.parse(raw))).digest('hex');
  return c.json({ a, b });
});
`,
      errors: [
        { messageId: 'parsedBody', line: 7, column: 67, endLine: 7, endColumn: 87 },
        { messageId: 'parsedBody', line: 9, column: 67, endLine: 9, endColumn: 98 },
      ],
    },
    // Invalid because the Next.js route handler signs JSON.stringify(await request.json()).
    {
      code: `
import { createHmac } from 'node:crypto';
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const event = await request.json();
  const digest = createHmac('sha256', process.env.HOOK_SECRET!).update(JSON.stringify(event)).digest('hex');
  if (digest !== request.headers.get('x-signature')) return new NextResponse('bad signature', { status: 401 });
  return NextResponse.json({ ok: true });
}
`,
      filename: 'app/api/webhook/route.ts',
      errors: [{ messageId: 'parsedBody', line: 6, column: 72, endLine: 6, endColumn: 93 }],
    },
    // Invalid because the same-file helper re-serialises its parameter, and the route passes it req.body.
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
app.use(express.json());
function sign(body: unknown): string {
  return createHmac('sha256', process.env.WEBHOOK_SECRET!).update(JSON.stringify(body)).digest('hex');
}
app.post('/webhook', (req, res) => {
  if (sign(req.body) !== req.get('x-signature')) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'parsedBody', line: 7, column: 67, endLine: 7, endColumn: 87 }],
    },
    // Invalid because the Fastify helper hashes its parameter, and the hook passes it the parsed request.body.
    {
      code: `
import Fastify, { type FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
const fastify = Fastify();
const digestOf = (payload: unknown) => createHmac('sha256', process.env.HOOK_SECRET!).update(payload as Buffer).digest('hex');
fastify.addHook('preHandler', async (request: FastifyRequest, reply) => {
  if (digestOf(request.body) !== request.headers['x-signature']) return reply.code(401).send();
});
`,
      errors: [{ messageId: 'parsedBody', line: 5, column: 94, endLine: 5, endColumn: 111 }],
    },
  ],
});
