import rule from '../../rules/timing-safe-compare.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('timing-safe-compare', rule, {
  valid: [
    // Valid because the supplied key only goes into scrypt, whose output is 64 bytes, and is compared with the stored
    // 64-byte derivation: no length is the client's, so timingSafeEqual has nothing to throw on.
    {
      code: `
import { randomBytes, scryptSync, timingSafeEqual } from 'crypto';
export const generateSecretHash = (apiKey: string): string => {
  const salt = randomBytes(8).toString('hex');
  return \`\${(scryptSync(apiKey, salt, 64) as Buffer).toString('hex')}.\${salt}\`;
};
export const compareKeys = (storedKey: string, suppliedKey: string): boolean => {
  const [hashedPassword, salt] = storedKey.split('.');
  const buffer = scryptSync(suppliedKey, salt, 64) as Buffer;
  return timingSafeEqual(Buffer.from(hashedPassword, 'hex'), buffer);
};
`,
    },
    // Valid because pbkdf2Sync with a literal key length is checked against the user's stored hash (CommonJS).
    {
      code: `
const crypto = require('node:crypto');
const express = require('express');
const app = express();
app.post('/login', async (req, res) => {
  const user = await findUser(req.body.email);
  const derived = crypto.pbkdf2Sync(req.body.password, user.salt, 100000, 32, 'sha256');
  if (!crypto.timingSafeEqual(derived, Buffer.from(user.passwordHash, 'hex'))) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      ...cjs,
    },
    // Valid because the hardened Basic Auth checks lengths and compares both halves with timingSafeEqual.
    {
      code: `
import express from 'express';
import { timingSafeEqual } from 'node:crypto';
const app = express();
const USER = process.env.BASIC_USER || 'admin';
const PASS = process.env.BASIC_PASS;
function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}
app.use((req, res, next) => {
  const header = req.headers.authorization ?? '';
  const [scheme, encoded] = header.split(' ');
  if (scheme !== 'Basic' || !encoded || !PASS) return res.status(401).end();
  const [user, pass] = Buffer.from(encoded, 'base64').toString().split(':');
  if (safeEqual(user, USER) && safeEqual(pass, PASS)) return next();
  res.status(401).end();
});
`,
    },
    // Valid because the Express webhook verifies in constant time after a length check.
    {
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const signature = req.get('x-signature');
  if (typeof signature !== 'string') return res.sendStatus(400);
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.body).digest('hex');
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
    },
    // Valid because the Fastify handler catches timingSafeEqual's RangeError itself.
    {
      code: `
import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'crypto';
const fastify = Fastify();
fastify.post('/webhook', async (request, reply) => {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET).update(request.rawBody).digest();
  try {
    if (!timingSafeEqual(Buffer.from(request.headers['x-signature'], 'hex'), expected)) return reply.code(401).send();
  } catch {
    return reply.code(401).send();
  }
  return { ok: true };
});
`,
    },
    // Valid because the Koa middleware checks the lengths on the left of the same &&.
    {
      code: `
const Koa = require('koa');
const crypto = require('crypto');
const app = new Koa();
app.use(async (ctx, next) => {
  const sig = Buffer.from(ctx.get('x-signature'));
  const expected = Buffer.from(crypto.createHmac('sha256', process.env.SIGNING_SECRET).update(ctx.request.rawBody).digest('hex'));
  if (!(sig.length === expected.length && crypto.timingSafeEqual(sig, expected))) ctx.throw(401);
  await next();
});
`,
      ...cjs,
    },
    // Valid because Koa reads the header through ctx.request.headers and compares in constant time after a length check.
    {
      code: `
import Koa from 'koa';
import * as crypto from 'node:crypto';
const app = new Koa();
app.use(async (ctx, next) => {
  const provided = String(ctx.request.headers['x-signature'] ?? '');
  const expected = crypto.createHmac('sha256', process.env.SIGNING_SECRET!).update(ctx.request.rawBody).digest('hex');
  if (Buffer.byteLength(provided) !== Buffer.byteLength(expected)) ctx.throw(401);
  if (!crypto.timingSafeEqual(Buffer.from(provided), Buffer.from(expected))) ctx.throw(401);
  await next();
});
`,
    },
    // Valid because these are format checks against literals and named literals, not comparisons with a secret.
    {
      code: `
