/**
 * Response sinks: where a handler sends a value back. Roles flow from registered handlers to aliases and to
 * same-file helpers they are passed to; sinks are then read off the uses of the response variables.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { CALL, CONSTRUCT, ESM, trackerOf } from '../references.js';
import type { FileContext, Framework, FunctionNode, Node, ParamRole, Sink } from '../types.js';
import { methodCall, paramVariable, type Collector } from './common.js';
import type { AddSink } from './adapter.js';
import { ops } from '../counters.js';
import {
  RESPONSE_CLASSES,
  contextFramework,
  contextSinkOf,
  middlewareSignatures,
  controllerParam,
  importsFramework,
  isControllerParamName,
  responseShape,
  returnIsBody,
  webResponseFramework,
} from './registry.js';
import { addTypedRoles } from '../typed/roles.js';

/** Methods that return the response object itself: `res.status(500).json(x)`, `reply.code(200).send(x)`. */
const CHAINABLE = new Set(['status', 'code', 'type', 'set', 'header', 'headers', 'append', 'cookie', 'clearCookie', 'vary', 'location', 'links', 'attachment', 'contentType', 'hijack', 'removeHeader']);

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
      else contextSinkOf(role)?.read(id, add);
    }
  }

  // Fastify: the value a route handler returns is the response body.
  const bodyReturners = new Map([...col.handlerFns].filter(([, fw]) => returnIsBody(fw)));
  for (const [fn, fw] of bodyReturners) {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      if (!sendsItself(col, fn.body)) add(fn.body, 'return', fw);
    }
  }
  if (bodyReturners.size > 0) {
    for (const ret of file.index.returns) {
      const fn = enclosingFunction(ret);
      const fw = fn && bodyReturners.get(fn);
      if (ret.argument && fw && !sendsItself(col, ret.argument)) add(ret.argument, 'return', fw);
    }
  }

  // Web Response objects: Hono and Next.js handlers return them; framework classes (NextResponse) say whose they are.
  const webFramework = webResponseFramework(file);
  const tracker = trackerOf(file);
  const classes = new Map<string, Framework>();
  const cjs: Record<string, Record<string, unknown>> = {};
  for (const c of RESPONSE_CLASSES) {
    classes.set(`new ${c.name}`, c.framework).set(`${c.name}.json`, c.framework);
    (cjs[c.module] ??= {})[c.name] = { [CONSTRUCT]: `new ${c.name}`, json: { [CALL]: `${c.name}.json` } };
  }
  const esm = Object.fromEntries(Object.entries(cjs).map(([k, v]) => [k, { [ESM]: true, ...v }]));
  const found = [
    ...tracker.iterateGlobalReferences({ Response: { [CONSTRUCT]: 'new Response', json: { [CALL]: 'Response.json' } } } as never),
    ...tracker.iterateEsmReferences(esm as never),
    ...tracker.iterateCjsReferences(cjs as never),
  ];
  for (const { node, info } of found) {
    const n = node as TSESTree.CallExpression | TSESTree.NewExpression;
    const fn = enclosingFunction(n);
    const kind = String(info);
    const fw = classes.get(kind) ?? webFramework;
    // Outside Hono/Next files, only inside a registered handler (Fastify 5 may return a Response too).
    if (!fw && !(fn && col.registered.has(fn))) continue;
    add(n.arguments[0] as Node | undefined, kind, fw ?? col.handlerFns.get(fn!));
  }
  return [...sinks.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Where a holder of `role` sends what it is given (`res.json(x)`, `ctx.body = x`), read off one of its uses. */
export function sinkReader(role: ParamRole, fw: Framework | undefined): ((id: Node, add: AddSink) => void) | undefined {
  if (role === 'res') return (id, add) => responseSink(id, fw, add);
  return contextSinkOf(role)?.read;
}

const byFunction = new WeakMap<Scope.Variable, Map<FunctionNode | undefined, Node[]>>();

/** A variable's uses by the function they are in, grouped once: a middleware installing many methods asks per method. */
function usesByFunction(v: Scope.Variable): ReadonlyMap<FunctionNode | undefined, readonly Node[]> {
  let out = byFunction.get(v);
  if (!out) {
    out = new Map();
    for (const r of v.references) {
      ops.useSteps++;
      const fn = enclosingFunction(r.identifier);
      const list = out.get(fn);
      if (list) list.push(r.identifier as Node);
      else out.set(fn, [r.identifier as Node]);
    }
    byFunction.set(v, out);
  }
  return out;
}

/**
 * The framework whose middleware sends the response through a method it installs: `target` is installed on parameter
 * `index` of a middleware with `params` parameters, and its own body writes the response through that parameter
 * (`holder`) or through `this` (it is called as that parameter's method, `ctx.send(...)`), as a handler of the
 * framework with that signature would (`ctx.body = x`, `res.status(500).json(x)`).
 */
export function middlewareSender(file: FileContext, target: FunctionNode, holder: Scope.Variable, index: number, params: number): Framework | undefined {
  const uses: Node[] = [...(usesByFunction(holder).get(target) ?? [])];
  if (target.type !== AST_NODE_TYPES.ArrowFunctionExpression) uses.push(...thisRootsIn(file, target));
  for (const { framework, role } of middlewareSignatures(params)) {
    const read = index < 0 ? undefined : sinkReader(role[index]!, framework);
    if (!read) continue;
    let sends = false;
    for (const u of uses) {
      ops.useSteps++;
      read(u, () => (sends = true));
    }
    if (sends) return framework;
  }
  return undefined;
}

const thisRoots = new WeakMap<object, Map<Node, Node[]>>();

/** `this` at the root of a member written or called in `fn`'s own body (`this.body = x`, `this.status(500).json(x)`). */
function thisRootsIn(file: FileContext, fn: FunctionNode): readonly Node[] {
  let byFn = thisRoots.get(file.ast);
  if (!byFn) {
    // One pass over the file's writes and calls, grouped by the function they are in.
    byFn = new Map();
    thisRoots.set(file.ast, byFn);
    const root = (n: Node): Node | undefined => {
      let e = skipTS(n);
      for (let i = 0; i < 20 && (e.type === AST_NODE_TYPES.MemberExpression || e.type === AST_NODE_TYPES.CallExpression); i++) {
        e = skipTS(e.type === AST_NODE_TYPES.MemberExpression ? e.object : e.callee);
      }
      return e.type === AST_NODE_TYPES.ThisExpression ? e : undefined;
    };
    for (const t of [...file.index.assignments.map((a) => root(a.left)), ...file.index.calls.map((c) => root(c.callee))]) {
      const owner = t && enclosingFunction(t);
      if (!owner) continue;
      const list = byFn.get(owner);
      if (list) list.push(t);
      else byFn.set(owner, [t]);
    }
  }
  return byFn.get(fn) ?? [];
}

/**
 * `ctx.send(code, data)` with `send` a method the app's middleware installs (`names`, the project map's): each
 * argument of such a call on a variable holding a response or context is sent, unless it is a sink already.
 */
export function installedMethodSinks(roles: ReadonlyMap<Scope.Variable, ParamRole>, names: ReadonlySet<string>, known: readonly Sink[]): Sink[] {
  const out: Sink[] = [];
  const seen = new Set(known.map((k) => k.node));
  for (const [v, role] of roles) {
    if (role !== 'res' && !contextSinkOf(role)) continue;
    for (const ref of v.references) {
      const mc = methodCall(ref.identifier as Node);
      if (!mc || !names.has(mc.name)) continue;
      for (const arg of mc.call.arguments) {
        if (arg.type !== AST_NODE_TYPES.SpreadElement && !seen.has(arg)) out.push({ node: arg, kind: `${ref.identifier.name}.${mc.name}`, framework: contextFramework(role), fn: enclosingFunction(arg) });
      }
    }
  }
  return out;
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

/** Express/Next `res.json(x)`, `res.status(n).send(x)`; Fastify `reply.send(x)`, `reply.code(n).send(x)`, `reply.raw.end(x)`. */
export function responseSink(id: Node, fw: Framework | undefined, add: AddSink): void {
  const { label: base, send } = responseShape(fw);
  let obj: Node = id;
  for (let i = 0; i < 10; i++) {
    const mc = methodCall(obj);
    if (mc && CHAINABLE.has(mc.name)) {
      obj = mc.call;
      continue;
    }
    if (mc && send.has(mc.name)) add(mc.call.arguments[0] as Node, `${base}.${mc.name}`, fw);
    break;
  }
  // reply.raw.write(x) / res.raw.end(x)
  const raw = id.parent;
  if (raw?.type === AST_NODE_TYPES.MemberExpression && raw.object === id && propertyName(raw) === 'raw') {
    const mc = methodCall(raw);
    if (mc && (mc.name === 'write' || mc.name === 'end')) add(mc.call.arguments[0] as Node, `${base}.raw.${mc.name}`, fw);
  }
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

/** Parameter names whose role is the same in every framework; the adapters add theirs (`res`, `reply`, `ctx`, `c`). */
const NAME_ROLES: Record<string, ParamRole> = { req: 'req', request: 'req', next: 'next' };

/**
 * Documented last-resort heuristic, by parameter name: a function registered nowhere in the file (an exported
 * controller) with a parameter named res/reply/ctx/c is treated as a handler, in files that import a framework.
 */
function lastResortRoles(col: Collector): Scope.Variable[] {
  const out: Scope.Variable[] = [];
  for (const fn of col.file.index.functions) {
    if (col.registered.has(fn)) continue;
    // Callbacks (`items.map(c => ...)`) are not controllers.
    const p = fn.parent;
    if ((p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p.callee !== fn) continue;
    const vars = fn.params.map((q) => paramVariable(col.file, q));
    if (vars.some((v) => v && col.roles.has(v))) continue;
    if (!vars.some((v) => v && isControllerParamName(v.name))) continue;
    for (const v of vars) {
      if (!v) continue;
      const own = Object.hasOwn(NAME_ROLES, v.name) ? undefined : controllerParam(v.name, col.file);
      const role = own?.role ?? (Object.hasOwn(NAME_ROLES, v.name) ? NAME_ROLES[v.name] : undefined);
      if (!role) continue;
      col.roles.set(v, role);
      if (own) col.varFramework.set(v, own.framework);
      out.push(v);
    }
  }
  return out;
}
