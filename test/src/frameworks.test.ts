import { describe, expect, it } from 'vitest';
import { textOf, withModel } from '../helpers.js';
import { analyzeFrameworks, type FrameworkFacts } from '../../src/frameworks/index.js';
import type { FileModel } from '../../src/model.js';
import type { FunctionNode, LlmCall } from '../../src/types.js';

type Opts = { sourceType?: 'module' | 'commonjs'; filename?: string; llm?: boolean };

/** Facts for a snippet; `filename` is handed to the adapters, `llm` marks functions mentioning `openai.` as reaching a model. */
function facts<T>(code: string, inspect: (f: FrameworkFacts, m: FileModel) => T, opts: Opts = {}): T {
  return withModel(
    code,
    (m) => {
      if (!opts.filename && !opts.llm) return inspect({ routes: m.routes, sinks: m.sinks, errorHandlers: m.errorHandlers, paramRoles: new Map() }, m);
      const reachedLlmCall = (fn: FunctionNode): LlmCall | undefined => (textOf(code, fn).includes('openai.') ? ({} as LlmCall) : undefined);
      return inspect(analyzeFrameworks({ ...m.file, filename: opts.filename }, { reachedLlmCall }), m);
    },
    { sourceType: opts.sourceType },
  );
}

/** One line per route: method, path, first line of the registration, middleware as `scope:text` (`?` = unresolved fn). */
const routes = (code: string, opts: Opts = {}) =>
  facts(
    code,
    (f) =>
      f.routes.map((r) => {
        const mw = r.middleware.map((m) => `${m.scope}:${textOf(code, m.node)}${m.fn ? '' : '?'}`).join(' ');
        const flags = `${r.unresolved ? ' unresolved' : ''}${r.devOnly ? ' dev' : ''}${r.handlers.length ? '' : ' nohandler'}`;
        return `${r.framework} ${r.method} ${r.path ?? '?'} @${textOf(code, r.registration).split('\n')[0]!.trim()} [${mw}]${flags}`;
      }),
    opts,
  );

const sinks = (code: string, opts: Opts = {}) =>
  facts(code, (f) => f.sinks.map((s) => `${s.kind}:${textOf(code, s.node)}`), opts);

const roles = (code: string, names: string[], opts: Opts = {}) =>
  withModel(
    code,
    (m) => {
      const out: string[] = [];
      for (const fn of m.file.index.functions) {
        for (const p of fn.params) {
          if (p.type !== 'Identifier' || !names.includes(p.name)) continue;
          out.push(`${p.name}:${m.paramRoleOf(p) ?? '-'}`);
        }
      }
      return out;
    },
    { sourceType: opts.sourceType },
  );

