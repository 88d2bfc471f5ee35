/**
 * How a request is refused: 401/403 and 400 responses in every framework's shape, throws, errors handed to
 * `next`, catch clauses that refuse or swallow, and `next()` called only on some paths.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '@eslint-community/eslint-utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, propertyName, skipTS, staticString, variableOf } from '../ast.js';
import type { FunctionNode, Node, ParamRole } from '../types.js';
import type { Paths } from '../flow/paths.js';
import { AUTH_STATUSES, AUTH_STATUS_NAME, BAD_REQUEST_NAME, NEXT_PARAM_NAMES } from './known.js';
import { REFUSAL_CALLS, REFUSAL_METHODS, RESPONSE_CONSTRUCTORS } from '../frameworks/registry.js';
import { pushChildren, scopeAt, type SourceCode } from './walk.js';

/** How a node ends a request: 'auth' (401/403/redirect), 'bad' (400), 'throw', 'next' (error passed on). */
export type Refusal = 'auth' | 'bad' | 'throw' | 'next';

/** What the refusal finder needs: scopes, parameter roles (to know `next`), and the file's code paths. */
export interface RefusalInputs {
  readonly sourceCode: SourceCode;
  /** The framework role of a parameter (`req`, `ctx`, `next`, ...), if the adapters gave one. */
  readonly paramRole: (variable: Scope.Variable) => ParamRole | undefined;
  /** The code path queries (src/flow/paths.ts), asked lazily; undefined outside a lint. */
  readonly paths: () => Paths | undefined;
}

/** How a request is refused, node by node and per function. */
export interface Refusals {
  /** The HTTP status an expression denotes, as a refusal kind. */
  statusKind(node: Node | undefined): 'auth' | 'bad' | undefined;
  /** `{ status: 401 }` in a Response init. */
  initStatus(node: Node | undefined): 'auth' | 'bad' | undefined;
  /** How a single node refuses a request, if it does. */
  refusalAt(n: Node): Refusal | undefined;
  /** A catch clause that refuses (401/403/400, rethrow, error to next, Fastify `reply.send(err)`). */
  catchRefuses(handler: TSESTree.CatchClause): boolean;
  /** Whether a throw at `node` is caught by a try inside `fn` whose catch does not refuse. */
  swallowed(node: Node, fn: FunctionNode): boolean;
  /** Whether `fn` calls `next()` only on some paths (no when no code paths were recorded). */
  conditionalNext(fn: FunctionNode): boolean;
}

/** Builds the refusal finder for one file. */
export function createRefusals({ sourceCode, paramRole, paths }: RefusalInputs): Refusals {
  const scopeOf = (n: Node): Scope.Scope | undefined => scopeAt(sourceCode, n);

  /** Whether an identifier is a handler's continuation parameter (`next`, `done`). */
  const nextLike = (id: TSESTree.Identifier): boolean => {
    const v = variableOf(sourceCode, id);
    if (!v) return false;
    const role = paramRole(v);
    if (role) return role === 'next';
    // Fallback: conventional names, never the first parameter.
    const def = v.defs[0];
    if (!def || String(def.type) !== 'Parameter' || !NEXT_PARAM_NAMES.has(v.name)) return false;
    const fn = def.node;
    return !(isFunction(fn as Node) && (fn as FunctionNode).params[0] === v.identifiers[0]);
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

  /** How a single node refuses a request, if it does. */
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

  /** A catch clause that refuses; nested functions do not count (they run later, if at all). */
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
      pushChildren(sourceCode, stack, n, false);
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
    const p = paths();
    return !!p && !p.alwaysRuns(fn, calls);
  };

  return { statusKind, initStatus, refusalAt, catchRefuses, swallowed, conditionalNext };
}
