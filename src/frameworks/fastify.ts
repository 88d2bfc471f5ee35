/**
 * Fastify: instances, encapsulated plugin scopes (`register`, `fastify-plugin`), hooks, decorators and routes.
 * Hooks apply to every route of their encapsulation scope whatever the order, so scopes are built first.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { boundOnce, calledName, enclosingFunction, findProperty, isFunction, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { CALL, ESM, trackerOf } from '../references.js';
import type { FileContext, FunctionNode, ImportSource, Middleware, Node, RouteRoot } from '../types.js';
import {
  assignRoles,
  calleeName,
  flattenArgs,
  httpMethod,
  importSourceOf,
  isDevOnly,
  joinPath,
  makeRoute,
  middlewareOf,
  paramVariable,
  resolveHandler,
  staticPath,
  wrapperMiddleware,
  type Collector,
} from './common.js';
import type { FrameworkAdapter, RegisteredHere } from './adapter.js';
import { REQUEST } from './request.js';

/** Hooks that run before the handler, in lifecycle order. */
const HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const;

interface FScope {
  readonly node: Node;
  readonly hooks: { readonly hook: string; readonly node: Node; readonly order: number }[];
  readonly routes: FRoute[];
  readonly mounts: { readonly parent: FScope; readonly prefix: string | undefined; readonly fp: boolean; readonly devOnly: boolean }[];
}

interface FRoute {
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly path: string | undefined;
  readonly routeHooks: readonly Middleware[];
  readonly handler: FunctionNode | undefined;
  readonly handlerRef: Node | undefined;
  readonly devOnly: boolean;
}

const ROOT = { [CALL]: 'root' };
/** Instance methods that return the instance they are called on. */
const SAME_INSTANCE = new Set(['register', 'addHook', 'decorate', 'route', 'setErrorHandler', 'withTypeProvider', 'decorateRequest', 'decorateReply', 'addSchema', 'setNotFoundHandler']);
const TRACE = {
  fastify: { ...ROOT, default: ROOT, fastify: ROOT },
  'fastify-plugin': { [CALL]: 'fp', default: { [CALL]: 'fp' }, fastifyPlugin: { [CALL]: 'fp' } },
};

/** Where an app or plugin is registered from: what `analyzeFastify` and `fastifyInstances` both start from. */
interface ScopeInputs {
  /** This file's plugin functions other modules register (the project map says so). */
  readonly registeredHere: readonly FunctionNode[];
  /** Functions another module calls with an instance: `routes(app)` (see registration-order/params.ts). */
  readonly handed: readonly { readonly fn: FunctionNode; readonly index: number }[];
  /** Building the project map's facts: exported named functions are taken as plugins too (`export async function app(fastify)`). */
  readonly forFacts: boolean;
}

type External = { parent: FScope; prefix: string | undefined; devOnly: boolean; call: TSESTree.CallExpression; source: ImportSource; param?: number; autoload?: { readonly dirPrefix: boolean } };

/** A file's Fastify instances: apps it creates, plugin functions and their instance parameters, registrations. */
interface Scopes {
  readonly roots: ReadonlyMap<Node, FScope>;
  readonly fnScopes: ReadonlyMap<FunctionNode, FScope>;
  readonly paramIndex: ReadonlyMap<FunctionNode, number>;
  /** Scopes of exported plugins wrapped in `fastify-plugin`: what they decorate belongs to the registering scope. */
  readonly exportedFp: ReadonlySet<FScope>;
  readonly externals: readonly External[];
  /** The scope an expression is an instance of (an app, a plugin parameter, a variable holding one). */
  scopeOf(expr: Node | undefined): FScope | undefined;
}

