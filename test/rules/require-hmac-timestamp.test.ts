import rule from '../../rules/require-hmac-timestamp.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('require-hmac-timestamp', rule, {
  valid: [
    // Valid because the Slack timestamp is signed and compared with the clock inside a five-minute window first.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/slack/events', express.raw({ type: 'application/json' }), (req, res) => {
  const ts = req.headers['x-slack-request-timestamp'];
  if (Math.abs(Math.floor(Date.now() / 1000) - Number(ts)) > 300) return res.status(401).end();
  const mine = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update(\`v0:\${ts}:\${req.body}\`).digest('hex');
  const theirs = String(req.headers['x-slack-signature']);
  if (mine.length !== theirs.length || !crypto.timingSafeEqual(Buffer.from(mine), Buffer.from(theirs))) return res.status(401).end();
  res.sendStatus(200);
});
`,
    },
    // Valid because the window check runs after the signature comparison but before the request is accepted.
    {
      code: `
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = express();
app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  const timestamp = req.get('x-timestamp');
  const expected = createHmac('sha256', process.env.HOOK_SECRET).update(timestamp + '.' + req.body).digest();
  const given = Buffer.from(req.get('x-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.sendStatus(401);
  const age = Date.now() / 1000 - Number(timestamp);
  if (age > 300 || age < -300) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
    },
    // Valid because the timestamp is checked by a helper in the same file, called with the header value.
    {
      code: `
const express = require('express');
const crypto = require('crypto');
const app = express();
function isFresh(ts) {
  return Math.abs(Date.now() / 1000 - Number(ts)) < 60 * 5;
}
app.post('/slack', express.raw({ type: '*/*' }), (req, res) => {
  const ts = req.headers['x-slack-request-timestamp'];
  if (!isFresh(ts)) return res.sendStatus(400);
  const sig = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SECRET).update('v0:' + ts + ':' + req.body).digest('hex');
  const got = req.headers['x-slack-signature'];
  if (typeof got !== 'string' || got.length !== sig.length || !crypto.timingSafeEqual(Buffer.from(got), Buffer.from(sig))) return res.sendStatus(401);
  res.send('ok');
});
`,
      ...cjs,
    },
    // Valid because the GitHub webhook signs the body alone but records each delivery id and refuses repeats.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
const seen = new Set();
app.post('/github', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest('hex');
  const sig = req.get('x-hub-signature-256') ?? '';
  if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return res.sendStatus(401);
  const delivery = req.get('x-github-delivery');
  if (seen.has(delivery)) return res.sendStatus(409);
  seen.add(delivery);
  res.sendStatus(202);
});
`,
    },
    // Valid because Stripe's SDK verifier checks the t= timestamp against its default five-minute tolerance.
    {
      code: `
import express from 'express';
import Stripe from 'stripe';
const app = express();
const stripe = new Stripe(process.env.STRIPE_KEY);
app.post('/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
  res.json({ received: event.id });
});
`,
    },
    // Valid because the HMAC signs a stored session id, not a request: a digest compared to find a record.
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
const KEY = process.env.KEY;
export function tag(id) {
  return createHmac('sha256', KEY).update(String(id)).digest('hex');
}
app.get('/x', (req, res) => {
  res.json({ same: tag(1) === tag(2) });
});
`,
    },
    // Valid because the signed request also carries a nonce (not a time) that may be checked elsewhere: the rule stays silent.
    {
      code: `
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = express();
app.post('/api', express.raw({ type: '*/*' }), (req, res) => {
  const nonce = req.get('x-request-nonce');
  const mac = createHmac('sha256', process.env.API_SECRET).update(nonce + req.body).digest();
  const sig = Buffer.from(req.get('x-signature') ?? '', 'base64');
  if (sig.length !== mac.length || !timingSafeEqual(sig, mac)) return res.sendStatus(401);
  res.sendStatus(200);
});
`,
    },
    // Valid because the Fastify hook compares the signed timestamp with the clock.
    {
      code: `
