/**
 * The engine for frameworks whose middleware run in registration order (Express, Koa, Hono: adapters with `order`
 * traits). Three steps: find the apps and routers (registration-order/containers.ts), read every
 * `x.use/get/post/route(...)` call on them into ordered events and mounts (here), then build routes by walking
 * each container's mounts up to an app (registration-order/mounts.ts).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, resolveFunction, skipTS } from '../ast.js';
import type { FunctionNode, Middleware, Node } from '../types.js';
import { settingDecoration, type FrameworkAdapter } from './adapter.js';
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
  resolveHandler,
  staticPath,
  wrapperMiddleware,
  type Collector,
} from './common.js';
import { createHandles, findContainers, type Container, type Handle, type Handles, type UseEvent } from './registration-order/containers.js';
import { createContexts, middlewareBefore, rootOf } from './registration-order/mounts.js';
import { externalParams, readParamPasses } from './registration-order/params.js';
import { catchesNext, pathTest } from './registration-order/use-functions.js';

/** A use() function that reaches a model call: it acts as a route. */
interface UseFunctionRoute {
  readonly c: Container;
  readonly ev: UseEvent;
  readonly index: number;
  readonly fn: FunctionNode;
}

/** Finds the routes, error handlers and parameter roles of the registration-order frameworks in `adapters`. */
export function analyzeRegistrationOrder(col: Collector, adapters: readonly FrameworkAdapter[]): void {
  const creations = findContainers(col.file, adapters);
  const params = externalParams(col, adapters);
  if (creations.size === 0 && params.size === 0 && !col.provisionalParams) return;
  const mountCalls = new Set(adapters.flatMap((a) => a.order?.mountCalls ?? []));
  const handles = createHandles(col.file, creations, params);
  readAppLocals(col, handles);
  readParamPasses(col, handles, params, adapters);
  const containers = [...creations.values(), ...params.values()];
  if (containers.length === 0) return;
  const useFnRoutes = readRegistrations(col, handles, mountCalls);
  for (const c of containers) c.events.sort((a, b) => a.order - b.order);
  buildRoutes(col, containers, useFnRoutes);
}

/**
 * `app.locals.openai = client` and `app.set('openai', client)` on an app whose framework shares values that way:
 * decorations other modules read.
 */
