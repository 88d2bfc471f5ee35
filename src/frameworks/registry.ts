/**
 * Every framework adapter, and the views of them the engines read. No engine names a framework: each asks here.
 * Order matters where two adapters could answer: the first wins (e.g. the response shape of a role of unknown
 * framework is the first adapter's, and web responses in a file importing two such frameworks are the first's).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TraceNode } from '../auth/trace.js';
import type { FileContext, Framework, FunctionNode, Node, ParamRole, RequestPart } from '../types.js';
import type {
  CredentialOptions,
  FrameworkAdapter,
  ModuleNames,
  RefusalShape,
  RegisteredHere,
  RequestHandleKind,
  RequestShape,
  ResponseSinks,
  TraceMap,
  TypedRoleEntry,
} from './adapter.js';
import { express } from './express.js';
import { fastify } from './fastify.js';
import { hono } from './hono.js';
import { koa } from './koa.js';
import { next } from './next.js';

/** The adapters, in the order their answers are preferred. */
export const ADAPTERS: readonly FrameworkAdapter[] = [express, koa, hono, fastify, next];

const BY_ID = new Map<Framework, FrameworkAdapter>(ADAPTERS.map((a) => [a.id, a]));

/** The adapter of a framework id. */
export function adapterOf(id: Framework | undefined): FrameworkAdapter | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}

const matches = (m: ModuleNames | undefined, spec: string): boolean =>
  !!m && (m.names.includes(spec) || (m.prefixes ?? []).some((p) => spec.startsWith(p)));

/** The adapter whose own modules include `spec` (`hono/jwt` → Hono), ignoring plugin namespaces. */
export function adapterOfModule(spec: string): FrameworkAdapter | undefined {
  return ADAPTERS.find((a) => matches(a.modules, spec));
}

/** True for a module that makes a file framework code: a framework's own module or one of its plugins. */
export function isFrameworkModule(spec: string): boolean {
  return ADAPTERS.some((a) => matches(a.modules, spec) || matches(a.plugins, spec));
}

/** True for a file name that holds routes without any import (Next.js `app/**\/route.ts`, `pages/api/**`). */
export function isRouteFile(filename: string | undefined): boolean {
  return !!filename && ADAPTERS.some((a) => a.routeFile?.test(filename));
}

/** True when the file imports one of the adapter's own modules or, for file-routed frameworks, is a route file. */
export function fileUses(file: FileContext, adapter: FrameworkAdapter): boolean {
  for (const s of file.imports) if (matches(adapter.modules, s)) return true;
  return !!file.filename && !!adapter.routeFile?.test(file.filename);
}

/** True when the file imports a framework's own module (plugins alone do not count). */
export function importsFramework(file: FileContext): boolean {
  for (const s of file.imports) if (adapterOfModule(s)) return true;
  return false;
}

/** The adapters whose middleware run in registration order, for the shared engine. */
export const ORDERED: readonly FrameworkAdapter[] = ADAPTERS.filter((a) => a.order);

/** Methods that turn a router into mountable middleware (`router.routes()`), over the registration-order adapters. */
export const MOUNT_CALLS: ReadonlySet<string> = new Set(ORDERED.flatMap((a) => a.order?.mountCalls ?? []));

/** Text of a module that may read what another module decorated an app with (the cheap signal). */
export const DECORATION_TEXT: readonly RegExp[] = ADAPTERS.flatMap((a) => (a.decorations ? [a.decorations.text] : []));

/**
 * Whether an expression is an instance of a framework whose apps other modules decorate (Fastify); undefined when
 * the file uses none. `external` is what the project map says the project registers of this file, per framework.
 */
export function decoratedInstances(
  file: FileContext,
  external: (framework: Framework) => RegisteredHere,
): ((node: Node) => boolean) | undefined {
  const tests = ADAPTERS.flatMap((a) => {
    const t = a.decorations?.instances(file, external(a.id));
    return t ? [t] : [];
  });
  return tests.length === 0 ? undefined : (node) => tests.some((t) => t(node));
}