import Fastify from 'fastify';
import crypto from 'node:crypto';
const app = Fastify();
app.post('/hook', { config: { rawBody: true } }, async (request, reply) => {
  const ts = Number(request.headers['x-timestamp']);
  const now = Math.floor(Date.now() / 1000);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > 300) return reply.code(401).send();
  const digest = crypto.createHmac('sha256', process.env.SECRET).update(\`\${ts}.\${request.rawBody}\`).digest('hex');
  const given = String(request.headers['x-signature']);
  if (given.length !== digest.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(digest))) return reply.code(401).send();
  return { ok: true };
});
`,
    },
    // Valid because the Hono handler records the nonce in Redis with set-if-absent.
    {
      code: `
import { Hono } from 'hono';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { redis } from './redis.js';
const app = new Hono();
app.post('/hook', async (c) => {
  const raw = await c.req.text();
  const mac = createHmac('sha256', process.env.SECRET).update(raw).digest('hex');
  const sig = c.req.header('x-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return c.text('bad', 401);
  const fresh = await redis.set(\`hook:\${c.req.header('x-delivery-id')}\`, '1', 'EX', 86400, 'NX');
  if (!fresh) return c.text('replayed', 409);
  return c.text('ok');
});
`,
    },
    // Valid because the Next.js route handler checks the timestamp with new Date().
    {
      code: `
import { createHmac, timingSafeEqual } from 'node:crypto';
export async function POST(request: Request) {
  const raw = await request.text();
  const ts = request.headers.get('x-timestamp') ?? '';
  if (new Date().getTime() - Number(ts) * 1000 > 5 * 60 * 1000) return new Response('stale', { status: 401 });
  const mac = createHmac('sha256', process.env.SECRET!).update(ts + ':' + raw).digest('hex');
  const sig = request.headers.get('x-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return new Response('bad', { status: 401 });
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/hook/route.ts',
    },
    // Valid because the HMAC signs a session cookie, a bearer token of its own: replay is not what the check is for.
    {
      code: `
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = express();
app.get('/me', (req, res) => {
  const [value, tag] = String(req.cookies.session ?? '').split('.');
  const expected = createHmac('sha256', process.env.COOKIE_SECRET).update(String(req.cookies.session_id)).digest('hex');
  if (!tag || tag.length !== expected.length || !timingSafeEqual(Buffer.from(tag), Buffer.from(expected))) return res.sendStatus(401);
  res.json({ user: value });
});
`,
    },
    // Valid because the body-only signature comes with an event id from the body that is recorded.
    {
      code: `
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = express();
const processed = new Set();
app.post('/hook', express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }), (req, res) => {
  const mac = createHmac('sha256', process.env.SECRET).update(req.rawBody).digest('hex');
  const sig = req.get('x-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return res.sendStatus(401);
  if (processed.has(req.body.event_id)) return res.sendStatus(200);
  processed.add(req.body.event_id);
  res.sendStatus(202);
});
`,
    },
    // Valid because the other signed header is an id, not a time (its name holds the word "date" only inside "update"):
    // it may be checked elsewhere, so the rule stays silent.
    {
      code: `
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = express();
app.post('/sync', express.raw({ type: '*/*' }), (req, res) => {
  const update = req.get('x-update-id') ?? '';
  const mac = createHmac('sha256', process.env.SYNC_SECRET).update(update + '.' + req.body).digest();
  const sig = Buffer.from(req.get('x-signature') ?? '', 'hex');
  if (sig.length !== mac.length || !timingSafeEqual(sig, mac)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
    },
    // KNOWN MISS: the header is parsed through Object.fromEntries, which the origins do not follow, so neither the
    // signed t= nor the compared v1 is known to come from the request; the rule stays silent.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const parts = Object.fromEntries(String(req.headers['stripe-signature']).split(',').map((kv) => kv.split('=')));
  const expected = crypto.createHmac('sha256', process.env.STRIPE_WEBHOOK_SECRET).update(\`\${parts.t}.\${req.body}\`).digest('hex');
  if (expected !== parts.v1) return res.sendStatus(400);
  res.json({ received: true });
});
`,
    },
  ],
  invalid: [
    // Invalid because the Slack timestamp is signed but never compared with the clock.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/slack/events', express.raw({ type: 'application/json' }), (req, res) => {
  const ts = req.headers['x-slack-request-timestamp'];
  const mine = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update(\`v0:\${ts}:\${req.body}\`).digest('hex');
  const theirs = String(req.headers['x-slack-signature']);
  if (mine.length !== theirs.length || !crypto.timingSafeEqual(Buffer.from(mine), Buffer.from(theirs))) return res.status(401).end();
  res.sendStatus(200);
});
`,
      errors: [{ messageId: 'staleTimestamp', data: { where: 'the x-slack-request-timestamp header' }, line: 9, column: 41, endLine: 9, endColumn: 103 }],
    },
    // Invalid because the timestamp is compared with a constant, not with the clock.
    {
      code: `
const express = require('express');
const crypto = require('crypto');
const app = express();
app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  const ts = Number(req.headers['x-timestamp']);
  if (ts < 1700000000) return res.sendStatus(400);
  const mac = crypto.createHmac('sha256', process.env.HOOK_SECRET).update(ts + '.' + req.body).digest('hex');
  const sig = req.headers['x-signature'];
  if (typeof sig !== 'string' || sig.length !== mac.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return res.sendStatus(401);
  res.sendStatus(200);
});
`,
      ...cjs,
      errors: [{ messageId: 'staleTimestamp', line: 10, column: 64, endLine: 10, endColumn: 122 }],
    },
    // Invalid because the GitHub webhook signs the body alone and never records the delivery id.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/github', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest('hex');
  const sig = req.get('x-hub-signature-256') ?? '';
  if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return res.sendStatus(401);
  console.log('delivery', req.get('x-github-delivery'));
  res.sendStatus(202);
});
`,
      errors: [{ messageId: 'bodyOnly', line: 8, column: 42, endLine: 8, endColumn: 105 }],
    },
    // Invalid because Stripe's t= is parsed by hand, signed, and never compared with the clock.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const items = String(req.headers['stripe-signature']).split(',');
  const t = items.find((p) => p.startsWith('t=')).slice(2);
  const v1 = items.find((p) => p.startsWith('v1=')).slice(3);
  const expected = crypto.createHmac('sha256', process.env.STRIPE_WEBHOOK_SECRET).update(\`\${t}.\${req.body}\`).digest('hex');
  if (expected !== v1) return res.sendStatus(400);
  res.json({ received: true });
});
`,
      errors: [{ messageId: 'staleTimestamp', data: { where: 'the stripe-signature header' }, line: 10, column: 7, endLine: 10, endColumn: 22 }],
    },
    // Invalid because the Fastify handler signs the raw body alone and compares with ===.
    {
      code: `
import Fastify from 'fastify';
import { createHmac } from 'node:crypto';
const app = Fastify();
app.post('/hook', { config: { rawBody: true } }, async (request, reply) => {
  const digest = createHmac('sha256', process.env.SECRET).update(request.rawBody).digest('hex');
  if (digest !== request.headers['x-signature']) return reply.code(401).send();
  return { ok: true };
});
`,
      errors: [{ messageId: 'bodyOnly', line: 7, column: 7, endLine: 7, endColumn: 48 }],
    },
    // Invalid because the Koa router checks a signed custom timestamp nowhere.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = new Koa();
