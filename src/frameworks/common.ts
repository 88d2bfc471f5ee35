/** Pieces every framework adapter shares: the collector, paths, dev-only guards, argument and handler resolution. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, memberChain, propertyName, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { ExternalMount, FileContext, Framework, FunctionNode, LlmCall, ImportSource, Middleware, Node, ParamRole, Route } from '../types.js';

/** What the adapters write into while they read the file. */
export interface Collector {
  readonly file: FileContext;
  /** The first model call `fn` reaches (from the model's LLM calls alone). */
  readonly reachedLlmCall: (fn: FunctionNode) => LlmCall | undefined;
  readonly routes: Route[];
  readonly errorHandlers: Set<FunctionNode>;
  readonly roles: Map<Scope.Variable, ParamRole>;
  /** The framework each role-carrying variable belongs to (decides sink labels). */
  readonly varFramework: Map<Scope.Variable, Framework>;
  /** Functions registered as route handlers (Fastify returns count as sinks only there). */
  readonly handlerFns: Map<FunctionNode, Framework>;
  /** Every registered function: handlers, middleware, hooks, error handlers. */
  readonly registered: Set<FunctionNode>;
  /** Routers and plugins imported from other files and mounted here (read by the project route map). */
  readonly externalMounts: ExternalMount[];
  /** This file's plugin functions that other modules register, by framework (the project map says so). */
  readonly externalPlugins: Map<FunctionNode, Framework>;
  /** Parameters other modules hand an app or router: `chatEndpoints(apiRouter)` (the project map says so). */
  readonly appParams: readonly AppParam[];
  /** Building the project map's facts: parameters passed on to another module's function are followed. */
  readonly provisionalParams: boolean;
  /** What this file decorates an instance with that other modules of the app see (Fastify `decorate`). */
  readonly decorations: Decoration[];
  /** Hooks this file adds to an instance other modules register routes on (an exported fastify-plugin's). */
  readonly sharedHooks: Middleware[];
  /** Middleware applied with `use(...)` on an app or router of this file (`app.use(resMsg())`). */
  readonly useMiddleware: Middleware[];
}

/** `fastify.decorate(name, value)` on an instance other modules of the app share. */
export interface Decoration {
  readonly name: string;
  readonly value: Node;
}

/** A function's parameter that another module hands an app or router of `framework`. */
export interface AppParam {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly framework: Framework;
}

/**
 * The module a mounted expression is imported from: `chatRouter` (ESM import or `require`), `routes.chat`
 * (namespace import), `require('./chat')`, `require('./x').chat`, and `sub.routes()` when `mountCalls` (the
 * adapters' `order.mountCalls`) has `routes`. Undefined for anything else.
 */