describe('express', () => {
  it('finds routes with route-level middleware, nested arrays and app.use order (ESM)', () => {
    const code = `
      import express from 'express';
      import { requireUser } from './auth';
      const app = express();
      app.post('/early', (req, res) => res.json({}));
      app.use(helmet());
      app.use(function audit(req, res, next) { next(); });
      app.post('/chat', [requireUser, [rate]], async (req, res) => { res.json(1); });
      app.all('/any', (req, res) => res.end());
      app.get('env');
    `;
    expect(routes(code)).toEqual([
      'express POST /early @app.post(\'/early\', (req, res) => res.json({})) []',
      "express POST /chat @app.post('/chat', [requireUser, [rate]], async (req, res) => { res.json(1); }) [app:helmet()? app:function audit(req, res, next) { next(); } route:requireUser? route:rate?] unresolved",
      "express ALL /any @app.all('/any', (req, res) => res.end()) [app:helmet()? app:function audit(req, res, next) { next(); }]",
    ]);
  });

  it('follows require, destructured Router, route() chains and mounted routers with prefixes (CJS)', () => {
    const code = `
      const e = require('express');
      const { Router } = require('express');
      const app = e();
      const api = Router();
      const admin = e.Router();
      function auth(req, res, next) { next(); }
      api.use(limit);
      api.route('/items').post(auth, (req, res) => res.send('x')).get((req, res) => res.send('y'));
      admin.get('/stats', (req, res) => res.json({}));
      app.use(cors());
      app.use('/api', auth, api);
      api.use(late);
      api.get('/late', (req, res) => res.json(2));
      api.use('/admin', admin);
    `;
    expect(routes(code, { sourceType: 'commonjs' })).toEqual([
      "express POST /api/items @api.route('/items').post(auth, (req, res) => res.send('x')) [app:cors()? router:auth router:limit? route:auth] unresolved",
      "express GET /api/items @api.route('/items').post(auth, (req, res) => res.send('x')).get((req, res) => res.send('y')) [app:cors()? router:auth router:limit?] unresolved",
      "express GET /api/admin/stats @admin.get('/stats', (req, res) => res.json({})) [app:cors()? router:auth router:limit? router:late?] unresolved",
      "express GET /api/late @api.get('/late', (req, res) => res.json(2)) [app:cors()? router:auth router:limit? router:late?] unresolved",
    ]);
  });

  it('counts app.use only for routes registered after it, and only on matching paths', () => {
    const code = `
      import * as express from 'express';
      const app = express.default();
      const guard = (req, res, next) => next();
      app.post('/before', (req, res) => res.json(1));
      app.use('/admin', guard);
      app.use(guard);
      app.post('/after', (req, res) => res.json(2));
    `;
    expect(routes(code)).toEqual([
      "express POST /before @app.post('/before', (req, res) => res.json(1)) []",
      "express POST /after @app.post('/after', (req, res) => res.json(2)) [app:guard]",
    ]);
  });

  it('records 4-parameter error handlers, dev-only routes and unresolved handlers', () => {
    const code = `
      import express from 'express';
      import { chat } from './controllers';
      const app = express();
      const isDev = process.env.NODE_ENV !== 'production';
      if (isDev) app.get('/debug', (req, res) => res.json(1));
      process.env.NODE_ENV === 'development' && app.get('/dev', (req, res) => res.json(1));
      if (process.env.NODE_ENV === 'production') {} else { app.get('/else', (req, res) => res.json(1)); }
      app.post('/chat', chat);
      app.use((err, req, res, next) => { res.status(500).json({ error: err.message }); });
    `;
    expect(routes(code)).toEqual([
      "express GET /debug @app.get('/debug', (req, res) => res.json(1)) [] dev",
      "express GET /dev @app.get('/dev', (req, res) => res.json(1)) [] dev",
      "express GET /else @app.get('/else', (req, res) => res.json(1)) [] dev",
      "express POST /chat @app.post('/chat', chat) [] unresolved nohandler",
    ]);
    expect(facts(code, (f) => f.errorHandlers.length)).toBe(1);
    expect(roles(code, ['err', 'req', 'res', 'next'])).toContain('err:err');
    expect(sinks(code)).toContain('res.json:{ error: err.message }');
  });

  it('counts a handler that ends the request first thing in production as dev-only, in any framework', () => {
    const code = `
      import express from 'express';
      const app = express();
      app.get('/a', (req, res) => {
        if (process.env.NODE_ENV === 'production') return res.sendStatus(404);
        res.json(1);
      });
      app.get('/b', (req, res) => {
        if (process.env.NODE_ENV !== 'development') { throw new Error('off'); }
        res.json(1);
      });
      app.get('/c', (req, res) => {
        if (process.env.NODE_ENV === 'production') console.warn('debug in prod');
        res.json(1);
      });
      app.get('/d', (req, res) => {
        if (req.query.x) return res.json(0);
        if (process.env.NODE_ENV === 'production') return res.sendStatus(404);
        res.json(1);
      });
    `;
    expect(routes(code).map((r) => r.replace(/ @.*\]/, ''))).toEqual([
      'express GET /a dev',
      'express GET /b dev',
      'express GET /c',
      'express GET /d',
    ]);
    const next = `
      export async function GET() {
        if (process.env.NODE_ENV === 'production') return new Response(null, { status: 404 });
        return Response.json({ ok: true });
      }
      export async function POST() { return Response.json({ ok: true }); }
    `;
    expect(routes(next, { filename: 'app/api/debug/route.ts' }).map((r) => r.replace(/ @.*\]/, ''))).toEqual([
      'next GET /api/debug dev',
      'next POST /api/debug',
    ]);
  });

  it('keeps the own path of a router that is not mounted in the file (named ESM import)', () => {
    const code = `
      import { Router } from 'express';
      const r = Router();
      async function ask(req, res) { res.json(await run(req.body)); }
      r.post('/ask', express.json(), ask);
      export default r;
    `;
    expect(routes(code)).toEqual(["express POST /ask @r.post('/ask', express.json(), ask) [route:express.json()?]"]);
  });

  it('ignores objects with a .post method that are not framework apps', () => {
    const code = `
      const client = { post(path, body) {} };
      client.post('/chat', (req, res) => res.json(1));
      import express from 'express';
      const other = makeApp();
      other.get('/x', (req, res) => res.json(2));
    `;
    expect(routes(code)).toEqual([]);
  });

  it('finds Express sinks through chains, aliases and same-file helpers', () => {
    const code = `
      import express from 'express';
      const app = express();
      function send(out, data) { out.status(200).json(data); }
      app.post('/a', async (req, res) => {
        const r = res;
        res.status(500).json(a);
        r.type('text').send(b);
        res.write(c); res.end(d);
        send(res, e);
        other.json(f);
      });
    `;
    expect(sinks(code)).toEqual(['res.json:data', 'res.json:a', 'res.send:b', 'res.write:c', 'res.end:d']);
    expect(roles(code, ['out', 'data', 'req'])).toEqual(['out:res', 'data:-', 'req:req']);
  });
});

