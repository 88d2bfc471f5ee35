import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, resolveFunction } from '../../src/ast.js';
import type { FunctionNode, Middleware, Node } from '../../src/types.js';
import { isAuthLikeName } from '../../src/auth/known.js';
import { textOf, withModel, type ModelOptions } from '../helpers.js';

/**
 * For every call whose callee reads `callee` (e.g. 'app.post'), the auth verdict of each argument that is not a path
 * string, built into a Middleware by hand (the framework adapters are not needed): its `how`, or null.
 */
function mwAuth(code: string, callee: string, options: ModelOptions = {}): (string | null)[] {
  return withModel(
    code,
    (m) => {
      const out: (string | null)[] = [];
      for (const call of m.file.index.calls) {
        if (textOf(code, call.callee) !== callee) continue;
        for (const arg of call.arguments) {
          if (arg.type === 'Literal' || arg.type === 'SpreadElement') continue;
          const mw: Middleware = { node: arg, fn: resolveFunction(m.file.sourceCode, arg), scope: 'route' };
          out.push(m.authOfMiddleware(mw)?.how ?? null);
        }
      }
      return out;
    },
    options,
  );
}

/** The guard before the first call whose callee reads `target`, inside the outermost function around it. */
function guard(code: string, target: string, options: ModelOptions = {}): string | null {
  return withModel(
    code,
    (m) => {
      const call = m.file.index.calls.find((c) => textOf(code, c.callee) === target);
      if (!call) throw new Error(`no call to ${target}`);
      let fn: FunctionNode | undefined;
      for (let n: Node | undefined = call; n; n = n.parent) if (isFunction(n)) fn = n;
      if (!fn) throw new Error('target is not in a function');
      return m.authGuardBefore(fn, call as TSESTree.CallExpression)?.how ?? null;
    },
    options,
  );
}

const cjs = { sourceType: 'commonjs' } as const;

