/** What the project route map needs to know about one file, as plain data that outlives the file's AST. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { boundOnce, enclosingFunction, firstFrom, isFunction, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import type { ExportSummary, ModelFunction, ModelReturn, PromptParam } from '../llm/summary.js';
import { EVERY_EXPORT, importedRefs, importSourceOf } from '../frameworks/common.js';
import type { FileModel } from '../contract.js';
import type { FileContext, Framework, FunctionNode, LlmCall, Middleware, Node, PathKey, RouteRoot } from '../types.js';
import { MOUNT_CALLS, PLUGIN_WRAPPERS } from '../frameworks/registry.js';
import { middlewareSender } from '../frameworks/sinks.js';
import { errorFlowsOf, type ErrorFlow } from '../flow/error-details.js';

/** An export: a value of this file (keyed by the start of its node) or a re-export of another module's export. */
export type ExportTarget =
  | { readonly kind: 'local'; readonly key: number }
  | { readonly kind: 'from'; readonly specifier: string; readonly name: string };

/** A router or plugin imported from another file and mounted in this one. */
export interface MountFact {
  readonly specifier: string;
  readonly name: string;
  /** Undefined when the mount is on a provisional parameter: the framework is the one that reaches it. */
  readonly framework: Framework | undefined;
  /** The import is a function called with the app or router as this argument: see ExternalMount.param. */
  readonly param?: number;
  /** Full mount path in this file, undefined when not static. */
  readonly path: string | undefined;
  /** Some middleware or hook in front of the mount authenticates. */
  readonly auth: boolean;
  /**
   * When `auth` rests only on names: the imports of project modules whose names said so (`router.use(authRoutes)`).
   * The walk reads those modules, and a router of their routes is no authentication.
   */
  readonly authByName?: readonly { readonly specifier: string; readonly name: string }[];
  readonly devOnly: boolean;
  readonly line: number;
  /** Start of the app/router/plugin node at the top of the mount chain in this file (for a parameter, its function's). */
  readonly topKey: number;
  readonly topApp: boolean;
  /** The top is this parameter of the function at `topKey`, handed an app or router by another module. */
  readonly topParam?: number;
  /** An `@fastify/autoload` folder: `specifier` is its path from this file's folder (see ExternalMount.autoload). */
  readonly autoload?: { readonly dirPrefix: boolean };
}

/** An imported function registered here as a route handler: `app.post('/chat', chat.reply)`. */
export interface HandlerUse {
  readonly specifier: string;
  /** The export; for a method of an exported object (`chat.reply` of a default import), the object's export. */
  readonly name: string;
  /** The method of the exported object, when the handler is one. */
  readonly member?: string;
  readonly framework: Framework;
}