describe('fastify', () => {
  it('finds shorthand and route() registrations with option hooks (ESM)', () => {
    const code = `
      import Fastify from 'fastify';
      const app = Fastify({ logger: true });
      app.get('/a', async (request, reply) => ({ ok: true }));
      app.post('/b', { onRequest: [verify], preHandler: async (request, reply) => {} , handler: async (request, reply) => reply.send(x) });
      app.route({ method: ['GET', 'POST'], url: '/c', preValidation: check, handler: c });
      function c(request, reply) { return result; }
    `;
    expect(routes(code)).toEqual([
      "fastify GET /a @app.get('/a', async (request, reply) => ({ ok: true })) []",
      "fastify POST /b @app.post('/b', { onRequest: [verify], preHandler: async (request, reply) => {} , handler: async (request, reply) => reply.send(x) }) [hook:verify? hook:async (request, reply) => {}] unresolved",
      "fastify GET,POST /c @app.route({ method: ['GET', 'POST'], url: '/c', preValidation: check, handler: c }) [hook:check?] unresolved",
    ]);
    expect(sinks(code)).toEqual(['return:{ ok: true }', 'reply.send:x', 'return:result']);
  });

  it('reads the (path, opts, handler) form and ignores non-instances', () => {
    const code = `
      import fastify from 'fastify';
      const app = fastify();
      const opts = { preHandler: [limit] };
      app.put('/p', opts, function (request, reply) { reply.send(v); });
      const fake = { post() {} };
      fake.post('/no', async () => 1);
    `;
    expect(routes(code)).toEqual(["fastify PUT /p @app.put('/p', opts, function (request, reply) { reply.send(v); }) [hook:limit?] unresolved"]);
  });

  it('applies hooks by encapsulation: sibling plugins do not share, fp-wrapped ones do (CJS)', () => {
    const code = `
      const fastify = require('fastify')();
      const fp = require('fastify-plugin');
      fastify.addHook('onRequest', rootHook);
      fastify.register(async function (child) {
        child.addHook('preHandler', childHook);
        child.post('/inside', async () => 'x');
      }, { prefix: '/v1' });
      fastify.register(sibling, { prefix: '/v2' });
      async function sibling(s) { s.post('/chat', async () => 'y'); }
      fastify.register(fp(async (shared) => { shared.addHook('preValidation', sharedHook); }));
      fastify.get('/root', async () => 'z');
    `;
    expect(routes(code, { sourceType: 'commonjs' })).toEqual([
      "fastify POST /v1/inside @child.post('/inside', async () => 'x') [hook:rootHook? hook:sharedHook? hook:childHook?] unresolved",
      "fastify POST /v2/chat @s.post('/chat', async () => 'y') [hook:rootHook? hook:sharedHook?] unresolved",
      "fastify GET /root @fastify.get('/root', async () => 'z') [hook:rootHook? hook:sharedHook?] unresolved",
    ]);
  });

  it('resolves decorated functions used as onRequest, and records setErrorHandler', () => {
    const code = `
      import { fastify as make } from 'fastify';
      const app = make();
      app.decorate('authenticate', async function (request, reply) { await request.jwtVerify(); });
      app.post('/chat', { onRequest: [app.authenticate, app.auth([app.verifyKey])] }, async (req, rep) => { rep.code(200).send(out); });
      app.setErrorHandler((error, request, reply) => { reply.status(500).send({ message: error.message }); });
      app.get('/raw', (request, reply) => { reply.raw.write(chunk); return reply; });
    `;
    const r = routes(code);
    expect(r[0]).toBe(
      "fastify POST /chat @app.post('/chat', { onRequest: [app.authenticate, app.auth([app.verifyKey])] }, async (req, rep) => { rep.code(200).send(out); }) [hook:app.authenticate hook:app.auth([app.verifyKey])?]",
    );
    expect(sinks(code)).toEqual(['reply.send:out', 'reply.send:{ message: error.message }', 'reply.raw.write:chunk']);
    expect(roles(code, ['error', 'request', 'rep'])).toEqual(['request:req', 'rep:res', 'error:err', 'request:req', 'request:req']);
  });

  it('treats an exported plugin function as a scope in a plugin file', () => {
    const code = `
      import fp from 'fastify-plugin';
      export default fp(async function routes(fastify, opts) {
        fastify.addHook('onRequest', fastify.authenticate);
        fastify.post('/ask', async (request) => answer);
      });
    `;
    expect(routes(code)).toEqual([
      "fastify POST /ask @fastify.post('/ask', async (request) => answer) [hook:fastify.authenticate?] unresolved",
    ]);
  });
});

