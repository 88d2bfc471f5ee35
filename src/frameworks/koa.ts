/** Koa and its routers (@koa/router, koa-router): what they are made of, as data, and where a response goes. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { propertyName } from '../ast.js';
import { auth, mod, notAuth, PASSPORT } from '../auth/trace.js';
import { CALL, CONSTRUCT } from '../references.js';
import type { Node } from '../types.js';
import type { AddSink, FrameworkAdapter } from './adapter.js';
import { methodCall } from './common.js';

const ROUTER = { [CALL]: 'router', [CONSTRUCT]: 'router' };
const PACKAGES = ['@types/koa', '@types/koa__router', '@types/koa-router', 'koa', '@koa/router', 'koa-router'];

/** Koa `ctx.body = x`, `ctx.response.body = x`, `ctx.res.write/end(x)`. */
function contextSink(id: Node, add: AddSink): void {
  const m = id.parent;
  if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== id) return;
  const name = propertyName(m);
  const assigned = (target: Node, kind: string): void => {
    const a = target.parent;
    if (a?.type === AST_NODE_TYPES.AssignmentExpression && a.left === target) add(a.right, kind, 'koa');
  };
  if (name === 'body') {
    assigned(m, 'ctx.body');
  } else if (name === 'response') {
    const m2 = m.parent;
    if (m2?.type === AST_NODE_TYPES.MemberExpression && m2.object === m && propertyName(m2) === 'body') assigned(m2, 'ctx.response.body');
  } else if (name === 'res') {
    const mc = methodCall(m);
    if (mc && (mc.name === 'write' || mc.name === 'end')) add(mc.call.arguments[0] as Node, `ctx.res.${mc.name}`, 'koa');
  }
}

/** The Koa adapter. */
export const koa: FrameworkAdapter = {
  id: 'koa',
  modules: { names: ['koa', '@koa/router', 'koa-router'] },
  createsAppText: /\bnew\s+Koa\b/,
  handlerRoles: ['ctx', 'next'],
  order: {
    creation: {
      koa: { [CONSTRUCT]: 'app', default: { [CONSTRUCT]: 'app' }, Koa: { [CONSTRUCT]: 'app' } },
      '@koa/router': { ...ROUTER, default: ROUTER, Router: ROUTER },
      'koa-router': { ...ROUTER, default: ROUTER, Router: ROUTER },
    },
    routerPrefix: true,
    mountCalls: ['routes', 'middleware'],
    delMethod: true,
    namedRoutes: true,
    catchesNext: true,
    pathTests: true,
  },
  controllerParams: { ctx: 'ctx' },
  mountedFunction: 'middleware',
  requestParams: { any: { ctx: 'ctx' } },
  request: {
    // The context: `ctx.request` is the request object, `ctx.state` what middleware attached.
    ctx: {
      members: {
        request: { handle: 'req' }, req: { handle: 'req' }, state: { handle: 'ctxState' },
        query: 'query', querystring: 'query', url: 'query', originalUrl: 'query', params: 'params', headers: 'headers',
        header: 'headers', cookies: 'cookies', session: 'session',
      },
      methods: { get: 'headers' },
    },
    ctxState: { members: { user: 'auth', auth: 'auth' } },
  },
  sinks: { context: { role: 'ctx', read: contextSink } },
  refusals: { methods: { throw: 'statusArg0', assert: 'statusArg1', redirect: 'auth' } },
  auth: {
    // ctx.request.headers; ctx.state.user set by koa-jwt / koa-passport
    requestWrappers: ['request', 'req'],
    stateHolders: ['state'],
    modules: {
      'koa-passport': mod(PASSPORT),
      'koa-basic-auth': mod(auth('koa-basic-auth')),
      'koa-jwt': mod({ ...auth('koa-jwt'), koajwt: auth('koa-jwt') }),
      'koa-ratelimit': mod(notAuth('koa-ratelimit')),
      '@koa/cors': mod(notAuth('@koa/cors')),
      'koa-helmet': mod(notAuth('koa-helmet')),
      'koa-body': mod({ ...notAuth('koa-body'), koaBody: notAuth('koa-body') }),
      'koa-bodyparser': mod(notAuth('koa-bodyparser')),
      '@koa/bodyparser': mod({ ...notAuth('@koa/bodyparser'), bodyParser: notAuth('@koa/bodyparser') }),
      'koa-compress': mod(notAuth('koa-compress')),
      'koa-logger': mod(notAuth('koa-logger')),
      'koa-session': mod(notAuth('koa-session')),
      'koa-static': mod(notAuth('koa-static')),
    },
    credentialOptions: {
      'koa-basic-auth': [{ path: [], literalKeys: ['name', 'pass'] }],
      'koa-jwt': [{ path: [], literalKeys: ['secret'] }],
    },
  },
  typedRoles: [
    {
      names: ['Context', 'ParameterizedContext', 'ExtendableContext', 'BaseContext', 'DefaultContext', 'RouterContext'],
      packages: PACKAGES,
      role: 'ctx',
    },
  ],
  bodyParsers: {
    json: {
      'koa-bodyparser': { [CALL]: true, default: { [CALL]: true } },
      '@koa/bodyparser': { bodyParser: { [CALL]: true }, default: { [CALL]: true } },
      'koa-body': { [CALL]: true, koaBody: { [CALL]: true }, default: { [CALL]: true } },
    },
  },
  logOwners: ['ctx'],
};
