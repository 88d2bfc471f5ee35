/**
 * Where a caught error's details reach the client: the sinks of error handlers and of handlers that reach a model
 * call, read for the error's message, stack, body, cause or the error itself. Also the module facts that carry this
 * across files: which exported functions hand an argument back in their result (`response.error(e.message)`), and
 * which return a caught error's details in a field of their result (`{ success: false, error: err.message }`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledName, enclosingFunction, firstFrom, isFunction, propertyName, skipTS, variableOf } from '../ast.js';
import type { ErrorExposure, FileModel } from '../contract.js';
import { importedRefs, importSourceOf, isDevOnly, paramVariable } from '../frameworks/common.js';
import { controllerParam, importsFramework, isControllerParamName } from '../frameworks/registry.js';
import { sinkReader } from '../frameworks/sinks.js';
import type { FileContext, FunctionNode, Node, Sink } from '../types.js';
import { calleeFunction } from './reach.js';
import { functionIndexOf } from './function-index.js';
import type { ImportedExport } from '../llm/summary.js';
import { constInit } from '../llm/messages.js';
import { importedModelFunction } from '../llm/imported.js';

/** What an exported function does with errors: the arguments its result carries, the result fields holding error details. */
export interface ErrorFlow {
  /**
   * The arguments the result carries (`error: (data) => ({ success: false, data })`), each with the fields of the
   * result that carry it ('' for the result itself): a caller handing one a caught error sends the error's details in
   * those (`getAiErrorDetails(err).message`).
   */
  readonly carries: readonly { readonly index: number; readonly fields: readonly string[] }[];
  /** Fields of the result that hold a caught error's details; '' when the result is the error detail itself. */
  readonly errorFields: readonly string[];
  /**
   * Arguments the function writes into another argument (`writeChunk(response, data)` calls `response.write(...data...)`):
   * at a call whose `target` argument is the request's response, the `value` argument is sent to the client.
   */
  readonly writes?: readonly { readonly target: number; readonly value: number }[];
}

/** Response methods that send what they are given. */
const WRITE_METHODS = new Set(['write', 'json', 'send', 'end']);

/** The error flow of `name` exported by the module `specifier` names ('default.error' for a method of the default export). */
export type ImportedErrorFlow = (specifier: string, name: string) => ErrorFlow | undefined;

/** What the linted file may ask of the modules it imports. */
export interface ImportedFacts {
  readonly errorFlow?: ImportedErrorFlow;
  /** Module summaries as far as model calls go (src/llm/summary.ts). */
  readonly summary?: ImportedExport;
}

/** Calls that turn their argument into text or a plain object without removing anything. */
const SERIALIZERS = new Set(['String', 'stringify', 'serializeError', 'inspect', 'format', 'assign', 'structuredClone', 'toJSON', 'encode']);
/** http-errors style factories (`createError(502, err.message)`, `reply.httpErrors.createError(...)`): the error they build is sent with its message. */
const ERROR_FACTORIES = new Set(['createError', 'createHttpError', 'HttpError']);
/**
 * Vercel `ai` response helpers whose options take a callback turning a stream error into the text sent to the client
 * (`toDataStreamResponse({ getErrorMessage: (e) => ... })`, `toUIMessageStreamResponse({ onError })`).
 */
const AI_STREAM_RESPONSES = new Set([
  'toDataStreamResponse', 'pipeDataStreamToResponse', 'toUIMessageStreamResponse', 'pipeUIMessageStreamToResponse',
  'createDataStreamResponse', 'createUIMessageStream', 'createUIMessageStreamResponse',
]);
const AI_ERROR_CALLBACKS = new Set(['getErrorMessage', 'onError']);
/** Error fields that classify a failure without carrying its details. */
const SAFE_FIELDS = new Set(['status', 'statusCode', 'code', 'name', 'type', 'expose', 'retryable', 'ok', 'statusText']);
/**
 * The error field that names its class: compared with a literal, it singles out a known kind. Not `code`: a system
 * error's code (`ECONNREFUSED`) comes with a message naming internal hosts.
 */
const IDENTIFYING_FIELDS = new Set(['name']);

/** The error exposures of a file. */
export function findErrorExposures(model: FileModel, imported: ImportedFacts = {}): ErrorExposure[] {
  const passed = passedContext(model);
  let scopes = errorScopes(model, passed, imported.summary);
  if (scopes.size === 0 && passed.handed.size === 0) return [];
  const owners = passed.owners.size;
  // With no scope yet, only calls handing such a parameter on are read (their helpers' modules cost a parse).
  const helpers = helperSinks(model, imported.errorFlow, passed, scopes.size === 0);
  // A response handed in and written through a helper made its function an owner.
  if (passed.owners.size > owners) scopes = errorScopes(model, passed, imported.summary);
  if (scopes.size === 0) return [];
  const reader = createDetailReader(model, imported.errorFlow, passed.errorParams);
  const out: ErrorExposure[] = [];
  const seen = new Set<Node>();
  for (const [sink, helper] of argumentSinks(model, scopes)) helpers.set(sink, helper);
  for (const sink of [...model.sinks, ...passed.sinks, ...helpers.keys()]) {
    if (!insideAny(scopes, sink.node)) continue;
    // A same-file helper whose own send is reported already (`sendError(res, err)` sending `e.message`).
    const helper = helpers.get(sink);
    if (helper && out.some((e) => insideAny(new Set([helper]), e.sink.node))) continue;
    const detail = reader(sink.node);
    if (!detail || seen.has(detail)) continue;
    seen.add(detail);
    out.push({ sink, detail });
  }
  return out.sort((a, b) => a.detail.range[0] - b.detail.range[0]);
}

