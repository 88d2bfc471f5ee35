/** The registration-order engine's steps, each alone: containers, handles, registrations, mount contexts, use() functions. */
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { textOf, withModel } from '../helpers.js';
import { createCollector } from '../../src/frameworks/common.js';
import { createHandles, findContainers, type Container } from '../../src/frameworks/registration-order/containers.js';
import { createContexts, middlewareBefore, usesBefore } from '../../src/frameworks/registration-order/mounts.js';
import { pathTest } from '../../src/frameworks/registration-order/use-functions.js';
import { readRegistrations } from '../../src/frameworks/registration-order.js';
import { ORDERED, adapterOf } from '../../src/frameworks/registry.js';
import type { Middleware, Node } from '../../src/types.js';

const express = adapterOf('express')!;
const koa = adapterOf('koa')!;
const hono = adapterOf('hono')!;

describe('containers', () => {
  const code = `
    import express from 'express';
    import Router from '@koa/router';
    import { Hono } from 'hono';
    const app = express();
    const r = express.Router();
    const k = new Router({ prefix: '/api' });
    const h = new Hono();`;

  it('finds the apps and routers each adapter creates, with a router prefix option', () => {
    const found = withModel(code, (m) =>
      [...findContainers(m.file, ORDERED).values()].map((c) => `${c.adapter.id} ${c.kind} ${c.ownPrefix} ${textOf(code, c.node)}`),
    );
    expect(found).toEqual([
      'express app  express()',
      'express router  express.Router()',
      "koa router /api new Router({ prefix: '/api' })",
      'hono app  new Hono()',
    ]);
  });

  it('traces only the adapters it is given', () => {
    expect(withModel(code, (m) => [...findContainers(m.file, [koa]).values()].map((c) => c.adapter.id))).toEqual(['koa']);
  });
});

describe('handles', () => {
  const code = `
    import express from 'express';
    import { Hono } from 'hono';
    const app = express();
    const chained = app.use(a).get('/x', h);
    let late; late = express();
    const api = new Hono().basePath('/api');
    app.route('/items').get(h).post(h);`;

  it('follows variables, registration chains, late assignment and basePath', () => {
    const out = withModel(code, (m) => {
      const handles = createHandles(m.file, findContainers(m.file, ORDERED));
      const ids = m.file.index.calls
        .filter((c) => c.callee.type === 'Identifier' || c.callee.type === 'MemberExpression')
        .map((c) => c as Node);
      const byName = (name: string): string => {
        const id = m.file.ast.body
          .flatMap((s) => (s.type === 'VariableDeclaration' ? s.declarations : []))
          .find((d) => d.id.type === 'Identifier' && d.id.name === name)!.id as TSESTree.Identifier;
        const h = handles.handleOf(id);
        return h ? `${h.c.adapter.id} ${textOf(code, h.c.node)} ${h.prefix}` : 'none';
      };
      const chain = ids.find((c) => textOf(code, c).startsWith("app.route('/items').get(h).post"))! as TSESTree.CallExpression;
      const route = handles.routeChainOf((chain.callee as TSESTree.MemberExpression).object);
      return [byName('app'), byName('chained'), byName('late'), byName('api'), route ? `chain ${route.path}` : 'no chain'];
    });
    expect(out).toEqual(['express express() ', 'express express() ', 'express express() ', 'hono new Hono() /api', 'chain /items']);
  });
});

describe('registrations', () => {
  it('reads use() and routes into sorted events and mounts', () => {
    const code = `
      import express from 'express';
      const app = express();
      const r = express.Router();
      app.use(auth);
      app.use('/api', r);
      r.post('/chat', (req, res) => res.json(1));
      app.get('setting');`;
    const out = withModel(code, (m) => {
      const col = createCollector(m.file, { reachedLlmCall: () => undefined });
      const creations = findContainers(m.file, ORDERED);
      const useFns = readRegistrations(col, createHandles(m.file, creations));
      const [app, r] = [...creations.values()];
      return {
        useFns: useFns.length,
        app: app!.events.map((e) => `${e.type} ${e.localPath}`),
        r: r!.events.map((e) => `${e.type} ${e.type === 'route' ? e.method : ''} ${e.localPath}`),
        mounts: r!.mounts.map((mt) => `${mt.localPath} on ${mt.parent === app}`),
      };
    });
    // A mount is a use() event with no entries of its own; `app.get('setting')` reads a setting: no event.
    expect(out).toEqual({ useFns: 0, app: ['use ', 'use /api'], r: ['route POST /chat'], mounts: ['/api on true'] });
  });
});

describe('mount contexts', () => {
  const mw = (name: string): Middleware => ({ node: { type: 'Identifier', name, range: [0, 0] } as unknown as Node, fn: undefined, scope: 'app' });
  const container = (kind: 'app' | 'router'): Container => ({
    adapter: express,
    traits: express.order!,
    kind,
    node: { type: 'CallExpression', range: [0, 0] } as unknown as Node,
    ownPrefix: '',
    events: [],
    mounts: [],
    externals: [],
  });
  const use = (order: number, path: string, ...entries: Middleware[]) =>
    ({ type: 'use', order, call: {} as never, localPath: path, entries, devOnly: false }) as const;

  it('lists the use() middleware registered before an order', () => {
    const app = container('app');
    app.events.push(use(1, '', mw('a')), use(5, '/api', mw('b')), use(9, '', mw('late')));
    expect(usesBefore(app, 6).map((u) => `${(u.mw.node as TSESTree.Identifier).name}@${u.path}`)).toEqual(['a@', 'b@/api']);
  });

  it('walks mounts up to the app: prefix, middleware before the mount, dev-only', () => {
    const app = container('app');
    const router = container('router');
    app.events.push(use(1, '', mw('cors')), use(2, '/admin', mw('admin')), use(10, '', mw('late')));
    router.mounts.push({ parent: app, order: 5, localPath: '/api', middleware: [mw('auth')], devOnly: true });
    const [ctx, ...rest] = createContexts()(router);
    expect(rest).toEqual([]);
    expect(ctx!.prefix).toBe('/api');
    expect(ctx!.devOnly).toBe(true);
    expect(ctx!.top).toBe(app);
    // admin applies under /admin only; late was registered after the mount.
    const names = (list: Middleware[]) => list.map((m) => (m.node as TSESTree.Identifier).name);
    expect(names(middlewareBefore(ctx!, router, 100, '/api/chat'))).toEqual(['cors', 'auth']);
  });

  it('survives a mount cycle', () => {
    const a = container('router');
    const b = container('router');
    a.mounts.push({ parent: b, order: 1, localPath: '/a', middleware: [], devOnly: false });
    b.mounts.push({ parent: a, order: 1, localPath: '/b', middleware: [], devOnly: false });
    expect(createContexts()(a)).toEqual([]);
  });
});

describe('use() functions', () => {
  const code = `const f = async (ctx, next) => { if (ctx.path === '/chat?x=1' && ctx.method === 'post') return; await next(); };`;
  it('reads path and method tests where the framework allows path tests', () => {
    const test = (traits: typeof express.order) =>
      withModel(code, (m) => pathTest(m.file, m.file.index.functions[0]!, traits!));
    expect(test(koa.order)).toEqual({ path: '/chat', method: 'POST' });
    // Hono's context has no `path`: only the method counts.
    expect(test(hono.order)).toEqual({ method: 'POST' });
  });
});
