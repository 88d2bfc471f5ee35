/**
 * Per-function summaries: what a function does about credentials, through the same-file helpers it calls. The
 * reads that follow helpers and variables (`credentialIn`, throwing verifiers) live here too, since they recurse
 * through summaries and summaries through them.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import type { FunctionNode, Node } from '../types.js';
import { isAuthLikeName, type KnownInfo } from './known.js';
import { frameworkAuth } from '../frameworks/registry.js';
import { calleeName, credRead, type CredRead, type CredentialReads } from './credential-reads.js';
import type { Refusals } from './refusals.js';
import { pushChildren, type SourceCode } from './walk.js';

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

const EMPTY: Summary = {
  cred: undefined,
  refuses: false,
  badRequest: false,
  throws: false,
  verifier: undefined,
  conditionalNext: false,
};

/** The frameworks' throwing token checks on the request (`request.jwtVerify()`). */
const REQUEST_VERIFIERS = frameworkAuth.requestVerifiers;

/** Keeps the stronger of two reads: one found by behaviour beats one found by name. */
export const better = (a: CredRead | undefined, b: CredRead | undefined): CredRead | undefined =>
  !a ? b : !b ? a : a.named && !b.named ? b : a;

/** What the summaries need: scopes and helpers, the traced package calls, and the node-level reads and refusals. */
export interface SummaryInputs {
  readonly sourceCode: SourceCode;
  /** Traced references of known packages (built lazily). */
  readonly known: () => ReadonlyMap<Node, KnownInfo>;
  readonly reads: CredentialReads;
  readonly refusals: Refusals;
  /** What a function of another project module a callee names checks when it throws on a bad credential (its facts). */
  readonly importedVerifier?: (callee: Node) => string | undefined;
}

/** Per-function summaries and the credential reads that follow helpers and variables (memoised). */
export interface Summaries {
  /** What `fn` does about credentials, including the same-file helpers it calls. */
  summary(fn: FunctionNode): Summary;
  /** A credential read in an expression, directly, through local variables, or through same-file helpers. */
  credentialIn(expr: Node): CredRead | undefined;
  /** A call that throws when the credential is bad (Stripe constructEvent, jwtVerify, a throwing helper). */
  throwingVerifier(call: TSESTree.CallExpression | TSESTree.NewExpression): CredRead | undefined;
}

/** Builds the per-function summaries of one file. */
export function createSummaries({ sourceCode, known, reads, refusals, importedVerifier }: SummaryInputs): Summaries {
  const { credentialAtNode, credentialOfPath, namedCredentialCall, requestPath } = reads;
  const { conditionalNext, refusalAt, swallowed } = refusals;
  const summaries = new Map<FunctionNode, Summary>();
  const varCreds = new Map<Scope.Variable, CredRead | null>();

  /** A throwing verifier called at this call, or undefined. */
  const throwingVerifier = (call: TSESTree.CallExpression | TSESTree.NewExpression): CredRead | undefined => {
    const info = known().get(call);
    if (info?.kind === 'verifier') {
      // jsonwebtoken's verify with a callback reports errors to the callback instead of throwing.
      if (info.check === 'callbackVerifier' && call.arguments.some((a) => isFunction(a))) return undefined;
      return credRead(info.webhook ? 'verifier' : 'jwt', info.label, !!info.webhook);
    }
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipTS(call.callee);
    // await request.jwtVerify() (@fastify/jwt)
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && method && REQUEST_VERIFIERS.has(method) && requestPath(callee.object)) {
      return credRead('jwt', `request.${method}()`);
    }
    const fn = resolveFunction(sourceCode, callee);
    if (fn) {
      // A same-file helper that throws on a bad credential.
      const s = summary(fn);
      if (s.cred && (s.throws || s.verifier)) return { ...(s.verifier ?? s.cred), label: `${calleeName(callee) ?? 'a helper'} (throws on a bad credential)` };
      return undefined;
    }
    if (info) return undefined;
    // A function of another project module whose code throws without a verified caller (`await getServerProfile()`).
    const imported = importedVerifier?.(callee);
    if (imported) return credRead('user', `${calleeName(callee) ?? 'a helper'} (${imported})`);
    // Last-resort heuristic: an unresolvable `verify...` call with an auth-like name (verifyIdToken, verifyWebhook), or
    // a `require/ensure/assert...` one (`await requireUser(req)`), which by convention throws or redirects.
    const name = calleeName(callee);
    if (name && (/(^|\.)verify/i.test(name) || /(^|\.)(require|ensure|assert)[A-Z_]/.test(name)) && isAuthLikeName(name)) return credRead('verifier', name, /signature|webhook/i.test(name), true);
    return undefined;
  };

  /** What `fn` does about credentials; a recursive call adds nothing. */
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
      pushChildren(sourceCode, stack, n, true);
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

  /** A credential read in an expression; stops at the first read found by behaviour. */
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
      pushChildren(sourceCode, stack, n, false);
    }
    return out;
  };

  return { summary, credentialIn, throwingVerifier };
}

/** True for an identifier that reads a variable (not a property key or a non-computed member property). */
function isReference(id: TSESTree.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (p.type === AST_NODE_TYPES.MemberExpression) return p.object === id || p.computed;
  if (p.type === AST_NODE_TYPES.Property) return p.value === id || p.computed;
  return true;
}