/**
 * `return errorResponse(details.message, 500)` with `function errorResponse(message, status) { return new
 * Response(message, ...) }` in this file: a sink that sends a parameter of its function makes each argument a call in
 * an error scope hands that parameter a sink of its own (the helper's sink reads only the parameter).
 */
function argumentSinks(model: FileModel, scopes: ReadonlySet<Node>): Map<Sink, FunctionNode> {
  const file = model.file;
  const byFn = new Map<FunctionNode, { sink: Sink; index: number }[]>();
  for (const sink of model.sinks) {
    const fn = sink.fn;
    if (!fn || fn.params.length === 0) continue;
    const params = fn.params.map((q) => paramVariable(file, q));
    params.forEach((v, index) => {
      if (!v) return;
      const ids = new Set(v.references.map((r) => r.identifier as Node));
      if (!walkCarried(file, sink.node, { leaf: (n) => (ids.has(n) ? 'leak' : undefined) })) return;
      byFn.set(fn, [...(byFn.get(fn) ?? []), { sink, index }]);
    });
  }
  const out = new Map<Sink, FunctionNode>();
  if (byFn.size === 0) return out;
  for (const call of file.index.calls) {
    const fn = calleeFunction(file, call.callee);
    for (const { sink, index } of (fn && byFn.get(fn)) ?? []) {
      const arg = call.arguments[index];
      if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && insideAny(scopes, arg)) out.set({ ...sink, node: arg, fn: enclosingFunction(call) }, fn!);
    }
  }
  return out;
}

/**
 * `writeResponseChunk(response, { error: e.message })` with the helper imported: its module's facts say it writes its
 * second argument into its first, and the first is this request's response, so the second is sent.
 */
function helperSinks(model: FileModel, imported: ImportedErrorFlow | undefined, passed: Passed, handedOnly: boolean): Map<Sink, FunctionNode | undefined> {
  const out = new Map<Sink, FunctionNode | undefined>();
  const file = model.file;
  // Same-file helpers too (`sendError(res, 500, msg)` doing `res.status(code).json(format(msg))`), once each.
  const local = new Map<FunctionNode, { flow: ErrorFlow; name: string; fn: FunctionNode } | undefined>();
  const localFlow = (callee: Node): { flow: ErrorFlow; name: string; fn?: FunctionNode } | undefined => {
    const fn = calleeFunction(file, callee);
    if (!fn) return undefined;
    if (!local.has(fn)) {
      const writes = writesOf(file, fn, fn.params.map((q) => paramVariable(file, q)));
      local.set(fn, writes.length > 0 ? { flow: { carries: [], errorFields: [], writes }, name: file.sourceCode.getText(callee), fn } : undefined);
    }
    return local.get(fn);
  };
  for (const call of file.index.calls) {
    // Only a callee that names something: a call of a call is no helper of its own.
    if (call.callee.type === AST_NODE_TYPES.CallExpression) continue;
    // Only a call handing the response on can write into it; other callees' modules are not read for it.
    const handsResponse = call.arguments.some((a) => {
      if (a.type !== AST_NODE_TYPES.Identifier) return false;
      if (passed.handed.has(variableOf(file.sourceCode, a)!)) return true;
      const role = handedOnly ? undefined : model.paramRoleOf(a);
      return role === 'res' || role === 'ctx';
    });
    if (!handsResponse) continue;
    const found: { flow: ErrorFlow; name: string; fn?: FunctionNode } | undefined = localFlow(call.callee) ?? (imported ? calleeFlow(file, imported, call.callee) : undefined);
    for (const w of found?.flow.writes ?? []) {
      const to = call.arguments[w.target];
      const value = call.arguments[w.value];
      if (!to || !value || value.type === AST_NODE_TYPES.SpreadElement) continue;
      const t = skipTS(to as Node);
      const role = t.type === AST_NODE_TYPES.Identifier ? model.paramRoleOf(t) : undefined;
      const handedTo = role || t.type !== AST_NODE_TYPES.Identifier ? undefined : passed.handed.get(variableOf(file.sourceCode, t)!);
      if (role !== 'res' && role !== 'ctx' && !handedTo) continue;
      if (handedTo) passed.owners.add(handedTo);
      out.set({ node: value, kind: `${found!.name}()`, framework: undefined, fn: enclosingFunction(call) }, found!.fn);
    }
  }
  return out;
}

interface Passed {
  /** Sinks read off parameters handed in from another module, in a file that imports no framework. */
  readonly sinks: Sink[];
  /** Functions shaped as error handlers that the framework analysis did not register. */
  readonly errorHandlers: Set<FunctionNode>;
  /** Their error parameters (Express's `err`, which no registration gave a role). */
  readonly errorParams: Set<Scope.Variable>;
  /** Functions holding passed sinks. */
  readonly owners: Set<FunctionNode>;
  /**
   * Parameters named as a response (`res`, `reply`, `ctx`, `response`) that no registration gave a role, with their
   * function: one handed to a helper that writes into it (`writeResponseChunk(response, data)`) is used as one.
   */
  readonly handed: Map<Scope.Variable, FunctionNode>;
}

