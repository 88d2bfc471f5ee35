/** Express: what it is made of, as data; its routes are read by the registration-order engine. */
import { auth, BODY_PARSERS, credential, mod, notAuth } from '../auth/trace.js';
import { CALL } from '../references.js';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS } from '../ast.js';
import type { FileContext, Node } from '../types.js';
import { settingDecoration, type FrameworkAdapter, type RegisteredHere } from './adapter.js';
import { REQUEST, RESPONSE_SEND } from './request.js';

const PACKAGES = ['@types/express', '@types/express-serve-static-core', 'express', 'express-serve-static-core'];

/**
 * `req.app.locals` / `res.app.locals` (the app's shared values, the same object as `app.locals` where the app sets
 * them), for reading what the app's modules put there. Only in a file that imports Express or whose handlers the app
 * registers.
 */
function appLocals(file: FileContext, external: RegisteredHere): ((node: Node) => boolean) | undefined {
  if (!readsApp(file, external)) return undefined;
  return (node) => {
    const e = skipTS(node);
    return e.type === AST_NODE_TYPES.MemberExpression && propertyName(e) === 'locals' && isRequestApp(e.object);
  };
}

/** `req.app.get('openai')`: a setting the app's modules `app.set` (its decoration name), read through the request. */
function appSettingReads(file: FileContext, external: RegisteredHere): ((call: TSESTree.CallExpression) => string | undefined) | undefined {
  if (!readsApp(file, external)) return undefined;
  return (call) => {
    const callee = skipTS(call.callee);
    const arg = call.arguments[0];
    if (call.arguments.length !== 1 || callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'get' || !isRequestApp(callee.object)) return undefined;
    return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? settingDecoration(arg.value) : undefined;
  };
}

/** A file that imports Express or whose handlers the app registers: its `req.app` is the app. */
function readsApp(file: FileContext, external: RegisteredHere): boolean {
  return (
    external.handlers.length > 0 ||
    file.ast.body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === 'express') ||
    /\brequire\s*\(\s*['"]express['"]\s*\)/.test(file.sourceCode.text)
  );
}

/** `req.app` / `res.app`: the app, through an object the app hands a handler. */
function isRequestApp(node: Node): boolean {
  const app = skipTS(node);
  return app.type === AST_NODE_TYPES.MemberExpression && propertyName(app) === 'app' && skipTS(app.object).type === AST_NODE_TYPES.Identifier;
}

/** The Express adapter. */
export const express: FrameworkAdapter = {
  id: 'express',
  modules: { names: ['express'] },
  createsAppText: /\bexpress\s*\(/,
  handlerRoles: ['req', 'res', 'next'],
  order: {
    creation: { express: { [CALL]: 'app', Router: { [CALL]: 'router' }, default: { [CALL]: 'app', Router: { [CALL]: 'router' } } } },
    routeChains: true,
    useMountsHandles: true,
    errorMiddleware: { arity: 4, roles: ['err', 'req', 'res', 'next'] },
    pathTests: true,
    appLocals: 'locals',
    appSettings: 'set',
  },
  controllerParams: { res: 'res' },
  decorations: { text: /\.app\.(?:locals\b|get\s*\()/, instances: appLocals, settingReads: appSettingReads },
  mountedFunction: 'middleware',
  requestParams: { any: { req: 'req', request: 'req' } },
  request: { req: REQUEST },
  sinks: { response: { label: 'res', send: RESPONSE_SEND } },
  refusals: { methods: { status: 'statusArg0', sendStatus: 'statusArg0', writeHead: 'statusArg0', redirect: 'auth' } },
  auth: {
    modules: {
      'express-basic-auth': mod(auth('express-basic-auth')),
      'express-jwt': mod({ ...auth('express-jwt'), expressjwt: auth('express-jwt') }),
      'express-openid-connect': mod({
        requiresAuth: auth('express-openid-connect requiresAuth'),
        auth: auth('express-openid-connect auth', 'eocAuth'),
        claimEquals: auth('express-openid-connect claimEquals'),
        claimIncludes: auth('express-openid-connect claimIncludes'),
        claimCheck: auth('express-openid-connect claimCheck'),
      }),
      'express-oauth2-jwt-bearer': mod({ auth: auth('express-oauth2-jwt-bearer') }),
      '@clerk/express': mod({
        requireAuth: auth('@clerk/express requireAuth'),
        // clerkMiddleware() only attaches the session; it lets anonymous requests through.
        clerkMiddleware: notAuth('@clerk/express clerkMiddleware'),
        getAuth: credential('@clerk/express getAuth'),
      }),
      // Known not to authenticate, whatever the variable holding them is called.
      'express-rate-limit': mod({ ...notAuth('express-rate-limit'), rateLimit: notAuth('express-rate-limit'), slowDown: notAuth('express-rate-limit') }),
      'express-slow-down': mod({ ...notAuth('express-slow-down'), slowDown: notAuth('express-slow-down') }),
      express: mod({ ...BODY_PARSERS, static: notAuth('express.static') }),
      'express-session': mod(notAuth('express-session')),
    },
    credentialOptions: {
      'express-basic-auth': [{ path: [], maps: ['users'], validators: ['authorizer'] }],
      'express-jwt': [{ path: ['expressjwt'], literalKeys: ['secret'] }, { path: ['expressJwt'], literalKeys: ['secret'] }],
      'express-session': [{ path: [], literalKeys: ['secret'] }],
    },
  },
  typedRoles: [
    { names: ['Request'], packages: PACKAGES, role: 'req' },
    { names: ['Response'], packages: PACKAGES, role: 'res' },
    { names: ['NextFunction'], packages: PACKAGES, role: 'next' },
  ],
  bodyParsers: {
    // `text()` keeps the bytes as a string, which re-encodes to what was signed for UTF-8 payloads.
    raw: { express: { raw: { [CALL]: true }, text: { [CALL]: true }, default: { raw: { [CALL]: true }, text: { [CALL]: true } } } },
    json: { express: { json: { [CALL]: true }, urlencoded: { [CALL]: true }, default: { json: { [CALL]: true }, urlencoded: { [CALL]: true } } } },
  },
  logOwners: ['req'],
};
