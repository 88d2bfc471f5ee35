/** Hono: what it is made of, as data, and where a response goes. */
import { auth, mod, notAuth, verifier } from '../auth/trace.js';
import { CONSTRUCT } from '../references.js';
import type { Node } from '../types.js';
import type { AddSink, FrameworkAdapter } from './adapter.js';
import { methodCall } from './common.js';

const APP = { Hono: { [CONSTRUCT]: 'app' } };
/** `c.json(x)`, `c.text(x)`, `c.body(x)`, `c.html(x)`: the context methods that send their first argument. */
const SEND = new Set(['json', 'text', 'body', 'html', 'newResponse']);

/** Hono `c.json(x)`, `c.text(x)`, `c.body(x)`, `c.html(x)`. */
function contextSink(id: Node, add: AddSink): void {
  const mc = methodCall(id);
  if (mc && SEND.has(mc.name)) add(mc.call.arguments[0] as Node, `c.${mc.name}`, 'hono');
}

/** The Hono adapter. */
export const hono: FrameworkAdapter = {
  id: 'hono',
  modules: { names: ['hono'], prefixes: ['hono/'] },
  createsAppText: /\bnew\s+Hono\b/,
  handlerRoles: ['honoContext', 'next'],
  order: {
    creation: { hono: APP, 'hono/tiny': APP, 'hono/quick': APP },
    basePath: true,
    routeMounts: true,
    onMethod: true,
    errorHandlerMethod: { name: 'onError', roles: ['err', 'honoContext'] },
  },
  controllerParams: { c: 'honoContext' },
  // In a Hono file `ctx` and `c` are the context, never a Koa one.
  requestParams: { own: { ctx: 'honoContext', c: 'honoContext' } },
  request: {
    // The context: `c.req` is Hono's request wrapper, `c.env` the bindings.
    webContext: { members: { env: { handle: 'env' }, req: { handle: 'webContextReq' } } },
    webContextReq: {
      members: { raw: { handle: 'req', final: 'rawBody' }, url: 'query', path: 'query' },
      methods: {
        json: 'body', parseBody: 'body', formData: 'body', valid: 'body', text: 'rawBody', arrayBuffer: 'rawBody',
        blob: 'rawBody', query: 'query', queries: 'query', param: 'params', header: 'headers',
      },
    },
  },
  sinks: { webResponses: true, context: { role: 'honoContext', read: contextSink } },
  // The body comes only through `c.req.json()` / `text()` / `parseBody()`.
  bodyParsers: { parsedOnly: true },
  // c.json(x, 401), c.text('no', 403)
  refusals: { methods: { json: 'statusInit1', text: 'statusInit1', body: 'statusInit1', html: 'statusInit1', newResponse: 'statusInit1', redirect: 'auth' } },
  auth: {
    // c.req.header(), c.req.raw.headers; c.var.user / c.get('jwtPayload') set by hono/jwt
    requestWrappers: ['req', 'raw'],
    stateHolders: ['var'],
    statePrincipals: ['jwtPayload'],
    modules: {
      'hono/basic-auth': mod({ basicAuth: auth('hono/basic-auth') }),
      'hono/bearer-auth': mod({ bearerAuth: auth('hono/bearer-auth') }),
      'hono/jwt': mod({ jwt: auth('hono/jwt'), verify: verifier('hono/jwt verify') }),
      'hono/jwk': mod({ jwk: auth('hono/jwk') }),
      '@hono/clerk-auth': mod({ clerkMiddleware: notAuth('@hono/clerk-auth clerkMiddleware') }),
      'hono-rate-limiter': mod({ rateLimiter: notAuth('hono-rate-limiter') }),
      'hono/cors': mod({ cors: notAuth('hono/cors') }),
      'hono/secure-headers': mod({ secureHeaders: notAuth('hono/secure-headers') }),
      'hono/compress': mod({ compress: notAuth('hono/compress') }),
      'hono/logger': mod({ logger: notAuth('hono/logger') }),
      'hono/serve-static': mod({ serveStatic: notAuth('hono/serve-static') }),
      '@hono/node-server/serve-static': mod({ serveStatic: notAuth('hono/serve-static') }),
    },
    credentialOptions: {
      'hono/basic-auth': [{ path: ['basicAuth'], literalKeys: ['username', 'password'], validators: ['verifyUser'] }],
      'hono/bearer-auth': [{ path: ['bearerAuth'], literalKeys: ['token'] }],
      'hono/jwt': [{ path: ['jwt'], literalKeys: ['secret'] }],
    },
  },
  typedRoles: [{ names: ['Context'], packages: ['hono'], role: 'honoContext' }],
  logOwners: ['c'],
};
