/**
 * What a framework adapter says about its framework. Everything the engines (routes, sinks, origins, auth, typed
 * roles, the project map, the cheap signals) know about one framework is one value of this type, in one module
 * under src/frameworks/; src/frameworks/registry.ts lists them. To add a framework, write one and register it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TraceNode } from '../auth/trace.js';
import type { FileContext, Framework, FunctionNode, Node, ParamRole, RequestPart } from '../types.js';
import type { Collector } from './common.js';

/** Module specifiers: exact names (packages and subpaths) and prefixes every module under which belongs. */
export interface ModuleNames {
  readonly names: readonly string[];
  /** `hono/` covers `hono/jwt`, `hono/cors`, ... */
  readonly prefixes?: readonly string[];
}

/** A ReferenceTracker trace-map node (CommonJS shape; the engines add the ESM marker). */
export type TraceMap = Record<string, Record<string | symbol, unknown>>;

/** Objects the origin analysis follows from a handler parameter to request data. */
export type RequestHandleKind = 'req' | 'ctx' | 'webContext' | 'webContextReq' | 'ctxState';

/** What a member or a method of a request object yields: a request part, or another request object. */
export type RequestValue = RequestPart | { readonly handle: RequestHandleKind | 'env'; readonly final?: RequestPart };

/** The members and methods of one kind of request object. */
export interface RequestShape {
  readonly members?: Readonly<Record<string, RequestValue>>;
  /** `obj.method(name)`: what the call returns (`c.req.header('x')` → that header). */
  readonly methods?: Readonly<Record<string, RequestPart>>;
}

/**
 * How a call on a response or context refuses a request: the status is argument 0 (`res.status(401)`), in the
 * init or status at argument 1 (`c.json(x, 401)`, `Response.json(x, { status: 401 })`), argument 1 (`ctx.assert(u, 401)`),
 * or the method itself says so (`reply.unauthorized()` → 'auth', `reply.badRequest()` → 'bad').
 */
export type RefusalShape = 'statusArg0' | 'statusInit1' | 'statusArg1' | 'auth' | 'bad';

/** Ways the framework ends a request without authority. */
export interface Refusals {
  /** Member calls by name. */
  readonly methods?: Readonly<Record<string, RefusalShape>>;
  /** Bare calls that refuse (Next.js `redirect()` throws a redirect). */
  readonly calls?: readonly string[];
}

/** Credential-bearing options of an auth package's setup call (read by the hard-coded-credentials analysis). */
export interface CredentialOptions {
  /** Member path from the module to the setup call (`['jwt']` for `import { jwt } from 'hono/jwt'`). */
  readonly path: string[];
  /** Options whose string value is a credential. */
  readonly literalKeys?: string[];
  /** Positional arguments that are secrets: `jwt.sign(payload, secret)`. */
  readonly args?: number[];
  /** Options that are name → password maps. */
  readonly maps?: string[];
  /** Callbacks whose literal comparisons are hard-coded credentials. */
  readonly validators?: string[];
  /** A plugin registered on an instance: its options are the second argument of `register`. */
  readonly plugin?: boolean;
}

/** Auth middleware and plugins the framework owns (generic packages stay in src/auth/known.ts). */
export interface FrameworkAuth {
  /** Trace maps of its auth and known-not-auth middleware packages, by specifier. */
  readonly modules?: Readonly<Record<string, TraceNode>>;
  /** Plugins that only decorate the instance; `instance.<decorator>` used as a hook enforces auth. */
  readonly decorators?: Readonly<Record<string, readonly string[]>>;
  /** Plugins that decorate the instance with a method combining auth hooks, by plugin: `fastify.auth([a, b])`. */
  readonly combinators?: Readonly<Record<string, string>>;
  /** Members leading from a handler parameter to the request (`ctx.request`, `c.req`, `request.raw`). */
  readonly requestWrappers?: readonly string[];
  /** Context members holding what auth middleware attached (`ctx.state`, `c.var`). */
  readonly stateHolders?: readonly string[];
  /** Keys its auth middleware attach there beyond user/auth/jwt/session (`jwtPayload` of hono/jwt). */
  readonly statePrincipals?: readonly string[];
  /** Request methods that verify a token and throw on a bad one (`request.jwtVerify()` of @fastify/jwt). */
  readonly requestVerifiers?: readonly string[];
  /** Plugins whose registration or hook is not authentication. */
  readonly notAuthPlugins?: readonly string[];
  /** Setup options of its auth packages that hold credentials. */
  readonly credentialOptions?: Readonly<Record<string, readonly CredentialOptions[]>>;
}