/** Node's and Express's own docs name the response so; counted only when written through a helper (see Passed.handed). */
const HANDED_RESPONSE_NAMES = new Set(['response']);

/**
 * Functions that are handed a framework's response or context by another module: a provider class method given
 * Koa's `ctx`, a controller given `(req, reply)`. In a file that imports no framework a conventionally named
 * parameter counts only when it is used as one (`ctx.body = x`, `reply.send(x)`, `res.status(500).json(x)`), and
 * its sinks are read as the framework's. Also error handlers by their shape, registered in another module:
 * `(err, req, res, next)` and `try { await next() } catch (e) { ... }`.
 */
function passedContext(model: FileModel): Passed {
  const file = model.file;
  const out: Passed = { sinks: [], errorHandlers: new Set(), errorParams: new Set(), owners: new Set(), handed: new Map() };
  const frameworkFile = importsFramework(file);
  const known = new Set(model.errorHandlers);
  const sinkFns = new Set(model.sinks.map((s) => s.fn));
  // The project map's answer first: a function another module registers as a handler has its roles and sinks.
  const registered = new Set(model.externalHandlers);
  for (const fn of file.index.functions) {
    // Inline callbacks (`items.map((res) => ...)`) are not handed a framework's objects.
    const p = fn.parent;
    if ((p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p.callee !== fn) continue;
    const vars = fn.params.map((q) => paramVariable(file, q));
    let sent = false;
    if (!frameworkFile && !registered.has(fn)) {
      // Last resort, by name: a conventionally named parameter (`res`, `reply`, `ctx`) that no registration gave a role.
      for (const v of vars) {
        if (!v || model.paramRole(v)) continue;
        if (HANDED_RESPONSE_NAMES.has(v.name)) out.handed.set(v, fn);
        if (!isControllerParamName(v.name)) continue;
        const cp = controllerParam(v.name, file);
        if (!cp) continue;
        if (cp.role === 'res' || cp.role === 'ctx') out.handed.set(v, fn);
        const before = out.sinks.length;
        const add = (node: Node | undefined, kind: string): void => {
          if (node && node.type !== AST_NODE_TYPES.SpreadElement) out.sinks.push({ node, kind, framework: cp.framework, fn: enclosingFunction(node) });
        };
        const read = sinkReader(cp.role, cp.framework);
        for (const ref of v.references) if (ref.isRead()) read?.(ref.identifier as Node, add);
        if (out.sinks.length > before) {
          sent = true;
          out.owners.add(fn);
        }
      }
    }
    sent ||= sinkFns.has(fn);
    if (!sent || known.has(fn)) continue;
    // (err, req, res, next): Express error middleware written apart from the app that registers it.
    const resRole = vars[2] && model.paramRole(vars[2]);
    if (fn.params.length === 4 && vars[0] && vars[2] && (resRole === 'res' || (!resRole && isControllerParamName(vars[2].name)))) {
      out.errorHandlers.add(fn);
      out.errorParams.add(vars[0]);
    } else if (catchesNext(fn)) {
      out.errorHandlers.add(fn);
    }
  }
  streamSinks(file, out);
  return out;
}

/**
 * Sinks of streamed responses that no framework owns: `controller.enqueue(x)` in `new ReadableStream({ start(controller)
 * { ... } })` (checked where the handler around it is in scope), and the value a Vercel `ai` error callback returns
 * (`getErrorMessage: (e) => e.message`), which is written into the stream for the client: an error scope of its own.
 */
function streamSinks(file: FileContext, out: Passed): void {
  const add = (node: Node | undefined, kind: string): void => {
    if (node && node.type !== AST_NODE_TYPES.SpreadElement) out.sinks.push({ node, kind, framework: undefined, fn: enclosingFunction(node) });
  };
  for (const n of file.index.news) {
    const callee = skipTS(n.callee);
    const source = n.arguments[0] && skipTS(n.arguments[0]);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'ReadableStream' || source?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const p of source.properties) {
      if (p.type !== AST_NODE_TYPES.Property || !['start', 'pull'].includes(propertyName(p) ?? '') || !isFunction(p.value)) continue;
      const controller = p.value.params[0] && paramVariable(file, p.value.params[0]);
      for (const ref of controller?.references ?? []) {
        const m = ref.identifier.parent;
        if (m?.type === AST_NODE_TYPES.MemberExpression && m.object === ref.identifier && propertyName(m) === 'enqueue' && m.parent?.type === AST_NODE_TYPES.CallExpression && m.parent.callee === m) {
          add(m.parent.arguments[0] as Node | undefined, 'controller.enqueue');
        }
      }
    }
  }
  for (const call of file.index.calls) {
    const name = calledName(call);
    if (!name || !AI_STREAM_RESPONSES.has(name)) continue;
    for (const arg of call.arguments) {
      const opts = skipTS(arg as Node);
      if (opts.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const p of opts.properties) {
        if (p.type !== AST_NODE_TYPES.Property || !AI_ERROR_CALLBACKS.has(propertyName(p) ?? '') || !isFunction(p.value)) continue;
        const cb = p.value;
        const err = cb.params[0] && paramVariable(file, cb.params[0]);
        if (!err) continue;
        out.errorParams.add(err);
        out.errorHandlers.add(cb);
        for (const v of functionIndexOf(file).returnsOf(cb)) add(v, `${name}.${propertyName(p)}`);
      }
    }
  }
}