describe('koa', () => {
  it('finds router routes with prefix, router.use order and app.use before routes() (ESM)', () => {
    const code = `
      import Koa from 'koa';
      import Router from '@koa/router';
      const app = new Koa();
      const router = new Router({ prefix: '/api' });
      router.post('/early', async (ctx) => { ctx.body = 1; });
      router.use(async (ctx, next) => { await next(); });
      router.post('/chat', jwt, async (ctx) => { ctx.body = answer; });
      app.use(bodyParser());
      app.use(router.routes()).use(router.allowedMethods());
      app.use(late);
    `;
    expect(routes(code)).toEqual([
      "koa POST /api/early @router.post('/early', async (ctx) => { ctx.body = 1; }) [app:bodyParser()?]",
      "koa POST /api/chat @router.post('/chat', jwt, async (ctx) => { ctx.body = answer; }) [app:bodyParser()? router:async (ctx, next) => { await next(); } route:jwt?] unresolved",
    ]);
    expect(sinks(code)).toEqual(['ctx.body:1', 'ctx.body:answer']);
  });

  it('follows koa-router through require, nested routers, and app.use functions that reach a model (CJS)', () => {
    const code = `
      const Koa = require('koa');
      const KoaRouter = require('koa-router');
      const app = new Koa();
      const api = new KoaRouter();
      const v1 = new KoaRouter();
      v1.get('/ping', (ctx) => { ctx.response.body = 'pong'; });
      api.use('/v1', v1.routes());
      app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.body = err.stack; } });
      app.use(api.routes());
      app.use(async (ctx) => { if (ctx.path === '/ask' && ctx.method === 'POST') { ctx.body = await openai.responses.create({}); } });
    `;
    expect(routes(code, { sourceType: 'commonjs', llm: true })).toEqual([
      "koa GET /v1/ping @v1.get('/ping', (ctx) => { ctx.response.body = 'pong'; }) [app:async (ctx, next) => { try { await next(); } catch (err) { ctx.body = err.stack; } }]",
      "koa POST /ask @app.use(async (ctx) => { if (ctx.path === '/ask' && ctx.method === 'POST') { ctx.body = await openai.responses.create({}); } }) [app:async (ctx, next) => { try { await next(); } catch (err) { ctx.body = err.stack; } }]",
    ]);
    expect(facts(code, (f) => f.errorHandlers.length, { sourceType: 'commonjs' })).toBe(1);
    expect(roles(code, ['ctx', 'next'], { sourceType: 'commonjs' })).toEqual(['ctx:ctx', 'ctx:ctx', 'next:next', 'ctx:ctx']);
    expect(sinks(code, { sourceType: 'commonjs' })).toEqual(["ctx.response.body:'pong'", 'ctx.body:err.stack', 'ctx.body:await openai.responses.create({})']);
  });
});