import express from 'express';
const app = express();
const PREFIX = 'sha256=';
const BEARER = 'Bearer';
app.post('/hook', (req, res, next) => {
  const sig = req.headers['x-hub-signature-256'];
  if (typeof sig !== 'string' || !sig.startsWith('sha256=') || !sig.startsWith(PREFIX)) return res.sendStatus(400);
  const [scheme] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== BEARER && scheme === 'Basic') return res.sendStatus(401);
  if (req.headers['stripe-signature'] === undefined || req.headers['x-api-key'] == null) return res.sendStatus(400);
  next();
});
`,
    },
    // Valid because a length comparison does not leak the content.
    {
      code: `
import express from 'express';
const app = express();
app.post('/hook', (req, res, next) => {
  const sig = req.get('x-signature') ?? '';
  if (sig.length !== 64 || sig.length === process.env.API_TOKEN?.length) return res.sendStatus(400);
  next();
});
`,
    },
    // Valid because a content type and a user id are not secrets.
    {
      code: `
import express from 'express';
const app = express();
const expectedType = 'application/json';
app.post('/chat', (req, res, next) => {
  const type = req.headers['content-type'];
  if (type !== expectedType || req.body.userId === req.params.id) return res.sendStatus(400);
  next();
});
`,
    },
    // Valid because both sides are SHA-256 digests: equal lengths by construction, the usual way to compare unequal inputs.
    {
      code: `
import express from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
const app = express();
const hash = (s: string) => createHash('sha256').update(s).digest();
app.use((req, res, next) => {
  const key = req.get('x-api-key') ?? '';
  if (!timingSafeEqual(createHash('sha256').update(key).digest(), createHash('sha256').update(process.env.API_KEY!).digest())) {
    return res.sendStatus(401);
  }
  if (!timingSafeEqual(hash(key), hash(process.env.API_KEY!))) return res.sendStatus(401);
  next();
});
`,
    },
    // Valid because express-basic-auth compares with its constant-time safeCompare in the authorizer.
    {
      code: `
const express = require('express');
const basicAuth = require('express-basic-auth');
const app = express();
app.use(basicAuth({
  authorizer: (user, pass) =>
    basicAuth.safeCompare(user, process.env.BASIC_USER) & basicAuth.safeCompare(pass, process.env.BASIC_PASS),
}));
`,
      ...cjs,
    },
    // Valid because a Set lookup of the API key is a hash lookup, not a prefix comparison.
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
const keys = new Set((process.env.ALLOWED_CLIENTS ?? '').split(','));
fastify.addHook('onRequest', async (request, reply) => {
  if (!keys.has(request.headers['x-client-id'])) return reply.code(401).send();
});
`,
    },
    // Valid because a rate limiter keyed by the API key compares counts, not the key.
    {
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(rateLimit({ windowMs: 60_000, limit: 30, keyGenerator: (req) => String(req.headers['x-api-key']) }));
app.use((req, res, next) => (req.headers['x-request-id'] === req.params.id ? next() : res.sendStatus(400)));
`,
    },
    // Valid because Hono's hardened check compares digests of equal length after an explicit length check.
    {
      code: `
import { Hono } from 'hono';
import { createHmac, timingSafeEqual } from 'node:crypto';
const app = new Hono();
app.post('/hook', async (c) => {
  const raw = await c.req.text();
  const given = Buffer.from(c.req.header('x-signature') ?? '', 'hex');
  const expected = createHmac('sha256', process.env.HOOK_SECRET!).update(raw).digest();
  if (given.byteLength !== expected.byteLength) return c.text('bad', 401);
  return timingSafeEqual(given, expected) ? c.text('ok') : c.text('bad', 401);
});
`,
    },
    // KNOWN MISS: a secret compared inside a function the model cannot see into (an imported helper) is not traced.
    {
      code: `
import express from 'express';
import { isValidKey } from './keys.js';
const app = express();
app.use((req, res, next) => (isValidKey(req.headers['x-api-key']) ? next() : res.sendStatus(401)));
`,
    },
    {
      // Valid because the stored length comparison is tested and its "unequal" branch returns before timingSafeEqual.
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  const given = Buffer.from(String(req.headers['x-signature']));
  const expected = Buffer.from(crypto.createHmac('sha256', process.env.HOOK_SECRET!).update(req.body).digest('hex'));
  const sameLength = given.length === expected.length;
  if (!sameLength) return res.sendStatus(401);
  if (!crypto.timingSafeEqual(given, expected)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
    },
    {
      // Valid because timingSafeEqual sits in the else-if that only runs when the lengths are equal (Fastify).
      code: `
import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
const fastify = Fastify();
fastify.post('/hook', async (request, reply) => {
  const given = Buffer.from(String(request.headers['x-signature']));
  const expected = Buffer.from(createHmac('sha256', process.env.HOOK_SECRET as string).update(request.rawBody as Buffer).digest('hex'));
  if (given.length !== expected.length) {
    return reply.code(401).send();
  } else if (!timingSafeEqual(given, expected)) {
    return reply.code(401).send();
  }
  return { ok: true };
});
`,
    },
    {
      // Valid because inside the loop a key of another length goes on to the next key before timingSafeEqual (Koa).
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import crypto from 'node:crypto';
const app = new Koa();
const router = new Router();
router.post('/hook', async (ctx) => {
  const given = Buffer.from(ctx.get('x-api-key'));
  for (const key of (process.env.API_KEYS ?? '').split(',')) {
    const expected = Buffer.from(key);
    if (given.length !== expected.length) continue;
    if (crypto.timingSafeEqual(given, expected)) {
      ctx.body = { ok: true };
      return;
    }
  }
  ctx.throw(401);
});
app.use(router.routes());
`,
    },
    // Valid because ids of the logged-in user are compared to check ownership; an id is not a secret (Express).
    {
      code: `
import express from 'express';
const app = express();
app.delete('/jobs/:id', async (req, res) => {
  const job = await Job.findById(req.params.id);
  if (job.userId !== req.user.id) return res.status(403).end();
  const doc = await Doc.findById(req.params.id);
  if (doc.author === req.user._id) return res.json(doc);
  res.status(404).end();
});
`,
    },
    // Valid because enum constants and token counts and limits are compared, not a token (Fastify).
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
enum TokenType { Access = 'access', Refresh = 'refresh' }
const GRANT = { REFRESH: 'refresh_token' } as const;
fastify.post('/token', async (request, reply) => {
  if (request.body.tokenType === TokenType.Refresh) return { kind: 'refresh' };
  if (request.body.token === GRANT.REFRESH) return { kind: 'grant' };
  const account = await Accounts.get(request.user.id);
  if (account.tokenCount === account.tokenLimit) return reply.code(429).send();
  return { ok: true };
});
`,
    },
    // Valid because a sign-up validator compares the password with its confirmation: both are the client's own (Koa).
    {
      code: `