/** A declared type that marks a parameter's role (`(req: Request, res: Response)` with Express types). */
export interface TypedRoleEntry {
  readonly names: readonly string[];
  /** Packages (and their @types) that declare the type. */
  readonly packages: readonly string[];
  readonly role: ParamRole;
}

/** Adds a response sink. */
export type AddSink = (node: Node | undefined, kind: string, framework: Framework | undefined) => void;

/** Response sinks of the framework. */
export interface ResponseSinks {
  /** The response object (`res`, `reply`): its label and the methods that send their first argument. */
  readonly response?: { readonly label: string; readonly send: ReadonlySet<string> };
  /** A handler's return value is the response body (Fastify). */
  readonly returnIsBody?: boolean;
  /** Handlers return web `Response` objects (Hono, Next.js). */
  readonly webResponses?: boolean;
  /** Framework response classes traced from a module (`NextResponse` of next/server). */
  readonly responseClasses?: Readonly<Record<string, string>>;
  /** Sinks read off a context parameter of the given role (`ctx.body = x`, `c.json(x)`). */
  readonly context?: { readonly role: ParamRole; readonly read: (id: Node, add: AddSink) => void };
}

/** What the registration-order engine (src/frameworks/registration-order.ts) needs to know of a framework. */
export interface OrderTraits {
  /** Modules → creation trace: `info` 'app' or 'router' at the creating call or `new`. */
  readonly creation: TraceMap;
  /** `new Router({ prefix })` and `router.prefix('/x')` (Koa). */
  readonly routerPrefix?: boolean;
  /** `app.basePath('/x')` returns a prefixed handle (Hono). */
  readonly basePath?: boolean;
  /** `app.route('/x', sub)` mounts a sub-app (Hono). */
  readonly routeMounts?: boolean;
  /** `app.route('/x').get(h).post(h)` chains (Express). */
  readonly routeChains?: boolean;
  /** `app.on('POST', '/x', h)` (Hono). */
  readonly onMethod?: boolean;
  /** `app.use(router)` mounts a router or app given as is (Express). */
  readonly useMountsHandles?: boolean;
  /** `app.use(router.routes())` mounts a router through these methods (Koa). */
  readonly mountCalls?: readonly string[];
  /** `router.del(...)` registers DELETE (Koa); elsewhere `del` is not a route. */
  readonly delMethod?: boolean;
  /** `router.get('name', '/path', h)` named routes (koa-router). */
  readonly namedRoutes?: boolean;
  /** Error handlers registered by method: `app.onError(fn)` (Hono). */
  readonly errorHandlerMethod?: { readonly name: string; readonly roles: readonly ParamRole[] };
  /** Error middleware recognised by arity: `(err, req, res, next)` (Express). */
  readonly errorMiddleware?: { readonly arity: number; readonly roles: readonly ParamRole[] };
  /** `try { await next() } catch (err)` in a middleware handles errors (Koa). */
  readonly catchesNext?: boolean;
  /** A use() function acting as a route may test `x.path === '/chat'` (not Hono, whose `c.req.path` differs). */
  readonly pathTests?: boolean;
  /**
   * The app's shared-values object (Express `app.locals`): `app.locals.openai = client` is a decoration of the app,
   * read by other modules through the request (`req.app.locals.openai`); see FrameworkAdapter.decorations.
   */
  readonly appLocals?: string;
  /**
   * The app's settings setter (Express `app.set`): `app.set('openai', client)` is a decoration of the app too, named
   * by `settingDecoration`, read by other modules with the getter (`req.app.get('openai')`); see
   * FrameworkAdapter.decorations.settingReads.
   */
  readonly appSettings?: string;
}

/** The decoration name of an app setting (`app.set(name, value)`): apart from `app.locals` names, which are identifiers. */
export function settingDecoration(name: string): string {
  return `setting:${name}`;
}