/** `try { await next() } catch (err) { ... }` with `next` the second parameter (Koa error middleware). */
function catchesNext(fn: FunctionNode): boolean {
  const next = fn.params[1];
  if (next?.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return fn.body.body.some(
    (stmt) =>
      stmt.type === AST_NODE_TYPES.TryStatement &&
      !!stmt.handler &&
      stmt.block.body.some((s) => {
        if (s.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        let e = skipTS(s.expression);
        if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTS(e.argument);
        return e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.Identifier && (skipTS(e.callee) as TSESTree.Identifier).name === next.name;
      }),
  );
}

/**
 * Error handlers (registered, or shaped as one), the handlers of routes and the functions handed a response that
 * reach a model call, and the same-file helpers they call directly (`sendError(res, err)`, `this.chatSync(ctx)`).
 */
function errorScopes(model: FileModel, passed: Passed, summary: ImportedExport | undefined): Set<FunctionNode> {
  const out = new Set<FunctionNode>([...model.errorHandlers, ...passed.errorHandlers]);
  for (const route of model.routes) {
    for (const h of route.handlers) if (model.reachedLlmCall(h)) out.add(h);
  }
  // Controllers another module registers as route handlers (the project map says so).
  for (const h of model.externalHandlers) if (model.reachedLlmCall(h) || callsImportedModel(model.file, h, summary)) out.add(h);
  // A controller handed `res` calls a model itself, or through a service of another module (whose summary says so), or
  // is a method of a provider class (another method calls the model; this one streams its result to the client).
  for (const fn of passed.owners) if (model.reachedLlmCall(fn) || callsImportedModel(model.file, fn, summary) || inModelClass(model, fn)) out.add(fn);
  const helpers = new Set<FunctionNode>();
  for (const call of model.file.index.calls) {
    if (!insideAny(out, call)) continue;
    const callee = calleeFunction(model.file, call.callee);
    if (callee && !out.has(callee)) helpers.add(callee);
  }
  for (const h of helpers) out.add(h);
  return out;
}

/** Whether `fn` is an instance method of a class with an instance method that reaches a model call. */
function inModelClass(model: FileModel, fn: FunctionNode): boolean {
  const def = fn.parent;
  if (def?.type !== AST_NODE_TYPES.MethodDefinition || def.static) return false;
  return def.parent.body.some((m) => m.type === AST_NODE_TYPES.MethodDefinition && !m.static && m.value.body !== null && !!model.reachedLlmCall(m.value));
}

/** Whether `fn` calls an imported function, or a method of an imported object, that reaches a model call. */
function callsImportedModel(file: FileContext, fn: FunctionNode, summary: ImportedExport | undefined): boolean {
  if (!summary) return false;
  const calls = file.index.calls;
  for (let i = firstFrom(calls, fn.range[0], (c) => c.range[0]); i < calls.length && calls[i]!.range[0] < fn.range[1]; i++) {
    const callee = calls[i]!.callee;
    if (callee.type !== AST_NODE_TYPES.CallExpression && importedModelFunction(file, summary, callee)) return true;
  }
  return false;
}

/** Whether `node` lies in one of `fns`: a walk up its parents, so the cost does not grow with the number of routes. */
function insideAny(fns: ReadonlySet<Node>, node: Node): boolean {
  for (let n: Node | undefined = node; n; n = n.parent) if (fns.has(n)) return true;
  return false;
}

/**
 * A reader of sent expressions: the first part that carries error details, the error itself (`err`, `String(err)`,
 * `${err}`) or a field other than a status or code (`err.message`, `err.stack`, `err.response.data`). A part that
 * is sent only outside production (`NODE_ENV === 'development' ? err.message : 'failed'`) or only for errors the
 * app made to be shown (`err.expose ? err.message : ...`) does not count.
 */
function createDetailReader(model: FileModel, imported: ImportedErrorFlow | undefined, errorParams: ReadonlySet<Scope.Variable>): (root: Node) => Node | undefined {
  const file = model.file;
  const isError = (node: Node): boolean => {
    const n = skipTS(node);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const v = variableOf(file.sourceCode, n);
    if (v && errorParams.has(v)) return true;
    return model.originsOf(n).some((o) => o.kind === 'error');
  };
  /** What one node carries, read by itself. */
  const readDetail = (n: Node): 'leak' | 'safe' | undefined => {
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const { object, keys } = memberPath(n);
      if (literalLocal(file, object)) return undefined;
      if (isError(object)) return isSafeRead(keys) ? 'safe' : 'leak';
      // `result.error` of an imported service that returns `{ success: false, error: err.message }`; `result.text` is not.
      // `getAiErrorDetails(err).message` of a helper that puts the error it is handed into `message`.
      const called = importedCall(file, imported, object);
      if (called) {
        const { flow } = called;
        const leaks = flow.errorFields.includes('') || flow.errorFields.includes(keys[0] ?? '') || handedError(called, (f) => f === '' || f === keys[0]);
        return leaks ? 'leak' : 'safe';
      }
      return undefined;
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      // A local object or array literal is read field by field (`{ code: err.code }` sends no detail), and so is a
      // const whose value is a production branch (`const message = isProd ? 'Internal Server Error' : err.message`):
      // the walk goes through it to where the detail is read, and the branch can be seen.
      if (literalLocal(file, n) || devOnlyBranchLocal(file, n)) return undefined;
      if (isError(n)) return readsSafeField(model, n, isError) ? 'safe' : 'leak';
      const called = importedCall(file, imported, n);
      if (called && (called.flow.errorFields.length > 0 || handedError(called, () => true))) return 'leak';
      return destructuredErrorField(file, imported, n) ? 'leak' : undefined;
    }
    if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AwaitExpression) {
      const flow = importedCallFlow(file, imported, n);
      if (flow && flow.errorFields.length > 0) return 'leak';
    }
    return undefined;
  };
  /** The call hands a caught error to an argument the result carries in a field `wanted` accepts. */
  const handedError = ({ flow, call }: ImportedCall, wanted: (field: string) => boolean): boolean =>
    flow.carries.some(({ index, fields }) => {
      const arg = call.arguments[index];
      return !!arg && arg.type !== AST_NODE_TYPES.SpreadElement && isError(arg) && fields.some(wanted);
    });
  return (root) => {
    const found = walkCarried(file, root, {
      // A detail read only outside production is safe where it is read, also inside a const's value.
      leaf: (n) => {
        const verdict = readDetail(n);
        return verdict === 'leak' && isDevOnly(file, n) ? 'safe' : verdict;
      },
      carried: (call) => importedCarried(file, imported, call),
      guarded: (cond, branch) => guardsExposure(cond, branch, isError),
    });
    return found && !isDevOnly(file, found) && !identifiedBranch(file, found, isError) ? found : undefined;
  };
}