describe('known auth packages', () => {
  it('express-basic-auth: ESM default, CJS, and a variable bound to the call', () => {
    const esm = `
      import basicAuth from 'express-basic-auth';
      const guard = basicAuth({ users: { admin: process.env.PASS } });
      app.post('/a', basicAuth({ users: {} }), h);
      app.post('/b', guard, h);
    `;
    expect(mwAuth(esm, 'app.post')).toEqual(['package', null, 'package', null]);
    const c = `const ba = require('express-basic-auth'); app.use(ba({ users: {} }));`;
    expect(mwAuth(c, 'app.use', cjs)).toEqual(['package']);
  });

  it('passport.authenticate, but not initialize/session or the anonymous strategy', () => {
    const esm = `
      import passport from 'passport';
      app.use(passport.initialize(), passport.session());
      app.post('/chat', passport.authenticate('jwt', { session: false }), passport.authenticate('anonymous'));
    `;
    expect(mwAuth(esm, 'app.use')).toEqual([null, null]);
    expect(mwAuth(esm, 'app.post')).toEqual(['package', null]);
    const c = `const { authenticate } = require('passport'); app.post('/x', authenticate('bearer'));`;
    expect(mwAuth(c, 'app.post', cjs)).toEqual(['package']);
  });

  it('express-jwt: expressjwt(), the legacy default call, and .unless()', () => {
    const esm = `
      import { expressjwt as ej } from 'express-jwt';
      app.use(ej({ secret: 's', algorithms: ['HS256'] }).unless({ path: ['/health'] }));
    `;
    expect(mwAuth(esm, 'app.use')).toEqual(['package']);
    const legacy = `const jwt = require('express-jwt'); app.use(jwt({ secret: 's' }));`;
    expect(mwAuth(legacy, 'app.use', cjs)).toEqual(['package']);
  });

  it('express-openid-connect: requiresAuth(), auth() unless authRequired is false', () => {
    const esm = `
      import { auth, requiresAuth } from 'express-openid-connect';
      const off = { authRequired: false };
      app.use(auth({ authRequired: false }), auth(off), auth({ issuerBaseURL: 'x' }), requiresAuth());
    `;
    expect(mwAuth(esm, 'app.use')).toEqual([null, null, 'package', 'package']);
    const c = `const eoc = require('express-openid-connect'); app.use(eoc.requiresAuth());`;
    expect(mwAuth(c, 'app.use', cjs)).toEqual(['package']);
  });

  it('@clerk/express: requireAuth() enforces, clerkMiddleware() alone does not', () => {
    const esm = `import { clerkMiddleware, requireAuth } from '@clerk/express'; app.use(clerkMiddleware(), requireAuth());`;
    expect(mwAuth(esm, 'app.use')).toEqual([null, 'package']);
    const c = `const clerk = require('@clerk/express'); app.use(clerk.requireAuth());`;
    expect(mwAuth(c, 'app.use', cjs)).toEqual(['package']);
  });

  it('koa-basic-auth and koa-jwt (ESM and CJS)', () => {
    const esm = `
      import kba from 'koa-basic-auth';
      import koaJwt from 'koa-jwt';
      app.use(kba({ name: 'a', pass: 'b' }));
      router.post('/chat', koaJwt({ secret: 's' }), h);
    `;
    expect(mwAuth(esm, 'app.use')).toEqual(['package']);
    expect(mwAuth(esm, 'router.post')).toEqual(['package', null]);
    const c = `const auth = require('koa-basic-auth'); const jwt = require('koa-jwt'); app.use(auth({})); app.use(jwt({ secret: 's' }));`;
    expect(mwAuth(c, 'app.use', cjs)).toEqual(['package', 'package']);
  });

  it('hono basicAuth, jwt and bearerAuth', () => {
    const code = `
      import { basicAuth } from 'hono/basic-auth';
      import { jwt as honoJwt } from 'hono/jwt';
      import * as bearer from 'hono/bearer-auth';
      app.use('/api/*', basicAuth({ username: 'u', password: 'p' }), honoJwt({ secret: 's' }), bearer.bearerAuth({ token: 't' }));
    `;
    expect(mwAuth(code, 'app.use')).toEqual(['package', 'package', 'package']);
    const c = `const { bearerAuth } = require('hono/bearer-auth'); app.use(bearerAuth({ token: 't' }));`;
    expect(mwAuth(c, 'app.use', cjs)).toEqual(['package']);
  });

  it('a wrapper that builds auth middleware per request and forwards its own arguments', () => {
    const hono = `
      import { bearerAuth } from 'hono/bearer-auth';
      app.use('/api/*', async (c, next) => bearerAuth({ token: c.env.API_TOKEN })(c, next));
      app.use('/b/*', async (c: Context, next: Next) => {
        const auth = bearerAuth({ token: c.env.API_TOKEN });
        return auth(c, next);
      });
    `;
    expect(mwAuth(hono, 'app.use')).toEqual(['package', 'package']);
    const express = `
      const basicAuth = require('express-basic-auth');
      function withAuth(req, res, next) {
        if (!process.env.PASS) return res.status(500).end();
        basicAuth({ users: { admin: process.env.PASS } })(req, res, next);
      }
      app.post('/a', (req, res, next) => basicAuth({ users: {} })(req, res, next), h);
      app.post('/b', withAuth, h);
    `;
    expect(mwAuth(express, 'app.post', cjs)).toEqual(['package', null, 'package', null]);
  });

  it('not a wrapper: a rate limiter, or a skip branch that calls next', () => {
    const code = `
      import rateLimit from 'express-rate-limit';
      import basicAuth from 'express-basic-auth';
      app.post('/a', (req, res, next) => rateLimit({ max: 5 })(req, res, next), h);
      app.post('/b', (req, res, next) => {
        if (req.path === '/public') return next();
        return basicAuth({ users: {} })(req, res, next);
      }, h);
      app.post('/c', (req, res, next) => {
        const auth = basicAuth({ users: {} });
        if (req.query.debug) next(); else auth(req, res, next);
      }, h);
    `;
    expect(mwAuth(code, 'app.post')).toEqual([null, null, null, null, null, null]);
  });

  it('@fastify/basic-auth: fastify.basicAuth used as a hook once the plugin is imported', () => {
    const esm = `
      import fastifyBasicAuth from '@fastify/basic-auth';
      await fastify.register(fastifyBasicAuth, { validate, authenticate: true });
      fastify.addHook('onRequest', fastify.basicAuth);
    `;
    expect(mwAuth(esm, 'fastify.addHook')).toEqual(['package']);
    // Registering the plugin alone only decorates the instance.
    expect(mwAuth(esm, 'fastify.register')).toEqual([null, null]);
    const c = `fastify.register(require('@fastify/basic-auth'), { validate }); fastify.addHook('preHandler', fastify.basicAuth);`;
    expect(mwAuth(c, 'fastify.addHook', cjs)).toEqual(['package']);
  });

  it('@fastify/jwt: a decorated function that awaits request.jwtVerify()', () => {
    const code = `
      import fjwt from '@fastify/jwt';
      fastify.register(fjwt, { secret: process.env.JWT_SECRET });
      fastify.decorate('authenticate', async function (request, reply) {
        try { await request.jwtVerify(); } catch (err) { reply.send(err); }
      });
      fastify.decorate('lenient', async (request) => { try { await request.jwtVerify(); } catch {} });
      fastify.post('/chat', { onRequest: [fastify.authenticate] }, h);
      fastify.post('/open', { onRequest: [fastify.lenient] }, h);
    `;
    expect(
      withModel(code, (m) =>
        m.file.index.calls
          .filter((c) => textOf(code, c.callee) === 'fastify.post')
          .map((c) => {
            const opts = c.arguments[1] as TSESTree.ObjectExpression;
            const arr = (opts.properties[0] as TSESTree.Property).value as TSESTree.ArrayExpression;
            return m.authOfMiddleware({ node: arr.elements[0]!, fn: undefined, scope: 'hook', hook: 'onRequest' })?.how ?? null;
          }),
      ),
    ).toEqual(['behaviour', null]);
  });

  it('@fastify/auth: counts when a listed function is auth, unknown members by name', () => {
    const code = `
      import fastifyAuth from '@fastify/auth';
      fastify.decorate('verifyKey', async (request, reply) => {
        if (request.headers['x-api-key'] !== process.env.KEY) return reply.code(401).send();
      });
      fastify.decorate('logIt', async (request) => { request.log.info('x'); });
      fastify.register(fastifyAuth);
      fastify.addHook('preHandler', fastify.auth([fastify.verifyKey]));
      fastify.addHook('preHandler', fastify.auth([fastify.verifyJWT]));
      fastify.addHook('preHandler', fastify.auth([fastify.logIt]));
    `;
    expect(mwAuth(code, 'fastify.addHook')).toEqual(['package', 'name', null]);
  });

  it('webhook middleware: Slack ExpressReceiver, LINE middleware, Octokit createNodeMiddleware', () => {
    const esm = `
      import { ExpressReceiver } from '@slack/bolt';
      import { middleware as lineMiddleware } from '@line/bot-sdk';
      import { Webhooks, createNodeMiddleware } from '@octokit/webhooks';
      const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET });
      const unsigned = new ExpressReceiver({ signingSecret: 'x', signatureVerification: false });
      const webhooks = new Webhooks({ secret: process.env.GH_SECRET });
      app.use('/slack', receiver.router);
      app.use('/slack2', unsigned.router);
      app.post('/line', lineMiddleware({ channelSecret: process.env.LINE_SECRET }), h);
      app.use(createNodeMiddleware(webhooks));
    `;
    expect(mwAuth(esm, 'app.use')).toEqual(['webhook', null, 'webhook']);
    expect(mwAuth(esm, 'app.post')).toEqual(['webhook', null]);
    const c = `
      const line = require('@line/bot-sdk');
      const { ExpressReceiver } = require('@slack/bolt');
      const r = new ExpressReceiver({ signingSecret: process.env.S });
      app.post('/line', line.middleware({ channelSecret: 's' }), h);
      app.use(r.app);
    `;
    expect(mwAuth(c, 'app.post', cjs)).toEqual(['webhook', null]);
    expect(mwAuth(c, 'app.use', cjs)).toEqual(['webhook']);
  });
});

