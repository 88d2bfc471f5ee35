/**
 * Express, Koa and Hono: frameworks whose middleware run in registration order. Apps and routers are found by
 * following the framework module (ReferenceTracker), then every `x.use/get/post/route(...)` call on them becomes an
 * ordered event; routes are built by walking each router's mounts up to the app.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { contains, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { CALL, CONSTRUCT, ESM, trackerOf } from '../references.js';
import type { FunctionNode, ImportSource, Middleware, Node, ParamRole } from '../types.js';
import {
  assignRoles,
  calleeName,
  flattenArgs,
  httpMethod,
  importSourceOf,
  isDevOnly,
  isPathArgument,
  joinPath,
  makeRoute,
  middlewareOf,
  pathApplies,
  resolveHandler,
  staticPath,
  wrapperMiddleware,
  type Collector,
} from './common.js';

type OrderedFramework = 'express' | 'koa' | 'hono';
type Kind = 'app' | 'router';

interface Container {
  readonly framework: OrderedFramework;
  readonly kind: Kind;
  readonly node: Node;
  /** Koa router `prefix` option / `router.prefix()`. */
  ownPrefix: string | undefined;
  readonly events: Event[];
  readonly mounts: Mount[];
  /** Imported routers mounted on this container (for the project route map). */
  readonly externals: (Omit<Mount, 'parent'> & { readonly call: TSESTree.CallExpression; readonly source: ImportSource })[];
}

/** A variable or expression that denotes a container, possibly through Hono's `basePath`. */
interface Handle {
  readonly c: Container;
  readonly prefix: string | undefined;
}

interface UseEvent {
  readonly type: 'use';
  readonly order: number;
  readonly call: TSESTree.CallExpression;
  readonly localPath: string | undefined;
  readonly entries: readonly Middleware[];
  readonly devOnly: boolean;
}

interface RouteEvent {
  readonly type: 'route';
  readonly order: number;
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly localPath: string | undefined;
  readonly middleware: readonly Middleware[];
  readonly handler: FunctionNode | undefined;
  readonly devOnly: boolean;
}

type Event = UseEvent | RouteEvent;

interface Mount {
  readonly parent: Container;
  readonly order: number;
  readonly localPath: string | undefined;
  readonly middleware: readonly Middleware[];
  readonly devOnly: boolean;
}

/** One way a container is reached from the top: its full prefix and what runs before it. */
interface Context {
  readonly prefix: string | undefined;
  readonly outer: readonly { readonly mw: Middleware; readonly path: string | undefined }[];
  readonly devOnly: boolean;
  /** The container at the top of this mount chain. */
  readonly top: Container;
}

const ROUTER = { [CALL]: 'router', [CONSTRUCT]: 'router' };
const TRACE: Record<OrderedFramework, Record<string, Record<string | symbol, unknown>>> = {
  express: {
    express: { [CALL]: 'app', Router: { [CALL]: 'router' }, default: { [CALL]: 'app', Router: { [CALL]: 'router' } } },
  },
  koa: {
    koa: { [CONSTRUCT]: 'app', default: { [CONSTRUCT]: 'app' }, Koa: { [CONSTRUCT]: 'app' } },
    '@koa/router': { ...ROUTER, default: ROUTER, Router: ROUTER },
    'koa-router': { ...ROUTER, default: ROUTER, Router: ROUTER },
  },
  hono: {
    hono: { Hono: { [CONSTRUCT]: 'app' } },
    'hono/tiny': { Hono: { [CONSTRUCT]: 'app' } },
    'hono/quick': { Hono: { [CONSTRUCT]: 'app' } },
  },
};

const ROLES: Record<OrderedFramework, readonly ParamRole[]> = {
  express: ['req', 'res', 'next'],
  koa: ['ctx', 'next'],
  hono: ['honoContext', 'next'],
};