/** The file's Fastify instances and registrations, or undefined when the file does not use Fastify. */
function fastifyScopes(file: FileContext, inputs: ScopeInputs): Scopes | undefined {
  const { registeredHere, handed } = inputs;
  const imports = [...FASTIFY_MODULES].some((m) => file.imports.has(m));
  if (!imports && registeredHere.length === 0 && handed.length === 0) return undefined;
  const tracker = trackerOf(file);
  const roots = new Map<Node, FScope>();
  const fpCalls = new Set<Node>();
  const esm = Object.fromEntries(Object.entries(TRACE).map(([k, v]) => [k, { ...v, [ESM]: true }]));
  for (const { node, info } of [...tracker.iterateEsmReferences(esm as never), ...tracker.iterateCjsReferences(TRACE as never)]) {
    const n = node as Node;
    if (info === 'fp') fpCalls.add(n);
    else if (n.type === AST_NODE_TYPES.CallExpression && !roots.has(n)) roots.set(n, newScope(n));
  }

  const fnScopes = new Map<FunctionNode, FScope>();
  const paramScopes = new Map<Scope.Variable, FScope>();
  // Functions handed the instance as a parameter other than a plugin's first: the parameter's position.
  const paramIndex = new Map<FunctionNode, number>();
  const scopeOfFn = (fn: FunctionNode, index = 0): FScope => {
    let s = fnScopes.get(fn);
    if (!s) {
      s = newScope(fn);
      fnScopes.set(fn, s);
      const v = fn.params[index] && paramVariable(file, fn.params[index]);
      if (v) paramScopes.set(v, s);
    }
    return s;
  };

  const varScopes = new Map<Scope.Variable, FScope | null>();
  const scopeOf = (expr: Node | undefined, depth = 0): FScope | undefined => {
    if (!expr || depth > 20) return undefined;
    const e = skipTS(expr);
    const root = roots.get(e);
    if (root) return root;
    if (e.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(file.sourceCode, e);
      if (!v) return undefined;
      const p = paramScopes.get(v);
      if (p) return p;
      if (varScopes.has(v)) return varScopes.get(v) ?? undefined;
      varScopes.set(v, null);
      const def = v.defs.length === 1 ? v.defs[0] : undefined;
      const s = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init
        ? scopeOf(def.node.init, depth + 1)
        : undefined;
      // Only remember hits: plugin parameters are mapped while registrations are still being found.
      if (s) varScopes.set(v, s);
      else varScopes.delete(v);
      return s;
    }
    // fastify({ logger: true }).register(...) / app.register(p).after(): registration methods return the instance, and
    // so does `withTypeProvider<ZodTypeProvider>()` (the same instance, typed).
    if (e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.MemberExpression) {
      const name = calleeName(e);
      if (name && SAME_INSTANCE.has(name)) {
        return scopeOf((skipTS(e.callee) as TSESTree.MemberExpression).object, depth + 1);
      }
    }
    return undefined;
  };

  /** A plugin argument: an inline or named function, possibly wrapped in `fp(...)`. */
  const resolvePlugin = (expr: Node | undefined, depth = 0): { fn: FunctionNode; fp: boolean } | undefined => {
    if (!expr || depth > 8 || expr.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const e = skipTS(expr);
    if (fpCalls.has(e) && e.type === AST_NODE_TYPES.CallExpression) {
      const inner = resolvePlugin(e.arguments[0], depth + 1);
      return inner && { fn: inner.fn, fp: true };
    }
    const fn = resolveFunction(file.sourceCode, e);
    if (fn) return { fn, fp: false };
    if (e.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(file.sourceCode, e);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) return resolvePlugin(def.node.init, depth + 1);
    }
    return undefined;
  };

  for (const fn of registeredHere) scopeOfFn(fn);
  for (const p of handed) {
    scopeOfFn(p.fn, p.index);
    paramIndex.set(p.fn, p.index);
  }
  // A plugin file: `export default fp(async (fastify) => ...)`, `module.exports = async function (fastify, opts) {}`.
  const exportedFp = new Set<FScope>();
  for (const exported of exportedValues(file.ast, inputs.forFacts)) {
    const p = resolvePlugin(exported);
    if (p && p.fn.params.length >= 1 && p.fn.params.length <= 3) {
      const s = scopeOfFn(p.fn);
      if (p.fp) exportedFp.add(s);
    }
  }

  // Registrations first (to a fixpoint), so a plugin's instance parameter is known before its body is read.
  const registers = file.index.calls.filter((c) => calleeName(c) === 'register');
  const done = new Set<Node>();
  const externals: External[] = [];
  // routes(app): a function called with the instance registers on it directly, as an fp plugin would (no encapsulation).
  const direct = file.index.calls.filter((c) => c.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier) && calleeName(c) !== 'register');
  const doneDirect = new Set<string>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const call of registers) {
      if (done.has(call)) continue;
      const parent = scopeOf((skipTS(call.callee) as TSESTree.MemberExpression).object);
      if (!parent) continue;
      done.add(call);
      const plugin = resolvePlugin(call.arguments[0]);
      const opts = call.arguments[1] && resolveObject(file, call.arguments[1]);
      const prefixProp = opts && findProperty(opts, 'prefix');
      if (!plugin) {
        // app.register(chatRoutes, { prefix: '/api' }) with `chatRoutes` imported: the project map follows it.
        const source = call.arguments[0] && pluginSourceOf(file, call.arguments[0]);
        if (source && AUTOLOAD.has(source.specifier)) {
          // app.register(AutoLoad, { dir: path.join(__dirname, 'routes') }): every plugin file of the folder.
          const a = opts && autoloadOf(file, opts);
          if (a) externals.push({ parent, prefix: a.prefix, devOnly: isDevOnly(file, call), call, source: { specifier: a.dir, name: 'default' }, autoload: { dirPrefix: a.dirPrefix } });
          continue;
        }
        const prefix = prefixProp ? staticPath(file, prefixProp.value) : opts || !call.arguments[1] ? '' : undefined;
        if (source) externals.push({ parent, prefix, devOnly: isDevOnly(file, call), call, source });
        continue;
      }
      progress = true;
      const child = scopeOfFn(plugin.fn);
      const prefix = plugin.fp ? '' : prefixProp ? staticPath(file, prefixProp.value) : opts || !call.arguments[1] ? '' : undefined;
      child.mounts.push({ parent, prefix, fp: plugin.fp, devOnly: isDevOnly(file, call) });
    }
    for (const call of direct) {
      const callee = skipTS(call.callee);
      call.arguments.forEach((arg, index) => {
        const key = `${call.range[0]}:${index}`;
        const parent = arg.type === AST_NODE_TYPES.Identifier && !doneDirect.has(key) ? scopeOf(arg) : undefined;
        if (!parent) return;
        doneDirect.add(key);
        const local = callee.type === AST_NODE_TYPES.Identifier ? resolveFunction(file.sourceCode, callee) : undefined;
        if (local) {
          // A function whose scope is already known by another parameter keeps that one.
          if (!local.params[index] || (fnScopes.has(local) && index !== 0)) return;
          const child = scopeOfFn(local, index);
          if (child !== parent) child.mounts.push({ parent, prefix: '', fp: true, devOnly: isDevOnly(file, call) });
          progress = true;
          return;
        }
        const source = importSourceOf(file, callee);
        if (source) externals.push({ parent, prefix: '', devOnly: isDevOnly(file, call), call, source, param: index });
      });
    }
  }
  return { roots, fnScopes, paramIndex, exportedFp, externals, scopeOf };
}