const router = new Router();
router.post('/hook', async (ctx) => {
  const ts = ctx.get('x-timestamp');
  const mac = createHmac('sha256', process.env.SECRET).update(\`\${ts}.\${ctx.request.rawBody}\`).digest();
  const sig = Buffer.from(ctx.get('x-signature'), 'hex');
  if (sig.length !== mac.length || !timingSafeEqual(sig, mac)) ctx.throw(401);
  ctx.status = 204;
});
app.use(router.routes());
`,
      errors: [{ messageId: 'staleTimestamp', data: { where: 'the x-timestamp header' }, line: 11, column: 37, endLine: 11, endColumn: 62 }],
    },
    // Invalid because the Hono handler signs the body alone and records nothing.
    {
      code: `
import { Hono } from 'hono';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = new Hono();
app.post('/hook', async (c) => {
  const raw = await c.req.text();
  const mac = createHmac('sha256', process.env.SECRET).update(raw).digest('hex');
  const sig = c.req.header('x-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return c.text('bad', 401);
  return c.text('ok');
});
`,
      errors: [{ messageId: 'bodyOnly', line: 9, column: 37, endLine: 9, endColumn: 88 }],
    },
    // Invalid because the Next.js route handler signs a timestamp it never compares with the clock.
    {
      code: `
import { createHmac, timingSafeEqual } from 'node:crypto';
export async function POST(request: Request) {
  const raw = await request.text();
  const ts = request.headers.get('x-timestamp') ?? '';
  const mac = createHmac('sha256', process.env.SECRET!).update(ts + ':' + raw).digest('hex');
  const sig = request.headers.get('x-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return new Response('bad', { status: 401 });
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/hook/route.ts',
      errors: [{ messageId: 'staleTimestamp', line: 8, column: 37, endLine: 8, endColumn: 88 }],
    },
    // Invalid because a same-file helper signs the body alone and the route compares its digest with ==.
    {
      code: `
const express = require('express');
const crypto = require('crypto');
const router = express.Router();
function sign(body) {
  return crypto.createHmac('sha1', process.env.HOOK_SECRET).update(body).digest('hex');
}
router.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  if (sign(req.body) == req.headers['x-hook-signature']) return res.sendStatus(204);
  res.sendStatus(401);
});
module.exports = router;
`,
      ...cjs,
      errors: [{ messageId: 'bodyOnly', line: 9, column: 7, endLine: 9, endColumn: 56 }],
    },
  ],
});
