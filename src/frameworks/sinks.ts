/**
 * Response sinks: where a handler sends a value back. Roles flow from registered handlers to aliases and to
 * same-file helpers they are passed to; sinks are then read off the uses of the response variables.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { CALL, CONSTRUCT, ESM, trackerOf } from '../references.js';
import type { FileContext, Framework, Node, ParamRole, Sink } from '../types.js';
import { paramVariable, type Collector } from './common.js';
import { addTypedRoles } from '../typed/roles.js';

const FRAMEWORK_MODULE = /^(express|fastify|fastify-plugin|koa|@koa\/router|koa-router|hono(\/.*)?|next(\/.*)?)$/;

/** True when the file imports one of the web frameworks (or Next.js). */
export function importsFramework(file: FileContext): boolean {
  for (const s of file.imports) if (FRAMEWORK_MODULE.test(s)) return true;
  return false;
}

/** Methods that return the response object itself: `res.status(500).json(x)`, `reply.code(200).send(x)`. */
const CHAINABLE = new Set(['status', 'code', 'type', 'set', 'header', 'headers', 'append', 'cookie', 'clearCookie', 'vary', 'location', 'links', 'attachment', 'contentType', 'hijack', 'removeHeader']);
const EXPRESS_SEND = new Set(['json', 'send', 'jsonp', 'write', 'end']);
const HONO_SEND = new Set(['json', 'text', 'body', 'html', 'newResponse']);

