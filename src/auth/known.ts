/** What the auth analysis knows about packages, header names and auth-like names: data, not code paths. */
import { CALL, CONSTRUCT, ESM, READ } from '../references.js';

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

const auth = (label: string, check?: KnownInfo['check']): TraceNode => ({ [CALL]: { kind: 'auth', label, check } });
const webhookMw = (label: string): TraceNode => ({ [CALL]: { kind: 'webhook', label } });
const notAuth = (label: string): TraceNode => ({ [CALL]: { kind: 'notAuth', label } });
const verifier = (label: string, webhook = false, check?: KnownInfo['check']): TraceNode => ({
  [CALL]: { kind: 'verifier', label, webhook, check },
});
const credential = (label: string, webhook = false): TraceNode => ({ [CALL]: { kind: 'credential', label, webhook } });
const hmac = (label: string): TraceNode => ({ [CALL]: { kind: 'hmac', label, webhook: true } });

/**
 * A module's trace map that works for ESM (default and named imports) and CommonJS (`require(m)`,
 * `require(m).x`, destructuring): `top` is what `require(m)` returns, mirrored under `default`.
 */
function mod(top: TraceNode): TraceNode {
  return { [ESM]: true, ...top, default: top } as TraceNode;
}

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

const PASSPORT: TraceNode = {
  authenticate: auth('passport.authenticate', 'passport'),
  authorize: auth('passport.authorize', 'passport'),
  initialize: notAuth('passport.initialize'),
  session: notAuth('passport.session'),
};

const BODY_PARSERS: TraceNode = {
  json: notAuth('body parser'),
  urlencoded: notAuth('body parser'),
  raw: notAuth('body parser'),
  text: notAuth('body parser'),
};

