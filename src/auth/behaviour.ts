/** Recognises authentication by what code does: reads a credential from the request and refuses it on failure. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '@eslint-community/eslint-utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, propertyName, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { FileModel } from '../contract.js';
import { trackerOf } from '../references.js';
import type { FileContext, FunctionNode, Node } from '../types.js';
import {
  AUTH_STATUSES,
  AUTH_STATUS_NAME,
  BAD_REQUEST_NAME,
  KNOWN_GLOBALS,
  KNOWN_MODULES,
  NEXT_PARAM_NAMES,
  REQUEST_PARAM_NAMES,
  isAuthLikeName,
  type KnownInfo,
} from './known.js';
import { headerCredential } from '../sensitive.js';
import { REFUSAL_CALLS, REFUSAL_METHODS, RESPONSE_CONSTRUCTORS, frameworkAuth } from '../frameworks/registry.js';
import { pathsOf } from '../flow/paths.js';

/** What a credential read is. */
export interface CredRead {
  readonly kind: 'header' | 'signature' | 'apiKey' | 'cookie' | 'session' | 'user' | 'jwt' | 'hmac' | 'verifier';
  /** A webhook signature (signature header, HMAC, webhook verifier). */
  readonly webhook: boolean;
  /** Known only from a name (the last-resort heuristic). */
  readonly named: boolean;
  readonly label: string;
}

/** What a function does about credentials, including the same-file helpers it calls. */
export interface Summary {
  readonly cred: CredRead | undefined;
  /** Responds 401/403, redirects, throws, or passes an error to next/done. */
  readonly refuses: boolean;
  /** Responds 400 (a refusal only for signature checks). */
  readonly badRequest: boolean;
  readonly throws: boolean;
  /** A call that throws on a bad credential and whose error is not swallowed. */
  readonly verifier: CredRead | undefined;
  /** Calls `next()` but not on every path, and some branch in it tests a credential. */
  readonly conditionalNext: boolean;
}

/** How a node ends a request: 'auth' (401/403/redirect), 'bad' (400), 'throw', 'next' (error passed on). */
export type Refusal = 'auth' | 'bad' | 'throw' | 'next';

/** The behaviour half of the auth analysis, shared by middleware and guard recognition. */
export interface Behaviour {
  /** Traced references of known packages: call/new/member node → what it is. */
  readonly known: ReadonlyMap<Node, KnownInfo>;
  summary(fn: FunctionNode): Summary;
  /** A credential read in an expression, directly, through local variables, or through same-file helpers. */
  credentialIn(expr: Node): CredRead | undefined;
  /** How a single node refuses a request, if it does. */
  refusalAt(node: Node): Refusal | undefined;
  /** A call that throws when the credential is bad (Stripe constructEvent, jwtVerify, a throwing helper). */
  throwingVerifier(call: TSESTree.CallExpression | TSESTree.NewExpression): CredRead | undefined;
  /** A catch clause that refuses (401/403/400, rethrow, error to next, Fastify `reply.send(err)`). */
  catchRefuses(handler: TSESTree.CatchClause): boolean;
  /** The same-file function a call calls, if any. */
  helperOf(call: TSESTree.CallExpression): FunctionNode | undefined;
  /** A loose dotted name of a callee, through calls: `admin.auth().verifyIdToken` → 'admin.auth.verifyIdToken'. */
  calleeName(node: Node): string | undefined;
}

const EMPTY: Summary = {
  cred: undefined,
  refuses: false,
  badRequest: false,
  throws: false,
  verifier: undefined,
  conditionalNext: false,
};

