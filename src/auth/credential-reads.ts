/**
 * Where a credential is read: request paths (`req.headers.authorization`, `ctx.state.user`), header getters, known
 * package calls, and calls whose name says auth. Node-level only: reads through same-file helpers are summaries.ts'.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { propertyName, skipTS, staticString, variableOf } from '../ast.js';
import type { Node, ParamRole } from '../types.js';
import { REQUEST_PARAM_NAMES, isAuthLikeName, type KnownInfo } from './known.js';
import { headerCredential } from '../sensitive.js';
import { frameworkAuth } from '../frameworks/registry.js';
import { scopeAt, type SourceCode } from './walk.js';

/** What a credential read is. */
export interface CredRead {
  readonly kind: 'header' | 'signature' | 'apiKey' | 'cookie' | 'session' | 'user' | 'jwt' | 'hmac' | 'verifier';
  /** A webhook signature (signature header, HMAC, webhook verifier). */
  readonly webhook: boolean;
  /** Known only from a name (the last-resort heuristic). */
  readonly named: boolean;
  readonly label: string;
}

/** Builds a credential read; signatures and HMACs are webhook reads unless told otherwise. */
export const credRead = (kind: CredRead['kind'], label: string, webhook = kind === 'signature' || kind === 'hmac', named = false): CredRead => ({
  kind,
  webhook,
  named,
  label,
});

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

/** What the credential-read finder needs: scopes, parameter roles, extra header names, and the traced package calls. */
export interface CredentialReadInputs {
  readonly sourceCode: SourceCode;
  /** The framework role of a parameter (`req`, `ctx`, `next`, ...), if the adapters gave one. */
  readonly paramRole: (variable: Scope.Variable) => ParamRole | undefined;
  /** Header names the settings add to the known credential headers. */
  readonly sensitiveNames: readonly string[];
  /** Traced references of known packages (built lazily: only asked when a call is met). */
  readonly known: () => ReadonlyMap<Node, KnownInfo>;
}

/** Where a credential is read, node by node (memoised per variable). */
export interface CredentialReads {
  /** The property path of an expression from a request object: `req.headers.authorization` → ['headers', 'authorization']. */
  requestPath(node: Node): readonly string[] | undefined;
  /** The credential a request path names, if any. */
  credentialOfPath(path: readonly string[]): CredRead | undefined;
  /** Whether an object is a headers collection: request headers, `headers()` of next/headers, `x.headers`. */
  headersLike(obj: Node): boolean;
  /** A credential read by this node alone. */
  credentialAtNode(n: Node): CredRead | undefined;
  /** An unresolvable call whose name says it checks auth (the documented last-resort heuristic). */
  namedCredentialCall(n: TSESTree.CallExpression): CredRead | undefined;
}

/** Builds the credential-read finder for one file. */
export function createCredentialReads({ sourceCode, paramRole, sensitiveNames: extraHeaders, known }: CredentialReadInputs): CredentialReads {
  const varPaths = new Map<Scope.Variable, readonly string[] | null>();
  const scopeOf = (n: Node): Scope.Scope | undefined => scopeAt(sourceCode, n);

  /** Whether a variable is a request/context parameter. */
  const requestLike = (v: Scope.Variable): boolean => {
    const role = paramRole(v);
    if (role) return role === 'req' || role === 'ctx' || role === 'honoContext';
    // Fallback while the framework adapters give no roles: conventional parameter names
    // (req, res, next), (request, reply), (ctx, next), (c, next).
    return v.defs.some((d) => String(d.type) === 'Parameter') && REQUEST_PARAM_NAMES.has(v.name);
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

  /** The credential a request path names, if any. */
  const credentialOfPath = (path: readonly string[]): CredRead | undefined => {
    let p = path;
    // ctx.request.headers, c.req.header, request.raw.headers
    while (p.length > 0 && REQUEST_WRAPPERS.has(p[0]!)) p = p.slice(1);
    const head = p[0];
    if (head === undefined) return undefined;
    if ((head === 'headers' || head === 'header') && p[1] !== undefined && p[1] !== '*') {
      const kind = headerCredential(p[1], extraHeaders);
      return kind ? credRead(kind, `the ${p[1].toLowerCase()} header`) : undefined;
    }
    if (head === 'session') return credRead('session', 'the session');
    if (head === 'cookies' || head === 'signedCookies') return credRead('cookie', 'cookies');
    if (PRINCIPAL.has(head)) return credRead('user', `the authenticated user (${head})`);
    if (STATE_HOLDERS.has(head) && p[1] !== undefined && STATE_PRINCIPAL.has(p[1])) {
      return credRead('user', `the authenticated user (${head}.${p[1]})`);
    }
    if (REQUEST_VERIFIERS.has(head)) return credRead('jwt', `request.${head}()`);
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
        const info = known().get(n);
        if (info?.kind === 'verifier') return credRead(info.webhook ? 'verifier' : 'jwt', info.label, !!info.webhook);
        if (info?.kind === 'credential') return credRead(info.webhook ? 'signature' : 'user', info.label, !!info.webhook);
        if (info?.kind === 'hmac') return credRead('hmac', info.label);
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
            if (rest.length === 0 && method === 'get' && STATE_PRINCIPAL.has(name)) return credRead('user', `the authenticated user (${name})`);
            if (rest.length === 0 || rest[rest.length - 1] === 'headers' || rest[rest.length - 1] === 'header') {
              const kind = headerCredential(name, extraHeaders);
              return kind ? credRead(kind, `the ${name.toLowerCase()} header`) : undefined;
            }
            return credentialOfPath(base);
          }
          if (headersLike(callee.object)) {
            const kind = headerCredential(name, extraHeaders);
            return kind ? credRead(kind, `the ${name.toLowerCase()} header`) : undefined;
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };

  /** An unresolvable call whose name says it checks auth (the documented last-resort heuristic). */
  const namedCredentialCall = (n: TSESTree.CallExpression): CredRead | undefined => {
    if (known().has(n)) return undefined;
    const callee = skipTS(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && requestPath(callee.object)) return undefined;
    const name = calleeName(callee);
    return name && isAuthLikeName(name) ? credRead('user', name, /signature|webhook/i.test(name), true) : undefined;
  };

  return { requestPath, credentialOfPath, headersLike, credentialAtNode, namedCredentialCall };
}

/** A loose dotted name of a callee, through calls: `admin.auth().verifyIdToken` → 'admin.auth.verifyIdToken'. */
export function calleeName(node: Node): string | undefined {
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
}