/** Every module the auth analysis traces, by specifier. */
export const KNOWN_MODULES: Record<string, TraceNode> = {
  // Auth middleware.
  'express-basic-auth': mod(auth('express-basic-auth')),
  passport: mod(PASSPORT),
  'koa-passport': mod(PASSPORT),
  'express-jwt': mod({ ...auth('express-jwt'), expressjwt: auth('express-jwt') }),
  'express-openid-connect': mod({
    requiresAuth: auth('express-openid-connect requiresAuth'),
    auth: auth('express-openid-connect auth', 'eocAuth'),
    claimEquals: auth('express-openid-connect claimEquals'),
    claimIncludes: auth('express-openid-connect claimIncludes'),
    claimCheck: auth('express-openid-connect claimCheck'),
  }),
  'express-oauth2-jwt-bearer': mod({ auth: auth('express-oauth2-jwt-bearer') }),
  'connect-ensure-login': mod({
    ensureLoggedIn: auth('connect-ensure-login'),
    ensureAuthenticated: auth('connect-ensure-login'),
  }),
  '@clerk/express': mod({
    requireAuth: auth('@clerk/express requireAuth'),
    // clerkMiddleware() only attaches the session; it lets anonymous requests through.
    clerkMiddleware: notAuth('@clerk/express clerkMiddleware'),
    getAuth: credential('@clerk/express getAuth'),
  }),
  '@clerk/clerk-sdk-node': mod({
    ClerkExpressRequireAuth: auth('@clerk/clerk-sdk-node ClerkExpressRequireAuth'),
    ClerkExpressWithAuth: notAuth('@clerk/clerk-sdk-node ClerkExpressWithAuth'),
  }),
  'koa-basic-auth': mod(auth('koa-basic-auth')),
  'koa-jwt': mod({ ...auth('koa-jwt'), koajwt: auth('koa-jwt') }),
  'hono/basic-auth': mod({ basicAuth: auth('hono/basic-auth') }),
  'hono/bearer-auth': mod({ bearerAuth: auth('hono/bearer-auth') }),
  'hono/jwt': mod({ jwt: auth('hono/jwt'), verify: verifier('hono/jwt verify') }),
  'hono/jwk': mod({ jwk: auth('hono/jwk') }),
  '@hono/clerk-auth': mod({ clerkMiddleware: notAuth('@hono/clerk-auth clerkMiddleware') }),
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
  // Session getters of Next.js auth libraries.
  'next-auth': mod({ getServerSession: credential('next-auth getServerSession') }),
  'next-auth/next': mod({ getServerSession: credential('next-auth getServerSession') }),
  'next-auth/react': mod({ getSession: credential('next-auth getSession') }),
  // `await auth.protect()` throws (redirects or 404s) when no user is signed in.
  '@clerk/nextjs/server': mod({
    auth: { ...credential('@clerk/nextjs auth'), protect: verifier('@clerk/nextjs auth.protect()') },
    currentUser: credential('@clerk/nextjs currentUser'),
  }),
  // Known not to authenticate, whatever the variable holding them is called.
  'express-rate-limit': mod({ ...notAuth('express-rate-limit'), rateLimit: notAuth('express-rate-limit'), slowDown: notAuth('express-rate-limit') }),
  'express-slow-down': mod({ ...notAuth('express-slow-down'), slowDown: notAuth('express-slow-down') }),
  'koa-ratelimit': mod(notAuth('koa-ratelimit')),
  'hono-rate-limiter': mod({ rateLimiter: notAuth('hono-rate-limiter') }),
  cors: mod(notAuth('cors')),
  '@koa/cors': mod(notAuth('@koa/cors')),
  'hono/cors': mod({ cors: notAuth('hono/cors') }),
  helmet: mod(notAuth('helmet')),
  'koa-helmet': mod(notAuth('koa-helmet')),
  'hono/secure-headers': mod({ secureHeaders: notAuth('hono/secure-headers') }),
  express: mod({ ...BODY_PARSERS, static: notAuth('express.static') }),
  'body-parser': mod({ ...notAuth('body-parser'), ...BODY_PARSERS }),
  'koa-body': mod({ ...notAuth('koa-body'), koaBody: notAuth('koa-body') }),
  'koa-bodyparser': mod(notAuth('koa-bodyparser')),
  '@koa/bodyparser': mod({ ...notAuth('@koa/bodyparser'), bodyParser: notAuth('@koa/bodyparser') }),
  compression: mod(notAuth('compression')),
  'koa-compress': mod(notAuth('koa-compress')),
  'hono/compress': mod({ compress: notAuth('hono/compress') }),
  morgan: mod(notAuth('morgan')),
  'pino-http': mod({ ...notAuth('pino-http'), pinoHttp: notAuth('pino-http') }),
  'koa-logger': mod(notAuth('koa-logger')),
  'hono/logger': mod({ logger: notAuth('hono/logger') }),
  'express-session': mod(notAuth('express-session')),
  'cookie-parser': mod(notAuth('cookie-parser')),
  'koa-session': mod(notAuth('koa-session')),
  'serve-static': mod(notAuth('serve-static')),
  'koa-static': mod(notAuth('koa-static')),
  'hono/serve-static': mod({ serveStatic: notAuth('hono/serve-static') }),
  '@hono/node-server/serve-static': mod({ serveStatic: notAuth('hono/serve-static') }),
};

/** Fastify plugins that only decorate the instance; `fastify.<decorator>` used as a hook is what enforces auth. */
export const FASTIFY_AUTH_DECORATORS: Record<string, readonly string[]> = {
  '@fastify/basic-auth': ['basicAuth'],
  'fastify-basic-auth': ['basicAuth'],
  '@fastify/bearer-auth': ['verifyBearerAuth'],
};

/** Plugins whose registration or hook is not authentication (values used bare from these are "known, not auth"). */
export const NOT_AUTH_PLUGINS = new Set([
  '@fastify/rate-limit',
  'fastify-rate-limit',
  '@fastify/cors',
  '@fastify/helmet',
  '@fastify/static',
  '@fastify/compress',
  '@fastify/cookie',
  '@fastify/session',
  '@fastify/formbody',
  '@fastify/multipart',
  'rate-limiter-flexible',
]);

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