/** A const whose value is a conditional with a branch taken only outside production (or only in it). */
function devOnlyBranchLocal(file: FileContext, id: TSESTree.Identifier): boolean {
  const init = constInit(file, id);
  const n = init && skipTS(init);
  return n?.type === AST_NODE_TYPES.ConditionalExpression && (isDevOnly(file, n.consequent) || isDevOnly(file, n.alternate));
}

/**
 * Whether `node` is sent only in a branch taken for errors the code has recognised as a known kind by a literal:
 * `if (err.name === 'MulterError' || err.message?.startsWith('Only '))` (a library's fixed client error, the app's
 * own message). Only up to the enclosing function.
 */
function identifiedBranch(file: FileContext, node: Node, isError: (n: Node) => boolean): boolean {
  for (let n: Node = node; n.parent && !isFunction(n); n = n.parent) {
    const p: Node = n.parent;
    const test =
      (p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression) && p.consequent === n ? p.test
      : p.type === AST_NODE_TYPES.LogicalExpression && p.operator === '&&' && p.right === n ? p.left
      : undefined;
    if (test && identifiesError(file, test, isError)) return true;
  }
  return false;
}

/**
 * `err.name === 'X'`, `err.message.startsWith('X')`, `err.message.includes(ViolationTypes.TOKEN_BALANCE)` (a constant
 * the app's own errors are made with, imported), and `||` of them (every way in identifies).
 */