/** The facts of one file. */
export interface FileFacts {
  readonly exports: ReadonlyMap<string, ExportTarget>;
  /** `export * from './x'` specifiers. */
  readonly stars: readonly string[];
  readonly mounts: readonly MountFact[];
  /** Functions imported from other modules that this file registers as route handlers. */
  readonly handlerUses: readonly HandlerUse[];
  /**
   * What local exports are as far as model calls go (a client, a client factory, a function that reaches a model
   * call), by export name; see src/llm/summary.ts. Re-exports are not followed.
   */
  readonly summaries: ReadonlyMap<string, ExportSummary>;
  /**
   * What exported functions do with errors (see src/flow/error-details.ts), by export name or `name.method`: the
   * arguments their result carries, the result fields holding a caught error's details.
   */
  readonly errorFlows: ReadonlyMap<string, ErrorFlow>;
  /**
   * Exported functions that authenticate a request by their code (read a credential and refuse without it, verify a
   * token or signature, or apply a known auth package), by export name, with what they check. Never by name.
   */
  readonly auth: ReadonlyMap<string, string>;
  /**
   * What this file decorates a Fastify instance with that other modules of the app see (an app's, or an exported
   * fastify-plugin's `decorate(name, value)`), summarised as an export would be; null for a value that reaches no
   * model call (or two decorations of one name here).
   */
  readonly decorations: ReadonlyMap<string, ExportSummary | null>;
  /**
   * Local exports that are a router or app this file registers routes on: mounted by another module they add routes,
   * and never authenticate, whatever their name (`router.use(authRoutes)` with the login routes).
   */
  readonly routers: ReadonlySet<string>;
  /**
   * A hook this file adds to the instance that registers it (an exported fastify-plugin's) authenticates: what it
   * checks. The routes registered on that instance after it are behind it.
   */
  readonly sharedAuth: string | undefined;
  /**
   * Local exports bound to a string literal, with its value (`export const ACCESS_CODE_PREFIX = 'nk-'`,
   * `export const OPENAI_BASE_URL = 'https://api.openai.com'`): constants, not secrets.
   */
  readonly literals: ReadonlyMap<string, string>;
  /**
   * Exported functions that read a credential and throw without a good one, by export name, with what they check
   * (`getServerProfile()` reading the Supabase user): a caller that calls one first is behind that check.
   */
  readonly verifiers: ReadonlyMap<string, string>;
  /**
   * Methods a middleware of this file installs on the context or response it is handed, each a function of this file
   * that sends the response (`ctx.send = send.bind(ctx)` with `send` setting `this.body`; `res.success = (d) =>
   * res.json(d)`): a handler of the app calling `ctx.send(code, data)` sends its arguments.
   */
  readonly responders: readonly string[];
  /** Project modules whose export (or its call's result) this file applies with `.use(...)`: app-wide middleware. */
  readonly uses: readonly { readonly specifier: string; readonly name: string }[];
}

/**
 * The questions a module's facts answer, each built only when asked (a module read for its model summary needs no
 * mounts): `map` for the route map's walk, `model` for the summaries and hold questions, `checks` for what an imported
 * function checks or does with errors. Every part holds `exports` and `stars`.
 */
export type FactPart = 'map' | 'model' | 'checks';

const PART_FIELDS = {
  map: ['mounts', 'handlerUses', 'routers', 'sharedAuth', 'decorations', 'responders', 'uses'],
  model: ['summaries', 'literals'],
  checks: ['errorFlows', 'auth', 'routers', 'literals', 'verifiers'],
} as const satisfies Record<FactPart, readonly (keyof FileFacts)[]>;

/** The facts with the fields of parts `P` (what factsFor returns for a question asking `P`). */
export type FactsWith<P extends FactPart> = Pick<FileFacts, 'exports' | 'stars' | (typeof PART_FIELDS)[P][number]>;

/** Parts as a bit set, for the cache. */
export const PART_BITS: Readonly<Record<FactPart, number>> = { map: 1, model: 2, checks: 4 };

/** The bit set of `parts`. */
export function partBits(parts: readonly FactPart[]): number {
  let bits = 0;
  for (const p of parts) bits |= PART_BITS[p];
  return bits;
}

/** Every part: what a build that failed, or one asked for all, stands for. */
export const ALL_PARTS = partBits(Object.keys(PART_BITS) as FactPart[]);

const NONE: ReadonlyMap<string, never> = new Map<string, never>();

/** Whether one of the parts in `bits` holds `field`. */
function inParts(field: keyof FileFacts, bits: number): boolean {
  return (Object.keys(PART_FIELDS) as FactPart[]).some((p) => (bits & PART_BITS[p]) !== 0 && (PART_FIELDS[p] as readonly string[]).includes(field));
}

/** Facts of one content built for more parts: `added`'s fields of the parts in `bits`, `old`'s for the rest. */
export function mergeFacts(old: FileFacts, added: FileFacts, bits: number): FileFacts {
  const out: Record<string, unknown> = { ...old };
  for (const field of Object.keys(added) as (keyof FileFacts)[]) if (inParts(field, bits)) out[field] = added[field];
  return out as unknown as FileFacts;
}