/** Finds Express, Koa and Hono routes, error handlers and parameter roles. */
export function analyzeOrdered(col: Collector): void {
  const { file } = col;
  const creations = new Map<Node, Container>();
  const tracker = trackerOf(file);
  for (const fw of ['express', 'koa', 'hono'] as const) {
    const esm = Object.fromEntries(Object.entries(TRACE[fw]).map(([k, v]) => [k, { ...v, [ESM]: true }]));
    const found = [...tracker.iterateEsmReferences(esm as never), ...tracker.iterateCjsReferences(TRACE[fw] as never)];
    for (const { node, info } of found) {
      const n = node as Node;
      if (creations.has(n) || (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression)) continue;
      const kind = info as Kind;
      const c: Container = { framework: fw, kind, node: n, ownPrefix: '', events: [], mounts: [], externals: [] };
      // new Router({ prefix: '/api' })
      const opts = n.arguments[0] && skipTS(n.arguments[0]);
      if (fw === 'koa' && kind === 'router' && opts?.type === AST_NODE_TYPES.ObjectExpression) {
        const p = opts.properties.find((q) => q.type === AST_NODE_TYPES.Property && propertyName(q) === 'prefix') as TSESTree.Property | undefined;
        if (p) c.ownPrefix = staticPath(file, p.value);
      }
      creations.set(n, c);
    }
  }
  if (creations.size === 0) return;

  const varHandles = new Map<Scope.Variable, Handle | null>();
  const handleOf = (expr: Node | undefined, depth = 0): Handle | undefined => {
    if (!expr || depth > 20) return undefined;
    const e = skipTS(expr);
    const created = creations.get(e);
    if (created) return { c: created, prefix: '' };
    if (e.type === AST_NODE_TYPES.AwaitExpression) return undefined;
    if (e.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(file.sourceCode, e);
      if (!v) return undefined;
      if (varHandles.has(v)) return varHandles.get(v) ?? undefined;
      varHandles.set(v, null); // cycle guard
      const def = v.defs.length === 1 ? v.defs[0] : undefined;
      let h: Handle | undefined;
      if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
        h = handleOf(def.node.init, depth + 1);
      } else if (def && def.node.type === AST_NODE_TYPES.VariableDeclarator && !def.node.init) {
        // `let app; app = express();`
        const w = v.references.filter((r) => r.isWrite() && r.writeExpr);
        if (w.length === 1) h = handleOf(w[0]!.writeExpr as Node, depth + 1);
      }
      varHandles.set(v, h ?? null);
      return h;
    }
    if (e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.MemberExpression) {
      const callee = skipTS(e.callee) as TSESTree.MemberExpression;
      const name = propertyName(callee);
      const h = handleOf(callee.object, depth + 1);
      if (!h || !name) return undefined;
      // new Hono().basePath('/api')
      if (name === 'basePath' && h.c.framework === 'hono') return { c: h.c, prefix: joinPath(h.prefix, staticPath(file, e.arguments[0])) };
      // Registration methods return the app/router itself: `app.use(a).get('/x', h)`.
      if (name === 'use' || httpMethod(name) || (name === 'on' && h.c.framework === 'hono') || (name === 'route' && h.c.framework === 'hono')) return h;
    }
    return undefined;
  };

  /** `app.route('/x').post(h).get(h)` (Express): the chain's handle and path. */
  const routeChainOf = (expr: Node, depth = 0): { h: Handle; path: string | undefined } | undefined => {
    const e = skipTS(expr);
    if (depth > 20 || e.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipTS(e.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    if (name === 'route') {
      const h = handleOf(callee.object);
      return h && h.c.framework === 'express' ? { h, path: staticPath(file, e.arguments[0]) } : undefined;
    }
    return httpMethod(name) ? routeChainOf(callee.object, depth + 1) : undefined;
  };

  /** The container a `.use()` argument mounts: a router/app (Express, Koa app), `router.routes()` (Koa). */
  const mountedBy = (arg: Node): Container | undefined => {
    const e = skipTS(arg);
    if (e.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTS(e.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && (propertyName(callee) === 'routes' || propertyName(callee) === 'middleware')) {
        const h = handleOf(callee.object);
        if (h?.c.framework === 'koa' && h.c.kind === 'router') return h.c;
      }
      return undefined;
    }
    const h = handleOf(e);
    return h && h.c.framework === 'express' ? h.c : undefined;
  };
  const isAllowedMethods = (arg: Node): boolean => {
    const e = skipTS(arg);
    return e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.MemberExpression &&
      propertyName(skipTS(e.callee) as TSESTree.MemberExpression) === 'allowedMethods';
  };

  const useScope = (c: Container): Middleware['scope'] => (c.kind === 'app' ? 'app' : 'router');
  const useFnRoutes: { c: Container; ev: UseEvent; index: number; fn: FunctionNode }[] = [];

  for (const call of file.index.calls) {
    const callee = skipTS(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = calleeName(call);
    if (!name) continue;
    const order = call.range[1];
    const chain = httpMethod(name) ? routeChainOf(callee.object) : undefined;
    if (chain) {
      // router.route('/x').post(mw, h)
      const c = chain.h.c;
      addRoute(c, call, httpMethod(name)!, joinPath(c.ownPrefix, chain.h.prefix, chain.path), [...call.arguments], order);
      continue;
    }
    const h = handleOf(callee.object);
    if (!h) continue;
    const c = h.c;
    const args = [...call.arguments] as Node[];
    if (name === 'use') {
      handleUse(c, h, call, args, order);
    } else if (name === 'prefix' && c.framework === 'koa' && c.kind === 'router') {
      c.ownPrefix = staticPath(file, args[0]);
    } else if (name === 'route' && c.framework === 'hono' && args.length >= 2) {
      // app.route('/api', sub)
      const sub = handleOf(args[1]);
      const localPath = joinPath(c.ownPrefix, h.prefix, staticPath(file, args[0]));
      if (sub && sub.c !== c) {
        sub.c.mounts.push({ parent: c, order, localPath, middleware: [], devOnly: isDevOnly(file, call) });
      } else if (!sub) {
        // app.route('/api', chat) with `chat` imported
        const source = importSourceOf(file, args[1]!);
        if (source) c.externals.push({ order, localPath, middleware: [], devOnly: isDevOnly(file, call), call, source });
      }
    } else if (name === 'onError' && c.framework === 'hono') {
      const fn = args[0] && resolveFunction(file.sourceCode, args[0]);
      if (fn) {
        col.errorHandlers.add(fn);
        assignRoles(col, fn, ['err', 'honoContext'], 'hono');
      }
    } else if (name === 'on' && c.framework === 'hono' && args.length >= 3) {
      // app.on('POST', '/x', h) / app.on(['GET', 'POST'], ...)
      addRoute(c, call, honoMethods(args[0]!), joinPath(c.ownPrefix, h.prefix, staticPath(file, args[1])), args.slice(2), order);
    } else if (httpMethod(name) && (name !== 'del' || c.framework === 'koa')) {
      if (args.length < 2) continue; // Express `app.get('setting')` reads a setting.
      let rest = args;
      let path: string | undefined;
      if (isPathArgument(file, args[0])) {
        // koa-router named routes: router.get('name', '/path', h)
        const named = c.framework === 'koa' && args.length >= 3 && isPathArgument(file, args[1]) && staticPath(file, args[1])?.startsWith('/');
        path = staticPath(file, named ? args[1] : args[0]);
        rest = args.slice(named ? 2 : 1);
      } else if (resolveFunction(file.sourceCode, args[0]!)) {
        path = '';
      } else {
        path = undefined;
        rest = args.slice(1);
      }
      addRoute(c, call, httpMethod(name)!, joinPath(c.ownPrefix, h.prefix, path), rest, order);
    }
  }

  function addRoute(c: Container, call: TSESTree.CallExpression, method: string, localPath: string | undefined, rawArgs: Node[], order: number): void {
    const entries = flattenArgs(rawArgs);
    const last = entries.pop();
    if (!last) return;
    const resolved = resolveHandler(file, last);
    const middleware = [...entries.map((n) => middlewareOf(file, n, 'route')), ...wrapperMiddleware(file, resolved.wrappers)];
    const roles = ROLES[c.framework];
    for (const m of middleware) if (m.fn && m.scope === 'route' && !resolved.wrappers.includes(m.node as never)) assignRoles(col, m.fn, roles, c.framework);
    if (resolved.fn) {
      assignRoles(col, resolved.fn, roles, c.framework);
      col.handlerFns.set(resolved.fn, c.framework);
    }
    c.events.push({ type: 'route', order, call, method, localPath, middleware, handler: resolved.fn, devOnly: isDevOnly(file, call) });
  }

  function handleUse(c: Container, h: Handle, call: TSESTree.CallExpression, args: Node[], order: number): void {
    let usePath: string | undefined = '';
    let rest = args;
    if (args.length > 0 && isPathArgument(file, args[0])) {
      usePath = staticPath(file, args[0]);
      rest = args.slice(1);
    }
    const localPath = joinPath(c.ownPrefix, h.prefix, usePath);
    const devOnly = isDevOnly(file, call);
    const entries: Middleware[] = [];
    for (const arg of flattenArgs(rest)) {
      if (isAllowedMethods(arg)) continue;
      const sub = mountedBy(arg);
      if (sub && sub !== c) {
        sub.mounts.push({ parent: c, order, localPath, middleware: entries.map((m) => ({ ...m, scope: 'router' as const })), devOnly });
        continue;
      }
      const mw = middlewareOf(file, arg, useScope(c));
      // An imported value may be a router: the project map decides. It stays a middleware entry here as before.
      const source = mw.fn ? undefined : importSourceOf(file, arg);
      if (source) c.externals.push({ order, localPath, middleware: entries.map((m) => ({ ...m, scope: 'router' as const })), devOnly, call, source });
      const fn = mw.fn;
      if (fn && c.framework === 'express' && fn.params.length === 4) {
        // (err, req, res, next) => ...: Express error-handling middleware.
        col.errorHandlers.add(fn);
        assignRoles(col, fn, ['err', 'req', 'res', 'next'], 'express');
        continue;
      }
      if (fn) {
        assignRoles(col, fn, ROLES[c.framework], c.framework);
        if (c.framework === 'koa' && catchesNext(fn)) col.errorHandlers.add(fn);
      }
      entries.push(mw);
    }
    const ev: UseEvent = { type: 'use', order, call, localPath, entries, devOnly };
    c.events.push(ev);
    // A use() function that itself reaches a model call acts as a route.
    entries.forEach((m, index) => {
      if (m.fn && !col.errorHandlers.has(m.fn) && col.reachedLlmCall(m.fn)) useFnRoutes.push({ c, ev, index, fn: m.fn });
    });
  }

  /** Koa `try { await next() } catch (err) { ... }`: marks the catch parameter as the error. */
  function catchesNext(fn: FunctionNode): boolean {
    const next = fn.params[1];
    if (!next || next.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
    let found = false;
    for (const stmt of fn.body.body) {
      if (stmt.type !== AST_NODE_TYPES.TryStatement || !stmt.handler) continue;
      const callsNext = stmt.block.body.some((s) => {
        if (s.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        let e = skipTS(s.expression);
        if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTS(e.argument);
        return e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.Identifier && (skipTS(e.callee) as TSESTree.Identifier).name === next.name;
      });
      if (!callsNext) continue;
      found = true;
      const param = stmt.handler.param;
      if (param?.type === AST_NODE_TYPES.Identifier) {
        const v = variableOf(file.sourceCode, param);
        if (v && !col.roles.has(v)) {
          col.roles.set(v, 'err');
          col.varFramework.set(v, 'koa');
        }
      }
    }
    return found;
  }

  // Build routes by walking each container's mounts.
  const ctxMemo = new Map<Container, Context[]>();
  const contexts = (c: Container, stack: Set<Container>): Context[] => {
    const hit = ctxMemo.get(c);
    if (hit) return hit;
    if (stack.has(c)) return [];
    if (c.mounts.length === 0) return [{ prefix: '', outer: [], devOnly: false, top: c }];
    stack.add(c);
    const out: Context[] = [];
    for (const m of c.mounts) {
      for (const p of contexts(m.parent, stack)) {
        const before = usesBefore(m.parent, m.order).map((u) => ({ mw: u.mw, path: joinPath(p.prefix, u.path) }));
        const mountPath = joinPath(p.prefix, m.localPath);
        out.push({
          prefix: mountPath,
          outer: [...p.outer, ...before, ...m.middleware.map((mw) => ({ mw, path: mountPath }))],
          devOnly: p.devOnly || m.devOnly,
          top: p.top,
        });
      }
    }
    stack.delete(c);
    ctxMemo.set(c, out);
    return out;
  };

  for (const c of creations.values()) c.events.sort((a, b) => a.order - b.order);
  for (const c of creations.values()) {
    const ctxs = contexts(c, new Set());
    for (const ev of c.events) {
      if (ev.type !== 'route') continue;
      for (const ctx of ctxs) {
        const full = joinPath(ctx.prefix, ev.localPath);
        const outer = [...ctx.outer, ...usesBefore(c, ev.order).map((u) => ({ mw: u.mw, path: joinPath(ctx.prefix, u.path) }))];
        const middleware = [...outer.filter((o) => pathApplies(o.path, full)).map((o) => o.mw), ...ev.middleware];
        col.routes.push({ ...makeRoute(c.framework, ev.method, full, ev.call, ev.handler, middleware, ctx.devOnly || ev.devOnly), root: rootOf(ctx) });
      }
    }
    for (const ext of c.externals) {
      for (const ctx of ctxs) {
        const full = joinPath(ctx.prefix, ext.localPath);
        const outer = [...ctx.outer, ...usesBefore(c, ext.order).map((u) => ({ mw: u.mw, path: joinPath(ctx.prefix, u.path) }))];
        const middleware = [...outer.filter((o) => pathApplies(o.path, full)).map((o) => o.mw), ...ext.middleware];
        col.externalMounts.push({ source: ext.source, path: full, middleware, devOnly: ctx.devOnly || ext.devOnly, node: ext.call, top: rootOf(ctx) });
      }
    }
  }
  for (const { c, ev, index, fn } of useFnRoutes) {
    const test = pathTest(fn, c.framework);
    for (const ctx of contexts(c, new Set())) {
      const full = joinPath(ctx.prefix, ev.localPath, test.path ?? '');
      const outer = [...ctx.outer, ...usesBefore(c, ev.order).map((u) => ({ mw: u.mw, path: joinPath(ctx.prefix, u.path) }))];
      const middleware = [...outer.filter((o) => pathApplies(o.path, full)).map((o) => o.mw), ...ev.entries.slice(0, index)];
      const path = test.path === undefined && ev.localPath === '' ? undefined : full;
      col.routes.push({ ...makeRoute(c.framework, test.method ?? 'ALL', path, ev.call, fn, middleware, ctx.devOnly || ev.devOnly), root: rootOf(ctx) });
      col.handlerFns.set(fn, c.framework);
    }
  }

  /** `ctx.path === '/chat'` / `ctx.method === 'POST'` tests in a use() function that acts as a route. */
  function pathTest(fn: FunctionNode, fw: OrderedFramework): { path?: string; method?: string } {
    const first = fn.params[0];
    if (first?.type !== AST_NODE_TYPES.Identifier) return {};
    const out: { path?: string; method?: string } = {};
    for (const b of file.index.binaries) {
      if (!contains(fn, b) || (b.operator !== '===' && b.operator !== '==')) continue;
      for (const [l, r] of [[b.left, b.right], [b.right, b.left]] as const) {
        const chain = memberChain(l as Node);
        if (!chain || chain[0] !== first.name) continue;
        const key = chain.slice(1).join('.');
        const value = staticPath(file, r);
        if (value === undefined) continue;
        if (out.path === undefined && /^(request\.)?(path|url|originalUrl)$/.test(key) && (fw !== 'hono')) out.path = value.split('?')[0];
        if (out.method === undefined && /^(request\.)?method$/.test(key)) out.method = value.toUpperCase();
      }
    }
    return out;
  }

  function honoMethods(arg: Node): string {
    const e = skipTS(arg);
    if (e.type === AST_NODE_TYPES.ArrayExpression) {
      return e.elements.map((x) => (x ? staticPath(file, x)?.toUpperCase() ?? '?' : '?')).join(',');
    }
    return staticPath(file, e)?.toUpperCase() ?? 'ALL';
  }
}

function rootOf(ctx: Context): { node: Node; app: boolean } {
  return { node: ctx.top.node, app: ctx.top.kind === 'app' };
}

/** The use() middleware of a container registered before `order` (events are sorted by then). */
function usesBefore(c: Container, order: number): { mw: Middleware; path: string | undefined }[] {
  const out: { mw: Middleware; path: string | undefined }[] = [];
  for (const ev of c.events) {
    if (ev.order >= order) break;
    if (ev.type === 'use') for (const mw of ev.entries) out.push({ mw, path: ev.localPath });
  }
  return out;
}
