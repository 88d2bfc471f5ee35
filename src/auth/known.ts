/** What the auth analysis knows about packages, header names and auth-like names: data, not code paths. */
import { CALL, CONSTRUCT, READ } from '../references.js';
import { auth, BODY_PARSERS, credential, hmac, mod, notAuth, PASSPORT, verifier, webhookMw, type KnownInfo, type TraceNode } from './trace.js';
import { frameworkAuth } from '../frameworks/registry.js';

export type { KnownInfo, TraceNode };

const STRIPE_MEMBERS: TraceNode = {
  webhooks: {
    constructEvent: verifier('Stripe webhook signature verification', true),
    constructEventAsync: verifier('Stripe webhook signature verification', true),
  },
};
const stripeInstance: KnownInfo = { kind: 'instance', label: 'stripe', members: STRIPE_MEMBERS };
const svixInstance: KnownInfo = {
  kind: 'instance',
  label: 'svix',
  members: { verify: verifier('Svix webhook signature verification', true) },
};
const octokitInstance: KnownInfo = {
  kind: 'instance',
  label: '@octokit/webhooks',
  // `verify` resolves to a boolean; `verifyAndReceive` throws on a bad signature.
  members: {
    verify: credential('@octokit/webhooks verify', true),
    verifyAndReceive: verifier('@octokit/webhooks verifyAndReceive', true),
  },
};
const slackReceiver: KnownInfo = {
  kind: 'instance',
  label: '@slack/bolt ExpressReceiver',
  check: 'slackReceiver',
  members: {
    router: { [READ]: { kind: 'webhook', label: '@slack/bolt ExpressReceiver (signing secret)' } },
    app: { [READ]: { kind: 'webhook', label: '@slack/bolt ExpressReceiver (signing secret)' } },
  },
};
const slackAdapter: KnownInfo = {
  kind: 'instance',
  label: '@slack/events-api',
  members: {
    expressMiddleware: webhookMw('@slack/events-api (signing secret)'),
    requestListener: webhookMw('@slack/events-api (signing secret)'),
  },
};

const CRYPTO: TraceNode = {
  createHmac: hmac('crypto.createHmac'),
  timingSafeEqual: hmac('crypto.timingSafeEqual'),
  subtle: { verify: hmac('crypto.subtle.verify') },
};

/** Every module the auth analysis traces, by specifier: generic packages here, framework-owned ones from the adapters. */
export const KNOWN_MODULES: Record<string, TraceNode> = {
  ...frameworkAuth.modules,
  // Auth middleware.
  passport: mod(PASSPORT),
  'connect-ensure-login': mod({
    ensureLoggedIn: auth('connect-ensure-login'),
    ensureAuthenticated: auth('connect-ensure-login'),
  }),
  '@clerk/clerk-sdk-node': mod({
    ClerkExpressRequireAuth: auth('@clerk/clerk-sdk-node ClerkExpressRequireAuth'),
    ClerkExpressWithAuth: notAuth('@clerk/clerk-sdk-node ClerkExpressWithAuth'),
  }),
  // Webhook verification middleware and verifiers.
  '@line/bot-sdk': mod({
    middleware: webhookMw('@line/bot-sdk middleware (channel secret)'),
    validateSignature: credential('@line/bot-sdk validateSignature', true),
  }),
  '@octokit/webhooks': mod({
    createNodeMiddleware: webhookMw('@octokit/webhooks createNodeMiddleware'),
    Webhooks: { [CONSTRUCT]: octokitInstance },
  }),
  '@octokit/webhooks-methods': mod({ verify: credential('@octokit/webhooks-methods verify', true) }),
  '@slack/bolt': mod({ ExpressReceiver: { [CONSTRUCT]: slackReceiver } }),
  '@slack/events-api': mod({ createEventAdapter: { [CALL]: slackAdapter } }),
  stripe: mod({ [CALL]: stripeInstance, [CONSTRUCT]: stripeInstance, Stripe: { [CALL]: stripeInstance, [CONSTRUCT]: stripeInstance } }),
  svix: mod({ Webhook: { [CONSTRUCT]: svixInstance } }),
  standardwebhooks: mod({ Webhook: { [CONSTRUCT]: svixInstance } }),
  jsonwebtoken: mod({ verify: verifier('jsonwebtoken verify', false, 'callbackVerifier') }),
  jose: mod({ jwtVerify: verifier('jose jwtVerify') }),
  crypto: mod(CRYPTO),
  'node:crypto': mod(CRYPTO),
  // Known not to authenticate, whatever the variable holding them is called.
  cors: mod(notAuth('cors')),
  helmet: mod(notAuth('helmet')),
  'body-parser': mod({ ...notAuth('body-parser'), ...BODY_PARSERS }),
  compression: mod(notAuth('compression')),
  morgan: mod(notAuth('morgan')),
  'pino-http': mod({ ...notAuth('pino-http'), pinoHttp: notAuth('pino-http') }),
  'cookie-parser': mod(notAuth('cookie-parser')),
  'serve-static': mod(notAuth('serve-static')),
};