/** Spreads roles to aliases and helper parameters, applies the name heuristic, and returns the file's sinks. */
export function finishRolesAndSinks(col: Collector): Sink[] {
  const { file } = col;
  addTypedRoles(col);
  propagate(col, [...col.roles.keys()]);
  if (importsFramework(file)) propagate(col, lastResortRoles(col));

  const sinks = new Map<Node, Sink>();
  const add = (node: Node | undefined, kind: string, framework: Framework | undefined): void => {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement || sinks.has(node)) return;
    sinks.set(node, { node, kind, framework, fn: enclosingFunction(node) });
  };

  for (const [v, role] of col.roles) {
    const fw = col.varFramework.get(v);
    for (const ref of v.references) {
      if (!ref.isRead()) continue;
      const id = ref.identifier as Node;
      if (role === 'res') responseSink(id, fw, add);
      else if (role === 'ctx') koaSink(id, add);
      else if (role === 'honoContext') honoSink(id, add);
    }
  }

  // Fastify: the value a route handler returns is the response body.
  for (const [fn, fw] of col.handlerFns) {
    if (fw !== 'fastify') continue;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      if (!sendsItself(col, fn.body)) add(fn.body, 'return', 'fastify');
    }
  }
  const fastifyHandlers = new Set([...col.handlerFns].filter(([, fw]) => fw === 'fastify').map(([fn]) => fn));
  if (fastifyHandlers.size > 0) {
    for (const ret of file.index.returns) {
      const fn = enclosingFunction(ret);
      if (ret.argument && fn && fastifyHandlers.has(fn) && !sendsItself(col, ret.argument)) add(ret.argument, 'return', 'fastify');
    }
  }

  // Web Response objects: Hono and Next.js handlers return them.
  const webFramework: Framework | undefined = [...file.imports].some((s) => /^hono(\/|$)/.test(s))
    ? 'hono'
    : [...file.imports].some((s) => /^next(\/|$)/.test(s)) || isNextFile(file) ? 'next' : undefined;
  const tracker = trackerOf(file);
  const found = [
    ...tracker.iterateGlobalReferences({ Response: { [CONSTRUCT]: 'new Response', json: { [CALL]: 'Response.json' } } } as never),
    ...tracker.iterateEsmReferences({
      'next/server': { [ESM]: true, NextResponse: { [CONSTRUCT]: 'new NextResponse', json: { [CALL]: 'NextResponse.json' } } },
    } as never),
    ...tracker.iterateCjsReferences({
      'next/server': { NextResponse: { [CONSTRUCT]: 'new NextResponse', json: { [CALL]: 'NextResponse.json' } } },
    } as never),
  ];
  for (const { node, info } of found) {
    const n = node as TSESTree.CallExpression | TSESTree.NewExpression;
    const fn = enclosingFunction(n);
    const kind = String(info);
    const fw = kind.includes('NextResponse') ? 'next' : webFramework;
    // Outside Hono/Next files, only inside a registered handler (Fastify 5 may return a Response too).
    if (!fw && !(fn && col.registered.has(fn))) continue;
    add(n.arguments[0] as Node | undefined, kind, fw ?? col.handlerFns.get(fn!));
  }
  return [...sinks.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** True for a Next.js route or pages/api file name. */
export function isNextFile(file: FileContext): boolean {
  return !!file.filename && /(^|[\\/])(route\.[cm]?[jt]sx?$|pages[\\/]api[\\/])/.test(file.filename);
}

/** `return reply.send(x)` / `return reply`: the value is already sent, not returned as a body. */
function sendsItself(col: Collector, expr: Node): boolean {
  let e = skipTS(expr);
  if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTS(e.argument);
  for (let i = 0; i < 20; i++) {
    if (e.type === AST_NODE_TYPES.CallExpression) e = skipTS(e.callee);
    else if (e.type === AST_NODE_TYPES.MemberExpression) e = skipTS(e.object);
    else break;
  }
  if (e.type !== AST_NODE_TYPES.Identifier) return false;
  const v = variableOf(col.file.sourceCode, e);
  return !!v && col.roles.get(v) === 'res';
}

type Add = (node: Node | undefined, kind: string, framework: Framework | undefined) => void;

/** The member call made on `obj`: `obj.name(args)`, or undefined. */
function methodCall(obj: Node): { name: string; call: TSESTree.CallExpression } | undefined {
  const m = obj.parent;
  if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== obj) return undefined;
  const name = propertyName(m);
  let callee: Node = m;
  while (callee.parent && (callee.parent.type === AST_NODE_TYPES.TSNonNullExpression || callee.parent.type === AST_NODE_TYPES.ChainExpression)) callee = callee.parent;
  const call = callee.parent;
  if (!name || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return undefined;
  return { name, call };
}

/** Express/Next `res.json(x)`, `res.status(n).send(x)`; Fastify `reply.send(x)`, `reply.code(n).send(x)`, `reply.raw.end(x)`. */
function responseSink(id: Node, fw: Framework | undefined, add: Add): void {
  const base = fw === 'fastify' ? 'reply' : 'res';
  let obj: Node = id;
  for (let i = 0; i < 10; i++) {
    const mc = methodCall(obj);
    if (mc && CHAINABLE.has(mc.name)) {
      obj = mc.call;
      continue;
    }
    if (mc && (fw === 'fastify' ? mc.name === 'send' : EXPRESS_SEND.has(mc.name))) add(mc.call.arguments[0] as Node, `${base}.${mc.name}`, fw);
    break;
  }
  // reply.raw.write(x) / res.raw.end(x)
  const raw = id.parent;
  if (raw?.type === AST_NODE_TYPES.MemberExpression && raw.object === id && propertyName(raw) === 'raw') {
    const mc = methodCall(raw);
    if (mc && (mc.name === 'write' || mc.name === 'end')) add(mc.call.arguments[0] as Node, `${base}.raw.${mc.name}`, fw);
  }
}

/** Koa `ctx.body = x`, `ctx.response.body = x`, `ctx.res.write/end(x)`. */
function koaSink(id: Node, add: Add): void {
  const m = id.parent;
  if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== id) return;
  const name = propertyName(m);
  if (name === 'body') {
    assigned(m, 'ctx.body', add);
  } else if (name === 'response') {
    const m2 = m.parent;
    if (m2?.type === AST_NODE_TYPES.MemberExpression && m2.object === m && propertyName(m2) === 'body') assigned(m2, 'ctx.response.body', add);
  } else if (name === 'res') {
    const mc = methodCall(m);
    if (mc && (mc.name === 'write' || mc.name === 'end')) add(mc.call.arguments[0] as Node, `ctx.res.${mc.name}`, 'koa');
  }
}