/** Extracts the facts of a file from its model (while its scopes are live): the parts in `bits`, the rest left empty. */
export function factsOf(model: FileModel, bits = ALL_PARTS): FileFacts {
  const { exports, stars } = exportsOf(model.file);
  const wanted = (field: keyof FileFacts): boolean => inParts(field, bits);
  return {
    exports,
    stars,
    mounts: wanted('mounts') ? mountsOf(model) : [],
    handlerUses: wanted('handlerUses') ? handlerUsesOf(model) : [],
    summaries: wanted('summaries') ? summariesOf(model, exports) : NONE,
    errorFlows: wanted('errorFlows') ? errorFlowsOf(model, exports) : NONE,
    auth: wanted('auth') ? authOf(model, exports) : NONE,
    routers: wanted('routers') ? routersOf(model, exports) : new Set(),
    decorations: wanted('decorations') ? decorationsOf(model) : NONE,
    sharedAuth: wanted('sharedAuth') ? sharedAuthOf(model) : undefined,
    literals: wanted('literals') ? literalsOf(model.file, exports) : NONE,
    verifiers: wanted('verifiers') ? verifiersOf(model, exports) : NONE,
    responders: wanted('responders') ? respondersOf(model.file) : [],
    uses: wanted('uses') ? usesOf(model) : [],
  };
}

function mountsOf(model: FileModel): MountFact[] {
  return model.externalMounts.map((m): MountFact => ({
    specifier: m.source.specifier,
    name: m.source.name,
    framework: m.top.provisional ? undefined : m.framework,
    ...(m.param === undefined ? {} : { param: m.param }),
    path: m.path,
    ...mountAuth(model, m.middleware),
    devOnly: m.devOnly,
    line: m.node.loc.start.line,
    topKey: (m.top.param?.fn ?? m.top.node).range[0],
    topApp: m.top.app,
    ...(m.top.param ? { topParam: m.top.param.index } : {}),
    ...(m.autoload ? { autoload: m.autoload } : {}),
  }));
}

/**
 * See FileFacts.responders: `P.name = F` in a middleware (a function that calls its last parameter) handed P, where F
 * writes the response through P or `this` as the framework of that middleware signature sends (frameworks/sinks.ts).
 */
function respondersOf(file: FileContext): string[] {
  const out = new Set<string>();
  const middleware = new Map<FunctionNode, boolean>();
  for (const a of file.index.assignments) {
    if (a.operator !== '=' || a.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const owner = skipTS(a.left.object);
    const name = propertyName(a.left);
    const fn = enclosingFunction(a);
    if (!name || owner.type !== AST_NODE_TYPES.Identifier || !fn) continue;
    let isMiddleware = middleware.get(fn);
    if (isMiddleware === undefined) middleware.set(fn, (isMiddleware = callsLastParam(file, fn)));
    if (!isMiddleware) continue;
    const holder = variableOf(file.sourceCode, owner);
    const def = holder?.defs[0];
    if (!holder || def?.type !== 'Parameter' || def.node !== fn) continue;
    // `send.bind(ctx)`: the function bound.
    let value = skipTS(a.right);
    if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(value.callee) === 'bind') value = skipTS(value.callee.object);
    const target = isFunction(value) ? value : resolveFunction(file.sourceCode, value);
    const index = fn.params.findIndex((p) => p === def.name);
    if (target && middlewareSender(file, target, holder, index, fn.params.length)) out.add(name);
  }
  return [...out];
}

/** A middleware calls its last parameter (`await next()`, `next()`). */
function callsLastParam(file: FileContext, fn: FunctionNode): boolean {
  const last = fn.params[fn.params.length - 1];
  if (fn.params.length < 2 || last?.type !== AST_NODE_TYPES.Identifier) return false;
  return (variableOf(file.sourceCode, last)?.references ?? []).some((r) => {
    const p = r.identifier.parent;
    return p?.type === AST_NODE_TYPES.CallExpression && p.callee === r.identifier;
  });
}

