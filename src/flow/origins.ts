/**
 * Where values come from: model results (with their property path and whether it is plain text), request data,
 * secrets, caught errors, digests and prompts. Flow-insensitive: a variable's value is the union of all its writes.
 * Every question is memoised per node/variable/function; cycles answer with what is known so far.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, propertyName, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { FileModel } from '../contract.js';
import { cryptoCalls } from '../crypto.js';
import { CALL, ESM, trackerOf } from '../references.js';
import type { FunctionNode, LlmCall, Node, Origin, ParamRole, PathKey, RequestPart } from '../types.js';
import { isSecretEnvName, isSecretFieldName, literalKeyLabel } from './origin-secrets.js';
import { buildPromptIndex, type PromptIndex } from './origin-prompts.js';
import { isNarrowedToLiterals } from './allow-list.js';
import type { RequestHandleKind, RequestValue } from '../frameworks/adapter.js';
import { REQUEST_CALLS, REQUEST_SHAPES, RESPONSE_CONSTRUCTORS, requestParamRole } from '../frameworks/registry.js';

/** Objects we follow on the way to an origin: a request or context (described by the adapters), `process.env`, an HMAC being built. */
type HandleKind = RequestHandleKind | 'process' | 'importMeta' | 'env' | 'hasher' | 'hmac';
interface Handle {
  readonly kind: 'handle';
  readonly h: HandleKind;
  /** What the handle itself counts as when it is the answer (`c.req.raw` is the raw body). */
  readonly final?: Origin;
}
type Val = Origin | Handle;

/** Test seam: stand-ins for model parts other engineers build. */
export interface OriginSeams {
  /** Model calls to use instead of `model.llmCalls`. */
  readonly llmCalls?: readonly LlmCall[];
  /** Parameter roles to use instead of `model.paramRoleOf`. */
  readonly paramRole?: (id: TSESTree.Identifier) => ParamRole | undefined;
}

/** The origin analysis the model uses. */
export function createOriginAnalysis(model: FileModel): (node: Node) => readonly Origin[] {
  return originAnalysis(model);
}

/** Callback methods whose first parameter is an element of the receiver. */
const ELEMENT_CALLBACKS = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'findIndex', 'findLastIndex']);
/** Methods whose result is one element of the receiver. */
const ELEMENT_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** Methods whose result says nothing about the receiver's content. */
const NO_DATA_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'some', 'every', 'findIndex', 'findLastIndex',
  'has', 'test', 'localeCompare', 'charCodeAt', 'codePointAt', 'forEach', 'push', 'unshift', 'equals', 'compare',
  'getReader', 'set', 'delete', 'append',
]);
/** Methods whose arguments also flow into the result. */
const ARG_CARRYING_METHODS = new Set(['replace', 'replaceAll', 'concat', 'padStart', 'padEnd', 'join']);
/** Global functions that keep their first argument's origins. */
const KEEP_GLOBALS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'structuredClone', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'atob', 'btoa']);
/** `Ns.fn(x)` calls that keep the origins of all their arguments. */
const KEEP_STATICS: Record<string, ReadonlySet<string>> = {
  JSON: new Set(['stringify', 'parse']),
  Object: new Set(['assign', 'freeze']),
  Buffer: new Set(['from', 'concat']),
  Array: new Set(['from', 'of']),
  Promise: new Set(['resolve']),
};
/** Constructors that keep their first argument's origins. */
const KEEP_CONSTRUCTORS = new Set([...RESPONSE_CONSTRUCTORS, 'URL', 'URLSearchParams', 'String', 'Blob', 'Buffer']);

/** A request table entry as an origin value: a request part, or the request object it leads to. */
function requestValue(v: RequestValue): RequestPart | Handle {
  if (typeof v === 'string') return v;
  return v.final ? { kind: 'handle', h: v.handle, final: { kind: 'request', part: v.final } } : { kind: 'handle', h: v.handle };
}
/** The adapters' request objects (Express `req`, Koa `ctx`, Hono `c` and `c.req`, ...), as origin tables by handle kind. */
const REQUEST_TABLES = new Map(
  [...REQUEST_SHAPES].map(([kind, shape]) => [
    kind,
    {
      members: Object.fromEntries(Object.entries(shape.members ?? {}).map(([k, v]) => [k, requestValue(v)])) as Record<string, RequestPart | Handle>,
      methods: (shape.methods ?? {}) as Record<string, RequestPart>,
    },
  ]),
);