function readAppLocals(col: Collector, handles: Handles): void {
  for (const call of col.file.index.calls) {
    const callee = skipTS(call.callee);
    const [key, value] = call.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 2 || key?.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string' || !value || value.type === AST_NODE_TYPES.SpreadElement) continue;
    const c = handles.handleOf(callee.object)?.c;
    if (c?.kind === 'app' && !c.param && c.traits.appSettings !== undefined && propertyName(callee) === c.traits.appSettings) col.decorations.push({ name: settingDecoration(key.value), value });
  }
  for (const a of col.file.index.assignments) {
    const left = skipTS(a.left);
    if (a.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const holder = skipTS(left.object);
    const name = propertyName(left);
    if (name === undefined || holder.type !== AST_NODE_TYPES.MemberExpression) continue;
    const c = handles.handleOf(holder.object)?.c;
    if (c?.kind === 'app' && !c.param && c.traits.appLocals !== undefined && propertyName(holder) === c.traits.appLocals) col.decorations.push({ name, value: a.right });
  }
}

/** Reads every registration call on a container into its events, mounts and externals. */
export function readRegistrations(col: Collector, handles: Handles, mountCalls: ReadonlySet<string> = new Set()): UseFunctionRoute[] {
  const { file } = col;
  const useFnRoutes: UseFunctionRoute[] = [];
  for (const call of file.index.calls) {
    const callee = skipTS(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = calleeName(call);
    if (!name) continue;
    const order = call.range[1];
    const chain = httpMethod(name) ? handles.routeChainOf(callee.object) : undefined;
    if (chain) {
      // router.route('/x').post(mw, h)
      const c = chain.h.c;
      addRoute(col, c, call, httpMethod(name)!, joinPath(c.ownPrefix, chain.h.prefix, chain.path), [...call.arguments], order);
      continue;
    }
    const h = handles.handleOf(callee.object);
    if (!h) continue;
    const c = h.c;
    // A parameter assumed a container for the project map's facts keeps its use() middleware only (auth before a pass).
    if (c.provisional && name !== 'use') continue;
    const t = c.traits;
    const args = [...call.arguments] as Node[];
    if (name === 'use') {
      useFnRoutes.push(...readUse(col, handles, h, call, args, order, mountCalls));
    } else if (name === 'prefix' && t.routerPrefix && c.kind === 'router') {
      c.ownPrefix = staticPath(file, args[0]);
    } else if (name === 'route' && t.routeMounts && args.length >= 2) {
      // app.route('/api', sub)
      const sub = handles.handleOf(args[1]);
      const localPath = joinPath(c.ownPrefix, h.prefix, staticPath(file, args[0]));
      if (sub && sub.c !== c) {
        sub.c.mounts.push({ parent: c, order, localPath, middleware: [], devOnly: isDevOnly(file, call) });
      } else if (!sub) {
        // app.route('/api', chat) with `chat` imported
        const source = importSourceOf(file, args[1]!, mountCalls);
        if (source) c.externals.push({ order, localPath, middleware: [], devOnly: isDevOnly(file, call), call, source });
      }
    } else if (t.errorHandlerMethod && name === t.errorHandlerMethod.name) {
      const fn = args[0] && resolveFunction(file.sourceCode, args[0]);
      if (fn) {
        col.errorHandlers.add(fn);
        assignRoles(col, fn, t.errorHandlerMethod.roles, c.adapter.id);
      }
    } else if (name === 'on' && t.onMethod && args.length >= 3) {
      // app.on('POST', '/x', h) / app.on(['GET', 'POST'], ...)
      addRoute(col, c, call, methodsOf(col, args[0]!), joinPath(c.ownPrefix, h.prefix, staticPath(file, args[1])), args.slice(2), order);
    } else if (httpMethod(name) && (name !== 'del' || t.delMethod)) {
      if (args.length < 2) continue; // Express `app.get('setting')` reads a setting.
      let rest = args;
      let path: string | undefined;
      if (isPathArgument(file, args[0])) {
        // koa-router named routes: router.get('name', '/path', h)
        const named = !!t.namedRoutes && args.length >= 3 && isPathArgument(file, args[1]) && !!staticPath(file, args[1])?.startsWith('/');
        path = staticPath(file, named ? args[1] : args[0]);
        rest = args.slice(named ? 2 : 1);
      } else if (resolveFunction(file.sourceCode, args[0]!)) {
        path = '';
      } else {
        path = undefined;
        rest = args.slice(1);
      }
      addRoute(col, c, call, httpMethod(name)!, joinPath(c.ownPrefix, h.prefix, path), rest, order);
    }
  }
  return useFnRoutes;
}

/** A route registration: its middleware, handler and roles. */
function addRoute(col: Collector, c: Container, call: TSESTree.CallExpression, method: string, localPath: string | undefined, rawArgs: Node[], order: number): void {
  const { file } = col;
  const entries = flattenArgs(rawArgs);
  const last = entries.pop();
  if (!last) return;
  const resolved = resolveHandler(file, last);
  const middleware = [...entries.map((n) => middlewareOf(file, n, 'route')), ...wrapperMiddleware(file, resolved.wrappers)];
  const roles = c.adapter.handlerRoles;
  for (const m of middleware) if (m.fn && m.scope === 'route' && !resolved.wrappers.includes(m.node as never)) assignRoles(col, m.fn, roles, c.adapter.id);
  if (resolved.fn) {
    assignRoles(col, resolved.fn, roles, c.adapter.id);
    col.handlerFns.set(resolved.fn, c.adapter.id);
  }
  c.events.push({ type: 'route', order, call, method, localPath, middleware, handler: resolved.fn, handlerRef: last, devOnly: isDevOnly(file, call) });
}

/** A `use()` registration: mounts, imported routers, error middleware, and middleware entries in order. */
function readUse(
  col: Collector,
  handles: Handles,
  h: Handle,
  call: TSESTree.CallExpression,
  args: Node[],
  order: number,
  mountCalls: ReadonlySet<string>,
): UseFunctionRoute[] {
  const { file } = col;
  const c = h.c;
  const t = c.traits;
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
    const sub = handles.mountedBy(arg);
    if (sub && sub !== c) {
      sub.mounts.push({ parent: c, order, localPath, middleware: entries.map((m) => ({ ...m, scope: 'router' as const })), devOnly });
      continue;
    }
    const mw = middlewareOf(file, arg, c.kind === 'app' ? 'app' : 'router');
    // An imported value may be a router: the project map decides. It stays a middleware entry here as before.
    const source = mw.fn ? undefined : importSourceOf(file, arg, mountCalls);
    if (source) c.externals.push({ order, localPath, middleware: entries.map((m) => ({ ...m, scope: 'router' as const })), devOnly, call, source });
    const fn = mw.fn;
    if (fn && t.errorMiddleware && fn.params.length === t.errorMiddleware.arity) {
      // (err, req, res, next) => ...: Express error-handling middleware.
      col.errorHandlers.add(fn);
      assignRoles(col, fn, t.errorMiddleware.roles, c.adapter.id);
      continue;
    }
    if (fn) {
      assignRoles(col, fn, c.adapter.handlerRoles, c.adapter.id);
      if (t.catchesNext && catchesNext(col, fn, c.adapter.id)) col.errorHandlers.add(fn);
    }
    entries.push(mw);
  }
  const ev: UseEvent = { type: 'use', order, call, localPath, entries, devOnly };
  c.events.push(ev);
  col.useMiddleware.push(...entries);
  // A use() function that itself reaches a model call acts as a route.
  const out: UseFunctionRoute[] = [];
  entries.forEach((m, index) => {
    if (m.fn && !col.errorHandlers.has(m.fn) && col.reachedLlmCall(m.fn)) out.push({ c, ev, index, fn: m.fn });
  });
  return out;
}

/** Koa `router.allowedMethods()`: answers OPTIONS/405, never a route or auth. */
function isAllowedMethods(arg: Node): boolean {
  const e = skipTS(arg);
  return e.type === AST_NODE_TYPES.CallExpression && calleeName(e) === 'allowedMethods';
}

/** The methods of `app.on('POST', ...)` / `app.on(['GET', 'POST'], ...)`. */
function methodsOf(col: Collector, arg: Node): string {
  const e = skipTS(arg);
  if (e.type === AST_NODE_TYPES.ArrayExpression) {
    return e.elements.map((x) => (x ? staticPath(col.file, x)?.toUpperCase() ?? '?' : '?')).join(',');
  }
  return staticPath(col.file, e)?.toUpperCase() ?? 'ALL';
}

/** Builds the routes and external mounts of every container, in every mount context, and the use() function routes. */
export function buildRoutes(col: Collector, containers: readonly Container[], useFnRoutes: readonly UseFunctionRoute[]): void {
  const contexts = createContexts();
  for (const c of containers) {
    const ctxs = contexts(c);
    for (const ev of c.events) {
      if (ev.type !== 'route') continue;
      for (const ctx of ctxs) {
        if (ctx.top.provisional) continue;
        const full = joinPath(ctx.prefix, ev.localPath);
        const middleware = [...middlewareBefore(ctx, c, ev.order, full), ...ev.middleware];
        col.routes.push({ ...makeRoute(c.adapter.id, ev.method, full, ev.call, ev.handler, middleware, ctx.devOnly || ev.devOnly, ev.handlerRef), root: rootOf(ctx) });
      }
    }
    for (const ext of c.externals) {
      for (const ctx of ctxs) {
        const full = joinPath(ctx.prefix, ext.localPath);
        const middleware = [...middlewareBefore(ctx, c, ext.order, full), ...ext.middleware];
        col.externalMounts.push({
          source: ext.source,
          framework: c.adapter.id,
          path: full,
          middleware,
          devOnly: ctx.devOnly || ext.devOnly,
          node: ext.call,
          top: rootOf(ctx),
          ...(ext.param === undefined ? {} : { param: ext.param }),
        });
      }
    }
  }
  for (const { c, ev, index, fn } of useFnRoutes) {
    if (c.provisional) continue;
    const test = pathTest(col.file, fn, c.traits);
    for (const ctx of contexts(c)) {
      if (ctx.top.provisional) continue;
      const full = joinPath(ctx.prefix, ev.localPath, test.path ?? '');
      const middleware = [...middlewareBefore(ctx, c, ev.order, full), ...ev.entries.slice(0, index)];
      const path = test.path === undefined && ev.localPath === '' ? undefined : full;
      col.routes.push({ ...makeRoute(c.adapter.id, test.method ?? 'ALL', path, ev.call, fn, middleware, ctx.devOnly || ev.devOnly), root: rootOf(ctx) });
      col.handlerFns.set(fn, c.adapter.id);
    }
  }
}
