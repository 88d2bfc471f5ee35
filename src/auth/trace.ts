/**
 * The shape of the auth analysis' knowledge: what a traced reference is, and the constructors of trace-map entries.
 * A leaf module: the shared auth table (known.ts) and the framework adapters both build their entries with it.
 */
import { CALL, ESM, type CONSTRUCT, type READ } from '../references.js';

/** What a traced reference is. */
export interface KnownInfo {
  /**
   * 'auth' / 'webhook': a middleware that enforces authentication / verifies a webhook signature.
   * 'notAuth': a middleware that is known not to authenticate (rate limiters, parsers, ...).
   * 'instance': an object whose members are traced further (`members`).
   * 'verifier': a call that throws when a credential or signature is bad.
   * 'credential': a call that reads or checks a credential and returns the result.
   * 'hmac': a call that computes or compares a MAC (crypto.createHmac, timingSafeEqual).
   */
  readonly kind: 'auth' | 'webhook' | 'notAuth' | 'instance' | 'verifier' | 'credential' | 'hmac';
  /** Human name used in evidence descriptions. */
  readonly label: string;
  /** True when the verifier/credential is about webhook signatures. */
  readonly webhook?: boolean;
  /** Option checks that can turn the call into something else. */
  readonly check?: 'eocAuth' | 'passport' | 'slackReceiver' | 'callbackVerifier';
  /** For instances: what to trace on the instance. */
  readonly members?: TraceNode;
}

/** A node of a ReferenceTracker trace map with our info at the leaves. */
export interface TraceNode {
  [key: string]: TraceNode;
  [CALL]?: KnownInfo;
  [CONSTRUCT]?: KnownInfo;
  [READ]?: KnownInfo;
}

/** A middleware factory that enforces authentication. */
export const auth = (label: string, check?: KnownInfo['check']): TraceNode => ({ [CALL]: { kind: 'auth', label, check } });
/** A middleware factory that verifies a webhook signature. */
export const webhookMw = (label: string): TraceNode => ({ [CALL]: { kind: 'webhook', label } });
/** A middleware factory known not to authenticate. */
export const notAuth = (label: string): TraceNode => ({ [CALL]: { kind: 'notAuth', label } });
/** A call that throws on a bad credential or signature. */
export const verifier = (label: string, webhook = false, check?: KnownInfo['check']): TraceNode => ({
  [CALL]: { kind: 'verifier', label, webhook, check },
});
/** A call that reads or checks a credential and returns the result. */
export const credential = (label: string, webhook = false): TraceNode => ({ [CALL]: { kind: 'credential', label, webhook } });
/** A call that computes or compares a MAC. */
export const hmac = (label: string): TraceNode => ({ [CALL]: { kind: 'hmac', label, webhook: true } });

/**
 * A module's trace map that works for ESM (default and named imports) and CommonJS (`require(m)`,
 * `require(m).x`, destructuring): `top` is what `require(m)` returns, mirrored under `default`.
 */
export function mod(top: TraceNode): TraceNode {
  return { [ESM]: true, ...top, default: top } as TraceNode;
}

/** passport's members, shared by the framework-specific wrappers of it (koa-passport). */
export const PASSPORT: TraceNode = {
  authenticate: auth('passport.authenticate', 'passport'),
  authorize: auth('passport.authorize', 'passport'),
  initialize: notAuth('passport.initialize'),
  session: notAuth('passport.session'),
};

/** The body parsers of body-parser, re-exported by frameworks that bundle it. */
export const BODY_PARSERS: TraceNode = {
  json: notAuth('body parser'),
  urlencoded: notAuth('body parser'),
  raw: notAuth('body parser'),
  text: notAuth('body parser'),
};