/** Members of a URL that still hold the whole query: `new URL(req.url).searchParams`, `nextUrl.search`. */
const URL_MEMBERS = new Set(['searchParams', 'search', 'href', 'pathname', 'query']);

const ERROR: Origin = { kind: 'error' };
const DIGEST: Origin = { kind: 'digest', keyed: false };
const HMAC_DIGEST: Origin = { kind: 'digest', keyed: true };
const handle = (h: HandleKind): Handle => ({ kind: 'handle', h });

/**
 * The origin analysis with optional stand-ins for the LLM and framework parts.
 * For tests: lets origin tests run before `model.llmCalls` / `model.paramRoleOf` exist.
 */
export function originAnalysis(model: FileModel, seams: OriginSeams = {}): (node: Node) => readonly Origin[] {
  const file = model.file;
  const sourceCode = file.sourceCode;
  const settings = file.settings;
  let llmCalls: readonly LlmCall[] | undefined;
  let llmByNode: Map<Node, LlmCall> | undefined;
  const callsList = (): readonly LlmCall[] => (llmCalls ??= seams.llmCalls ?? model.llmCalls);
  const llmCallOf = (node: Node): LlmCall | undefined => {
    if (!seams.llmCalls) return model.llmCallOf(node);
    llmByNode ??= new Map(seams.llmCalls.map((c) => [c.node as Node, c]));
    return llmByNode.get(node);
  };
  const paramRoleOf = (id: TSESTree.Identifier): ParamRole | undefined =>
    seams.paramRole ? seams.paramRole(id) : model.paramRoleOf(id);
  const callIds = new Map<LlmCall, number>();
  const callId = (c: LlmCall): number => {
    let id = callIds.get(c);
    if (id === undefined) callIds.set(c, (id = callIds.size));
    return id;
  };

  // ---- memoisation with cycle guard ----
  const done = new Map<object, Val[]>();
  let provisional = new Map<object, Val[]>();
  const onStack = new Map<object, number>();
  let depth = 0;
  let cycleHit = Infinity;
  const MAX_DEPTH = 600;

  function memo(key: object, compute: () => Val[]): Val[] {
    const hit = done.get(key) ?? provisional.get(key);
    if (hit) return hit;
    const at = onStack.get(key);
    if (at !== undefined || depth >= MAX_DEPTH) {
      // A cycle (or a pathological depth): answer what is known so far, and keep the callers' answers provisional.
      cycleHit = Math.min(cycleHit, at ?? -1);
      return [];
    }
    const mine = depth++;
    onStack.set(key, mine);
    const outer = cycleHit;
    cycleHit = Infinity;
    let result: Val[] = [];
    try {
      result = compute();
    } finally {
      onStack.delete(key);
      depth--;
    }
    const inner = cycleHit;
    cycleHit = Math.min(outer, inner);
    if (inner >= mine) done.set(key, result);
    else provisional.set(key, result);
    return result;
  }

  const keys = new Map<string, WeakMap<object, object>>();
  function keyFor(tag: string, obj: object): object {
    let m = keys.get(tag);
    if (!m) keys.set(tag, (m = new WeakMap()));
    let k = m.get(obj);
    if (!k) m.set(obj, (k = {}));
    return k;
  }

  // ---- value helpers ----
  function valKey(v: Val): string {
    switch (v.kind) {
      case 'llm':
        return `llm:${callId(v.call)}:${JSON.stringify(v.path)}`;
      case 'prompt':
        return `prompt:${callId(v.call)}`;
      case 'request':
        return `request:${v.part}:${v.name ?? ''}`;
      case 'secret':
        return `secret:${v.name}`;
      case 'handle':
        return `handle:${v.h}:${v.final ? valKey(v.final) : ''}`;
      case 'digest':
        return v.keyed ? 'digest:hmac' : 'digest';
      default:
        return v.kind;
    }
  }
  function union(...lists: readonly (readonly Val[])[]): Val[] {
    const seen = new Set<string>();
    const out: Val[] = [];
    for (const list of lists) {
      for (const v of list) {
        const k = valKey(v);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(v);
        }
      }
    }
    return out;
  }
  const dataOnly = (vals: readonly Val[]): Val[] => vals.filter((v) => v.kind !== 'handle');

  function isTextPath(call: LlmCall, path: readonly PathKey[]): boolean {
    // Vercel ai: the elements of `result.textStream` are text chunks.
    if (call.provider === 'ai' && path[0] === 'textStream' && path.length >= 2) return true;
    return call.textPaths.some(
      (t) =>
        t.length <= path.length &&
        t.every((k, i) => k === '*' || (path[i] !== '*' && String(k) === String(path[i]))),
    );
  }
  const llmVal = (call: LlmCall, path: readonly PathKey[]): Origin => ({ kind: 'llm', call, path, text: isTextPath(call, path) });

  /** `value.key`; '*' is an unknown key. */
  function member(vals: readonly Val[], key: PathKey): Val[] {
    const out: Val[] = [];
    let fromEnv = false;
    for (const v of vals) {
      if (key === 'length' && v.kind !== 'handle') continue; // a length carries no content
      switch (v.kind) {
        case 'llm':
          out.push(llmVal(v.call, [...v.path, key]));
          break;
        case 'request':
          if (v.name === undefined && typeof key === 'string' && key !== '*' && !(v.part === 'query' && URL_MEMBERS.has(key))) {
            out.push({ kind: 'request', part: v.part, name: v.part === 'headers' ? key.toLowerCase() : key });
          } else out.push(v);
          break;
        case 'handle':
          if (v.h === 'env') fromEnv = true;
          out.push(...handleMember(v, key));
          break;
        default:
          out.push(v);
      }
    }
    if (!fromEnv && typeof key === 'string' && key !== '*' && isSecretFieldName(key, settings)) {
      out.push({ kind: 'secret', name: key });
    }
    return union(out);
  }
  const element = (vals: readonly Val[]): Val[] => member(dataOnly(vals), '*');

  function fromTable(entry: RequestPart | Handle | undefined, name?: string): Val[] {
    if (entry === undefined) return [];
    if (typeof entry !== 'string') return [entry];
    return [name === undefined ? { kind: 'request', part: entry } : { kind: 'request', part: entry, name }];
  }
  const own = <T>(table: Record<string, T>, key: PathKey): T | undefined =>
    typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

  function handleMember(v: Handle, key: PathKey): Val[] {
    switch (v.h) {
      case 'process':
      case 'importMeta':
        return key === 'env' ? [handle('env')] : [];
      case 'env':
        return typeof key === 'string' && key !== '*' && isSecretEnvName(key, settings) ? [{ kind: 'secret', name: key }] : [];
      default: {
        const table = REQUEST_TABLES.get(v.h as RequestHandleKind);
        return table ? fromTable(own(table.members, key)) : [];
      }
    }
  }

  function handleCall(v: Handle, method: string, args: readonly TSESTree.CallExpressionArgument[]): Val[] {
    const arg0 = args[0] && args[0].type !== AST_NODE_TYPES.SpreadElement ? staticString(args[0]) : undefined;
    const named = (part: RequestPart | undefined): Val[] =>
      fromTable(part, arg0 === undefined ? undefined : part === 'headers' ? arg0.toLowerCase() : arg0);
    switch (v.h) {
      case 'hasher':
      case 'hmac':
        if (method === 'update' || method === 'setEncoding' || method === 'copy') return [v];
        return method === 'digest' ? [v.h === 'hmac' ? HMAC_DIGEST : DIGEST] : [];
      default: {
        const table = REQUEST_TABLES.get(v.h as RequestHandleKind);
        return table ? named(own(table.methods, method)) : [];
      }
    }
  }

  // ---- calls recognised through imports ----
  let specialCalls: Map<Node, Val[]> | undefined;
  function specials(): Map<Node, Val[]> {
    if (specialCalls) return specialCalls;
    specialCalls = new Map();
    // ESM-marked maps so named, namespace and default imports all resolve (the tracker's strict mode).
    const basicAuth = { [CALL]: 'auth', parse: { [CALL]: 'auth' } };
    const traceMap: Record<string, Record<string | symbol, unknown>> = { 'basic-auth': { [ESM]: true, ...basicAuth, default: basicAuth } };
    // Framework modules whose calls return request data (`cookies()` of next/headers).
    for (const [module, calls] of Object.entries(REQUEST_CALLS)) {
      traceMap[module] = { [ESM]: true, ...Object.fromEntries(Object.entries(calls).map(([name, part]) => [name, { [CALL]: `part:${part}` }])) };
    }
    const values: Record<string, Val> = {
      hasher: handle('hasher'),
      hmac: handle('hmac'),
      auth: { kind: 'request', part: 'auth' },
    };
    const tracker = trackerOf(file);
    try {
      for (const it of [tracker.iterateEsmReferences(traceMap as never), tracker.iterateCjsReferences(traceMap as never)]) {
        for (const { node, info } of it) {
          const key = String(info);
          const val: Val | undefined = key.startsWith('part:') ? { kind: 'request', part: key.slice(5) as RequestPart } : values[key];
          if (val) specialCalls.set(node as Node, [val]);
        }
      }
    } catch {
      // Defensive: an odd module shape must not break every query.
    }
    // node:crypto is traced once for the whole model (src/crypto.ts).
    const { createHmac, createHash } = cryptoCalls(file);
    for (const c of createHmac) specialCalls.set(c, [values.hmac!]);
    for (const c of createHash) specialCalls.set(c, [values.hasher!]);
    return specialCalls;
  }

  // ---- prompts ----
  let prompts: PromptIndex | undefined;
  const promptIndex = (): PromptIndex => (prompts ??= buildPromptIndex(sourceCode, callsList(), callSitesOf));
  const promptVals = (calls: Iterable<LlmCall> | undefined): Val[] =>
    calls ? [...calls].map((call) => ({ kind: 'prompt', call }) as Origin) : [];

  // ---- functions: returns and call sites, built once on demand ----
  let returnsByFn: Map<FunctionNode, Node[]> | undefined;
  function returnsOf(fn: FunctionNode): Node[] {
    if (!returnsByFn) {
      returnsByFn = new Map();
      for (const r of file.index.returns) {
        if (!r.argument) continue;
        let n: Node | undefined = r.parent;
        while (n && !isFunction(n)) n = n.parent;
        if (!n) continue;
        const list = returnsByFn.get(n) ?? [];
        list.push(r.argument);
        returnsByFn.set(n, list);
      }
    }
    if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      return [fn.body];
    }
    return returnsByFn.get(fn) ?? [];
  }
  let sitesByFn: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  function callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!sitesByFn) {
      sitesByFn = new Map();
      for (const call of file.index.calls) {
        const callee = skipTS(call.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier && !isFunction(callee)) continue;
        const target = resolveFunction(sourceCode, callee);
        if (!target) continue;
        const list = sitesByFn.get(target) ?? [];
        list.push(call);
        sitesByFn.set(target, list);
      }
    }
    return sitesByFn.get(fn) ?? [];
  }
  const returnValues = (fn: FunctionNode): Val[] =>
    memo(keyFor('returns', fn), () => union(...returnsOf(fn).map((r) => valuesOf(r))));


  // ---- parameters ----
  function paramBase(fn: FunctionNode, index: number, param: TSESTree.Parameter): Val[] {
    // Callbacks: `arr.map(x => ...)`, `p.then(r => ...)`, `p.catch(err => ...)`.
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.Expression)) {
      const callee = skipTS(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee);
        const argIndex = parent.arguments.indexOf(fn as TSESTree.Expression);
        if (method === 'catch' && index === 0) return [ERROR];
        if (method === 'then') {
          if (argIndex === 1 && index === 0) return [ERROR];
          if (argIndex === 0 && index === 0) return dataOnly(valuesOf(callee.object));
          return [];
        }
        if (method && ELEMENT_CALLBACKS.has(method)) return index === 0 ? element(valuesOf(callee.object)) : [];
        if (method === 'reduce' || method === 'reduceRight') return index === 1 ? element(valuesOf(callee.object)) : [];
      }
    }
    let out: Val[] = [];
    const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (id.type === AST_NODE_TYPES.Identifier) {
      const role = paramRoleOf(id) ?? roleByName(id.name);
      if (role) out = roleValues(role);
    }
    // A same-file function: the arguments at its call sites (bounded).
    const sites = callSitesOf(fn).slice(0, 50);
    const rest = param.type === AST_NODE_TYPES.RestElement;
    for (const site of sites) {
      for (let i = 0; i < site.arguments.length; i++) {
        const arg = site.arguments[i]!;
        if (arg.type === AST_NODE_TYPES.SpreadElement) break;
        if (i === index || (rest && i > index)) out = union(out, valuesOf(arg));
      }
    }
    return out;
  }

  /** Last resort when no adapter gave a role: conventional names in a file that imports a web framework. */
  const namedRoles = new Map<string, ParamRole | undefined>();
  function roleByName(name: string): ParamRole | undefined {
    if (!namedRoles.has(name)) namedRoles.set(name, requestParamRole(name, file));
    return namedRoles.get(name);
  }

  function roleValues(role: ParamRole): Val[] {
    switch (role) {
      case 'req':
        return [handle('req')];
      case 'ctx':
        return [handle('ctx')];
      case 'honoContext':
        return [handle('webContext')];
      case 'err':
        return [ERROR];
      default:
        return [];
    }
  }

  // ---- bindings: where a declared or assigned name gets its value ----
  type Frame = { readonly key: PathKey } | { readonly dflt: Node };
  function bindingValues(id: TSESTree.Identifier): Val[] {
    const frames: Frame[] = [];
    let n: Node = id;
    for (;;) {
      const p: Node | undefined = n.parent;
      if (!p) return [];
      if (p.type === AST_NODE_TYPES.Property && p.value === n && p.parent.type === AST_NODE_TYPES.ObjectPattern) {
        frames.push({ key: propertyName(p) ?? '*' });
        n = p.parent;
      } else if (p.type === AST_NODE_TYPES.ArrayPattern) {
        frames.push({ key: p.elements.indexOf(n as TSESTree.DestructuringPattern) });
        n = p;
      } else if (p.type === AST_NODE_TYPES.RestElement && p.argument === n) {
        // `[a, ...rest]` and `{ a, ...rest }`: the rest holds the same kind of values as the whole.
        const pp: Node | undefined = p.parent;
        if (!pp) return [];
        n = pp.type === AST_NODE_TYPES.ArrayPattern || pp.type === AST_NODE_TYPES.ObjectPattern ? pp : p;
        if (n === p) return paramOrNothing(p);
      } else if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === n) {
        frames.push({ dflt: p.right });
        n = p;
      } else {
        let base: Val[];
        if (p.type === AST_NODE_TYPES.VariableDeclarator && p.id === n) {
          const decl = p.parent;
          const loop = decl?.parent;
          if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === decl) base = element(valuesOf(loop.right));
          else if (loop?.type === AST_NODE_TYPES.ForInStatement && loop.left === decl) base = [];
          else base = p.init ? valuesOf(p.init) : [];
        } else if (p.type === AST_NODE_TYPES.AssignmentExpression && p.left === n) {
          base = valuesOf(p.right);
        } else if (p.type === AST_NODE_TYPES.ForOfStatement && p.left === n) {
          base = element(valuesOf(p.right));
        } else if (p.type === AST_NODE_TYPES.CatchClause && p.param === n) {
          return [ERROR];
        } else if (isFunction(p) && p.params.includes(n as TSESTree.Parameter)) {
          const param = n as TSESTree.Parameter;
          base = memo(keyFor('param', param), () => paramBase(p, p.params.indexOf(param), param));
        } else {
          return [];
        }
        let vals = base;
        for (let i = frames.length - 1; i >= 0; i--) {
          const f = frames[i]!;
          vals = 'key' in f ? member(vals, f.key) : union(vals, valuesOf(f.dflt));
        }
        return vals;
      }
    }
  }
  function paramOrNothing(rest: TSESTree.RestElement): Val[] {
    const fn = rest.parent;
    if (!isFunction(fn) || !fn.params.includes(rest)) return [];
    return memo(keyFor('param', rest), () => paramBase(fn, fn.params.indexOf(rest), rest));
  }

  function variableValues(v: Scope.Variable): Val[] {
    return memo(v, () => {
      const lists: Val[][] = [];
      const defNames = new Set<Node>();
      for (const def of v.defs) {
        defNames.add(def.name);
        if (def.type === 'CatchClause') lists.push([ERROR]);
        else if ((def.type === 'Variable' || def.type === 'Parameter') && def.name.type === AST_NODE_TYPES.Identifier) {
          lists.push(bindingValues(def.name));
        }
      }
      for (const r of v.references) {
        if (!r.isWrite() || defNames.has(r.identifier)) continue;
        if (r.identifier.type === AST_NODE_TYPES.Identifier) lists.push(bindingValues(r.identifier));
      }
      return union(...lists);
    });
  }

  const isGlobal = (id: TSESTree.Identifier): boolean => {
    const v = variableOf(sourceCode, id);
    return !v || v.defs.length === 0;
  };

  // ---- expressions ----
  function valuesOf(node: Node): Val[] {
    return memo(node, () => {
      const own = compute(node);
      const idx = callsList().length > 0 ? promptIndex() : undefined;
      if (!idx) return own;
      const extra: Val[] = promptVals(idx.nodes.get(node));
      if (node.type === AST_NODE_TYPES.Identifier) {
        const v = variableOf(sourceCode, node);
        if (v) extra.push(...promptVals(idx.vars.get(v)));
      } else if (node.type === AST_NODE_TYPES.MemberExpression) {
        extra.push(...promptVals(idx.chainCalls(node)));
      }
      return extra.length > 0 ? union(own, extra) : own;
    });
  }

  function compute(node: Node): Val[] {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const v = variableOf(sourceCode, node);
        if (!v || v.defs.length === 0) return node.name === 'process' ? [handle('process')] : [];
        return variableValues(v);
      }
      case AST_NODE_TYPES.Literal: {
        const label = typeof node.value === 'string' ? literalKeyLabel(node.value) : undefined;
        return label ? [{ kind: 'secret', name: label }] : [];
      }
      case AST_NODE_TYPES.TemplateLiteral: {
        const label = node.quasis.map((q) => literalKeyLabel(q.value.cooked ?? q.value.raw)).find(Boolean);
        return union(label ? [{ kind: 'secret', name: label }] : [], ...node.expressions.map((e) => dataOnly(valuesOf(e))));
      }
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.SpreadElement:
        return node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.SpreadElement
          ? valuesOf(node.argument)
          : valuesOf(node.expression);
      case AST_NODE_TYPES.MetaProperty:
        return node.meta.name === 'import' && node.property.name === 'meta' ? [handle('importMeta')] : [];
      case AST_NODE_TYPES.MemberExpression: {
        const key = memberKey(node);
        // `config.name` on a const object literal: that property alone, not its siblings (`config.apiKey`).
        const lit = typeof key === 'string' && key !== '*' ? objectLiteralOf(node.object, 0) : undefined;
        const value = lit ? literalValue(lit, key as string) : undefined;
        if (value !== undefined) {
          const vals = value ? valuesOf(value) : [];
          return isSecretFieldName(key as string, settings) ? union(vals, [{ kind: 'secret', name: key as string }]) : vals;
        }
        return member(valuesOf(node.object), key);
      }
      case AST_NODE_TYPES.BinaryExpression:
        // `a + b` concatenates; other operators compare or compute numbers.
        return node.operator === '+' ? union(dataOnly(valuesOf(node.left)), dataOnly(valuesOf(node.right))) : [];
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` yields `a` only when it is falsy, which carries no data: `creds && creds.name` is the name.
        return node.operator === '&&' ? valuesOf(node.right) : union(valuesOf(node.left), valuesOf(node.right));
      case AST_NODE_TYPES.ConditionalExpression:
        // `ALLOWED.includes(x) ? x : 'neutral'`: the checked branch is one of the file's literals.
        return union(
          ...[node.consequent, node.alternate].map((b) => (isNarrowedToLiterals(sourceCode, node, b) ? [] : valuesOf(b))),
        );
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? valuesOf(node.right) : union(valuesOf(node.left), valuesOf(node.right));
      case AST_NODE_TYPES.SequenceExpression:
        return node.expressions.length > 0 ? valuesOf(node.expressions[node.expressions.length - 1]!) : [];
      case AST_NODE_TYPES.ArrayExpression:
        return union(...node.elements.map((e) => (e ? dataOnly(valuesOf(e)) : [])));
      case AST_NODE_TYPES.ObjectExpression:
        // An object holding a value is reported with the value's own origins (a wrapped completion is still raw).
        return union(
          ...node.properties.map((p) =>
            p.type === AST_NODE_TYPES.SpreadElement
              ? dataOnly(valuesOf(p.argument))
              : isFunction(p.value) || p.kind !== 'init'
                ? []
                : dataOnly(valuesOf(p.value)),
          ),
        );
      case AST_NODE_TYPES.CallExpression:
        return callValues(node);
      case AST_NODE_TYPES.NewExpression: {
        const call = llmCallOf(node);
        if (call) return [llmVal(call, [])];
        const callee = skipTS(node.callee);
        const arg = node.arguments[0];
        if (callee.type === AST_NODE_TYPES.Identifier && KEEP_CONSTRUCTORS.has(callee.name) && isGlobal(callee) && arg) {
          return dataOnly(valuesOf(arg));
        }
        return [];
      }
      default:
        return [];
    }
  }

  const literalVars = new Map<Scope.Variable, TSESTree.ObjectExpression | undefined>();
  /** The object literal a `const` that is never mutated holds, or a nested literal of one (`config.stripe`). */
  function objectLiteralOf(node: Node, depth: number): TSESTree.ObjectExpression | undefined {
    const n = skipTS(node);
    if (n.type === AST_NODE_TYPES.MemberExpression && depth < 4) {
      const outer = objectLiteralOf(n.object, depth + 1);
      const key = outer ? memberKey(n) : undefined;
      const value = outer && typeof key === 'string' ? literalValue(outer, key) : undefined;
      const inner = value ? skipTS(value) : undefined;
      return inner?.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
    }
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    if (!v) return undefined;
    if (literalVars.has(v)) return literalVars.get(v);
    let found: TSESTree.ObjectExpression | undefined;
    const def = v.defs.length === 1 ? v.defs[0] : undefined;
    if (
      def?.type === 'Variable' &&
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.node.id === def.name &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const' &&
      def.node.init
    ) {
      const init = skipTS(def.node.init);
      if (init.type === AST_NODE_TYPES.ObjectExpression && v.references.every((r) => r.init || !mutates(r.identifier))) {
        found = init;
      }
    }
    literalVars.set(v, found);
    return found;
  }
  /** `x.a = 1`, `x.a.b++`, `delete x.a`, `Object.assign(x, ...)`: the object's content changes after its literal. */
  function mutates(id: Node): boolean {
    let n: Node = id;
    while (n.parent?.type === AST_NODE_TYPES.MemberExpression && n.parent.object === n) n = n.parent;
    const p = n.parent;
    if (!p) return false;
    if (n !== id) {
      if (p.type === AST_NODE_TYPES.AssignmentExpression && p.left === n) return true;
      if (p.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (p.type === AST_NODE_TYPES.UnaryExpression && p.operator === 'delete') return true;
    }
    if (p.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === n) {
      const callee = skipTS(p.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'assign';
    }
    return false;
  }
  /** A literal's property value; null when the literal surely lacks it, undefined when it cannot tell (spreads, computed keys). */
  function literalValue(obj: TSESTree.ObjectExpression, key: string): Node | null | undefined {
    let value: Node | null = null;
    for (const p of obj.properties) {
      if (p.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const name = propertyName(p);
      if (name === undefined) return undefined;
      if (name !== key) continue;
      if (p.kind !== 'init' || p.value.type === AST_NODE_TYPES.AssignmentPattern) return undefined;
      value = p.value;
    }
    return value;
  }

  function memberKey(node: TSESTree.MemberExpression): PathKey {
    if (!node.computed) return propertyName(node) ?? '*';
    const prop = skipTS(node.property);
    if (prop.type === AST_NODE_TYPES.Literal && typeof prop.value === 'number') return prop.value;
    const s = staticString(prop, sourceCode.getScope(node) as Scope.Scope);
    if (s !== undefined) return /^\d+$/.test(s) ? Number(s) : s;
    return '*';
  }

  function callValues(node: TSESTree.CallExpression): Val[] {
    const llm = llmCallOf(node);
    if (llm) return [llmVal(llm, [])];
    const special = specials().get(node);
    if (special) return special;
    const callee = skipTS(node.callee);
    const args = node.arguments;
    const argVals = (): Val[] => union(...args.map((a) => dataOnly(valuesOf(a))));

    if (callee.type === AST_NODE_TYPES.Identifier) {
      // String(x), structuredClone(x)
      if (KEEP_GLOBALS.has(callee.name) && isGlobal(callee)) return args[0] ? dataOnly(valuesOf(args[0])) : [];
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      const obj = skipTS(callee.object);
      // JSON.stringify(x), Object.assign(t, s), Buffer.from(x, 'base64'), Object.values(x)
      if (obj.type === AST_NODE_TYPES.Identifier && Object.hasOwn(KEEP_STATICS, obj.name) && isGlobal(obj)) {
        if (method && KEEP_STATICS[obj.name]!.has(method)) return argVals();
        if (obj.name === 'Object' && method === 'values' && args[0]) return element(valuesOf(args[0]));
        return [];
      }
      if (method === undefined) return [];
      const recv = valuesOf(callee.object);
      const out: Val[] = [];
      for (const v of recv) if (v.kind === 'handle') out.push(...handleCall(v, method, args));
      // `result.response.text()`, `chunk.text()`: a method whose name ends a text path returns that text.
      const data = dataOnly(recv).map((v) =>
        v.kind === 'llm' && !v.text && isTextPath(v.call, [...v.path, method]) ? llmVal(v.call, [...v.path, method]) : v,
      );
      if (NO_DATA_METHODS.has(method)) return union(out);
      if (method === 'map' || method === 'flatMap' || method === 'then' || method === 'catch') {
        const fn = args[0] ? resolveFunction(sourceCode, args[0]) : undefined;
        const cbVals = fn ? returnValues(fn) : [];
        const onReject = args[1] ? resolveFunction(sourceCode, args[1]) : undefined;
        // `.catch(cb)` and `.then(ok, fail)` may also resolve with the promise's own value.
        const keepRecv = method === 'catch' || (method === 'then' && !fn);
        return union(out, cbVals, onReject ? returnValues(onReject) : [], keepRecv ? data : []);
      }
      if (ELEMENT_METHODS.has(method)) return union(out, element(data));
      if (data.length === 0 && out.length === 0 && !ARG_CARRYING_METHODS.has(method)) return sameFileCall(callee);
      // `.get('x')` on headers, cookies or search params names the entry.
      const arg0 = args[0] && args[0].type !== AST_NODE_TYPES.SpreadElement ? staticString(args[0]) : undefined;
      const named = data.map((v): Val =>
        v.kind === 'request' && v.name === undefined && (method === 'get' || method === 'getAll') && arg0 !== undefined
          ? { kind: 'request', part: v.part, name: v.part === 'headers' ? arg0.toLowerCase() : arg0 }
          : v,
      );
      // String, array and unknown methods keep what the receiver holds (a Response's `.json()` keeps the path).
      return union(out, named, ARG_CARRYING_METHODS.has(method) ? argVals() : []);
    }
    return sameFileCall(callee);
  }

  function sameFileCall(callee: Node): Val[] {
    const fn = resolveFunction(sourceCode, callee);
    return fn ? returnValues(fn) : [];
  }

  function exportVals(vals: readonly Val[]): Origin[] {
    const out: Val[] = [];
    for (const v of vals) {
      if (v.kind !== 'handle') out.push(v);
      else if (v.final) out.push(v.final);
    }
    return union(out) as Origin[];
  }

  return (node: Node): readonly Origin[] => {
    const top = depth === 0;
    try {
      return exportVals(valuesOf(node));
    } catch {
      // Defensive: an unexpected shape means "unknown", never a crash.
      return [];
    } finally {
      if (top) {
        provisional = new Map();
        cycleHit = Infinity;
      }
    }
  };
}