describe('hono', () => {
  it('finds routes, use order, basePath, route() mounts, on() and onError (ESM)', () => {
    const code = `
      import { Hono } from 'hono';
      const app = new Hono().basePath('/api');
      const sub = new Hono();
      sub.post('/chat', bearer, async (c) => c.json(await ask()));
      app.get('/open', (c) => c.text('x'));
      app.use('*', logger());
      app.use('/admin/*', adminOnly);
      app.route('/ai', sub);
      app.on(['GET', 'POST'], '/admin/x', (c) => c.body(y));
      app.onError((err, c) => c.json({ e: err.message }, 500));
    `;
    expect(routes(code)).toEqual([
      "hono POST /api/ai/chat @sub.post('/chat', bearer, async (c) => c.json(await ask())) [app:logger()? route:bearer?] unresolved",
      "hono GET /api/open @app.get('/open', (c) => c.text('x')) []",
      "hono GET,POST /api/admin/x @app.on(['GET', 'POST'], '/admin/x', (c) => c.body(y)) [app:logger()? app:adminOnly?] unresolved",
    ]);
    expect(sinks(code)).toEqual(['c.json:await ask()', "c.text:'x'", 'c.body:y', 'c.json:{ e: err.message }']);
    expect(facts(code, (f) => f.errorHandlers.length)).toBe(1);
  });

  it('finds Response sinks and CJS Hono apps', () => {
    const code = `
      const { Hono } = require('hono');
      const app = new Hono();
      app.post('/x', async (c) => { return new Response(JSON.stringify(r)); });
      app.get('/y', (c) => Response.json(data));
    `;
    expect(routes(code, { sourceType: 'commonjs' })).toHaveLength(2);
    expect(sinks(code, { sourceType: 'commonjs' })).toEqual(['new Response:JSON.stringify(r)', 'Response.json:data']);
  });
});

describe('next', () => {
  it('finds exported method handlers in route files, with paths from the file name', () => {
    const code = `
      import { NextResponse } from 'next/server';
      export async function POST(request) { return NextResponse.json(completion); }
      export const GET = withAuth(async (req) => new Response(text));
      export function helper(req) {}
    `;
    expect(routes(code, { filename: 'src/app/api/(ai)/chat/route.ts' })).toEqual([
      'next POST /api/chat @export async function POST(request) { return NextResponse.json(completion); } []',
      'next GET /api/chat @export const GET = withAuth(async (req) => new Response(text)); [route:withAuth(async (req) => new Response(text))?]',
    ]);
    expect(sinks(code, { filename: 'app/route.ts' })).toEqual(['NextResponse.json:completion', 'new Response:text']);
    expect(roles(code, ['request', 'req'])).toEqual(['request:req', 'req:req', 'req:-']);
  });

  it('does not treat POST exported from a non-route file as a route', () => {
    const code = `export async function POST(request) { return 1; }`;
    expect(routes(code, { filename: 'lib/handlers.ts' })).toEqual([]);
  });

  it('finds pages-router API handlers and their res sinks', () => {
    const code = `
      export default async function handler(req, res) {
        res.status(200).json(result);
      }
    `;
    expect(routes(code, { filename: 'pages/api/chat/index.ts' })).toEqual([
      'next ALL /api/chat @export default async function handler(req, res) { []',
    ]);
    expect(routes(code, { filename: 'lib/x.ts' })).toEqual([]);
  });
});