export function importSourceOf(file: FileContext, node: Node, mountCalls: ReadonlySet<string> = NO_NAMES, depth = 0): ImportSource | undefined {
  if (depth > 6 || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const e = skipTS(node);
  // Any module may be the project's (tsconfig paths, `#imports`, workspace packages): the project map's resolver decides.
  const relative = (s: ImportSource | undefined): ImportSource | undefined => (s && !s.specifier.startsWith('node:') ? s : undefined);
  if (e.type === AST_NODE_TYPES.CallExpression) {
    const spec = requireSpecifier(e);
    if (spec !== undefined) return relative({ specifier: spec, name: 'default' });
    // sub.routes() / sub.middleware() (Koa)
    const callee = skipTS(e.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && name && mountCalls.has(name)) return importSourceOf(file, callee.object, mountCalls, depth + 1);
    return undefined;
  }
  if (e.type === AST_NODE_TYPES.MemberExpression) {
    const key = propertyName(e);
    const obj = skipTS(e.object);
    // Object.keys(routes).forEach((k) => app.use(routes[k].routes())): each export of the namespace, mounted.
    if (!key && mountCalls !== NO_NAMES && e.computed && iteratesKeysOf(file, e.property as Node, obj)) {
      const inner = importSourceOf(file, obj, mountCalls, depth + 1);
      return inner?.name === '*' ? { specifier: inner.specifier, name: EVERY_EXPORT } : undefined;
    }
    if (!key) return undefined;
    if (obj.type === AST_NODE_TYPES.CallExpression) {
      const spec = requireSpecifier(obj);
      return spec === undefined ? undefined : relative({ specifier: spec, name: key });
    }
    // import * as routes from './routes'; routes.chat
    const inner = importSourceOf(file, obj, mountCalls, depth + 1);
    return inner?.name === '*' || (inner?.name === 'default' && isRequireBinding(file, obj)) ? { specifier: inner.specifier, name: key } : undefined;
  }
  if (e.type !== AST_NODE_TYPES.Identifier) return undefined;
  // Object.values(routes).forEach((r) => app.use(r.routes())), for (const r of Object.values(routes)) app.use(r)
  const values = mountCalls === NO_NAMES ? undefined : iteratedObjectOf(file, e, 'values');
  if (values) {
    const inner = importSourceOf(file, values, mountCalls, depth + 1);
    return inner?.name === '*' ? { specifier: inner.specifier, name: EVERY_EXPORT } : undefined;
  }
  const v = variableOf(file.sourceCode, e);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const decl = def.parent as TSESTree.ImportDeclaration;
    const spec = def.node;
    const name = spec.type === AST_NODE_TYPES.ImportSpecifier
      ? (spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value))
      : spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : 'default';
    return relative({ specifier: decl.source.value, name });
  }
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  // const { chatRouter } = require('./routes')
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    const init = skipTS(def.node.init);
    const spec = init.type === AST_NODE_TYPES.CallExpression ? requireSpecifier(init) : undefined;
    const prop = def.node.id.properties.find((p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier && p.value.name === e.name);
    const key = prop?.type === AST_NODE_TYPES.Property ? propertyName(prop) : undefined;
    return spec !== undefined && key ? relative({ specifier: spec, name: key }) : undefined;
  }
  return def.node.id === def.name ? importSourceOf(file, def.node.init, mountCalls, depth + 1) : undefined;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The name a mount of every export of a module goes by (a loop over a namespace import's keys or values): the project
 * walk follows each export. No export is named so.
 */
export const EVERY_EXPORT = '*every';

/**
 * The object whose own keys (`kind` 'keys') or values ('values') the identifier `id` runs over: the parameter of a
 * callback of `Object.keys(obj).forEach`/`.map`, or the variable of `for (const k in obj)` and `for (const k of
 * Object.keys(obj))`. Undefined for anything else.
 */
function iteratedObjectOf(file: FileContext, id: TSESTree.Identifier, kind: 'keys' | 'values'): Node | undefined {
  const def = variableOf(file.sourceCode, id)?.defs[0];
  if (!def) return undefined;
  const objectOfCall = (call: Node | null | undefined): Node | undefined => {
    const c = call && skipTS(call);
    if (c?.type !== AST_NODE_TYPES.CallExpression || c.arguments.length !== 1) return undefined;
    const chain = memberChain(c.callee);
    return chain?.length === 2 && chain[0] === 'Object' && chain[1] === kind ? (c.arguments[0] as Node) : undefined;
  };
  if (def.type === 'Parameter') {
    const fn = def.node;
    if (!isFunction(fn) || fn.params[0] !== def.name) return undefined;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
    const callee = skipTS(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !['forEach', 'map'].includes(propertyName(callee) ?? '')) return undefined;
    return objectOfCall(callee.object);
  }
  if (def.type !== 'Variable' || def.node.init) return undefined;
  const loop = def.node.parent?.parent;
  if (loop?.type === AST_NODE_TYPES.ForInStatement && loop.left === def.node.parent) return kind === 'keys' ? (loop.right as Node) : undefined;
  if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === def.node.parent) return objectOfCall(loop.right);
  return undefined;
}

/** `routes[k]` with `k` running over the keys of `obj` (the same variable, or the same namespace import). */
function iteratesKeysOf(file: FileContext, key: Node, obj: Node): boolean {
  const k = skipTS(key);
  if (k.type !== AST_NODE_TYPES.Identifier || obj.type !== AST_NODE_TYPES.Identifier) return false;
  const over = iteratedObjectOf(file, k, 'keys');
  const o = over && skipTS(over);
  return o?.type === AST_NODE_TYPES.Identifier && variableOf(file.sourceCode, o) === variableOf(file.sourceCode, obj);
}

/** An imported function as named at a use: an export, or a method (`member`) of an exported object. */
export interface ImportedRef {
  readonly specifier: string;
  readonly name: string;
  readonly member?: string;
}

/**
 * What an expression that names an imported function may be, most direct first: `reply` (an import), `chat.reply`
 * (a namespace or `require` member, then the `reply` method of the object `chat` imports), looking through wrapper
 * calls that take the function (`asyncHandler(chat.reply)`). The caller keeps the first its module's facts know.
 */