const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.post('/signup', async (ctx) => {
  const { email, password, confirmPassword } = ctx.request.body;
  if (password !== confirmPassword) ctx.throw(400, 'Passwords do not match');
  ctx.body = await Users.create({ email, password });
});
app.use(router.routes());
`,
      ...cjs,
    },
    // Valid because the length check on the line before covers buffers wrapped in new Uint8Array(...) (Express).
    {
      code: `
import express from 'express';
import { timingSafeEqual } from 'node:crypto';
const app = express();
app.use((req, res, next) => {
  const given = Buffer.from(String(req.headers['x-api-key'] ?? ''));
  const expected = Buffer.from(process.env.API_KEY ?? '');
  if (given.length !== expected.length) return res.status(401).end();
  if (!timingSafeEqual(new Uint8Array(given), new Uint8Array(expected))) return res.status(401).end();
  next();
});
`,
    },
    // Valid because two fields of one object checked against each other, a descriptor (tokenType) against an imported enum, serialized records compared to find duplicates, and an allow-list of domains hold no secret (Koa).
    {
      code: `
import Koa from 'koa';
import { TokenType } from './enums';
const app = new Koa();
function validate(data: { newPassword: string; confirmPassword: string }, tokenType: string) {
  if (data.newPassword !== data.confirmPassword) throw new Error('passwords differ');
  if (tokenType === TokenType.PASSWORD_RESET) return 'reset';
  return 'other';
}
function dedupe(configs: object[], obj: { credential: string }) {
  return configs.some((c) => JSON.stringify(c) === JSON.stringify(obj));
}
app.use(async (ctx) => {
  const domains = (process.env.OAUTH2_ALLOWED_TOKEN_DOMAINS ?? '').split(',');
  if (!domains.some((d) => ctx.hostname === d)) ctx.throw(400);
  ctx.body = { kind: validate(ctx.request.body, ctx.query.type), dup: dedupe([], ctx.request.body) };
});
`,
    },
    // Valid because a user id from a cookie is compared with the logged-in user's id, a cookie naming the token's provider with a literal, and an error message with an imported marker (Express, CommonJS).
    {
      code: `