function assigned(target: Node, kind: string, add: Add): void {
  const a = target.parent;
  if (a?.type === AST_NODE_TYPES.AssignmentExpression && a.left === target) add(a.right, kind, 'koa');
}

/** Hono `c.json(x)`, `c.text(x)`, `c.body(x)`, `c.html(x)`. */
function honoSink(id: Node, add: Add): void {
  const mc = methodCall(id);
  if (mc && HONO_SEND.has(mc.name)) add(mc.call.arguments[0] as Node, `c.${mc.name}`, 'hono');
}

/** Gives roles to aliases (`const r = res`) and to same-file helpers' parameters (`send(res, data)`). */
function propagate(col: Collector, start: Scope.Variable[]): void {
  const work = [...start];
  const give = (v: Scope.Variable | undefined, role: ParamRole, fw: Framework | undefined): void => {
    if (!v || col.roles.has(v)) return;
    col.roles.set(v, role);
    if (fw) col.varFramework.set(v, fw);
    work.push(v);
  };
  while (work.length > 0) {
    const v = work.pop()!;
    const role = col.roles.get(v)!;
    const fw = col.varFramework.get(v);
    for (const ref of v.references) {
      if (!ref.isRead()) continue;
      const id = ref.identifier as Node;
      const p = id.parent;
      if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === id && p.id.type === AST_NODE_TYPES.Identifier) {
        give(variableOf(col.file.sourceCode, p.id), role, fw);
      } else if (p?.type === AST_NODE_TYPES.CallExpression && p.callee !== id) {
        const fn = resolveFunction(col.file.sourceCode, p.callee);
        const i = p.arguments.indexOf(id as TSESTree.CallExpressionArgument);
        const param = fn?.params[i];
        if (fn && param && !(fn.params.slice(0, i + 1).some((q) => q.type === AST_NODE_TYPES.RestElement))) {
          give(paramVariable(col.file, param), role, fw);
        }
      }
    }
  }
}

const NAME_ROLES: Record<string, [ParamRole, Framework | undefined]> = {
  req: ['req', undefined],
  request: ['req', undefined],
  res: ['res', 'express'],
  reply: ['res', 'fastify'],
  ctx: ['ctx', 'koa'],
  c: ['honoContext', 'hono'],
  next: ['next', undefined],
};

/**
 * Documented last-resort heuristic, by parameter name: a function registered nowhere in the file (an exported
 * controller) with a parameter named res/reply/ctx/c is treated as a handler, in files that import a framework.
 */
function lastResortRoles(col: Collector): Scope.Variable[] {
  const out: Scope.Variable[] = [];
  const nextFile = isNextFile(col.file) || [...col.file.imports].some((s) => /^next(\/|$)/.test(s));
  for (const fn of col.file.index.functions) {
    if (col.registered.has(fn)) continue;
    // Callbacks (`items.map(c => ...)`) are not controllers.
    const p = fn.parent;
    if ((p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p.callee !== fn) continue;
    const vars = fn.params.map((q) => paramVariable(col.file, q));
    if (vars.some((v) => v && col.roles.has(v))) continue;
    if (!vars.some((v) => v && ['res', 'reply', 'ctx', 'c'].includes(v.name))) continue;
    for (const v of vars) {
      const entry = v && NAME_ROLES[v.name];
      if (!v || !entry) continue;
      col.roles.set(v, entry[0]);
      const fw = entry[1] === 'express' && nextFile ? 'next' : entry[1];
      if (fw) col.varFramework.set(v, fw);
      out.push(v);
    }
  }
  return out;
}