/** Traces every known package reference of the file once. */
function traceKnown(file: FileContext): Map<Node, KnownInfo> {
  const out = new Map<Node, KnownInfo>();
  const tracker = trackerOf(file);
  const add = (r: { node: unknown; info: unknown }): void => {
    out.set(r.node as Node, r.info as KnownInfo);
  };
  for (const r of tracker.iterateEsmReferences(KNOWN_MODULES as never)) add(r);
  for (const r of tracker.iterateCjsReferences(KNOWN_MODULES as never)) add(r);
  for (const r of tracker.iterateGlobalReferences(KNOWN_GLOBALS as never)) add(r);
  // Instances (`new Stripe()`, `new Webhook()`, `new ExpressReceiver()`): trace their members through variables.
  for (const [node, info] of [...out]) {
    if (info.kind !== 'instance' || !info.members) continue;
    if (info.check === 'slackReceiver' && optionIsFalse(node, 'signatureVerification')) continue;
    for (const r of tracker.iteratePropertyReferences(node as never, info.members as never)) add(r);
  }
  return out;
}

/** True when the first argument of a call/new is an object literal whose `key` is statically false. */
export function optionIsFalse(node: Node, key: string): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  const arg = node.arguments[0];
  if (!arg || arg.type !== AST_NODE_TYPES.ObjectExpression) return false;
  for (const p of arg.properties) {
    if (p.type === AST_NODE_TYPES.Property && propertyName(p) === key) {
      const v = skipTS(p.value);
      return v.type === AST_NODE_TYPES.Literal && v.value === false;
    }
  }
  return false;
}

/** True when `node` is (part of) the target of an assignment, `delete` or update: a write, not a read. */
function isWriteTarget(node: Node): boolean {
  let n: Node = node;
  while (n.parent?.type === AST_NODE_TYPES.MemberExpression && n.parent.object === n) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (p.type === AST_NODE_TYPES.AssignmentExpression) return p.left === n;
  if (p.type === AST_NODE_TYPES.UpdateExpression) return true;
  return p.type === AST_NODE_TYPES.UnaryExpression && p.operator === 'delete';
}

/** The keys leading to `target` inside a destructuring pattern: `{ headers: { authorization } }` → ['headers', 'authorization']. */
function patternPath(pattern: Node, target: Node): string[] | undefined {
  const p = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
  if (p === target) return [];
  if (p.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const prop of p.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const inner = patternPath(prop.value, target);
    if (inner) return [propertyName(prop) ?? '*', ...inner];
  }
  return undefined;
}

/** Request parts that hold the authenticated principal once auth middleware ran. */
const PRINCIPAL = new Set(['user', 'auth', 'isAuthenticated', 'userId']);
const STATE_PRINCIPAL = new Set(['user', 'auth', 'jwt', 'session', ...frameworkAuth.statePrincipals]);
/** The frameworks' ways from a parameter to the request, to what middleware attached, and throwing token checks. */
const { requestWrappers: REQUEST_WRAPPERS, stateHolders: STATE_HOLDERS, requestVerifiers: REQUEST_VERIFIERS } = frameworkAuth;