const express = require('express');
const cookies = require('cookie');
const { ViolationTypes } = require('./enums');
const router = express.Router();
const userIdOf = (user) => user?.id?.toString();
router.use((req, res, next) => {
  const parsed = cookies.parse(req.headers.cookie ?? '');
  const provider = parsed.token_provider;
  const reuseUserId = parsed.openid_user_id;
  if (provider === 'openid' && userIdOf(req.user) !== reuseUserId) return res.status(401).end();
  next();
});
router.post('/ask', async (req, res) => {
  try {
    res.json(await ask(req.body.q));
  } catch (error) {
    if (error?.message?.includes(ViolationTypes.TOKEN_BALANCE)) return res.status(402).end();
    res.status(500).end();
  }
});
module.exports = router;
`,
      ...cjs,
    },
  ],
  invalid: [
    // Invalid because the other side of the scrypt output is the client's own value: its length is the client's choice.
    {
      code: `
import express from 'express';
import { scryptSync, timingSafeEqual } from 'node:crypto';
const app = express();
app.post('/verify', (req, res) => {
  const derived = scryptSync(String(req.body.password), 'salt', 64);
  if (!timingSafeEqual(Buffer.from(String(req.headers['x-derived']), 'hex'), derived)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'unguardedTimingSafeEqual', line: 7, column: 8, endLine: 7, endColumn: 86 }],
    },
    // Invalid because the naive Basic Auth fix compares the decoded user and password with ===.
    {
      code: `
import express from 'express';
const app = express();
const USER = process.env.BASIC_USER || 'admin';
const PASS = process.env.BASIC_PASS || 'secret';
app.use((req, res, next) => {
  const [user, pass] = Buffer.from(req.headers.authorization.split(' ')[1], 'base64').toString().split(':');
  if (user === USER && pass === PASS) return next();
  res.status(401).end();
});
`,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
const app = express();
const USER = process.env.BASIC_USER || 'admin';
const PASS = process.env.BASIC_PASS || 'secret';
app.use((req, res, next) => {
  const [user, pass] = Buffer.from(req.headers.authorization.split(' ')[1], 'base64').toString().split(':');
  if ((typeof user === 'string' && typeof USER === 'string' && Buffer.byteLength(user) === Buffer.byteLength(USER) && timingSafeEqual(Buffer.from(user), Buffer.from(USER))) && pass === PASS) return next();
  res.status(401).end();
});
`,
            },
          ],
        },
        {
          messageId: 'unsafeCompare',
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
const app = express();
const USER = process.env.BASIC_USER || 'admin';
const PASS = process.env.BASIC_PASS || 'secret';
app.use((req, res, next) => {
  const [user, pass] = Buffer.from(req.headers.authorization.split(' ')[1], 'base64').toString().split(':');
  if (user === USER && (typeof pass === 'string' && typeof PASS === 'string' && Buffer.byteLength(pass) === Buffer.byteLength(PASS) && timingSafeEqual(Buffer.from(pass), Buffer.from(PASS)))) return next();
  res.status(401).end();
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the Express webhook compares the x-signature header with !==; the namespace import is reused.
    {
      code: `
import express from 'express';
import * as crypto from 'node:crypto';
const app = express();
app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.body).digest('hex');
  if (req.headers['x-signature'] !== expected) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import express from 'express';
import * as crypto from 'node:crypto';
const app = express();
app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.body).digest('hex');
  if (!(typeof req.headers['x-signature'] === 'string' && typeof expected === 'string' && Buffer.byteLength(req.headers['x-signature']) === Buffer.byteLength(expected) && crypto.timingSafeEqual(Buffer.from(req.headers['x-signature']), Buffer.from(expected)))) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the CommonJS webhook compares the digest with ===; the fix requires crypto inline.
    {
      code: `
const express = require('express');
const { createHmac } = require('crypto');
const app = express();
app.post('/webhook', express.raw({ type: '*/*' }), (req, res) => {
  const signature = req.get('x-hub-signature-256');
  const digest = 'sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest('hex');
  if (digest === signature) return res.sendStatus(204);
  res.sendStatus(401);
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
const express = require('express');
const { createHmac } = require('crypto');
const app = express();
app.post('/webhook', express.raw({ type: '*/*' }), (req, res) => {
  const signature = req.get('x-hub-signature-256');
  const digest = 'sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest('hex');
  if ((typeof digest === 'string' && typeof signature === 'string' && Buffer.byteLength(digest) === Buffer.byteLength(signature) && require('node:crypto').timingSafeEqual(Buffer.from(digest), Buffer.from(signature)))) return res.sendStatus(204);
  res.sendStatus(401);
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the Fastify handler compares request.headers['x-signature'] with !==; a named import is added.
    {
      code: `
import Fastify from 'fastify';
import { createHmac } from 'node:crypto';
const fastify = Fastify();
fastify.post('/webhook', async (request, reply) => {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET as string).update(request.rawBody as Buffer).digest('hex');
  if (request.headers['x-signature'] !== expected) return reply.code(401).send();
  return { ok: true };
});
`,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import { createHmac } from 'node:crypto';
const fastify = Fastify();
fastify.post('/webhook', async (request, reply) => {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET as string).update(request.rawBody as Buffer).digest('hex');
  if (!(typeof request.headers['x-signature'] === 'string' && typeof expected === 'string' && Buffer.byteLength(request.headers['x-signature']) === Buffer.byteLength(expected) && timingSafeEqual(Buffer.from(request.headers['x-signature']), Buffer.from(expected)))) return reply.code(401).send();
  return { ok: true };
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the Koa middleware compares ctx.get('x-signature') with !== (CommonJS, default-style require).
    {
      code: `