/** See FileFacts.uses: the middleware the file's apps and routers `use` (`app.use(resMsg())`) that another module exports. */
function usesOf(model: FileModel): { specifier: string; name: string }[] {
  const out: { specifier: string; name: string }[] = [];
  for (const mw of model.useMiddleware) {
    if (mw.fn) continue;
    const e = skipTS(mw.node);
    // `app.use(respond)`, `app.use(require('./respond'))`; a factory's result: `app.use(resMsg())`, `app.use(require('./respond')())`.
    const source = importSourceOf(model.file, e) ?? (e.type === AST_NODE_TYPES.CallExpression ? importSourceOf(model.file, e.callee as Node) : undefined);
    if (source && source.name !== '*' && source.name !== EVERY_EXPORT) out.push(source);
  }
  return out;
}

const MAY_THROW = /\bthrow\b|verify/i;

function verifiersOf(model: FileModel, exports: ReadonlyMap<string, ExportTarget>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, t] of exports) {
    if (t.kind !== 'local') continue;
    const fn = exportedFunction(model.file, exports, name, undefined);
    // Only a function that throws or verifies, itself or in a same-file helper it calls, can: the others are not
    // analysed for it.
    const checks = fn && mayThrow(model.file, fn) ? model.throwsOnBadCredential(fn) : undefined;
    if (checks) out.set(name, checks);
  }
  return out;
}

function mayThrow(file: FileContext, fn: FunctionNode): boolean {
  if (MAY_THROW.test(file.sourceCode.getText(fn))) return true;
  const calls = file.index.calls;
  for (let i = firstFrom(calls, fn.range[0], (c) => c.range[0]); i < calls.length && calls[i]!.range[0] < fn.range[1]; i++) {
    if (helperThrows(file, calls[i]!, fn)) return true;
  }
  return false;
}

function helperThrows(file: FileContext, call: TSESTree.CallExpression, from: FunctionNode): boolean {
  const helper = resolveFunction(file.sourceCode, call.callee);
  return !!helper && helper !== from && MAY_THROW.test(file.sourceCode.getText(helper));
}

function literalsOf(file: FileContext, exports: ReadonlyMap<string, ExportTarget>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, t] of exports) {
    if (t.kind !== 'local') continue;
    const node = file.sourceCode.getNodeByRangeIndex(t.key) as Node | null;
    const n = node && node.range[0] === t.key ? skipTS(node) : undefined;
    if (n?.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') out.set(name, n.value);
    else if (n?.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) out.set(name, n.quasis[0]?.value.cooked ?? '');
  }
  return out;
}

function sharedAuthOf(model: FileModel): string | undefined {
  for (const mw of model.sharedHooks) {
    const evidence = model.authOfMiddleware(mw);
    if (evidence && evidence.how !== 'name') return evidence.description;
  }
  return undefined;
}

/** The file's shared decorations, each value summarised as if it were exported. */
function decorationsOf(model: FileModel): Map<string, ExportSummary | null> {
  const out = new Map<string, ExportSummary | null>();
  for (const d of model.decorations) {
    // Two decorations of one name in a file: which one a route sees depends on where it is registered.
    const summary = out.has(d.name) ? null : (summaryAt(model, definition(model.file, d.value)) ?? null);
    out.set(d.name, summary);
  }
  return out;
}

/** The expression a value is made by: through local consts (`const decoration = { client, sendMessage }`). */
function definition(file: FileContext, node: Node): Node {
  let e = skipTS(node);
  for (let depth = 0; depth < 8 && e.type === AST_NODE_TYPES.Identifier; depth++) {
    const v = variableOf(file.sourceCode, e);
    const def = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
    if (def?.type === AST_NODE_TYPES.FunctionDeclaration || def?.type === AST_NODE_TYPES.ClassDeclaration) return def;
    const init = boundOnce(file.sourceCode, e);
    if (!init) break;
    e = skipTS(init);
  }
  return e;
}

function authOf(model: FileModel, exports: ReadonlyMap<string, ExportTarget>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, t] of exports) {
    if (t.kind !== 'local') continue;
    const fn = exportedFunction(model.file, exports, name, undefined);
    // A middleware's signature: (req, res, next), (ctx, next), (request, reply), (c, next).
    if (!fn || fn.params.length < 2) continue;
    const evidence = model.authOfMiddleware({ node: fn, fn, scope: 'route' });
    if (evidence && evidence.how !== 'name') out.set(name, evidence.description);
  }
  return out;
}