/** One web framework, described. */
export interface FrameworkAdapter {
  readonly id: Framework;
  /** The framework's own modules: importing one makes a file framework code and conventional names roles. */
  readonly modules: ModuleNames;
  /** Plugin namespaces: framework code for the cheap signals, but not the framework itself (`@fastify/*`). */
  readonly plugins?: ModuleNames;
  /** File names that hold routes without any import (Next.js `route.ts`, `pages/api/`). */
  readonly routeFile?: RegExp;
  /** Source text that creates an app (the project map's cheap test for entry files). */
  readonly createsAppText?: RegExp;
  /** Parameter roles of its handlers and middleware, in order. */
  readonly handlerRoles: readonly ParamRole[];
  /** Registration-order frameworks (middleware run in the order registered): read by the shared engine. */
  readonly order?: OrderTraits;
  /** Frameworks with their own registration model: finds their routes into the collector. */
  readonly analyze?: (col: Collector) => void;
  /**
   * What a function of another module is when an app of this framework mounts it (`app.use(proxy)`,
   * `fastify.register(routes)`): middleware that handles requests, or a plugin that registers routes.
   */
  readonly mountedFunction?: 'middleware' | 'plugin';
  /**
   * Last-resort parameter names: an unregistered function with one of these parameters in a framework file is a
   * controller (`res`, `reply`, `ctx`, `c`); the role's framework is this one.
   */
  readonly controllerParams?: Readonly<Record<string, ParamRole>>;
  /** Names a parameter has in any framework file (`req`), and ones that hold only where this framework is imported. */
  readonly requestParams?: { readonly any?: Readonly<Record<string, ParamRole>>; readonly own?: Readonly<Record<string, ParamRole>> };
  /** Calls of its modules that return request data (`cookies()` of next/headers): module → export → part. */
  readonly requestCalls?: Readonly<Record<string, Readonly<Record<string, RequestPart>>>>;
  /** Calls of its modules that redirect the client to their first argument: module → dotted export paths. */
  readonly redirectCalls?: Readonly<Record<string, readonly string[]>>;
  /** Request objects reached from its handler parameters, by the origin analysis' handle kind. */
  readonly request?: Partial<Readonly<Record<RequestHandleKind, RequestShape>>>;
  readonly sinks?: ResponseSinks;
  readonly refusals?: Refusals;
  readonly auth?: FrameworkAuth;
  readonly typedRoles?: readonly TypedRoleEntry[];
  /**
   * Body parsers it bundles: raw (bytes kept) and JSON ones, as trace maps, the modules that parse JSON by
   * themselves, and `parsedOnly` when handlers get the body only parsed (`c.req.json()`, `await request.json()`).
   */
  readonly bodyParsers?: {
    readonly raw?: TraceMap;
    readonly json?: TraceMap;
    readonly jsonByDefault?: readonly string[];
    readonly parsedOnly?: boolean;
  };
  /** Local names of its plugin wrapper (`fp(plugin)` of fastify-plugin): an exported plugin is what it wraps. */
  readonly pluginWrappers?: readonly string[];
  /** Objects conventionally holding its logger (`req.log`, `fastify.log`). */
  readonly logOwners?: readonly string[];
  /**
   * Values other modules of the app attach to its instances (Fastify `decorate`): the text a file that may read one
   * holds (the cheap signal), and the file's instances (undefined when the file does not use the framework).
   */
  readonly decorations?: {
    readonly text: RegExp;
    readonly instances: (file: FileContext, external: RegisteredHere) => ((node: Node) => boolean) | undefined;
    /** Calls that read an app setting other modules set (`req.app.get('openai')`): the decoration they read. */
    readonly settingReads?: (file: FileContext, external: RegisteredHere) => ((call: TSESTree.CallExpression) => string | undefined) | undefined;
  };
}

/** This file's functions the project registers with one framework (from the project map). */
export interface RegisteredHere {
  readonly plugins: readonly FunctionNode[];
  readonly handlers: readonly FunctionNode[];
  readonly appParams: readonly { readonly fn: FunctionNode; readonly index: number }[];
}