export function importedRefs(file: FileContext, node: Node, depth = 0): ImportedRef[] {
  const e = skipTS(node);
  if (e.type === AST_NODE_TYPES.CallExpression) {
    if (depth > 3) return [];
    const out: ImportedRef[] = [];
    for (let i = e.arguments.length - 1; i >= 0; i--) out.push(...importedRefs(file, e.arguments[i] as Node, depth + 1));
    return out;
  }
  const out: ImportedRef[] = [];
  const direct = importSourceOf(file, e);
  if (direct && direct.name !== '*') out.push({ specifier: direct.specifier, name: direct.name });
  if (e.type === AST_NODE_TYPES.MemberExpression) {
    const member = propertyName(e);
    const owner = importSourceOf(file, skipTS(e.object));
    if (member !== undefined && owner && owner.name !== '*') out.push({ specifier: owner.specifier, name: owner.name, member });
  }
  return out;
}

function requireSpecifier(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTS(call.callee);
  const arg = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || arg?.type !== AST_NODE_TYPES.Literal) return undefined;
  return typeof arg.value === 'string' ? arg.value : undefined;
}

function isRequireBinding(file: FileContext, node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(file.sourceCode, node)?.defs[0];
  return def?.type !== 'ImportBinding';
}

/** A fresh collector. */
export function createCollector(
  file: FileContext,
  inputs: { readonly reachedLlmCall: Collector['reachedLlmCall']; readonly appParams?: readonly AppParam[]; readonly provisionalParams?: boolean },
): Collector {
  return {
    file,
    reachedLlmCall: inputs.reachedLlmCall,
    routes: [],
    errorHandlers: new Set(),
    roles: new Map(),
    varFramework: new Map(),
    handlerFns: new Map(),
    registered: new Set(),
    externalMounts: [],
    externalPlugins: new Map(),
    appParams: inputs.appParams ?? [],
    provisionalParams: !!inputs.provisionalParams,
    decorations: [],
    sharedHooks: [],
    useMiddleware: [],
  };
}

/** The variable a parameter declares, for `x`, `x = 1` and `x: T` forms; undefined for patterns. */
export function paramVariable(file: FileContext, param: TSESTree.Parameter): Scope.Variable | undefined {
  let p: Node = param;
  if (p.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  return p.type === AST_NODE_TYPES.Identifier ? variableOf(file.sourceCode, p) : undefined;
}

/** Gives the parameters of a registered function their roles (the first role given to a variable wins). */
export function assignRoles(
  c: Collector,
  fn: FunctionNode,
  roles: readonly (ParamRole | undefined)[],
  framework: Framework,
): void {
  c.registered.add(fn);
  roles.forEach((role, i) => {
    const param = fn.params[i];
    if (!role || !param) return;
    const v = paramVariable(c.file, param);
    if (v && !c.roles.has(v)) {
      c.roles.set(v, role);
      c.varFramework.set(v, framework);
    }
  });
}

/** Joins route path pieces; undefined when any piece is unknown. */
export function joinPath(...parts: (string | undefined)[]): string | undefined {
  let out = '';
  for (const part of parts) {
    if (part === undefined) return undefined;
    if (part === '' || part === '/') continue;
    out = out.replace(/\/+$/, '') + (part.startsWith('/') ? part : `/${part}`);
  }
  return out;
}

/** A route path as written, when it is a static string. */
export function staticPath(file: FileContext, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  try {
    return staticString(node, file.sourceCode.getScope(node) as Scope.Scope);
  } catch {
    // Defensive: a scope lookup on a foreign node.
    return undefined;
  }
}

/** Whether a middleware mounted at `usePath` runs for a route at `routePath`; unknown paths count as "yes". */
export function pathApplies(usePath: string | undefined, routePath: string | undefined): boolean {
  if (usePath === undefined || routePath === undefined) return true;
  const u = usePath.replace(/\/?\*$/, '').replace(/\/+$/, '');
  if (u === '' || u === '*') return true;
  return routePath === u || routePath.startsWith(`${u}/`);
}

/** True for expressions that are path-like first arguments (strings, templates, regexes, arrays of them). */
export function isPathArgument(file: FileContext, node: Node | undefined): boolean {
  if (!node) return false;
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string' || 'regex' in n;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.some((e) => !!e && isPathArgument(file, e));
  return staticPath(file, n) !== undefined;
}

/** Flattens middleware arguments: nested arrays are expanded, spreads and holes are kept as unknown entries. */
export function flattenArgs(args: readonly Node[]): Node[] {
  const out: Node[] = [];
  const visit = (n: Node, depth: number): void => {
    const e = skipTS(n);
    if (e.type === AST_NODE_TYPES.ArrayExpression && depth < 8) {
      for (const el of e.elements) if (el) visit(el, depth + 1);
    } else {
      out.push(n);
    }
  };
  for (const a of args) visit(a, 0);
  return out;
}

/** A handler as written, with the wrapper calls around it: `asyncHandler(async (req, res) => ...)`. */
export interface ResolvedHandler {
  readonly fn: FunctionNode | undefined;
  /** Wrapper calls whose function argument is the handler, outermost first. */
  readonly wrappers: readonly TSESTree.CallExpression[];
}

/** Resolves a handler expression, looking through wrapper calls that take the handler as their last function argument. */
export function resolveHandler(file: FileContext, expr: Node): ResolvedHandler {
  const wrappers: TSESTree.CallExpression[] = [];
  let e: Node = skipTS(expr);
  for (let depth = 0; depth < 4; depth++) {
    const fn = resolveFunction(file.sourceCode, e);
    if (fn) return { fn, wrappers };
    const call = wrapperCall(file, e);
    if (!call) break;
    wrappers.push(call);
    // Shape heuristic: `wrap(fn)` whose argument is a function is assumed to return a function that calls it.
    const inner = [...call.arguments].reverse().find((a) => a.type !== AST_NODE_TYPES.SpreadElement && resolveFunction(file.sourceCode, a));
    if (!inner) break;
    e = skipTS(inner);
  }
  return { fn: undefined, wrappers: [] };
}

function wrapperCall(file: FileContext, e: Node): TSESTree.CallExpression | undefined {
  if (e.type === AST_NODE_TYPES.CallExpression) return e;
  // `const handler = withAuth(async (req) => ...)`
  if (e.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(file.sourceCode, e);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = skipTS(def.node.init);
      if (init.type === AST_NODE_TYPES.CallExpression && !v!.references.some((r) => r.isWrite() && r.init !== true)) return init;
    }
  }
  return undefined;
}