/** Calls that read an app setting other modules set (Express `req.app.get('openai')`): the decoration read; see decoratedInstances. */
export function decoratedSettingReads(
  file: FileContext,
  external: (framework: Framework) => RegisteredHere,
): ((call: TSESTree.CallExpression) => string | undefined) | undefined {
  const reads = ADAPTERS.flatMap((a) => {
    const r = a.decorations?.settingReads?.(file, external(a.id));
    return r ? [r] : [];
  });
  return reads.length === 0 ? undefined : (call) => reads.reduce<string | undefined>((found, r) => found ?? r(call), undefined);
}

/** Source text that creates an app of any framework (the project map's cheap test for entry files). */
export const CREATES_APP_TEXT = new RegExp(
  ADAPTERS.flatMap((a) => (a.createsAppText ? [a.createsAppText.source] : [])).join('|'),
);

/** The last-resort controller parameter names (`res`, `reply`, `ctx`, `c`) → role and owning framework. */
export function controllerParam(name: string, file: FileContext): { role: ParamRole; framework: Framework } | undefined {
  const owners = ADAPTERS.filter((a) => a.controllerParams && Object.hasOwn(a.controllerParams, name));
  // The framework the file uses wins a shared name (`res` of a Next.js pages/api file).
  const owner = owners.find((a) => a !== owners[0] && fileUses(file, a)) ?? owners[0];
  return owner && { role: owner.controllerParams![name]!, framework: owner.id };
}

/** The names only some adapter's controllers use (`res`, `reply`, `ctx`, `c`). */
const CONTROLLER_PARAM_NAMES: ReadonlySet<string> = new Set(ADAPTERS.flatMap((a) => Object.keys(a.controllerParams ?? {})));

/**
 * One of those names written as a parameter (after `(` or `,`, before `,`, `)` or a type annotation): a text test that
 * a file may hold such a controller (signals.ts). Identifiers hold no regular-expression syntax but `$`.
 */
export const CONTROLLER_PARAM_TEXT = new RegExp(`[(,]\\s*(?:${[...CONTROLLER_PARAM_NAMES].map((n) => n.replace(/\$/g, '\\$')).join('|')})\\s*[,):]`);

/** True for a name that only some adapter's controllers use (it makes an unregistered function a controller). */
export function isControllerParamName(name: string): boolean {
  return CONTROLLER_PARAM_NAMES.has(name);
}

/** The role a conventionally named parameter has in a framework file, when no adapter gave one. */
export function requestParamRole(name: string, file: FileContext): ParamRole | undefined {
  if (!importsFramework(file)) return undefined;
  for (const a of ADAPTERS) {
    const own = a.requestParams?.own;
    if (own && Object.hasOwn(own, name) && fileUses(file, a)) return own[name];
  }
  for (const a of ADAPTERS) {
    const any = a.requestParams?.any;
    if (any && Object.hasOwn(any, name)) return any[name];
  }
  return undefined;
}

/** One entry per handle kind, checked to agree when several adapters describe the same object. */
function mergeShapes(): ReadonlyMap<RequestHandleKind, RequestShape> {
  const out = new Map<RequestHandleKind, RequestShape>();
  for (const a of ADAPTERS) {
    for (const [kind, shape] of Object.entries(a.request ?? {}) as [RequestHandleKind, RequestShape][]) {
      const seen = out.get(kind);
      if (seen && seen !== shape) throw new Error(`Two request shapes for '${kind}' (${a.id})`);
      out.set(kind, shape);
    }
  }
  return out;
}

/** Request objects by the origin analysis' handle kind: their members and methods. */
export const REQUEST_SHAPES: ReadonlyMap<RequestHandleKind, RequestShape> = mergeShapes();

/** Calls of framework modules that return request data: module → export → request part. */
export const REQUEST_CALLS: Readonly<Record<string, Readonly<Record<string, RequestPart>>>> = Object.assign(
  {},
  ...ADAPTERS.map((a) => a.requestCalls ?? {}),
);

/** Calls of framework modules that redirect the client to their first argument: module → dotted export paths. */
export const REDIRECT_CALLS: Readonly<Record<string, readonly string[]>> = Object.assign({}, ...ADAPTERS.map((a) => a.redirectCalls ?? {}));