function mountAuth(model: FileModel, middleware: readonly Middleware[]): Pick<MountFact, 'auth' | 'authByName'> {
  const byName: { specifier: string; name: string }[] = [];
  for (const mw of middleware) {
    const evidence = model.authOfMiddleware(mw);
    if (!evidence) continue;
    const source = evidence.how === 'name' && mw.node.type === AST_NODE_TYPES.Identifier ? importSourceOf(model.file, mw.node) : undefined;
    if (!source || source.name === '*' || !model.isProjectModule(source.specifier)) return { auth: true };
    byName.push({ specifier: source.specifier, name: source.name });
  }
  return byName.length > 0 ? { auth: true, authByName: byName } : { auth: false };
}

/**
 * The names a route's root is exported under (for a parameter handed an app, its function's): by start, since an
 * export's key is its value's start, where the innermost node is the callee (`express` of `express.Router()`). With
 * the route's `registration`, an export of the registration call itself counts too: it hands the router back
 * (`export default router.post('/completions', ...)`; Express, koa-router, Fastify and Hono registrations do).
 */
export function exportNamesOf(exports: ReadonlyMap<string, ExportTarget>, root: RouteRoot, registration?: Node): string[] {
  const key = (root.param?.fn ?? root.node).range[0];
  const call = !root.param && registration?.type === AST_NODE_TYPES.CallExpression ? registration.range[0] : undefined;
  return [...exports].filter(([, t]) => t.kind === 'local' && (t.key === key || t.key === call)).map(([name]) => name);
}

function routersOf(model: FileModel, exports: ReadonlyMap<string, ExportTarget>): Set<string> {
  const out = new Set<string>();
  for (const r of model.routes) if (r.root && !r.root.param && !r.root.provisional) for (const name of exportNamesOf(exports, r.root, r.registration)) out.add(name);
  return out;
}

function handlerUsesOf(model: FileModel): HandlerUse[] {
  const out: HandlerUse[] = [];
  for (const r of model.routes) {
    // Every reading of the reference: the registering walk keeps the one the defining module exports.
    for (const ref of r.handlerRef ? importedRefs(model.file, r.handlerRef) : []) out.push({ ...ref, framework: r.framework });
  }
  return out;
}

/**
 * The function an export names: an exported function, or with `member` a method of an exported object literal or
 * class instance. Undefined when it is anything else.
 */
export function exportedFunction(file: FileContext, exports: ReadonlyMap<string, ExportTarget>, name: string, member: string | undefined): FunctionNode | undefined {
  const t = exports.get(name);
  if (t?.kind !== 'local') return undefined;
  const node = file.sourceCode.getNodeByRangeIndex(t.key) as Node | null;
  if (!node || node.range[0] !== t.key) return undefined;
  if (member === undefined) {
    const fn = node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression ? node : undefined;
    return fn ?? file.index.functions.find((f) => f.range[0] === t.key);
  }
  let value: Node | null | undefined;
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const p = node.properties.find((x) => x.type === AST_NODE_TYPES.Property && propertyName(x) === member);
    value = p?.type === AST_NODE_TYPES.Property ? (p.value as Node) : undefined;
  } else if (node.type === AST_NODE_TYPES.NewExpression) {
    const m = classOf(file, node.callee)?.body.body.find((x) => x.type === AST_NODE_TYPES.MethodDefinition && !x.static && propertyName(x) === member);
    value = m?.type === AST_NODE_TYPES.MethodDefinition ? m.value : undefined;
  }
  if (!value) return undefined;
  return value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression ? value : resolveFunction(file.sourceCode, value);
}

/** The module summary: from the same flow and reachability that find this file's own model calls. */
function summariesOf(model: FileModel, exports: ReadonlyMap<string, ExportTarget>): Map<string, ExportSummary> {
  const out = new Map<string, ExportSummary>();
  if (summarisesNothing(model)) return out;
  for (const [name, t] of exports) {
    if (t.kind !== 'local') continue;
    const summary = summaryAt(model, t.key);
    if (summary) out.set(name, summary);
  }
  return out;
}