function identifiesError(file: FileContext, test: Node, isError: (n: Node) => boolean): boolean {
  const t = skipTS(test);
  if (t.type === AST_NODE_TYPES.LogicalExpression) {
    if (t.operator === '||') return identifiesError(file, t.left, isError) && identifiesError(file, t.right, isError);
    if (t.operator === '&&') return identifiesError(file, t.left, isError) || identifiesError(file, t.right, isError);
    return false;
  }
  if (t.type === AST_NODE_TYPES.ChainExpression) return identifiesError(file, t.expression, isError);
  const isString = (n: Node): boolean => n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && n.value !== '';
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '===' || t.operator === '==')) {
    const [m, lit] = isString(skipTS(t.right)) ? [skipTS(t.left as Node), t.right] : [skipTS(t.right), t.left as Node];
    if (!isString(skipTS(lit)) || m.type !== AST_NODE_TYPES.MemberExpression) return false;
    const { object, keys } = memberPath(m);
    return keys.length === 1 && IDENTIFYING_FIELDS.has(keys[0]!) && isError(object);
  }
  // err.message.startsWith('Only '), err.message.includes(ViolationTypes.TOKEN_BALANCE)
  if (t.type === AST_NODE_TYPES.CallExpression && t.arguments[0]) {
    const callee = skipTS(t.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const arg = skipTS(t.arguments[0] as Node);
    const known = method === 'startsWith' ? isString(arg) : method === 'includes' && importedConstant(file, arg);
    if (!known || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const target = skipTS(callee.object);
    if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
    const { object, keys } = memberPath(target);
    return keys.length === 1 && keys[0] === 'message' && isError(object);
  }
  return false;
}

/** `Kinds.X` with `Kinds` imported: a name for a kind of error shared with the code that throws it. */
function importedConstant(file: FileContext, node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  const root = skipTS(node.object);
  return root.type === AST_NODE_TYPES.Identifier && importSourceOf(file, root) !== undefined;
}

/** Whether `node` names a local written once with an object or array literal. */
function literalLocal(file: FileContext, node: Node): boolean {
  const init = node.type === AST_NODE_TYPES.Identifier ? constInit(file, node) : undefined;
  const t = init && skipTS(init).type;
  return t === AST_NODE_TYPES.ObjectExpression || t === AST_NODE_TYPES.ArrayExpression;
}

interface WalkHooks {
  /** 'leak' when the node carries what is sought, 'safe' when it is known not to (stop there), undefined to look inside. */
  readonly leaf: (n: Node) => 'leak' | 'safe' | undefined;
  /** Arguments an unresolved call carries into its result (imported helpers, from their module's facts). */
  readonly carried?: (call: TSESTree.CallExpression) => readonly Node[];
  /** Whether the branch of a conditional is sent only when showing it is safe. */
  readonly guarded?: (cond: TSESTree.ConditionalExpression | TSESTree.LogicalExpression, branch: Node) => boolean;
}

/**
 * The first node of `root` that a sent value carries and `hooks.leaf` calls a leak: through templates,
 * concatenation, conditional branches, arrays, objects, serialisers, error factories and same-file functions'
 * returns. Each node is visited once, so the walk is linear in the code it reads.
 */
function walkCarried(file: FileContext, root: Node, hooks: WalkHooks): Node | undefined {
  const stack: Node[] = [root];
  const seen = new Set<Node>();
  // A node reached through a local's initialiser is reported at the local where the sent value names it.
  const via = new Map<Node, Node>();
  let entry: Node | undefined;
  // Children go on the stack last first, so the leftmost carrier is the one found.
  const push = (...nodes: Node[]): void => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      if (entry) via.set(nodes[i]!, entry);
      stack.push(nodes[i]!);
    }
  };
  const throughLocal = (id: TSESTree.Identifier, init: Node): void => {
    const at = entry ?? id;
    const before = entry;
    entry = at;
    push(init);
    entry = before;
  };
  while (stack.length > 0) {
    const popped = stack.pop()!;
    const n = skipTS(popped);
    entry = via.get(popped);
    if (seen.has(n)) continue;
    seen.add(n);
    const verdict = hooks.leaf(n);
    if (verdict === 'leak') return entry ?? n;
    if (verdict === 'safe') continue;
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        // `const body = { message: err.message }; res.json(body)`: a local written once, read for what it holds.
        const init = constInit(file, n);
        if (init && !isFunction(skipTS(init))) throughLocal(n, init);
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `body.message` of a local object literal: only that property.
        const obj = skipTS(n.object);
        const init = obj.type === AST_NODE_TYPES.Identifier ? constInit(file, obj) : undefined;
        const key = propertyName(n);
        const lit = init && skipTS(init);
        if (obj.type === AST_NODE_TYPES.Identifier && lit?.type === AST_NODE_TYPES.ObjectExpression && key !== undefined) {
          const prop = lit.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === key);
          if (prop?.type === AST_NODE_TYPES.Property) throughLocal(obj, prop.value as Node);
          else if (!lit.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) break;
          else push(n.object);
        } else push(n.object);
        break;
      }
      case AST_NODE_TYPES.ChainExpression:
        push(n.expression);
        break;
      case AST_NODE_TYPES.TemplateLiteral:
        push(...n.expressions);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') push(n.left as Node, n.right);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        push(...(n.operator !== '&&' ? [n.left] : []), ...(hooks.guarded?.(n, n.right) ? [] : [n.right]));
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        push(...[n.consequent, n.alternate].filter((b) => !hooks.guarded?.(n, b)));
        break;
      case AST_NODE_TYPES.ArrayExpression:
        push(...n.elements.filter((e): e is NonNullable<typeof e> => !!e));
        break;
      case AST_NODE_TYPES.ObjectExpression:
        push(...n.properties.map((p) => (p.type === AST_NODE_TYPES.SpreadElement ? p.argument : p.value)));
        break;
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.AwaitExpression:
        push(n.argument);
        break;
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTS(n.callee);
        const name = calledName(n);
        // String(err), JSON.stringify(err), util.inspect(err), createError(502, err.message) carry their arguments.
        if (name && (SERIALIZERS.has(name) || ERROR_FACTORIES.has(name))) {
          push(...n.arguments);
          break;
        }
        // `err.toString()`, `err.message.slice(0, 200)`: a method of the error or its field.
        if (callee.type === AST_NODE_TYPES.MemberExpression) push(callee.object);
        // A same-file function or method (`this.chatSync(ctx)`): what it returns.
        const fn = calleeFunction(file, n.callee);
        if (fn) {
          push(...functionIndexOf(file).returnsOf(fn));
          break;
        }
        // An imported helper known to hand an argument back (`response.error(e.message)`); others may sanitise.
        if (hooks.carried) push(...hooks.carried(n));
        break;
      }
      case AST_NODE_TYPES.NewExpression:
        push(...n.arguments);
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** `err.status`, `err.response.status`, `err.code`: a read that ends in (or starts with) a classifying field. */
function isSafeRead(keys: readonly string[]): boolean {
  return SAFE_FIELDS.has(keys[keys.length - 1] ?? '') || SAFE_FIELDS.has(keys[0] ?? '');
}

/** For `err.response.data`: the object at the root (`err`) and the keys read from it, outermost last. */
function memberPath(member: TSESTree.MemberExpression): { object: Node; keys: string[] } {
  const keys: string[] = [];
  let m: Node = member;
  while (m.type === AST_NODE_TYPES.MemberExpression) {
    keys.unshift(propertyName(m) ?? '*');
    m = skipTS(m.object);
  }
  return { object: m, keys };
}

/**
 * Whether a branch is sent only when the error is one the app made to be shown: `err.expose ? err.message : ...`
 * (http-errors and Koa's `ctx.throw` set `expose` on client errors they build; SDK errors have none).
 */
function guardsExposure(
  cond: TSESTree.ConditionalExpression | TSESTree.LogicalExpression,
  branch: Node,
  isError: (n: Node) => boolean,
): boolean {
  const test = cond.type === AST_NODE_TYPES.ConditionalExpression ? cond.test : cond.operator === '&&' ? cond.left : undefined;
  if (!test || (cond.type === AST_NODE_TYPES.ConditionalExpression && branch !== cond.consequent)) return false;
  const t = skipTS(test);
  return t.type === AST_NODE_TYPES.MemberExpression && propertyName(t) === 'expose' && isError(t.object);
}