/** Finds Fastify routes, hooks, error handlers and parameter roles. */
export function analyzeFastify(col: Collector): void {
  const { file } = col;
  // A plugin file need not import Fastify: `export default async (fastify) => {...}` registered by the app.
  const registeredHere = [...col.externalPlugins].filter(([, f]) => f === 'fastify').map(([fn]) => fn);
  // Or a function another module calls with an instance: `routes(app)` (see registration-order/params.ts).
  const handed = col.appParams.filter((p) => p.framework === 'fastify');
  const found = fastifyScopes(file, { registeredHere, handed, forFacts: col.provisionalParams });
  if (!found) return;
  const { roots, fnScopes, paramIndex, exportedFp, externals, scopeOf } = found;

  const decorations = new Map<string, Node>();
  const resolveMw = (n: Node): FunctionNode | undefined => {
    const e = skipTS(n);
    // fastify.authenticate / this.authenticate after fastify.decorate('authenticate', fn)
    if (e.type === AST_NODE_TYPES.MemberExpression) {
      const chain = memberChain(e);
      const deco = chain && chain.length === 2 ? decorations.get(chain[1]!) : undefined;
      if (deco && (chain![0] === 'this' || scopeOf(e.object))) return resolveFunction(file.sourceCode, deco);
    }
    return resolveFunction(file.sourceCode, e);
  };

  const calls: { call: TSESTree.CallExpression; scope: FScope; name: string }[] = [];
  const decorates: { scope: FScope; name: string; value: Node }[] = [];
  for (const call of file.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    const scope = scopeOf((skipTS(call.callee) as TSESTree.MemberExpression).object);
    if (!scope) continue;
    calls.push({ call, scope, name });
    if (name === 'decorate') {
      const key = call.arguments[0] && staticPath(file, call.arguments[0]);
      const value = call.arguments[1];
      if (key !== undefined && value) {
        decorations.set(key, value);
        decorates.push({ scope, name: key, value });
      }
    }
  }

  for (const { call, scope, name } of calls) {
    const args = call.arguments as readonly Node[];
    if (name === 'addHook') {
      const hook = args[0] && staticPath(file, args[0]);
      if (hook && (HOOKS as readonly string[]).includes(hook) && args[1]) {
        for (const n of flattenArgs([args[1]])) scope.hooks.push({ hook, node: n, order: call.range[0] });
      }
    } else if (name === 'setErrorHandler') {
      const fn = args[0] && resolveFunction(file.sourceCode, args[0]);
      if (fn) {
        col.errorHandlers.add(fn);
        assignRoles(col, fn, ['err', 'req', 'res'], 'fastify');
      }
    } else if (name === 'route') {
      const opts = args[0] && resolveObject(file, args[0]);
      if (opts) addRoute(scope, call, opts, undefined, undefined, undefined);
    } else if (httpMethod(name) && args.length >= 2) {
      // app.get(path, handler) / app.get(path, opts, handler) / app.post(path, { handler, onRequest })
      const opts = resolveObject(file, args[1]!);
      const handler = opts ? args[2] : args[1];
      addRoute(scope, call, opts, httpMethod(name), staticPath(file, args[0]), handler);
    }
  }

  function addRoute(
    scope: FScope,
    call: TSESTree.CallExpression,
    opts: TSESTree.ObjectExpression | undefined,
    method: string | undefined,
    path: string | undefined,
    handlerExpr: Node | undefined,
  ): void {
    const routeHooks: Middleware[] = [];
    for (const hook of HOOKS) {
      const p = opts && findProperty(opts, hook);
      if (!p) continue;
      for (const n of flattenArgs([p.value as Node])) routeHooks.push(middlewareOf(file, n, 'hook', hook, resolveMw));
    }
    const hp = opts && findProperty(opts, 'handler');
    const hExpr = handlerExpr ?? (hp?.value as Node | undefined);
    const resolved = hExpr ? resolveHandler(file, hExpr) : { fn: undefined, wrappers: [] };
    if (method === undefined) {
      const mp = opts && findProperty(opts, 'method');
      const mv = mp && skipTS(mp.value as Node);
      method = mv?.type === AST_NODE_TYPES.ArrayExpression
        ? mv.elements.map((x) => (x ? staticPath(file, x)?.toUpperCase() ?? '?' : '?')).join(',')
        : (mv && staticPath(file, mv)?.toUpperCase()) ?? 'ALL';
    }
    if (path === undefined && !handlerExpr) {
      const up = opts && (findProperty(opts, 'url') ?? findProperty(opts, 'path'));
      path = up ? staticPath(file, up.value as Node) : undefined;
    }
    for (const m of routeHooks) if (m.fn) assignRoles(col, m.fn, ['req', 'res', 'next'], 'fastify');
    if (resolved.fn) {
      assignRoles(col, resolved.fn, ['req', 'res'], 'fastify');
      col.handlerFns.set(resolved.fn, 'fastify');
    }
    scope.routes.push({
      call,
      method,
      path,
      routeHooks: [...routeHooks, ...wrapperMiddleware(file, resolved.wrappers)],
      handler: resolved.fn,
      handlerRef: hExpr,
      devOnly: isDevOnly(file, call),
    });
  }

  // Encapsulation: an fp-wrapped plugin belongs to the scope it is registered in.
  const ownersMemo = new Map<FScope, Set<FScope>>();
  const owners = (s: FScope, stack: Set<FScope>): Set<FScope> => {
    const hit = ownersMemo.get(s);
    if (hit) return hit;
    const out = new Set<FScope>();
    if (stack.has(s)) return out;
    stack.add(s);
    if (!s.mounts.some((m) => m.fp)) out.add(s);
    for (const m of s.mounts) if (m.fp) for (const o of owners(m.parent, stack)) out.add(o);
    stack.delete(s);
    ownersMemo.set(s, out);
    return out;
  };

  // What other modules of the app see: decorations of an app, or of an exported plugin wrapped in fastify-plugin
  // (it decorates the instance that registers it). A plain plugin's decorations stay inside it.
  for (const d of decorates) {
    if ([...owners(d.scope, new Set())].some((o) => roots.has(o.node) || exportedFp.has(o))) col.decorations.push({ name: d.name, value: d.value });
  }
  // Hooks an exported fastify-plugin adds to the instance that registers it: they run before that instance's routes.
  for (const s of [...new Set([...roots.values(), ...fnScopes.values()])]) {
    if (s.hooks.length === 0 || ![...owners(s, new Set())].some((o) => exportedFp.has(o))) continue;
    for (const h of s.hooks) col.sharedHooks.push(middlewareOf(file, h.node, 'hook', h.hook, resolveMw));
  }

  interface FContext { readonly prefix: string | undefined; readonly chain: readonly FScope[]; readonly devOnly: boolean }
  const ctxMemo = new Map<FScope, FContext[]>();
  const contexts = (s: FScope, stack: Set<FScope>): FContext[] => {
    const hit = ctxMemo.get(s);
    if (hit) return hit;
    if (stack.has(s)) return [];
    if (s.mounts.length === 0) return [{ prefix: '', chain: [s], devOnly: false }];
    stack.add(s);
    const out: FContext[] = [];
    for (const m of s.mounts) {
      for (const p of contexts(m.parent, stack)) {
        out.push({ prefix: joinPath(p.prefix, m.prefix), chain: [...p.chain, s], devOnly: p.devOnly || m.devOnly });
      }
    }
    stack.delete(s);
    ctxMemo.set(s, out);
    return out;
  };

  const allScopes = [...new Set([...roots.values(), ...fnScopes.values()])];
  for (const s of allScopes) {
    for (const h of s.hooks) {
      const fn = resolveMw(h.node);
      if (fn) assignRoles(col, fn, ['req', 'res', 'next'], 'fastify');
    }
  }
  /** The scope hooks that apply in an encapsulation context, with how deep each was added. */
  const applicableHooks = (ctx: FContext): { hook: string; node: Node; order: number; depth: number }[] => {
    // Each scope on the way down, as the encapsulation context it shares hooks with.
    const depthOf = new Map<FScope, number>();
    ctx.chain.forEach((c, i) => {
      for (const o of owners(c, new Set())) if (!depthOf.has(o)) depthOf.set(o, i);
    });
    const applicable: { hook: string; node: Node; order: number; depth: number }[] = [];
    for (const d of allScopes) {
      if (d.hooks.length === 0) continue;
      let depth: number | undefined;
      for (const o of owners(d, new Set())) {
        const k = depthOf.get(o);
        if (k !== undefined && (depth === undefined || k < depth)) depth = k;
      }
      if (depth !== undefined) for (const h of d.hooks) applicable.push({ ...h, depth });
    }
    return applicable;
  };
  const rootOf = (ctx: FContext): RouteRoot => {
    const node = ctx.chain[0]!.node;
    const index = paramIndex.get(node as FunctionNode);
    return { node, app: roots.has(node), ...(index === undefined ? {} : { param: { fn: node as FunctionNode, index } }) };
  };
  for (const s of allScopes) {
    for (const r of s.routes) {
      for (const ctx of contexts(s, new Set())) {
        const applicable = applicableHooks(ctx);
        const middleware: Middleware[] = [];
        for (const hook of HOOKS) {
          applicable
            .filter((h) => h.hook === hook)
            .sort((a, b) => a.depth - b.depth || a.order - b.order)
            .forEach((h) => middleware.push(middlewareOf(file, h.node, 'hook', hook, resolveMw)));
          middleware.push(...r.routeHooks.filter((m) => m.hook === hook));
        }
        middleware.push(...r.routeHooks.filter((m) => !m.hook));
        col.routes.push({ ...makeRoute('fastify', r.method, joinPath(ctx.prefix, r.path), r.call, r.handler, middleware, ctx.devOnly || r.devOnly, r.handlerRef), root: rootOf(ctx) });
      }
    }
  }
  for (const ext of externals) {
    for (const ctx of contexts(ext.parent, new Set())) {
      const applicable = applicableHooks(ctx);
      const middleware = HOOKS.flatMap((hook) =>
        applicable
          .filter((h) => h.hook === hook)
          .sort((a, b) => a.depth - b.depth || a.order - b.order)
          .map((h) => middlewareOf(file, h.node, 'hook', hook, resolveMw)),
      );
      const path = joinPath(ctx.prefix, ext.prefix);
      col.externalMounts.push({
        source: ext.source,
        framework: 'fastify',
        path,
        middleware,
        devOnly: ctx.devOnly || ext.devOnly,
        node: ext.call,
        top: rootOf(ctx),
        ...(ext.param === undefined ? {} : { param: ext.param }),
        ...(ext.autoload ? { autoload: ext.autoload } : {}),
      });
    }
  }
}