describe('middleware that is not auth, whatever its name', () => {
  it('rate limiters, cors, helmet, parsers, loggers, sessions (ESM)', () => {
    const code = `
      import rateLimit from 'express-rate-limit';
      import cors from 'cors';
      import helmet from 'helmet';
      import express from 'express';
      import morgan from 'morgan';
      import session from 'express-session';
      import cookieParser from 'cookie-parser';
      const authLimiter = rateLimit({ windowMs: 60000, max: 5 });
      const auth = rateLimit({ max: 10 });
      app.use(authLimiter, auth, cors(), helmet(), express.json(), express.raw({ type: '*/*' }), morgan('dev'), session({ secret: 's' }), cookieParser());
    `;
    expect(mwAuth(code, 'app.use')).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  it('rate limiters and parsers (CJS, destructured)', () => {
    const code = `
      const { rateLimit } = require('express-rate-limit');
      const bodyParser = require('body-parser');
      const koaBody = require('koa-body');
      const requireAuth = rateLimit({ max: 1 });
      app.use(requireAuth, bodyParser.json(), bodyParser.urlencoded({ extended: true }), koaBody());
    `;
    expect(mwAuth(code, 'app.use', cjs)).toEqual([null, null, null, null]);
  });
});

describe('hand-written middleware (behaviour)', () => {
  it('passes: authorization header check with 401, session check with 403, conditional next', () => {
    const code = `
      function requireBearer(req, res, next) {
        const token = req.headers.authorization?.split(' ')[1];
        if (!token) return res.status(401).json({ error: 'unauthorized' });
        next();
      }
      const requireSession = (req, res, next) => {
        if (!req.session.userId) { res.sendStatus(403); return; }
        next();
      };
      const apiKey = (req, res, next) => {
        if (req.get('x-api-key') === process.env.API_KEY) next();
        else res.end('nope');
      };
      app.post('/a', requireBearer, requireSession, apiKey, (req, res) => res.json({}));
    `;
    expect(mwAuth(code, 'app.post')).toEqual(['behaviour', 'behaviour', 'behaviour', null]);
  });

  it('passes: Koa ctx.throw and Hono c.json(x, 401), Next-style Response with status', () => {
    const code = `
      app.use(async (ctx, next) => {
        if (!ctx.get('Authorization')) ctx.throw(401, 'no');
        await next();
      });
      app.use(async (c, next) => {
        const key = c.req.header('x-api-key');
        if (key !== process.env.KEY) return c.json({ error: 'unauthorized' }, 401);
        await next();
      });
      app.use(async (request) => {
        if (!request.headers.get('authorization')) return new Response('no', { status: 401 });
      });
    `;
    expect(mwAuth(code, 'app.use')).toEqual(['behaviour', 'behaviour', 'behaviour']);
  });

  it('passes through a same-file helper that reads the credential', () => {
    const code = `
      function isAuthorized(req) { return req.headers['authorization'] === 'Bearer ' + process.env.TOKEN; }
      function guard(req, res, next) { if (!isAuthorized(req)) return res.status(403).end(); return next(); }
      app.use(guard);
    `;
    expect(mwAuth(code, 'app.use')).toEqual(['behaviour']);
  });

  it('does not pass: logs and calls next, checks only content-type, a no-op named requireAuth', () => {
    const code = `
      const logRequests = (req, res, next) => { console.log(req.method, req.headers.authorization); next(); };
      const jsonOnly = (req, res, next) => {
        if (req.headers['content-type'] !== 'application/json') return res.status(415).end();
        next();
      };
      function requireAuth(req, res, next) { next(); }
      const preflight = (req, res, next) => {
        if (req.method === 'OPTIONS') return res.sendStatus(204);
        console.log(req.headers.authorization);
        next();
      };
      const attachUser = (req, res, next) => { req.user = decode(req.headers.authorization); next(); };
      app.use(logRequests, jsonOnly, requireAuth, attachUser, preflight);
    `;
    expect(mwAuth(code, 'app.use')).toEqual([null, null, null, null, null]);
  });

  it('hand-written HMAC check in the same file (webhook), also through a throwing helper', () => {
    const code = `
      import crypto from 'node:crypto';
      function verifyGithub(req, res, next) {
        const sig = req.get('x-hub-signature-256') || '';
        const digest = 'sha256=' + crypto.createHmac('sha256', process.env.SECRET).update(req.rawBody).digest('hex');
        if (sig.length !== digest.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(digest))) {
          return res.status(400).send('bad signature');
        }
        next();
      }
      function assertSigned(req) {
        const expected = crypto.createHmac('sha256', process.env.SECRET).update(req.rawBody).digest('hex');
        if (expected !== req.headers['stripe-signature']) throw new Error('bad signature');
      }
      app.post('/gh', verifyGithub, h);
      app.post('/st', (req, res, next) => { assertSigned(req); next(); }, h);
    `;
    expect(mwAuth(code, 'app.post')).toEqual(['webhook', null, 'webhook', null]);
  });

  it('Stripe constructEvent and svix verify inside middleware (CJS)', () => {
    const code = `
      const Stripe = require('stripe');
      const { Webhook } = require('svix');
      const stripe = new Stripe(process.env.STRIPE_KEY);
      const wh = new Webhook(process.env.SVIX_SECRET);
      function stripeHook(req, res, next) {
        req.event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.WHSEC);
        next();
      }
      function svixHook(req, res, next) {
        try { wh.verify(req.body, req.headers); } catch (e) { return res.status(400).end(); }
        next();
      }
      function swallowing(req, res, next) {
        try { wh.verify(req.body, req.headers); } catch (e) { console.warn(e); }
        next();
      }
      app.use(stripeHook, svixHook, swallowing);
    `;
    expect(mwAuth(code, 'app.use', cjs)).toEqual(['webhook', 'webhook', null]);
  });
});

describe('settings and the name heuristic', () => {
  it('settings names match identifiers, member chains and callees', () => {
    const code = `
      import { requireUser } from './users.js';
      import auth from './auth.js';
      app.post('/a', requireUser, auth.required(), auth.optional(), h);
    `;
    const settings = { 'llm-leak': { authMiddleware: ['requireUser', 'auth.required'] } };
    expect(mwAuth(code, 'app.post', { settings })).toEqual(['settings', 'settings', 'name', null]);
  });

  it('an imported middleware counts by name only when its code is not visible', () => {
    const code = `
      import { requireAuth, authLimiter, timing } from './middleware/index.js';
      const { verifySignature } = require('./webhooks');
      app.post('/a', requireAuth, authLimiter, timing, verifySignature, h);
    `;
    expect(mwAuth(code, 'app.post')).toEqual(['name', null, null, 'name', null]);
  });

  it('the name word lists', () => {
    expect(['requireAuth', 'ensureLoggedIn', 'isAuthenticated', 'verifyJWT', 'apiKeyGuard', 'sessionGuard', 'fastify.authenticate', 'checkApiKey', 'requireUser'].every(isAuthLikeName)).toBe(true);
    expect(['authLimiter', 'authorRouter', 'sessionMiddleware', 'cors', 'requestLogger', 'csrfToken', 'timing'].some(isAuthLikeName)).toBe(false);
  });
});

describe('guardBefore', () => {
  it('an early 401 on the authorization header, directly and through a local', () => {
    const code = `
      app.post('/chat', async (req, res) => {
        const token = req.headers.authorization;
        if (!token || token !== 'Bearer ' + process.env.TOKEN) {
          return res.status(401).json({ error: 'unauthorized' });
        }
        const out = await openai.chat.completions.create({ model: 'x', messages: [] });
        res.json({ text: out.choices[0].message.content });
      });
    `;
    expect(guard(code, 'openai.chat.completions.create')).toBe('behaviour');
  });

  it('a same-file helper in the test, and a user from a helper', () => {
    const code = `
      function isAuthorized(req) { return req.get('x-api-key') === process.env.KEY; }
      async function getUser(req) { return db.find(req.cookies.sid); }
      app.post('/a', async (req, res) => {
        if (!isAuthorized(req)) return res.sendStatus(403);
        await llm(req.body);
      });
      app.post('/b', async (req, res) => {
        const user = await getUser(req);
        if (!user) throw new Error('unauthorized');
        await llm2(req.body);
      });
    `;
    expect(guard(code, 'llm')).toBe('behaviour');
    expect(guard(code, 'llm2')).toBe('behaviour');
  });

  it('Next.js: session getter then a 401 Response; imported helper by name', () => {
    const code = `
      import { getServerSession } from 'next-auth';
      import { NextResponse } from 'next/server';
      import { currentUser } from '@/lib/auth';
      export async function POST(request) {
        const session = await getServerSession(authOptions);
        if (!session) return NextResponse.json({ error: 'no' }, { status: 401 });
        return NextResponse.json(await generateText({ prompt: 'x' }));
      }
      export async function PUT(request) {
        const user = await currentUser();
        if (!user) return new Response('no', { status: 403 });
        return Response.json(await generateObject({}));
      }
    `;
    expect(guard(code, 'generateText')).toBe('behaviour');
    expect(guard(code, 'generateObject')).toBe('name');
  });

  it('Next.js headers() from next/headers', () => {
    const code = `
      import { headers } from 'next/headers';
      export async function POST() {
        const h = await headers();
        if (h.get('x-api-key') !== process.env.KEY) return Response.json({ error: 'no' }, { status: 401 });
        return Response.json(await streamText({}));
      }
      export async function GET() {
        const h = await headers();
        if (h.get('accept') !== 'text/plain') return Response.json({ error: 'no' }, { status: 401 });
        return Response.json(await generateText({}));
      }
    `;
    expect(guard(code, 'streamText')).toBe('behaviour');
    expect(guard(code, 'generateText')).toBeNull();
  });

  it('throwing verifiers: Stripe in a try/catch that refuses, jwtVerify, a throwing helper', () => {
    const code = `
      import Stripe from 'stripe';
      import crypto from 'crypto';
      const stripe = new Stripe(process.env.K);
      app.post('/stripe', async (req, res) => {
        let event;
        try {
          event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.WHSEC);
        } catch (err) {
          return res.status(400).send('bad');
        }
        await summarize(event);
      });
      fastify.post('/f', async (request, reply) => {
        await request.jwtVerify();
        return ask(request.body);
      });
      function verifySlack(req) {
        const mac = crypto.createHmac('sha256', process.env.S).update(req.rawBody).digest('hex');
        if (mac !== req.headers['x-slack-signature']) throw new Error('bad signature');
      }
      app.post('/slack', async (req, res) => { verifySlack(req); await reply(req.body); });
    `;
    expect(guard(code, 'summarize')).toBe('webhook');
    expect(guard(code, 'ask')).toBe('behaviour');
    expect(guard(code, 'reply')).toBe('webhook');
  });

  it('Koa and Hono inline checks; if/else with the call in the authorised branch', () => {
    const code = `
      router.post('/k', async (ctx) => {
        if (!ctx.state.user) ctx.throw(401);
        ctx.body = await callKoa(ctx.request.body);
      });
      app.post('/h', async (c) => {
        if (c.req.header('authorization') !== 'Bearer ' + c.env.TOKEN) return c.text('no', 401);
        return c.json(await callHono());
      });
      app.post('/e', async (req, res) => {
        if (req.session.user) { res.json(await callElse()); } else { return res.redirect('/login'); }
      });
    `;
    expect(guard(code, 'callKoa')).toBe('behaviour');
    expect(guard(code, 'callHono')).toBe('behaviour');
    expect(guard(code, 'callElse')).toBe('behaviour');
  });

  it('does not count: a check after the call, on one branch only, that does not exit, or in a callback', () => {
    const code = `
      app.post('/after', async (req, res) => {
        const out = await after(req.body);
        if (!req.headers.authorization) return res.sendStatus(401);
        res.json(out);
      });
      app.post('/branch', async (req, res) => {
        if (req.body.admin) {
          if (!req.headers.authorization) return res.sendStatus(401);
        }
        await branch(req.body);
      });
      app.post('/noexit', async (req, res) => {
        if (!req.headers.authorization) { res.status(401); }
        await noexit(req.body);
      });
      app.post('/callback', async (req, res) => {
        setImmediate(() => { if (!req.session.user) return res.sendStatus(401); });
        await cb(req.body);
      });
      app.post('/swallow', async (req, res) => {
        try { stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], s); } catch (e) { console.log(e); }
        await swallow(req.body);
      });
      app.post('/notcred', async (req, res) => {
        if (!req.body.prompt) return res.status(401).end();
        await notcred(req.body);
      });
    `;
    expect(guard(code, 'after')).toBeNull();
    expect(guard(code, 'branch')).toBeNull();
    expect(guard(code, 'noexit')).toBeNull();
    expect(guard(code, 'cb')).toBeNull();
    expect(guard(code, 'swallow')).toBeNull();
    expect(guard(code, 'notcred')).toBeNull();
  });

  it('CommonJS handler with a destructured header and next(err)', () => {
    const code = `
      const express = require('express');
      router.post('/c', async (req, res, next) => {
        const { authorization } = req.headers;
        if (!authorization) return next(new Error('unauthorized'));
        await callModel(req.body);
      });
    `;
    expect(guard(code, 'callModel', cjs)).toBe('behaviour');
  });

  it("Clerk's auth.protect() throws for signed-out users", () => {
    const code = `
      import { auth } from '@clerk/nextjs/server';
      export async function POST(req) {
        await auth.protect();
        await callModel(await req.json());
      }
    `;
    expect(guard(code, 'callModel')).toBe('behaviour');
  });
});

describe('odd shapes', () => {
  it('stays silent and does not crash on shapes it cannot resolve', () => {
    const code = `
      const mws = [];
      let late; late = (req, res, next) => next();
      const self = self2; const self2 = self;
      function rec(req, res, next) { return rec(req, res, next); }
      app.use(...mws, cond ? a : b, late, self, rec, class {}, 42, function* () {}, (() => {})(), this.x, a[b]);
    `;
    // The spread and the literal are skipped by the helper; nine middleware remain.
    expect(mwAuth(code, 'app.use')).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  it('handles many branches in one handler without blowing up', () => {
    // Valid because the last of forty checks exits with 401 before the call.
    const code = `
      app.post('/x', async (req, res) => {
        if (req.body.a0) { x(0); } else if (req.body.b0) { y(0); }
        if (req.body.a1) { x(1); } else if (req.body.b1) { y(1); }
        if (req.body.a2) { x(2); } else if (req.body.b2) { y(2); }
        if (req.body.a3) { x(3); } else if (req.body.b3) { y(3); }
        if (req.body.a4) { x(4); } else if (req.body.b4) { y(4); }
        if (req.body.a5) { x(5); } else if (req.body.b5) { y(5); }
        if (req.body.a6) { x(6); } else if (req.body.b6) { y(6); }
        if (req.body.a7) { x(7); } else if (req.body.b7) { y(7); }
        if (req.body.a8) { x(8); } else if (req.body.b8) { y(8); }
        if (req.body.a9) { x(9); } else if (req.body.b9) { y(9); }
        if (!req.signedCookies.sid) return res.status(401).end();
        await model(req.body);
      });
    `;
    expect(guard(code, 'model')).toBe('behaviour');
  });
});

describe('guardBefore: the model call inside the branch a credential test lets through', () => {
  const site = (code: string) =>
    withModel(code, (m) => {
      const call = m.llmCalls[0]!;
      const fn = m.routes[0]!.handlers[0]!;
      return m.authGuardBefore(fn, call.node)?.how;
    });
  const head = `import express from 'express'; import OpenAI from 'openai'; import { createHmac } from 'node:crypto';
    const app = express(); const client = new OpenAI();`;

  it('counts `if (signature === expected) { call }` with the refusal after it', () => {
    expect(
      site(`${head}
      app.post('/ask', async (req, res) => {
        const expected = createHmac('sha256', process.env.S).update(req.rawBody).digest('hex');
        if (req.get('x-signature') === expected) {
          const c = await client.chat.completions.create({ model: 'm', messages: [] });
          return res.json({ text: c.choices[0].message.content });
        }
        return res.sendStatus(401);
      });`),
    ).toBeDefined();
  });

  it('does not count a negated test around the call', () => {
    expect(
      site(`${head}
      app.post('/ask', async (req, res) => {
        if (req.get('x-signature') !== process.env.S) {
          await client.chat.completions.create({ model: 'm', messages: [] });
        }
        res.end();
      });`),
    ).toBeUndefined();
  });

  it('does not count a test of ordinary request data', () => {
    expect(
      site(`${head}
      app.post('/ask', async (req, res) => {
        if (req.body.prompt) {
          await client.chat.completions.create({ model: 'm', messages: [] });
        }
        res.end();
      });`),
    ).toBeUndefined();
  });
});