/** A middleware entry for an expression as written. */
export function middlewareOf(
  file: FileContext,
  node: Node,
  scope: Middleware['scope'],
  hook?: string,
  resolve?: (n: Node) => FunctionNode | undefined,
): Middleware {
  const fn = resolve?.(node) ?? (node.type === AST_NODE_TYPES.SpreadElement ? undefined : resolveFunction(file.sourceCode, node));
  return hook ? { node, fn, scope, hook } : { node, fn, scope };
}

/**
 * Whether a middleware leaves the route in doubt: a plain reference (`auth`, `auth.required`) to a function that is
 * not in this file. Calls (`passport.authenticate('jwt')`, `express.json()`) are judged by the auth analysis instead.
 */
export function middlewareUnresolved(mw: Middleware): boolean {
  if (mw.fn) return false;
  const n = skipTS(mw.node);
  return n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.SpreadElement;
}

/** Builds a route, deriving `unresolved` from its handler and middleware. */
export function makeRoute(
  framework: Framework,
  method: string,
  path: string | undefined,
  registration: Node,
  handler: FunctionNode | undefined,
  middleware: readonly Middleware[],
  devOnly: boolean,
  handlerRef?: Node,
): Route {
  return {
    framework,
    method,
    path,
    registration,
    handlers: handler ? [handler] : [],
    ...(!handler && handlerRef ? { handlerRef } : {}),
    middleware,
    unresolved: !handler || middleware.some(middlewareUnresolved),
    devOnly,
  };
}