/**
 * Whether an expression is a Fastify instance of this file, for reading what other modules decorated it with: an
 * app or a plugin's instance parameter (and variables holding one), `request.server` and `reply.server` of a handler
 * or hook registered on one, and `this` in such a handler written as a `function`. Undefined when the file does not
 * use Fastify.
 */
function fastifyInstances(file: FileContext, external: RegisteredHere): ((node: Node) => boolean) | undefined {
  const found = fastifyScopes(file, { registeredHere: external.plugins, handed: external.appParams, forFacts: false });
  if (!found) return undefined;
  // Functions Fastify calls with (request, reply) and `this` bound to the instance: handlers and hooks.
  const called = new Set<FunctionNode>(external.handlers);
  // A handler or hook argument, or one in a route's options (`{ handler, onRequest: [check] }`), one level down.
  const add = (n: Node | undefined, nested: boolean): void => {
    if (!n || n.type === AST_NODE_TYPES.SpreadElement) return;
    const e = skipTS(n);
    if (e.type === AST_NODE_TYPES.ArrayExpression) {
      for (const x of e.elements) if (x) add(x as Node, nested);
      return;
    }
    const fn = resolveHandler(file, e).fn;
    if (fn) called.add(fn);
    const obj = fn || nested ? undefined : resolveObject(file, e);
    for (const p of obj?.properties ?? []) if (p.type === AST_NODE_TYPES.Property && p.kind === 'init') add(p.value as Node, true);
  };
  for (const call of file.index.calls) {
    const name = calleeName(call);
    if (!name || (name !== 'route' && name !== 'addHook' && !httpMethod(name)) || !found.scopeOf((skipTS(call.callee) as TSESTree.MemberExpression).object)) continue;
    for (const a of call.arguments) add(a as Node, false);
  }
  const requestVars = new Set<Scope.Variable>();
  for (const fn of called) {
    for (const p of fn.params.slice(0, 2)) {
      const v = paramVariable(file, p);
      if (v) requestVars.add(v);
    }
  }
  const isInstance = (node: Node, depth: number): boolean => {
    const e = skipTS(node);
    if (depth > 8) return false;
    if (e.type === AST_NODE_TYPES.ThisExpression) {
      let fn = enclosingFunction(e);
      while (fn?.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = enclosingFunction(fn);
      return !!fn && called.has(fn);
    }
    if (e.type === AST_NODE_TYPES.MemberExpression) {
      const obj = skipTS(e.object);
      const v = obj.type === AST_NODE_TYPES.Identifier && propertyName(e) === 'server' ? variableOf(file.sourceCode, obj) : undefined;
      return !!v && requestVars.has(v);
    }
    if (e.type !== AST_NODE_TYPES.Identifier) return false;
    if (found.scopeOf(e)) return true;
    // const fastify = request.server
    const init = boundOnce(file.sourceCode, e);
    return !!init && isInstance(init, depth + 1);
  };
  return (node) => isInstance(node, 0);
}

/** An object literal written in place or held by a local const. */
function resolveObject(file: FileContext, expr: Node): TSESTree.ObjectExpression | undefined {
  const e = skipTS(expr);
  if (e.type === AST_NODE_TYPES.ObjectExpression) return e;
  if (e.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = boundOnce(file.sourceCode, e);
  const obj = init && skipTS(init);
  return obj?.type === AST_NODE_TYPES.ObjectExpression ? obj : undefined;
}

/** The module a registered plugin comes from: an import, or `import('./routes/chat')` (Fastify awaits the promise). */
function pluginSourceOf(file: FileContext, node: Node): ImportSource | undefined {
  const e = skipTS(node);
  if (e.type === AST_NODE_TYPES.ImportExpression) {
    const s = e.source.type === AST_NODE_TYPES.Literal && typeof e.source.value === 'string' ? e.source.value : undefined;
    return s === undefined ? undefined : { specifier: s, name: 'default' };
  }
  return importSourceOf(file, e);
}

/** The packages that load a folder of plugins: a module importing one may register any file of the project. */
export const AUTOLOAD = new Set(['@fastify/autoload', 'fastify-autoload']);
/** A module that imports one of these is a Fastify module (an app folder autoloader is one too). */
const FASTIFY_MODULES = new Set(['fastify', 'fastify-plugin', ...AUTOLOAD]);
/** @fastify/autoload options that change which files load, or how their prefixes are made, beyond what is modelled. */
const AUTOLOAD_UNMODELLED = ['ignorePattern', 'matchFilter', 'ignoreFilter', 'indexPattern', 'scriptPattern', 'autoHooks', 'routeParams', 'maxDepth'];

/**
 * What an `@fastify/autoload` registration loads, with its defaults: every script of `dir` (relative to this file's
 * folder) and its subfolders, a subfolder's name prefixing its files' routes (`dirNameRoutePrefix`, default true),
 * `options.prefix` in front. Undefined when the folder is not static or an option changes the set of files
 * (`ignorePattern`, `matchFilter`, `autoHooks`, ...): then the folder is not followed.
 */
function autoloadOf(file: FileContext, opts: TSESTree.ObjectExpression): { dir: string; prefix: string | undefined; dirPrefix: boolean } | undefined {
  for (const key of AUTOLOAD_UNMODELLED) {
    const p = findProperty(opts, key);
    // `autoHooks: false` and the like change nothing.
    if (p && !(p.value.type === AST_NODE_TYPES.Literal && p.value.value === false)) return undefined;
  }
  if (opts.properties.some((p) => p.type !== AST_NODE_TYPES.Property)) return undefined;
  const dirProp = findProperty(opts, 'dir');
  const dir = dirProp && folderOf(file, dirProp.value as Node);
  if (dir === undefined) return undefined;
  const dnp = findProperty(opts, 'dirNameRoutePrefix');
  const dnpValue = dnp && skipTS(dnp.value as Node);
  if (dnpValue && (dnpValue.type !== AST_NODE_TYPES.Literal || typeof dnpValue.value !== 'boolean')) return undefined;
  const options = findProperty(opts, 'options');
  const optionsObj = options && resolveObject(file, options.value as Node);
  const prefixProp = optionsObj && findProperty(optionsObj, 'prefix');
  const prefix = prefixProp ? staticPath(file, prefixProp.value as Node) : !options || optionsObj ? '' : undefined;
  return { dir, prefix, dirPrefix: dnpValue?.type === AST_NODE_TYPES.Literal ? dnpValue.value === true : true };
}

/**
 * A folder given relative to this module's own: `path.join(__dirname, 'routes')`, `resolve(import.meta.dirname,
 * 'routes')`, `` `${__dirname}/routes` ``, with `__dirname` the CommonJS global or a local
 * `dirname(fileURLToPath(import.meta.url))`. As a relative path ('routes', '../api'); undefined for anything else.
 */
function folderOf(file: FileContext, node: Node): string | undefined {
  const e = skipTS(node);
  const parts: (Node | undefined)[] = [];
  if (e.type === AST_NODE_TYPES.CallExpression) {
    const name = calledName(e);
    if ((name !== 'join' && name !== 'resolve') || !e.arguments[0] || !isHere(file, e.arguments[0] as Node, 0)) return undefined;
    parts.push(...(e.arguments.slice(1) as Node[]));
  } else if (e.type === AST_NODE_TYPES.TemplateLiteral && e.expressions.length === 1 && e.quasis[0]?.value.cooked === '' && isHere(file, e.expressions[0] as Node, 0)) {
    return normalFolder([e.quasis[1]?.value.cooked ?? undefined]);
  } else {
    return undefined;
  }
  const names: (string | undefined)[] = parts.map((p) => (p && p.type !== AST_NODE_TYPES.SpreadElement ? staticPath(file, p) : undefined));
  return normalFolder(names);
}

function normalFolder(parts: readonly (string | null | undefined)[]): string | undefined {
  if (parts.some((p) => typeof p !== 'string' || p.startsWith('/'))) return undefined;
  const joined = (parts as string[]).join('/').replace(/\\/g, '/').replace(/^\.\//, '');
  return joined === '' ? '.' : joined;
}

/** This module's own folder: `__dirname`, `import.meta.dirname`, or a const holding `dirname(fileURLToPath(import.meta.url))`. */
function isHere(file: FileContext, node: Node, depth: number): boolean {
  const e = skipTS(node);
  if (depth > 4) return false;
  if (e.type === AST_NODE_TYPES.MemberExpression) return e.object.type === AST_NODE_TYPES.MetaProperty && propertyName(e) === 'dirname';
  if (e.type === AST_NODE_TYPES.CallExpression) {
    // dirname(fileURLToPath(import.meta.url))
    const name = calledName(e);
    const arg = e.arguments[0] && skipTS(e.arguments[0] as Node);
    if (name !== 'dirname' || arg?.type !== AST_NODE_TYPES.CallExpression) return false;
    const inner = arg.arguments[0] && skipTS(arg.arguments[0] as Node);
    return inner?.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.MetaProperty && propertyName(inner) === 'url';
  }
  if (e.type !== AST_NODE_TYPES.Identifier) return false;
  const v = variableOf(file.sourceCode, e);
  // The CommonJS global: no binding of that name in the module.
  if (!v || v.defs.length === 0) return e.name === '__dirname';
  const init = boundOnce(file.sourceCode, e);
  return !!init && isHere(file, init, depth + 1);
}

function newScope(node: Node): FScope {
  return { node, hooks: [], routes: [], mounts: [] };
}

/**
 * The values a module exports as a whole: `export default x`, `module.exports = x`; with `named`, exported
 * functions too (`export async function app(fastify, opts)`, registered by another module).
 */
function exportedValues(ast: TSESTree.Program, named: boolean): Node[] {
  const out: Node[] = [];
  for (const stmt of ast.body) {
    if (stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      out.push(stmt.declaration as Node);
    } else if (named && stmt.type === AST_NODE_TYPES.ExportNamedDeclaration && stmt.declaration) {
      const d = stmt.declaration;
      if (d.type === AST_NODE_TYPES.FunctionDeclaration) out.push(d);
      else if (d.type === AST_NODE_TYPES.VariableDeclaration) for (const v of d.declarations) if (v.init) out.push(v.init);
    } else if (stmt.type === AST_NODE_TYPES.ExpressionStatement && stmt.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const chain = memberChain(stmt.expression.left);
      if (chain?.join('.') === 'module.exports') out.push(stmt.expression.right);
    }
  }
  return out.filter((n) => isFunction(skipTS(n)) || skipTS(n).type === AST_NODE_TYPES.CallExpression || skipTS(n).type === AST_NODE_TYPES.Identifier);
}

/** The Fastify adapter: its own registration model (encapsulated plugin scopes and hooks) and its data. */
export const fastify: FrameworkAdapter = {
  id: 'fastify',
  modules: { names: ['fastify', 'fastify-plugin'] },
  plugins: { names: [], prefixes: ['@fastify/'] },
  createsAppText: /\b(?:fastify|Fastify)\s*\(/,
  handlerRoles: ['req', 'res'],
  analyze: analyzeFastify,
  controllerParams: { reply: 'res' },
  mountedFunction: 'plugin',
  request: { req: REQUEST },
  // reply.send(x); a handler's return value is the body.
  sinks: { response: { label: 'reply', send: new Set(['send']) }, returnIsBody: true },
  // reply.code(401); reply.unauthorized() of @fastify/sensible
  refusals: { methods: { code: 'statusArg0', unauthorized: 'auth', forbidden: 'auth', badRequest: 'bad' } },
  auth: {
    decorators: {
      '@fastify/basic-auth': ['basicAuth'],
      'fastify-basic-auth': ['basicAuth'],
      '@fastify/bearer-auth': ['verifyBearerAuth'],
    },
    combinators: { '@fastify/auth': 'auth' },
    requestWrappers: ['raw'],
    requestVerifiers: ['jwtVerify'],
    notAuthPlugins: [
      '@fastify/rate-limit', 'fastify-rate-limit', '@fastify/cors', '@fastify/helmet', '@fastify/static', '@fastify/compress',
      '@fastify/cookie', '@fastify/session', '@fastify/formbody', '@fastify/multipart',
    ],
    credentialOptions: {
      '@fastify/basic-auth': [{ path: [], validators: ['validate'], plugin: true }],
      '@fastify/jwt': [{ path: [], literalKeys: ['secret'], plugin: true }],
      '@fastify/cookie': [{ path: [], literalKeys: ['secret'], plugin: true }],
      '@fastify/session': [{ path: [], literalKeys: ['secret'], plugin: true }],
    },
  },
  typedRoles: [
    { names: ['FastifyRequest'], packages: ['fastify'], role: 'req' },
    { names: ['FastifyReply'], packages: ['fastify'], role: 'res' },
  ],
  // Fastify parses JSON bodies by default.
  bodyParsers: { jsonByDefault: ['fastify'] },
  pluginWrappers: ['fp', 'fastifyPlugin'],
  logOwners: ['request', 'fastify', 'reply', 'instance'],
  // fastify.decorate('openai', client) in a plugin module, read as fastify.openai / request.server.openai / this.openai.
  // A plugin file need not import anything (`module.exports = async function (fastify) {...}`).
  decorations: { text: /fastify/i, instances: fastifyInstances },
};