/** Plugins that only decorate the instance; `instance.<decorator>` used as a hook is what enforces auth (adapters). */
export const PLUGIN_AUTH_DECORATORS: Readonly<Record<string, readonly string[]>> = frameworkAuth.decorators;

/** Plugins whose decorator combines auth hooks (`fastify.auth([a, b])` of @fastify/auth), by plugin (adapters). */
export const AUTH_COMBINATORS: Readonly<Record<string, string>> = frameworkAuth.combinators;

/** Plugins whose registration or hook is not authentication (values used bare from these are "known, not auth"). */
export const NOT_AUTH_PLUGINS = new Set([...frameworkAuth.notAuthPlugins, 'rate-limiter-flexible']);

/** Globals traced like modules: Web Crypto in Hono / Next edge handlers. */
export const KNOWN_GLOBALS: Record<string, TraceNode> = { crypto: CRYPTO };

/** Parameter names a request object conventionally has (fallback while the framework adapters give no roles). */
export const REQUEST_PARAM_NAMES = new Set(['req', 'request', 'ctx', 'context', 'c']);
/** Parameter names of the continuation callback: `(req, res, next)`, `(ctx, next)`, `(request, reply, done)`. */
export const NEXT_PARAM_NAMES = new Set(['next', 'done', 'cb', 'callback']);

/** Status codes that refuse a request for want of credentials. */
export const AUTH_STATUSES = new Set([401, 403, 407]);
/** Named status constants (`StatusCodes.UNAUTHORIZED`, `HttpStatus.FORBIDDEN`). */
export const AUTH_STATUS_NAME = /^(UNAUTHORI[SZ]ED|FORBIDDEN)$/i;
export const BAD_REQUEST_NAME = /^BAD_?REQUEST$/i;

// Last-resort heuristic, used only for middleware or checks that cannot be resolved to code in this file or a
// known package (typically imported from a local module): words that on their own say "authentication" ...
const AUTH_WORDS = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized',
  'authorise', 'authorised', 'authorization', 'authorisation', 'oauth', 'oidc', 'jwt', 'jwk', 'apikey', 'bearer',
  'passport', 'protect', 'protected', 'guard', 'signature', 'login', 'loggedin', 'unauthorized',
]);
// ... verbs that, with an object such as user/session/token/key/role/webhook, say it too (requireUser, verifyToken) ...
const CHECK_VERBS = new Set(['require', 'requires', 'ensure', 'check', 'verify', 'validate', 'assert', 'must', 'is', 'has', 'get', 'current', 'verification']);
const CHECK_OBJECTS = new Set(['user', 'login', 'logged', 'session', 'token', 'key', 'admin', 'role', 'roles', 'signature', 'webhook', 'signed', 'permission', 'permissions', 'scope', 'scopes', 'identity']);
// ... and words that mean the value is something else, which win over the rest (authLimiter, authLogger).
const NOT_AUTH_WORDS = new Set([
  'limit', 'limiter', 'ratelimit', 'ratelimiter', 'throttle', 'slow', 'cors', 'helmet', 'log', 'logger', 'logging',
  'parser', 'parse', 'json', 'compress', 'compression', 'static', 'csrf', 'cache', 'metrics', 'timer', 'author', 'authors',
]);

/** Splits `requireAuth`, `verify_JWT`, `fastify.basicAuth` into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The documented last-resort heuristic: whether a name says it authenticates (see the word lists above). */
export function isAuthLikeName(name: string): boolean {
  const ws = words(name);
  if (ws.some((w) => NOT_AUTH_WORDS.has(w))) return false;
  if (ws.some((w) => AUTH_WORDS.has(w))) return true;
  for (let i = 0; i + 1 < ws.length; i++) {
    // `api` + `key`, `logged` + `in`, `session` + `guard` (guard is already an auth word).
    if (ws[i] === 'api' && ws[i + 1] === 'key') return true;
    if (ws[i] === 'logged' && ws[i + 1] === 'in') return true;
  }
  const verb = ws.findIndex((w) => CHECK_VERBS.has(w));
  return verb >= 0 && ws.slice(verb + 1).some((w) => CHECK_OBJECTS.has(w));
}