/** A local bound once to a status/code field of an error: `const s = err.status`, `const { code } = err`. */
function readsSafeField(model: FileModel, id: TSESTree.Identifier, isError: (n: Node) => boolean): boolean {
  const v = variableOf(model.file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = skipTS(def.node.init);
  if (def.node.id.type === AST_NODE_TYPES.Identifier) {
    if (init.type !== AST_NODE_TYPES.MemberExpression) return false;
    const { object, keys } = memberPath(init);
    return isError(object) && SAFE_FIELDS.has(keys[keys.length - 1] ?? '');
  }
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern && isError(init)) {
    const prop = def.node.id.properties.find(
      (p) => p.type === AST_NODE_TYPES.Property && (p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value) === def.name,
    );
    return prop?.type === AST_NODE_TYPES.Property && SAFE_FIELDS.has(propertyName(prop) ?? '');
  }
  return false;
}

/**
 * `target.write(...value...)`, `target.status(500).json(value)`: a parameter of `fn` written into another one. Read
 * from each reference of a parameter up to the call whose argument holds it, so the cost is the references' depth.
 */
function writesOf(file: FileContext, fn: FunctionNode, params: readonly (Scope.Variable | undefined)[]): { target: number; value: number }[] {
  const index = new Map<Scope.Variable, number>();
  params.forEach((v, i) => v && index.set(v, i));
  const found = new Set<string>();
  const out: { target: number; value: number }[] = [];
  params.forEach((vv, value) => {
    for (const r of vv?.references ?? []) {
      for (let n: Node = r.identifier as Node; n.parent && n !== fn; n = n.parent) {
        const c: Node = n.parent;
        // Anywhere in what is written, through serialisers of the module's own (`safeJSONStringify(data)`).
        if (c.type !== AST_NODE_TYPES.CallExpression || c.callee === n || enclosingFunction(c) !== fn) continue;
        const callee = skipTS(c.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !WRITE_METHODS.has(propertyName(callee) ?? '')) continue;
        let root: Node = skipTS(callee.object);
        while (root.type === AST_NODE_TYPES.CallExpression && skipTS(root.callee).type === AST_NODE_TYPES.MemberExpression) root = skipTS((skipTS(root.callee) as TSESTree.MemberExpression).object);
        const tv = root.type === AST_NODE_TYPES.Identifier ? variableOf(file.sourceCode, root) : undefined;
        const target = tv ? index.get(tv) : undefined;
        if (target === undefined || target === value || found.has(`${target}:${value}`)) continue;
        found.add(`${target}:${value}`);
        out.push({ target, value });
      }
    }
  });
  return out.sort((a, b) => a.target - b.target || a.value - b.value);
}

// ---- across modules ----

/** The error flow of the imported function a callee names (`fn`, `ns.fn`, `service.method` as `service.method`). */
function calleeFlow(file: FileContext, imported: ImportedErrorFlow, callee: Node): { flow: ErrorFlow; name: string } | undefined {
  for (const ref of importedRefs(file, callee)) {
    const name = ref.member === undefined ? ref.name : `${ref.name}.${ref.member}`;
    const flow = imported(ref.specifier, name);
    if (flow) return { flow, name };
  }
  return undefined;
}

/** The error flow of the imported function a call (or awaited call, or a local bound once to one) calls. */
function importedCallFlow(file: FileContext, imported: ImportedErrorFlow | undefined, node: Node): ErrorFlow | undefined {
  return importedCall(file, imported, node)?.flow;
}

interface ImportedCall {
  readonly flow: ErrorFlow;
  readonly call: TSESTree.CallExpression;
}