/** Builds the behaviour analysis for one file (memoised per function and variable). */
export function createBehaviour(model: FileModel): Behaviour {
  const file = model.file;
  const sourceCode = file.sourceCode;
  const extraHeaders = file.settings.sensitiveNames;
  let known: Map<Node, KnownInfo> | undefined;
  const getKnown = (): Map<Node, KnownInfo> => (known ??= traceKnown(file));
  const summaries = new Map<FunctionNode, Summary>();
  const varPaths = new Map<Scope.Variable, readonly string[] | null>();
  const varCreds = new Map<Scope.Variable, CredRead | null>();

  const scopeOf = (n: Node): Scope.Scope | undefined => {
    try {
      return sourceCode.getScope(n) as Scope.Scope;
    } catch {
      return undefined; // Defensive: nodes outside this file.
    }
  };

  /** Whether a variable is a request/context parameter. */
  const requestLike = (v: Scope.Variable): boolean => {
    const role = model.paramRole(v);
    if (role) return role === 'req' || role === 'ctx' || role === 'honoContext';
    // Fallback while the framework adapters give no roles: conventional parameter names
    // (req, res, next), (request, reply), (ctx, next), (c, next).
    return v.defs.some((d) => String(d.type) === 'Parameter') && REQUEST_PARAM_NAMES.has(v.name);
  };

  /** Whether an identifier is a handler's continuation parameter (`next`, `done`). */
  const nextLike = (id: TSESTree.Identifier): boolean => {
    const v = variableOf(sourceCode, id);
    if (!v) return false;
    const role = model.paramRole(v);
    if (role) return role === 'next';
    // Fallback: conventional names, never the first parameter.
    const def = v.defs[0];
    if (!def || String(def.type) !== 'Parameter' || !NEXT_PARAM_NAMES.has(v.name)) return false;
    const fn = def.node;
    return !(isFunction(fn as Node) && (fn as FunctionNode).params[0] === v.identifiers[0]);
  };

  /** The property path of an expression from a request object: `req.headers.authorization` → ['headers', 'authorization']. */
  const requestPath = (node: Node, depth = 0): readonly string[] | undefined => {
    if (depth > 30) return undefined;
    const n = skipTS(node);
    if (n.type === AST_NODE_TYPES.AwaitExpression) return requestPath(n.argument, depth + 1);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const base = requestPath(n.object, depth + 1);
      if (!base) return undefined;
      const key = propertyName(n) ?? (n.computed ? staticString(n.property, scopeOf(n)) : undefined);
      return [...base, key ?? '*'];
    }
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    if (!v) return undefined;
    if (varPaths.has(v)) return varPaths.get(v) ?? undefined;
    varPaths.set(v, null); // cycle guard
    let out: readonly string[] | undefined;
    if (requestLike(v)) out = [];
    else if (v.defs.length === 1 && String(v.defs[0]!.type) === 'Variable') {
      const decl = v.defs[0]!.node as TSESTree.VariableDeclarator;
      const onlyInit = v.references.every((r) => !r.isWrite() || r.init);
      if (decl.init && onlyInit) {
        const base = requestPath(decl.init, depth + 1);
        const keys = base && patternPath(decl.id, v.identifiers[0]!);
        if (base && keys) out = [...base, ...keys];
      }
    }
    varPaths.set(v, out ?? null);
    return out;
  };

  const read = (kind: CredRead['kind'], label: string, webhook = kind === 'signature' || kind === 'hmac', named = false): CredRead => ({
    kind,
    webhook,
    named,
    label,
  });

  /** The credential a request path names, if any. */
  const credentialOfPath = (path: readonly string[]): CredRead | undefined => {
    let p = path;
    // ctx.request.headers, c.req.header, request.raw.headers
    while (p.length > 0 && REQUEST_WRAPPERS.has(p[0]!)) p = p.slice(1);
    const head = p[0];
    if (head === undefined) return undefined;
    if ((head === 'headers' || head === 'header') && p[1] !== undefined && p[1] !== '*') {
      const kind = headerCredential(p[1], extraHeaders);
      return kind ? read(kind, `the ${p[1].toLowerCase()} header`) : undefined;
    }
    if (head === 'session') return read('session', 'the session');
    if (head === 'cookies' || head === 'signedCookies') return read('cookie', 'cookies');
    if (PRINCIPAL.has(head)) return read('user', `the authenticated user (${head})`);
    if (STATE_HOLDERS.has(head) && p[1] !== undefined && STATE_PRINCIPAL.has(p[1])) {
      return read('user', `the authenticated user (${head}.${p[1]})`);
    }
    if (REQUEST_VERIFIERS.has(head)) return read('jwt', `request.${head}()`);
    return undefined;
  };

  /** Whether an object is a headers collection: request headers, `headers()` of next/headers, `x.headers`. */
  const headersLike = (obj: Node): boolean => {
    const n = skipTS(obj.type === AST_NODE_TYPES.AwaitExpression ? obj.argument : obj);
    const name = calleeName(n);
    if (name && /(^|\.)headers?$/i.test(name)) return true;
    if (n.type === AST_NODE_TYPES.CallExpression) return /(^|\.)headers$/.test(calleeName(n.callee) ?? '');
    if (n.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(sourceCode, n);
      const decl = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
      if (decl?.type === AST_NODE_TYPES.VariableDeclarator && decl.init) {
        const init = skipTS(decl.init);
        const inner = init.type === AST_NODE_TYPES.AwaitExpression ? skipTS(init.argument) : init;
        return inner.type === AST_NODE_TYPES.CallExpression && /(^|\.)headers$/.test(calleeName(inner.callee) ?? '');
      }
    }
    return false;
  };

  /** A credential read by this node alone. */
  const credentialAtNode = (n: Node): CredRead | undefined => {
    switch (n.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (isWriteTarget(n)) return undefined;
        const path = requestPath(n);
        return path ? credentialOfPath(path) : undefined;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        // const { authorization } = req.headers; const { user } = req
        if (n.id.type !== AST_NODE_TYPES.ObjectPattern || !n.init) return undefined;
        const base = requestPath(n.init);
        if (!base) return undefined;
        for (const prop of n.id.properties) {
          const key = prop.type === AST_NODE_TYPES.Property ? propertyName(prop) : undefined;
          const c = key === undefined ? undefined : credentialOfPath([...base, key]);
          if (c) return c;
        }
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const info = getKnown().get(n);
        if (info?.kind === 'verifier') return read(info.webhook ? 'verifier' : 'jwt', info.label, !!info.webhook);
        if (info?.kind === 'credential') return read(info.webhook ? 'signature' : 'user', info.label, !!info.webhook);
        if (info?.kind === 'hmac') return read('hmac', info.label);
        if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const callee = skipTS(n.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const method = propertyName(callee);
        const arg = n.arguments[0];
        // req.get('authorization'), ctx.get(...), c.req.header(...), request.headers.get(...), c.get('jwtPayload')
        if ((method === 'get' || method === 'header' || method === 'getHeader') && arg) {
          const name = staticString(arg, scopeOf(arg));
          if (name === undefined) return undefined;
          const base = requestPath(callee.object);
          if (base) {
            const rest = base.filter((k) => !REQUEST_WRAPPERS.has(k));
            if (rest.length === 0 && method === 'get' && STATE_PRINCIPAL.has(name)) return read('user', `the authenticated user (${name})`);
            if (rest.length === 0 || rest[rest.length - 1] === 'headers' || rest[rest.length - 1] === 'header') {
              const kind = headerCredential(name, extraHeaders);
              return kind ? read(kind, `the ${name.toLowerCase()} header`) : undefined;
            }
            return credentialOfPath(base);
          }
          if (headersLike(callee.object)) {
            const kind = headerCredential(name, extraHeaders);
            return kind ? read(kind, `the ${name.toLowerCase()} header`) : undefined;
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };

  /** A throwing verifier called at this call, or undefined. */
  const throwingVerifier = (call: TSESTree.CallExpression | TSESTree.NewExpression): CredRead | undefined => {
    const info = getKnown().get(call);
    if (info?.kind === 'verifier') {
      // jsonwebtoken's verify with a callback reports errors to the callback instead of throwing.
      if (info.check === 'callbackVerifier' && call.arguments.some((a) => isFunction(a))) return undefined;
      return read(info.webhook ? 'verifier' : 'jwt', info.label, !!info.webhook);
    }
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipTS(call.callee);
    // await request.jwtVerify() (@fastify/jwt)
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && method && REQUEST_VERIFIERS.has(method) && requestPath(callee.object)) {
      return read('jwt', `request.${method}()`);
    }
    const fn = resolveFunction(sourceCode, callee);
    if (fn) {
      // A same-file helper that throws on a bad credential.
      const s = summary(fn);
      if (s.cred && (s.throws || s.verifier)) return { ...(s.verifier ?? s.cred), label: `${calleeName(callee) ?? 'a helper'} (throws on a bad credential)` };
      return undefined;
    }
    if (info) return undefined;
    // Last-resort heuristic: an unresolvable `verify...` call with an auth-like name (verifyIdToken, verifyWebhook), or
    // a `require/ensure/assert...` one (`await requireUser(req)`), which by convention throws or redirects.
    const name = calleeName(callee);
    if (name && (/(^|\.)verify/i.test(name) || /(^|\.)(require|ensure|assert)[A-Z_]/.test(name)) && isAuthLikeName(name)) return read('verifier', name, /signature|webhook/i.test(name), true);
    return undefined;
  };

  /** The HTTP status an expression denotes, as a refusal kind. */
  const statusKind = (node: Node | undefined): 'auth' | 'bad' | undefined => {
    if (!node) return undefined;
    const n = skipTS(node);
    let value: unknown;
    if (n.type === AST_NODE_TYPES.Literal) value = n.value;
    else if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n) ?? '';
      if (AUTH_STATUS_NAME.test(name)) return 'auth';
      if (BAD_REQUEST_NAME.test(name)) return 'bad';
      return undefined;
    } else if (n.type === AST_NODE_TYPES.Identifier) {
      value = getStaticValue(n as never, scopeOf(n) as never)?.value;
    }
    if (typeof value === 'string') value = Number(value);
    if (typeof value !== 'number') return undefined;
    if (AUTH_STATUSES.has(value)) return 'auth';
    return value === 400 ? 'bad' : undefined;
  };

  /** `{ status: 401 }` in a Response init. */
  const initStatus = (node: Node | undefined): 'auth' | 'bad' | undefined => {
    const n = node && skipTS(node);
    if (n?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const p of n.properties) {
      if (p.type === AST_NODE_TYPES.Property && propertyName(p) === 'status') return statusKind(p.value);
    }
    return undefined;
  };

  const refusalAt = (n: Node): Refusal | undefined => {
    switch (n.type) {
      case AST_NODE_TYPES.ThrowStatement:
        return 'throw';
      // ctx.status = 401; res.statusCode = 403
      case AST_NODE_TYPES.AssignmentExpression: {
        const left = skipTS(n.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const key = propertyName(left);
        return key === 'status' || key === 'statusCode' ? statusKind(n.right) : undefined;
      }
      // new Response('no', { status: 401 }), new NextResponse(...)
      case AST_NODE_TYPES.NewExpression: {
        const callee = skipTS(n.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && RESPONSE_CONSTRUCTORS.has(callee.name)) return initStatus(n.arguments[1]);
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTS(n.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) {
          // A framework's refusing call (next/navigation redirect() throws); next(err) / done(err) hands an error on.
          if (REFUSAL_CALLS.has(callee.name)) return 'auth';
          if (nextLike(callee)) {
            const a = n.arguments[0];
            if (!a) return undefined;
            const s = staticString(a);
            if (s === 'route' || s === 'router') return undefined;
            if (a.type === AST_NODE_TYPES.Literal && a.value === null) return undefined;
            if (a.type === AST_NODE_TYPES.Identifier && a.name === 'undefined') return undefined;
            return 'next';
          }
          return undefined;
        }
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const name = propertyName(callee);
        // The frameworks' refusal shapes (src/frameworks/<framework>.ts `refusals`).
        switch (name === undefined ? undefined : REFUSAL_METHODS.get(name)) {
          // res.status(401), reply.code(403), res.sendStatus(401), res.writeHead(401), ctx.throw(401)
          case 'statusArg0':
            return statusKind(n.arguments[0]);
          // c.json(x, 401), Response.json(x, { status: 401 }), NextResponse.json(x, { status: 403 })
          case 'statusInit1':
            return initStatus(n.arguments[1]) ?? statusKind(n.arguments[1]);
          // ctx.assert(user, 401)
          case 'statusArg1':
            return statusKind(n.arguments[1]);
          case 'auth':
            return 'auth';
          case 'bad':
            return 'bad';
          default:
            return undefined;
        }
      }
      default:
        return undefined;
    }
  };

  /** Pushes the child nodes of `n`, optionally not entering nested functions. */
  const pushChildren = (stack: Node[], n: Node, intoFunctions: boolean): void => {
    const keys = sourceCode.visitorKeys[n.type];
    if (!keys) return;
    for (const key of keys) {
      const child = (n as unknown as Record<string, unknown>)[key];
      const list = Array.isArray(child) ? child : [child];
      for (const c of list as (Node | null | undefined)[]) {
        if (!c || typeof c.type !== 'string') continue;
        if (!intoFunctions && isFunction(c)) continue;
        stack.push(c);
      }
    }
  };

  const catchRefuses = (handler: TSESTree.CatchClause): boolean => {
    const param = handler.param?.type === AST_NODE_TYPES.Identifier ? variableOf(sourceCode, handler.param) : undefined;
    const stack: Node[] = [handler.body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (refusalAt(n)) return true;
      // reply.send(err): Fastify answers with the error's status (401 from @fastify/jwt).
      if (param && n.type === AST_NODE_TYPES.CallExpression && n.arguments[0]?.type === AST_NODE_TYPES.Identifier) {
        const callee = skipTS(n.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'send' && variableOf(sourceCode, n.arguments[0]) === param) return true;
      }
      pushChildren(stack, n, false);
    }
    return false;
  };

  /** Whether a throw at `node` is caught by a try inside `fn` whose catch does not refuse. */
  const swallowed = (node: Node, fn: FunctionNode): boolean => {
    let n: Node = node;
    while (n.parent && n !== fn) {
      const p: Node = n.parent;
      if (p.type === AST_NODE_TYPES.TryStatement && p.block === n && p.handler) return !catchRefuses(p.handler);
      n = p;
    }
    return false;
  };

  /** Whether `fn` calls `next()` only on some paths (no when no code paths were recorded). */
  const conditionalNext = (fn: FunctionNode): boolean => {
    const calls = new Set<Node>();
    for (const param of fn.params) {
      if (param.type !== AST_NODE_TYPES.Identifier || !nextLike(param)) continue;
      const v = variableOf(sourceCode, param);
      for (const r of v?.references ?? []) {
        const p = r.identifier.parent;
        if (p?.type === AST_NODE_TYPES.CallExpression && p.callee === r.identifier && p.arguments.length === 0) calls.add(p);
      }
    }
    if (calls.size === 0) return false;
    // Asked of the code paths: some way through `fn` returns, throws or ends without calling next().
    const paths = pathsOf(sourceCode.ast);
    return !!paths && !paths.alwaysRuns(fn, calls);
  };

  /** An unresolvable call whose name says it checks auth (the documented last-resort heuristic). */
  const namedCredentialCall = (n: TSESTree.CallExpression): CredRead | undefined => {
    if (getKnown().has(n)) return undefined;
    const callee = skipTS(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && requestPath(callee.object)) return undefined;
    const name = calleeName(callee);
    return name && isAuthLikeName(name) ? read('user', name, /signature|webhook/i.test(name), true) : undefined;
  };

  /** Keeps the stronger of two reads: one found by behaviour beats one found by name. */
  const better = (a: CredRead | undefined, b: CredRead | undefined): CredRead | undefined =>
    !a ? b : !b ? a : a.named && !b.named ? b : a;

  const summary = (fn: FunctionNode): Summary => {
    const hit = summaries.get(fn);
    if (hit) return hit;
    summaries.set(fn, EMPTY); // cycle guard: a recursive call adds nothing
    let cred: CredRead | undefined;
    let verifier: CredRead | undefined;
    let refuses = false;
    let badRequest = false;
    let throws = false;
    let credTest = false;
    const stack: Node[] = [fn.body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      cred = better(cred, credentialAtNode(n));
      const r = refusalAt(n);
      if (r === 'throw') throws = refuses = true;
      else if (r === 'auth' || r === 'next') refuses = true;
      else if (r === 'bad') badRequest = true;
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const v = throwingVerifier(n);
        if (v && !swallowed(n, fn)) verifier = better(verifier, v);
        const helper = n.type === AST_NODE_TYPES.CallExpression ? resolveFunction(sourceCode, n.callee) : undefined;
        if (helper && helper !== fn) {
          const s = summary(helper);
          cred = better(cred, s.cred);
          refuses ||= s.refuses;
          badRequest ||= s.badRequest;
          throws ||= s.throws;
        } else if (!helper && n.type === AST_NODE_TYPES.CallExpression) {
          cred = better(cred, namedCredentialCall(n));
        }
      }
      // A branch on a credential: what makes a conditional next() a check (not `if (req.method === 'OPTIONS')`).
      if (!credTest && (n.type === AST_NODE_TYPES.IfStatement || n.type === AST_NODE_TYPES.ConditionalExpression)) {
        credTest = !!credentialIn(n.test);
      }
      pushChildren(stack, n, true);
    }
    const out: Summary = {
      cred: better(cred, verifier),
      refuses,
      badRequest,
      throws,
      verifier,
      conditionalNext: credTest && conditionalNext(fn),
    };
    summaries.set(fn, out);
    return out;
  };

  /** The credential a variable holds, from every value written to it. */
  const variableCredential = (v: Scope.Variable): CredRead | undefined => {
    if (varCreds.has(v)) return varCreds.get(v) ?? undefined;
    varCreds.set(v, null); // cycle guard
    let out: CredRead | undefined;
    for (const r of v.references) {
      if (r.writeExpr) out = better(out, credentialIn(r.writeExpr as Node));
      if (out && !out.named) break;
    }
    varCreds.set(v, out ?? null);
    return out;
  };

  const credentialIn = (expr: Node): CredRead | undefined => {
    let out: CredRead | undefined;
    const stack: Node[] = [expr];
    while (stack.length > 0) {
      const n = stack.pop()!;
      out = better(out, credentialAtNode(n));
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const helper = resolveFunction(sourceCode, n.callee);
        if (helper) out = better(out, summary(helper).cred);
        else out = better(out, namedCredentialCall(n));
      } else if (n.type === AST_NODE_TYPES.Identifier && isReference(n)) {
        // const { authorization } = req.headers; if (!authorization) ...
        const path = requestPath(n);
        if (path) out = better(out, credentialOfPath(path));
        const v = variableOf(sourceCode, n);
        if (v && !v.defs.some((d) => String(d.type) === 'Parameter')) out = better(out, variableCredential(v));
      }
      if (out && !out.named) return out;
      pushChildren(stack, n, false);
    }
    return out;
  };

  const calleeName = (node: Node): string | undefined => {
    const parts: string[] = [];
    let n = skipTS(node);
    for (let i = 0; i < 20; i++) {
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        const k = propertyName(n);
        if (k === undefined) return undefined;
        parts.unshift(k);
        n = skipTS(n.object);
      } else if (n.type === AST_NODE_TYPES.CallExpression) {
        n = skipTS(n.callee);
      } else if (n.type === AST_NODE_TYPES.Identifier) {
        parts.unshift(n.name);
        return parts.join('.');
      } else if (n.type === AST_NODE_TYPES.ThisExpression) {
        parts.unshift('this');
        return parts.join('.');
      } else return parts.length > 0 ? parts.join('.') : undefined;
    }
    return undefined;
  };

  return {
    get known() {
      return getKnown();
    },
    summary,
    credentialIn,
    refusalAt,
    throwingVerifier,
    catchRefuses,
    calleeName,
    helperOf: (call) => resolveFunction(sourceCode, call.callee),
  };
}

/** True for an identifier that reads a variable (not a property key or a non-computed member property). */
function isReference(id: TSESTree.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (p.type === AST_NODE_TYPES.MemberExpression) return p.object === id || p.computed;
  if (p.type === AST_NODE_TYPES.Property) return p.value === id || p.computed;
  return true;
}