const Koa = require('koa');
const crypto = require('crypto');
const app = new Koa();
app.use(async (ctx, next) => {
  const expected = crypto.createHmac('sha256', process.env.SIGNING_SECRET).update(ctx.request.rawBody).digest('hex');
  if (ctx.get('x-signature') !== expected) ctx.throw(401);
  await next();
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    // Invalid because Koa's ctx.request.headers signature is destructured and compared with === in TypeScript.
    {
      code: `
import Koa, { type Context } from 'koa';
import { createHmac } from 'node:crypto';
const app = new Koa();
const secret: string = process.env.SIGNING_SECRET ?? '';
app.use(async (ctx: Context, next) => {
  const { 'x-signature': given } = ctx.request.headers;
  const expected = createHmac('sha256', secret).update(ctx.request.rawBody).digest('hex');
  if ((given as string) === expected) return next();
  ctx.status = 401;
});
`,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import Koa, { type Context } from 'koa';
import { createHmac } from 'node:crypto';
const app = new Koa();
const secret: string = process.env.SIGNING_SECRET ?? '';
app.use(async (ctx: Context, next) => {
  const { 'x-signature': given } = ctx.request.headers;
  const expected = createHmac('sha256', secret).update(ctx.request.rawBody).digest('hex');
  if ((typeof (given as string) === 'string' && typeof expected === 'string' && Buffer.byteLength((given as string)) === Buffer.byteLength(expected) && timingSafeEqual(Buffer.from((given as string)), Buffer.from(expected)))) return next();
  ctx.status = 401;
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because an API key header is compared with != against the env key: loose equality gets no rewrite.
    {
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  if (req.headers['x-api-key'] != process.env.API_KEY) return res.sendStatus(401);
  next();
});
`,
      errors: [{ messageId: 'unsafeCompare', line: 5, column: 7, endLine: 5, endColumn: 54, suggestions: [] }],
    },
    // Invalid because a bearer token is compared with a template literal holding the env token.
    {
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const auth = req.headers.authorization;
  if (auth === \`Bearer \${process.env.ADMIN_TOKEN}\`) return next();
  res.sendStatus(401);
});
`,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const auth = req.headers.authorization;
  if ((typeof auth === 'string' && Buffer.byteLength(auth) === Buffer.byteLength(\`Bearer \${process.env.ADMIN_TOKEN}\`) && timingSafeEqual(Buffer.from(auth), Buffer.from(\`Bearer \${process.env.ADMIN_TOKEN}\`)))) return next();
  res.sendStatus(401);
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the basic-auth package's password is compared with !==.
    {
      code: `
const express = require('express');
const auth = require('basic-auth');
const app = express();
app.use((req, res, next) => {
  const credentials = auth(req);
  if (!credentials || credentials.pass !== process.env.ADMIN_PASSWORD) return res.sendStatus(401);
  next();
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
const express = require('express');
const auth = require('basic-auth');
const app = express();
app.use((req, res, next) => {
  const credentials = auth(req);
  if (!credentials || !(typeof credentials.pass === 'string' && typeof process.env.ADMIN_PASSWORD === 'string' && Buffer.byteLength(credentials.pass) === Buffer.byteLength(process.env.ADMIN_PASSWORD) && require('node:crypto').timingSafeEqual(Buffer.from(credentials.pass), Buffer.from(process.env.ADMIN_PASSWORD)))) return res.sendStatus(401);
  next();
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the express-basic-auth authorizer compares the password with the env secret by ===.
    {
      code: `
const express = require('express');
const basicAuth = require('express-basic-auth');
const app = express();
app.use(basicAuth({ authorizer: (user, pass) => user === 'admin' && pass === process.env.ADMIN_PASS }));
`,
      ...cjs,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 5,
          column: 69,
          endLine: 5,
          endColumn: 100,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
const express = require('express');
const basicAuth = require('express-basic-auth');
const app = express();
app.use(basicAuth({ authorizer: (user, pass) => user === 'admin' && (typeof pass === 'string' && typeof process.env.ADMIN_PASS === 'string' && Buffer.byteLength(pass) === Buffer.byteLength(process.env.ADMIN_PASS) && require('node:crypto').timingSafeEqual(Buffer.from(pass), Buffer.from(process.env.ADMIN_PASS))) }));
`,
            },
          ],
        },
      ],
    },
    // Invalid because Buffer#equals and Buffer.compare stop at the first differing byte.
    {
      code: `
import Fastify from 'fastify';
import crypto from 'crypto';
const fastify = Fastify();
fastify.post('/hook', async (request, reply) => {
  const expected = crypto.createHmac('sha256', process.env.HOOK_SECRET as string).update(request.rawBody as Buffer).digest();
  const given = Buffer.from(String(request.headers['stripe-signature']), 'hex');
  if (!given.equals(expected)) return reply.code(401).send();
  if (Buffer.compare(given, expected) !== 0) return reply.code(401).send();
  return { ok: true };
});
`,
      errors: [
        { messageId: 'unsafeCompare', line: 8, column: 8, endLine: 8, endColumn: 30, suggestions: [] },
        { messageId: 'unsafeCompare', line: 9, column: 7, endLine: 9, endColumn: 38, suggestions: [] },
      ],
    },
    // Invalid because timingSafeEqual runs on inputs of unchecked length: a short signature throws a RangeError.
    {
      code: `
import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
const fastify = Fastify();
fastify.post('/hook', async (request, reply) => {
  const items = (request.body as { items: string[] }).items;
  if (items.length > 100) return reply.code(413).send();
  const expected = createHmac('sha256', process.env.HOOK_SECRET as string).update(request.rawBody as Buffer).digest('hex');
  if (!timingSafeEqual(Buffer.from(String(request.headers['x-signature'])), Buffer.from(expected))) {
    return reply.code(401).send();
  }
  return { ok: true };
});
`,
      errors: [{ messageId: 'unguardedTimingSafeEqual', line: 9, column: 8, endLine: 9, endColumn: 99 }],
    },
    // Invalid because localeCompare, endsWith and includes compare the secret character by character.
    {
      code: `
import express from 'express';
const app = express();
const allowed = (process.env.API_KEYS ?? '').split(',');
app.use((req, res, next) => {
  const key = String(req.headers['x-api-key']);
  if (key.localeCompare(process.env.MASTER_KEY ?? '') === 0) return next();
  if (String(req.headers.authorization).endsWith(process.env.SERVICE_TOKEN ?? '')) return next();
  if (allowed.includes(key)) return next();
  res.sendStatus(401);
});
`,
      errors: [
        { messageId: 'unsafeCompare', line: 7, column: 7, endLine: 7, endColumn: 54, suggestions: [] },
        { messageId: 'unsafeCompare', line: 8, column: 7, endLine: 8, endColumn: 82, suggestions: [] },
        { messageId: 'unsafeCompare', line: 9, column: 7, endLine: 9, endColumn: 28, suggestions: [] },
      ],
    },
    // Invalid because the same-file helper compares the header with the digest it computed.
    {
      code: `
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
function verify(signature: string | undefined, body: Buffer): boolean {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');
  return signature === expected;
}
app.post('/hook', express.raw({ type: 'application/json' }), (req, res) => {
  if (!verify(req.get('x-signature'), req.body)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { createHmac } from 'node:crypto';
const app = express();
function verify(signature: string | undefined, body: Buffer): boolean {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');
  return (typeof signature === 'string' && typeof expected === 'string' && Buffer.byteLength(signature) === Buffer.byteLength(expected) && timingSafeEqual(Buffer.from(signature), Buffer.from(expected)));
}
app.post('/hook', express.raw({ type: 'application/json' }), (req, res) => {
  if (!verify(req.get('x-signature'), req.body)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the Hono route compares c.req.header('x-signature') with !==.
    {
      code: `
import { Hono } from 'hono';
import { createHmac } from 'node:crypto';
const app = new Hono();
app.post('/hook', async (c) => {
  const expected = createHmac('sha256', process.env.HOOK_SECRET!).update(await c.req.text()).digest('hex');
  if (c.req.header('x-signature') !== expected) return c.text('bad signature', 401);
  return c.text('ok');
});
`,
      errors: [{ messageId: 'unsafeCompare', line: 7, column: 7, endLine: 7, endColumn: 47, suggestions: [] }],
    },
    // Invalid because the Next.js route handler compares the svix-signature header with ===.
    {
      code: `
import { createHmac } from 'node:crypto';
export async function POST(request: Request) {
  const raw = await request.text();
  const sig = request.headers.get('svix-signature');
  const expected = createHmac('sha256', process.env.SVIX_SECRET!).update(raw).digest('base64');
  if (sig === expected) return Response.json({ ok: true });
  return new Response('bad signature', { status: 401 });
}
`,
      filename: 'app/api/hook/route.ts',
      errors: [
        {
          messageId: 'unsafeCompare',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: `
import { timingSafeEqual } from 'node:crypto';
import { createHmac } from 'node:crypto';
export async function POST(request: Request) {
  const raw = await request.text();
  const sig = request.headers.get('svix-signature');
  const expected = createHmac('sha256', process.env.SVIX_SECRET!).update(raw).digest('base64');
  if ((typeof sig === 'string' && typeof expected === 'string' && Buffer.byteLength(sig) === Buffer.byteLength(expected) && timingSafeEqual(Buffer.from(sig), Buffer.from(expected)))) return Response.json({ ok: true });
  return new Response('bad signature', { status: 401 });
}
`,
            },
          ],
        },
      ],
    },
    // Invalid because a hard-coded password constant is still a password compared by timing.
    {
      code: `
import express from 'express';
const app = express();
const ADMIN_PASSWORD = 'hunter2';
app.use((req, res, next) => {
  const [, pass] = Buffer.from(String(req.headers.authorization).split(' ')[1] ?? '', 'base64').toString().split(':');
  return pass == ADMIN_PASSWORD ? next() : res.sendStatus(401);
});
`,
      errors: [{ messageId: 'unsafeCompare', line: 7, column: 10, endLine: 7, endColumn: 32, suggestions: [] }],
    },
    {
      // Invalid because the length mismatch is only logged: the unequal lengths still reach timingSafeEqual.
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  const given = Buffer.from(String(req.headers['x-signature']));
  const expected = Buffer.from(crypto.createHmac('sha256', process.env.HOOK_SECRET!).update(req.body).digest('hex'));
  if (given.length !== expected.length) {
    console.warn('signature length mismatch');
  }
  if (!crypto.timingSafeEqual(given, expected)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'unguardedTimingSafeEqual', line: 11, column: 8, endLine: 11, endColumn: 47 }],
    },
    {
      // Invalid because the lengths are only checked in one branch; the other reaches timingSafeEqual unchecked (Fastify).
      code: `
import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
const fastify = Fastify();
fastify.post('/hook', async (request, reply) => {
  const given = Buffer.from(String(request.headers['x-signature']));
  const expected = Buffer.from(createHmac('sha256', process.env.HOOK_SECRET as string).update(request.rawBody as Buffer).digest('hex'));
  if (request.query.strict) {
    if (given.length !== expected.length) return reply.code(401).send();
  }
  if (!timingSafeEqual(given, expected)) return reply.code(401).send();
  return { ok: true };
});
`,
      errors: [{ messageId: 'unguardedTimingSafeEqual', line: 11, column: 8, endLine: 11, endColumn: 40 }],
    },
    {
      // Invalid because setting ctx.status does not end the Koa middleware: unequal lengths go on to timingSafeEqual.
      code: `
import Koa from 'koa';
import crypto from 'node:crypto';
const app = new Koa();
app.use(async (ctx) => {
  const given = Buffer.from(ctx.get('x-signature'));
  const expected = Buffer.from(crypto.createHmac('sha256', process.env.HOOK_SECRET!).update(ctx.request.rawBody).digest('hex'));
  if (given.length !== expected.length) {
    ctx.status = 401;
  }
  if (!crypto.timingSafeEqual(given, expected)) ctx.throw(401);
  ctx.body = { ok: true };
});
`,
      errors: [{ messageId: 'unguardedTimingSafeEqual', line: 11, column: 8, endLine: 11, endColumn: 47 }],
    },
    {
      // Invalid because a minimum-length check does not make the lengths equal: a longer signature still throws.
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  const given = Buffer.from(String(req.headers['x-signature']));
  const expected = Buffer.from(crypto.createHmac('sha256', process.env.HOOK_SECRET!).update(req.body).digest('hex'));
  if (given.length < expected.length) return res.sendStatus(401);
  if (!crypto.timingSafeEqual(given, expected)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'unguardedTimingSafeEqual', line: 9, column: 8, endLine: 9, endColumn: 47 }],
    },
    // Invalid because the key from the Authorization header is compared with the admin key from config, in a Koa middleware module that imports no framework.
    {
      code: `
import config from '../config';
export const authHandler = async (ctx: any, next: any) => {
  const authorization = ctx.header.authorization || '';
  const apiKey = authorization.length > 20 ? authorization.substring(7) : null;
  if (!apiKey) ctx.throw(401);
  if (apiKey === config.admin_api_key) ctx.state.admin = true;
  await next();
};
`,
      errors: [
        {
          messageId: 'unsafeCompare', line: 7, column: 7, endLine: 7, endColumn: 38,
          suggestions: [
            { messageId: 'useTimingSafeEqual', output: `
import { timingSafeEqual } from 'node:crypto';
import config from '../config';
export const authHandler = async (ctx: any, next: any) => {
  const authorization = ctx.header.authorization || '';
  const apiKey = authorization.length > 20 ? authorization.substring(7) : null;
  if (!apiKey) ctx.throw(401);
  if ((typeof apiKey === 'string' && typeof config.admin_api_key === 'string' && Buffer.byteLength(apiKey) === Buffer.byteLength(config.admin_api_key) && timingSafeEqual(Buffer.from(apiKey), Buffer.from(config.admin_api_key)))) ctx.state.admin = true;
  await next();
};
` },
          ],
        },
      ],
    },
    // Invalid because a reset token stored on the user record is compared with the one the client sent (Express).
    {
      code: `
import express from 'express';
const app = express();
app.post('/reset', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || user.resetToken !== req.body.token) return res.status(400).end();
  res.json({ ok: true });
});
`,
      errors: [
        {
          messageId: 'unsafeCompare', line: 6, column: 16, endLine: 6, endColumn: 50,
          suggestions: [
            { messageId: 'useTimingSafeEqual', output: `
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
const app = express();
app.post('/reset', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(typeof user.resetToken === 'string' && typeof req.body.token === 'string' && Buffer.byteLength(user.resetToken) === Buffer.byteLength(req.body.token) && timingSafeEqual(Buffer.from(user.resetToken), Buffer.from(req.body.token)))) return res.status(400).end();
  res.json({ ok: true });
});
` },
          ],
        },
      ],
    },
    // Invalid because the client's API key header is compared with a key read from the database (Fastify).
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.addHook('onRequest', async (request, reply) => {
  const stored = await db.apiKeys.findOne({ tenant: request.params.tenant });
  if (request.headers['x-api-key'] !== stored.value) return reply.code(401).send();
});
`,
      errors: [
        {
          messageId: 'unsafeCompare', line: 6, column: 7, endLine: 6, endColumn: 52,
          suggestions: [
            { messageId: 'useTimingSafeEqual', output: `
import { timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
const fastify = Fastify();
fastify.addHook('onRequest', async (request, reply) => {
  const stored = await db.apiKeys.findOne({ tenant: request.params.tenant });
  if (!(typeof request.headers['x-api-key'] === 'string' && typeof stored.value === 'string' && Buffer.byteLength(request.headers['x-api-key']) === Buffer.byteLength(stored.value) && timingSafeEqual(Buffer.from(request.headers['x-api-key']), Buffer.from(stored.value)))) return reply.code(401).send();
});
` },
          ],
        },
      ],
    },
    // Invalid because an e-mail confirmation token stored on the user is a secret of its own, compared with the one the client sent (Express).
    {
      code: `
import express from 'express';
const app = express();
app.get('/confirm-email', async (req, res) => {
  const user = await User.findOne({ email: req.query.email });
  if (!user || user.confirmationToken !== req.query.token) return res.status(400).end();
  res.json({ confirmed: true });
});
`,
      errors: [
        {
          messageId: 'unsafeCompare', line: 6, column: 16, endLine: 6, endColumn: 58,
          suggestions: [
            { messageId: 'useTimingSafeEqual', output: `
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
const app = express();
app.get('/confirm-email', async (req, res) => {
  const user = await User.findOne({ email: req.query.email });
  if (!user || !(typeof user.confirmationToken === 'string' && typeof req.query.token === 'string' && Buffer.byteLength(user.confirmationToken) === Buffer.byteLength(req.query.token) && timingSafeEqual(Buffer.from(user.confirmationToken), Buffer.from(req.query.token)))) return res.status(400).end();
  res.json({ confirmed: true });
});
` },
          ],
        },
      ],
    },
  ],
});