/** The call of an imported function a node is (or awaits, or a local is given), with that function's error flow. */
function importedCall(file: FileContext, imported: ImportedErrorFlow | undefined, node: Node, depth = 0): ImportedCall | undefined {
  if (!imported || depth > 4) return undefined;
  let n = skipTS(node);
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTS(n.argument);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(file, n);
    if (init) return importedCall(file, imported, init, depth + 1);
    // `let response; switch (model) { case 'a': response = await service.a(ctx); ... }`: any of the values it is given.
    for (const value of letValues(file, n)) {
      const found = importedCall(file, imported, value, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const flow = calleeFlow(file, imported, n.callee)?.flow;
  return flow && { flow, call: n };
}

/** How many values of a `let` are read for what they carry: a few branches, not a loop's accumulator. */
const MAX_LET_VALUES = 8;

/** The values a `let` is given, when it is given them only by its initialiser and plain assignments. */
function letValues(file: FileContext, id: TSESTree.Identifier): Node[] {
  const v = variableOf(file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'let') return [];
  const out: Node[] = def.node.init ? [def.node.init] : [];
  for (const r of v!.references) {
    if (!r.isWrite() || r.init) continue;
    const a = r.identifier.parent;
    if (a?.type !== AST_NODE_TYPES.AssignmentExpression || a.operator !== '=' || a.left !== r.identifier) return [];
    out.push(a.right);
    if (out.length > MAX_LET_VALUES) return [];
  }
  return out;
}

/** `const { error } = await service(...)`: a name destructured from an imported call's error field. */
function destructuredErrorField(file: FileContext, imported: ImportedErrorFlow | undefined, id: TSESTree.Identifier): boolean {
  if (!imported) return false;
  const v = variableOf(file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return false;
  const prop = def.node.id.properties.find((p) => p.type === AST_NODE_TYPES.Property && p.value === def.name);
  const key = prop?.type === AST_NODE_TYPES.Property ? propertyName(prop) : undefined;
  const flow = key === undefined ? undefined : importedCallFlow(file, imported, def.node.init);
  return !!flow && flow.errorFields.includes(key!);
}

/** The arguments a call of an imported function hands back in its result (ErrorFlow.carries). */
export function importedCarried(file: FileContext, imported: ImportedErrorFlow | undefined, call: TSESTree.CallExpression): Node[] {
  const flow = importedCallFlow(file, imported, call);
  if (!flow) return [];
  return flow.carries.flatMap(({ index: i }) => {
    const a = call.arguments[i];
    return a && a.type !== AST_NODE_TYPES.SpreadElement ? [a] : [];
  });
}

/**
 * The error flows of a module's exported functions, by export name (`name`, or `name.method` for the methods of an
 * exported object literal or instance of a same-file class). Computed from this module alone, for the project map.
 */
export function errorFlowsOf(model: FileModel, exports: ReadonlyMap<string, { readonly kind: string; readonly key?: number }>): Map<string, ErrorFlow> {
  const out = new Map<string, ErrorFlow>();
  const file = model.file;
  const sourceCode = file.sourceCode;
  let reader: ((root: Node) => Node | undefined) | undefined;
  const flowOf = (fn: FunctionNode): ErrorFlow | undefined => {
    const params = fn.params.map((q) => paramVariable(file, q));
    const carries: { index: number; fields: string[] }[] = [];
    const writes = writesOf(file, fn, params);
    const values = functionIndexOf(file).returnsOf(fn);
    if (values.length === 0) return writes.length > 0 ? { carries, errorFields: [], writes } : undefined;
    params.forEach((v, i) => {
      if (!v) return;
      const ids = new Set(v.references.map((r) => r.identifier as Node));
      // `{ message: 'failed', code: err.code }` hands back a classifying field only: that sanitises.
      const leaf = (n: Node): 'leak' | 'safe' | undefined => {
        if (ids.has(n)) return 'leak';
        if (n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const { object, keys } = memberPath(n);
        return ids.has(object) && isSafeRead(keys) ? 'safe' : undefined;
      };
      const fields = new Set<string>();
      for (const root of values) {
        const r = skipTS(root);
        if (r.type !== AST_NODE_TYPES.ObjectExpression) {
          if (walkCarried(file, r, { leaf })) fields.add('');
          continue;
        }
        for (const p of r.properties) {
          const key = p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined;
          const value = p.type === AST_NODE_TYPES.SpreadElement ? p.argument : (p.value as Node);
          if (walkCarried(file, value, { leaf })) fields.add(key ?? '');
        }
      }
      if (fields.size > 0) carries.push({ index: i, fields: [...fields] });
    });
    reader ??= createDetailReader(model, undefined, new Set());
    const errorFields = new Set<string>();
    for (const root of values) {
      const r = skipTS(root);
      if (r.type === AST_NODE_TYPES.ObjectExpression) {
        for (const p of r.properties) {
          const key = p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined;
          if (key !== undefined && p.type === AST_NODE_TYPES.Property && reader(p.value as Node)) errorFields.add(key);
        }
      } else if (reader(r)) errorFields.add('');
    }
    return carries.length > 0 || errorFields.size > 0 || writes.length > 0
      ? { carries, errorFields: [...errorFields], ...(writes.length > 0 ? { writes } : {}) }
      : undefined;
  };
  const functionAt = (node: Node | null | undefined): FunctionNode | undefined => {
    const n = node && skipTS(node);
    return n && isFunction(n) ? n : undefined;
  };
  for (const [name, t] of exports) {
    if (t.kind !== 'local' || t.key === undefined) continue;
    const node = sourceCode.getNodeByRangeIndex(t.key) as Node | null;
    const at = node && (node.range[0] === t.key ? node : undefined);
    const fn = functionAt(at) ?? (at?.type === AST_NODE_TYPES.FunctionDeclaration ? at : undefined);
    if (fn) {
      const f = flowOf(fn);
      if (f) out.set(name, f);
      continue;
    }
    // export default { ok: (data) => ..., error(data) { ... } }
    const obj = at && skipTS(at);
    if (obj?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of obj.properties) {
        const m = p.type === AST_NODE_TYPES.Property ? functionAt(p.value as Node) : undefined;
        const key = p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined;
        const f = m && flowOf(m);
        if (key !== undefined && f) out.set(`${name}.${key}`, f);
      }
    }
    // module.exports = class ApiResponse { static success(message, data) { return new ApiResponse(true, message, data) } }
    if (obj?.type === AST_NODE_TYPES.ClassDeclaration || obj?.type === AST_NODE_TYPES.ClassExpression) {
      for (const m of obj.body.body) {
        if (m.type !== AST_NODE_TYPES.MethodDefinition || !m.static || m.kind !== 'method') continue;
        const key = propertyName(m);
        const f = key === undefined || m.value.type !== AST_NODE_TYPES.FunctionExpression ? undefined : flowOf(m.value);
        if (f) out.set(`${name}.${key}`, f);
      }
    }
  }
  return out;
}