/** No model call and no tracked client, factory or client field: every export's summary is empty. */
function summarisesNothing(model: FileModel): boolean {
  const { values, factories, fields } = model.trackedValues;
  return model.llmCalls.length === 0 && values.size === 0 && factories.size === 0 && !fields?.size;
}

const functionStarts = new WeakMap<FileModel, Map<number, FunctionNode>>();

/** What the value made by the node at `at` (its start, or the node) is as far as model calls go; undefined: nothing. */
function summaryAt(model: FileModel, at: number | Node): ExportSummary | undefined {
  if (summarisesNothing(model)) return undefined;
  const { values, factories, fields } = model.trackedValues;
  const key = typeof at === 'number' ? at : at.range[0];
  const value = values.get(key);
  // An object holding a client (`{ client: openai }`) is one, unless it also has methods that reach a model
  // (`{ client: openai, sendMessage }`), which are what its users call.
  if (value && !value.need?.length) return { kind: 'client', value };
  let functions = functionStarts.get(model);
  if (!functions) functionStarts.set(model, (functions = new Map(model.file.index.functions.map((f) => [f.range[0], f]))));
  const fn = functions.get(key);
  const factory = factories.get(key);
  if (factory) {
    // A service that calls the model and returns a document of another module's class (`new Course({...})` after the
    // completion): what its callers reach is the model call. The instance is kept only when it is all the function
    // does (a factory choosing a provider class), since a class that calls no model leaves nothing of it.
    const called = factory.map.instanceOf && fn ? modelFunction(model, fn) : undefined;
    return called ?? { kind: 'client factory', value: factory };
  }
  if (fn) return modelFunction(model, fn);
  const node = typeof at === 'number' ? (model.file.sourceCode.getNodeByRangeIndex(at) as Node | null) : at;
  const methods = methodsAt(model, node, key);
  const isClass = node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
  const held = isClass ? fields?.get(node.range[0]) : undefined;
  if (held && held.size > 0) return { kind: 'class', methods, fields: held };
  if (methods.size > 0) return { kind: isClass ? 'class' : 'object', methods };
  return value && { kind: 'client', value };
}

export function modelFunction(model: FileModel, fn: FunctionNode): ModelFunction | undefined {
  const call = model.reachedLlmCall(fn);
  if (!call) return undefined;
  const guarded = model.llmSitesIn([fn]).every((s) => model.authGuardBefore(s.fn, s.site) !== undefined);
  return { kind: 'model function', provider: call.provider, returns: returnOf(model, fn), guarded, promptParams: promptParams(model, fn) };
}

/** The parameters of `fn` whose values the prompt index says flow into a model call's inputs. */
function promptParams(model: FileModel, fn: FunctionNode): PromptParam[] {
  const out: PromptParam[] = [];
  const carries = (id: Node): boolean => model.originsOf(id).some((o) => o.kind === 'prompt');
  fn.params.forEach((param, index) => {
    let p: Node = param;
    if (p.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
    if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
    if (p.type === AST_NODE_TYPES.Identifier) {
      if (carries(p)) out.push({ index });
    } else if (p.type === AST_NODE_TYPES.ObjectPattern) {
      const keys: string[] = [];
      let rest = false;
      for (const prop of p.properties) {
        if (prop.type === AST_NODE_TYPES.RestElement) {
          rest ||= prop.argument.type === AST_NODE_TYPES.Identifier && carries(prop.argument);
          continue;
        }
        let value: Node = prop.value as Node;
        if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
        const key = propertyName(prop);
        // A nested pattern is judged whole: some of it may reach the prompt.
        if (key !== undefined && (value.type !== AST_NODE_TYPES.Identifier || carries(value))) keys.push(key);
      }
      if (rest) out.push({ index });
      else if (keys.length > 0) out.push({ index, keys });
    } else {
      out.push({ index });
    }
  });
  return out;
}

/**
 * The methods that reach a model call of the exported value at `key`: an object literal
 * (`export const ai = { async ask(p) {...} }`), an instance of a class of this file (`export default new AiService()`),
 * or the class itself (`module.exports = { OpenAiLLM }`), whose instances another module makes.
 */
function methodsAt(model: FileModel, node: Node | null, key: number): Map<string, ModelFunction> {
  const out = new Map<string, ModelFunction>();
  const sourceCode = model.file.sourceCode;
  const add = (name: string | undefined, value: Node | null | undefined): void => {
    if (name === undefined || !value || out.has(name)) return;
    const fn = value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression ? value : resolveFunction(sourceCode, value);
    const f = fn && modelFunction(model, fn);
    if (f) out.set(name, f);
  };
  if (node?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const p of node.properties) if (p.type === AST_NODE_TYPES.Property && p.kind === 'init') add(propertyName(p), p.value as Node);
  } else if ((node?.type === AST_NODE_TYPES.NewExpression || node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression) && node.range[0] === key) {
    const cls = node.type === AST_NODE_TYPES.NewExpression ? classOf(model.file, node.callee) : node;
    for (const m of cls?.body.body ?? []) {
      if (m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'method' && !m.static) add(propertyName(m), m.value);
    }
  }
  return out;
}