/** The response sinks of a framework. */
export function sinksOf(id: Framework | undefined): ResponseSinks | undefined {
  return adapterOf(id)?.sinks;
}

/** The response object shape of a framework; for a role of unknown framework, the first adapter's. */
export function responseShape(id: Framework | undefined): NonNullable<ResponseSinks['response']> {
  return adapterOf(id)?.sinks?.response ?? ADAPTERS.find((a) => a.sinks?.response)!.sinks!.response!;
}

/** The adapter whose handler context has this role (`ctx` → Koa, `honoContext` → Hono). */
const contextAdapterOf = (role: ParamRole): FrameworkAdapter | undefined => ADAPTERS.find((a) => a.sinks?.context?.role === role);

/** The adapter's reader of sinks off a context parameter of this role. */
export function contextSinkOf(role: ParamRole): NonNullable<ResponseSinks['context']> | undefined {
  return contextAdapterOf(role)?.sinks?.context;
}

/** The frameworks whose handlers take `params` parameters, with their roles in order (`(ctx, next)`: Koa, Hono). */
export function middlewareSignatures(params: number): { readonly framework: Framework; readonly role: readonly ParamRole[] }[] {
  return ADAPTERS.filter((a) => a.handlerRoles.length === params).map((a) => ({ framework: a.id, role: a.handlerRoles }));
}

/** The framework whose handler context has this role (Koa's `ctx`), if any. */
export function contextFramework(role: ParamRole): Framework | undefined {
  return contextAdapterOf(role)?.id;
}

/** The framework whose handlers return web `Response` objects in this file, if any. */
export function webResponseFramework(file: FileContext): Framework | undefined {
  return ADAPTERS.find((a) => a.sinks?.webResponses && fileUses(file, a))?.id;
}

/** Framework response classes: module → class name → framework (`next/server` → `NextResponse`). */
export const RESPONSE_CLASSES: readonly { readonly module: string; readonly name: string; readonly framework: Framework }[] = ADAPTERS.flatMap(
  (a) => Object.entries(a.sinks?.responseClasses ?? {}).map(([module, name]) => ({ module, name, framework: a.id })),
);

/** True when a framework's handler return value is its response body. */
export function returnIsBody(id: Framework | undefined): boolean {
  return !!adapterOf(id)?.sinks?.returnIsBody;
}

function mergeRefusals(): ReadonlyMap<string, RefusalShape> {
  const out = new Map<string, RefusalShape>();
  for (const a of ADAPTERS) {
    for (const [name, shape] of Object.entries(a.refusals?.methods ?? {})) {
      const seen = out.get(name);
      // Two frameworks may share a method name only if it refuses the same way (`json` of Hono and Next.js).
      if (seen && seen !== shape) throw new Error(`'${name}' refuses two ways (${a.id})`);
      out.set(name, shape);
    }
  }
  return out;
}

/** Member calls that refuse a request, by method name, over all frameworks. */
export const REFUSAL_METHODS: ReadonlyMap<string, RefusalShape> = mergeRefusals();

/** Bare calls that refuse a request (Next.js `redirect()`). */
export const REFUSAL_CALLS: ReadonlySet<string> = new Set(ADAPTERS.flatMap((a) => a.refusals?.calls ?? []));

/** Constructors of responses whose init may carry a refusing status: the web `Response` and framework classes. */
export const RESPONSE_CONSTRUCTORS: ReadonlySet<string> = new Set(['Response', ...RESPONSE_CLASSES.map((c) => c.name)]);