describe('last-resort controllers', () => {
  it('gives roles and sinks to unregistered functions with res/ctx/c parameters in framework files only', () => {
    const code = `
      import type { Request, Response } from 'express';
      export async function chat(req: Request, res: Response) { res.json(answer); }
      const ids = items.map((c) => c.json(1));
    `;
    expect(sinks(code)).toEqual(['res.json:answer']);
    expect(roles(code, ['req', 'res', 'c'])).toEqual(['req:req', 'res:res', 'c:-']);
    const plain = `export async function chat(req, res) { res.json(answer); }`;
    expect(sinks(plain)).toEqual([]);
  });
});

describe('odd shapes', () => {
  it('does not crash on empty, spread and dynamic registrations', () => {
    const code = `
      import express from 'express';
      import Fastify from 'fastify';
      import Router from '@koa/router';
      const app = express();
      app.use(); app.get(); app.route().post(); app.use(...mws); app.post(path, ...mws, h);
      app.use(app);
      const f = Fastify();
      f.register(); f.register(import('./x')); f.route(); f.addHook('onRequest'); f.get('/x', {});
      const r = new Router({ prefix: base });
      r.get('/y', (ctx) => { ctx.body = 1; });
    `;
    expect(routes(code)).toEqual([
      'express POST ? @app.post(path, ...mws, h) [app:...mws? route:...mws?] unresolved nohandler',
      "fastify GET /x @f.get('/x', {}) [] unresolved nohandler",
      "koa GET ? @r.get('/y', (ctx) => { ctx.body = 1; }) []",
    ]);
  });
});

describe('order of questions', () => {
  // The route analysis asks only for model reachability, which never asks for routes: no re-entry, one answer.
  const apps = [
    `import express from 'express'; import OpenAI from 'openai';
     const openai = new OpenAI(); const app = express();
     app.use(async (req, res, next) => { if (req.path === '/chat') { const r = await openai.chat.completions.create({ model: 'm', messages: [] }); return res.json(r); } next(); });
     app.post('/x', async (req, res) => { res.json(await ask(req.body)); });
     async function ask(q) { return openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); }`,
    `import Koa from 'koa'; import OpenAI from 'openai';
     const openai = new OpenAI(); const app = new Koa();
     app.use(async (ctx, next) => { if (ctx.path === '/chat') { ctx.body = await openai.chat.completions.create({ model: 'm', messages: [] }); return; } await next(); });`,
  ];
  const summary = (m: FileModel, code: string): string[] => [
    ...m.routes.map((r) => `${r.framework} ${r.method} ${r.path ?? '?'} ${r.handlers.map((h) => textOf(code, h).length).join(',')} ${r.middleware.length}`),
    ...m.sinks.map((s) => `sink ${s.kind} ${textOf(code, s.node)}`),
  ];
  for (const code of apps) {
    it('gives the same routes whether asked first or after reachability, origins and auth', () => {
      const first = withModel(code, (m) => summary(m, code));
      const later = withModel(code, (m) => {
        for (const fn of m.file.index.functions) {
          m.reachedLlmCall(fn);
          m.authGuardBefore(fn, fn.body);
        }
        m.llmSitesIn(m.file.index.functions);
        for (const call of m.file.index.calls) m.originsOf(call);
        return summary(m, code);
      });
      expect(first.some((l) => l.includes('/chat'))).toBe(true);
      expect(later).toEqual(first);
    });
  }
});