/** Middleware entries for the wrapper calls around a handler (`withAuth(handler)` runs before the handler). */
export function wrapperMiddleware(file: FileContext, wrappers: readonly TSESTree.CallExpression[]): Middleware[] {
  // The wrapper's callee is what decides (e.g. `withAuth`); the handler is already resolved, so it never adds doubt.
  return wrappers.map((w) => ({ node: w, fn: resolveFunction(file.sourceCode, w.callee), scope: 'route' as const }));
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

/** The upper-case method of a route-registering member name (`del` → DELETE, `all` → ALL). */
export function httpMethod(name: string | undefined): string | undefined {
  if (!name || !HTTP_METHODS.has(name)) return undefined;
  return name === 'del' ? 'DELETE' : name.toUpperCase();
}

/** The member name of a call's callee (`app.post(...)` → 'post'). */
export function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTS(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return propertyName(callee);
}

/** True when the registration only runs outside production (NODE_ENV guards, directly or through a local const). */
export function isDevOnly(file: FileContext, node: Node): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent && envTest(file, parent.test, 0) === 'dev') return true;
        if (child === parent.alternate && envTest(file, parent.test, 0) === 'prod') return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.operator === '&&' && child === parent.right && envTest(file, parent.left, 0) === 'dev') return true;
        break;
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * True when the handler ends the request first thing in production: a top-level
 * `if (process.env.NODE_ENV === 'production') return res.sendStatus(404)` (or `throw`) before any other branch.
 */
export function exitsInProduction(file: FileContext, fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const stmt of fn.body.body) {
    // Only declarations and plain expressions may come first: an earlier branch could already answer in production.
    if (stmt.type === AST_NODE_TYPES.VariableDeclaration || stmt.type === AST_NODE_TYPES.ExpressionStatement) continue;
    if (stmt.type !== AST_NODE_TYPES.IfStatement || stmt.alternate || envTest(file, stmt.test, 0) !== 'prod') return false;
    const c = stmt.consequent;
    const last = c.type === AST_NODE_TYPES.BlockStatement ? c.body[c.body.length - 1] : c;
    return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
  }
  return false;
}

const DEV_NAMES = new Set(['development', 'dev', 'test', 'local']);

/** 'dev' when the test holds only outside production, 'prod' when only in production. */
function envTest(file: FileContext, node: Node, depth: number): 'dev' | 'prod' | undefined {
  if (depth > 5) return undefined;
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    const inner = envTest(file, n.argument, depth + 1);
    return inner === 'dev' ? 'prod' : inner === 'prod' ? 'dev' : undefined;
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression) {
    const l = envTest(file, n.left, depth + 1);
    const r = envTest(file, n.right, depth + 1);
    if (n.operator === '&&') return l === 'dev' || r === 'dev' ? 'dev' : l === 'prod' || r === 'prod' ? 'prod' : undefined;
    if (n.operator === '||') return l === r ? l : undefined;
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    // `const isDev = process.env.NODE_ENV !== 'production'`
    const v = variableOf(file.sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === 'const') {
      return envTest(file, def.node.init, depth + 1);
    }
    return undefined;
  }
  if (n.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const eq = n.operator === '===' || n.operator === '==';
  const ne = n.operator === '!==' || n.operator === '!=';
  if (!eq && !ne) return undefined;
  let value: string | undefined;
  if (isNodeEnv(file, n.left as Node, depth)) value = staticPath(file, n.right);
  else if (isNodeEnv(file, n.right, depth)) value = staticPath(file, n.left as Node);
  if (value === undefined) return undefined;
  if (value === 'production') return eq ? 'prod' : 'dev';
  if (DEV_NAMES.has(value)) return eq ? 'dev' : 'prod';
  return undefined;
}

function isNodeEnv(file: FileContext, node: Node, depth: number): boolean {
  const n = skipTS(node);
  const chain = memberChain(n);
  if (chain && chain.length === 3 && chain[0] === 'process' && chain[1] === 'env' && chain[2] === 'NODE_ENV') return true;
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 5) return false;
  // `const { NODE_ENV } = process.env` or `const env = process.env.NODE_ENV`
  const v = variableOf(file.sourceCode, n);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    const src = memberChain(def.node.init);
    return n.name === 'NODE_ENV' && !!src && src.join('.') === 'process.env';
  }
  return isNodeEnv(file, def.node.init, depth + 1);
}

/** True when `node` is a function literal or resolves to one. */
export function isFunctionish(file: FileContext, node: Node): boolean {
  return isFunction(skipTS(node)) || !!resolveFunction(file.sourceCode, node);
}

/** The member call made on `obj`: `obj.name(args)`, or undefined. */
export function methodCall(obj: Node): { name: string; call: TSESTree.CallExpression } | undefined {
  const m = obj.parent;
  if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== obj) return undefined;
  const name = propertyName(m);
  let callee: Node = m;
  while (callee.parent && (callee.parent.type === AST_NODE_TYPES.TSNonNullExpression || callee.parent.type === AST_NODE_TYPES.ChainExpression)) callee = callee.parent;
  const call = callee.parent;
  if (!name || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return undefined;
  return { name, call };
}