/** The class a `new` callee names, when it is declared in this file. */
function classOf(file: FileContext, callee: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const e = skipTS(callee);
  if (e.type === AST_NODE_TYPES.ClassExpression) return e;
  if (e.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = variableOf(file.sourceCode, e)?.defs[0];
  if (def?.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return def.node.init;
  return undefined;
}

/**
 * What a function that reaches a model call returns: generated text, a model call's result or one part of it
 * (`response.choices[0].message`), or unknown. A result or text wrapped in an object or array the function builds
 * (`{ success, content: text, error }`) is unknown: its other fields are not the model's, and the summary does not
 * keep paths into it. Two different parts of a result returned on different paths are unknown too.
 */
function returnOf(model: FileModel, fn: FunctionNode): ModelReturn {
  const values: Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) values.push(fn.body);
  else for (const r of model.file.index.returns) if (r.argument && enclosingFunction(r) === fn) values.push(r.argument);
  let text = false;
  let holds = false;
  // The first model value returned that is not text, and where in its result it was read.
  let raw: { call: LlmCall; path: readonly PathKey[] } | undefined;
  for (const v of values) {
    const llm = model.originsOf(v).filter((o) => o.kind === 'llm');
    if (llm.length === 0) continue;
    if (builtContainer(model.file, v)) {
      // Built around generated content (not only its usage or ids): the value carries it, at no known place.
      if (!llm.some((o) => o.text || !model.isMetadataPath(o.path, o.call))) return { kind: 'unknown' };
      holds = true;
      continue;
    }
    for (const o of llm) {
      if (o.text) text = true;
      else if (!raw) raw = { call: o.call, path: o.path };
      else if (raw.path.length !== o.path.length || raw.path.some((k, i) => k !== o.path[i])) return { kind: 'unknown' };
    }
  }
  // Another return giving the text or the result as it is changes nothing: the value as a whole carries output.
  if (holds) return { kind: 'holds' };
  if (!raw) return { kind: text ? 'text' : 'unknown' };
  const c = raw.call;
  return {
    kind: 'raw',
    resultLabel: c.resultLabel,
    textPaths: c.textPaths,
    textAccessor: c.textAccessor,
    envelope: c.envelope.map(String),
    streaming: c.streaming,
    ...(raw.path.length > 0 ? { path: raw.path } : {}),
  };
}

/** Whether a returned value is an object or array literal, written in place or in a local const. */
function builtContainer(file: FileContext, node: Node): boolean {
  let e = skipTS(node);
  for (let depth = 0; depth < 8; depth++) {
    if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTS(e.argument);
    if (e.type === AST_NODE_TYPES.ObjectExpression || e.type === AST_NODE_TYPES.ArrayExpression) return true;
    if (e.type === AST_NODE_TYPES.ConditionalExpression) return builtContainer(file, e.consequent) || builtContainer(file, e.alternate);
    if (e.type !== AST_NODE_TYPES.Identifier) return false;
    const v = variableOf(file.sourceCode, e);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return false;
    e = skipTS(def.node.init);
  }
  return false;
}

/** The file's exports, ESM and CommonJS alike. */
export function exportsOf(file: FileContext): { exports: Map<string, ExportTarget>; stars: string[] } {
  const exports = new Map<string, ExportTarget>();
  const stars: string[] = [];
  const set = (name: string, t: ExportTarget | undefined): void => {
    if (t) exports.set(name, t);
  };
  for (const stmt of file.ast.body) {
    switch (stmt.type) {
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        set('default', valueOf(file, stmt.declaration as Node, 0));
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        // export * from './chat.js' (a namespace re-export `export * as x` is not followed)
        if (!stmt.exported) stars.push(stmt.source.value);
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        for (const spec of stmt.specifiers) {
          if (spec.type !== AST_NODE_TYPES.ExportSpecifier) continue;
          const exported = nameOf(spec.exported);
          const local = nameOf(spec.local);
          // export { default as chat } from './chat.js'
          if (stmt.source) set(exported, { kind: 'from', specifier: stmt.source.value, name: local });
          else set(exported, valueOf(file, spec.local as Node, 0));
        }
        const decl = stmt.declaration;
        if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const d of decl.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.init) set(d.id.name, valueOf(file, d.init, 0));
        } else if ((decl?.type === AST_NODE_TYPES.FunctionDeclaration || decl?.type === AST_NODE_TYPES.ClassDeclaration) && decl.id) {
          set(decl.id.name, { kind: 'local', key: decl.range[0] });
        }
        break;
      }
      case AST_NODE_TYPES.ExpressionStatement: {
        const e = stmt.expression;
        if (e.type !== AST_NODE_TYPES.AssignmentExpression || e.operator !== '=') break;
        const chain = memberChain(e.left)?.join('.');
        if (chain === 'module.exports') {
          const right = skipTS(e.right);
          // module.exports = { chatRouter, admin: require('./admin') }
          if (right.type === AST_NODE_TYPES.ObjectExpression) {
            for (const p of right.properties) {
              const key = p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined;
              if (key && p.type === AST_NODE_TYPES.Property) set(key, valueOf(file, p.value as Node, 0));
            }
          } else {
            // module.exports = require('./ai'): every export of './ai' is this module's too.
            const whole = right.type === AST_NODE_TYPES.CallExpression ? importSourceOf(file, right) : undefined;
            if (whole?.name === 'default') stars.push(whole.specifier);
            set('default', valueOf(file, right, 0));
          }
        } else if (chain && /^(module\.)?exports\.[^.]+$/.test(chain)) {
          set(chain.slice(chain.lastIndexOf('.') + 1), valueOf(file, e.right, 0));
        }
        break;
      }
      default:
        break;
    }
  }
  return { exports, stars };
}

function nameOf(n: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return n.type === AST_NODE_TYPES.Identifier ? n.name : n.value;
}


/** What an exported expression denotes: an import it passes on, or the node that creates the value. */
function valueOf(file: FileContext, node: Node, depth: number): ExportTarget | undefined {
  if (depth > 8) return undefined;
  const e = skipTS(node);
  const imported = importSourceOf(file, e, MOUNT_CALLS);
  if (imported) return imported.name === '*' || imported.name === EVERY_EXPORT ? undefined : { kind: 'from', specifier: imported.specifier, name: imported.name };
  if (e.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(file.sourceCode, e);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!def) return undefined;
    if (def.node.type === AST_NODE_TYPES.FunctionDeclaration || def.node.type === AST_NODE_TYPES.ClassDeclaration) return { kind: 'local', key: def.node.range[0] };
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) return valueOf(file, def.node.init, depth + 1);
    return undefined;
  }
  // export default fp(plugin)
  if (e.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTS(e.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    if (name && PLUGIN_WRAPPERS.has(name) && e.arguments[0]) return valueOf(file, e.arguments[0] as Node, depth + 1);
  }
  return { kind: 'local', key: e.range[0] };
}