/** The auth knowledge every adapter owns, merged. */
export const frameworkAuth: {
  readonly modules: Readonly<Record<string, TraceNode>>;
  readonly decorators: Readonly<Record<string, readonly string[]>>;
  readonly combinators: Readonly<Record<string, string>>;
  readonly requestWrappers: ReadonlySet<string>;
  readonly stateHolders: ReadonlySet<string>;
  readonly statePrincipals: readonly string[];
  readonly requestVerifiers: ReadonlySet<string>;
  readonly notAuthPlugins: readonly string[];
  readonly credentialOptions: Readonly<Record<string, readonly CredentialOptions[]>>;
} = {
  modules: Object.assign({}, ...ADAPTERS.map((a) => a.auth?.modules ?? {})),
  decorators: Object.assign({}, ...ADAPTERS.map((a) => a.auth?.decorators ?? {})),
  combinators: Object.assign({}, ...ADAPTERS.map((a) => a.auth?.combinators ?? {})),
  requestWrappers: new Set(ADAPTERS.flatMap((a) => a.auth?.requestWrappers ?? [])),
  stateHolders: new Set(ADAPTERS.flatMap((a) => a.auth?.stateHolders ?? [])),
  statePrincipals: ADAPTERS.flatMap((a) => a.auth?.statePrincipals ?? []),
  requestVerifiers: new Set(ADAPTERS.flatMap((a) => a.auth?.requestVerifiers ?? [])),
  notAuthPlugins: ADAPTERS.flatMap((a) => a.auth?.notAuthPlugins ?? []),
  credentialOptions: Object.assign({}, ...ADAPTERS.map((a) => a.auth?.credentialOptions ?? {})),
};

/** Declared types that mark a parameter's role, with their framework, in adapter order. */
export const TYPED_ROLES: readonly (TypedRoleEntry & { readonly framework: Framework })[] = ADAPTERS.flatMap(
  (a) => (a.typedRoles ?? []).map((t) => ({ ...t, framework: a.id })),
);

/** Body parsers bundled by frameworks: raw ones and JSON ones as trace maps, and modules that parse JSON by default. */
export const BODY_PARSERS: { readonly raw: TraceMap; readonly json: TraceMap; readonly jsonByDefault: readonly string[] } = {
  raw: Object.assign({}, ...ADAPTERS.map((a) => a.bodyParsers?.raw ?? {})),
  json: Object.assign({}, ...ADAPTERS.map((a) => a.bodyParsers?.json ?? {})),
  jsonByDefault: ADAPTERS.flatMap((a) => a.bodyParsers?.jsonByDefault ?? []),
};

/** Whether the file uses a framework that hands handlers the request body only parsed (Hono, Next.js). */
export function bodyArrivesParsed(file: FileContext): boolean {
  return ADAPTERS.some((a) => a.bodyParsers?.parsedOnly && fileUses(file, a));
}

/** Local names of plugin wrappers (`fp(plugin)`): an exported plugin is what it wraps. */
export const PLUGIN_WRAPPERS: ReadonlySet<string> = new Set(ADAPTERS.flatMap((a) => a.pluginWrappers ?? []));

/** Objects conventionally holding a framework's logger (`req.log`, `fastify.log`). */
export const LOG_OWNERS: readonly string[] = ADAPTERS.flatMap((a) => a.logOwners ?? []);

/** Every module name and prefix the adapters declare (for tests and documentation). */
export function allModules(): readonly { readonly framework: Framework; readonly spec: string; readonly prefix: boolean; readonly plugin: boolean }[] {
  return ADAPTERS.flatMap((a) =>
    ([[a.modules, false], [a.plugins, true]] as const).flatMap(([m, plugin]) => [
      ...(m?.names ?? []).map((spec) => ({ framework: a.id, spec, prefix: false, plugin })),
      ...(m?.prefixes ?? []).map((spec) => ({ framework: a.id, spec, prefix: true, plugin })),
    ]),
  );
}

/**
 * What `fn`, exported by its module, is when an app of `framework` mounts it: a plugin, a request handler
 * (middleware), or nothing this analysis follows (error middleware by its arity, a framework that mounts apps only).
 */
export function mountedFunctionRole(framework: Framework, fn: FunctionNode): 'plugin' | 'handler' | undefined {
  const adapter = ADAPTERS.find((a) => a.id === framework);
  if (adapter?.mountedFunction === 'plugin') return 'plugin';
  if (adapter?.mountedFunction !== 'middleware') return undefined;
  const arity = adapter.order?.errorMiddleware?.arity;
  return arity !== undefined && fn.params.length >= arity ? undefined : 'handler';
}
