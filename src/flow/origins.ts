/**
 * Where values come from: model results (with their property path and whether it is plain text), request data,
 * secrets, caught errors, digests and prompts. Flow-insensitive: a variable's value is the union of all its writes.
 * Every question is memoised per node/variable/function (memo.ts); cycles answer with what is known so far. The
 * values and their operations are in origin-values.ts, calls known through imports in origin-specials.ts, function
 * returns and call sites in function-index.ts, const object literals in object-literals.ts.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, propertyName, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { FileModel } from '../contract.js';
import type { FunctionNode, LlmCall, Node, Origin, ParamRole, PathKey } from '../types.js';
import { isSecretFieldName, literalKeyLabel } from './origin-secrets.js';
import { buildPromptIndex, type PromptIndex } from './origin-prompts.js';
import { isNarrowedToLiterals } from './allow-list.js';
import { RESPONSE_CONSTRUCTORS, requestParamRole } from '../frameworks/registry.js';
import { createMemo } from './memo.js';
import { createLiteralReader } from './object-literals.js';
import { specialCallsOf } from './origin-specials.js';
import { credentialHeaderRead, isRedaction } from './secret-sources.js';
import { secretUsesOf, type SecretUses } from './secret-uses.js';
import { ERROR, createValueOps, dataOnly, escapedVals, handle, type Val } from './origin-values.js';
import { escapeOf } from './escapes.js';
import { toolFunctionsOf } from '../llm/tools.js';
import { buildSystemIndex, type SystemIndex } from './origin-system.js';
import { retrievalOf } from '../llm/retrieval.js';

/** Test seam: stand-ins for model parts other engineers build. */
export interface OriginSeams {
  /** Model calls to use instead of `model.llmCalls`. */
  readonly llmCalls?: readonly LlmCall[];
  /** Parameter roles to use instead of `model.paramRoleOf`. */
  readonly paramRole?: (id: TSESTree.Identifier) => ParamRole | undefined;
}

/** What a call of another module's function may carry through to its result, besides generated text (see otherCall). */
const MODEL_KINDS = new Set<string>(['tool', 'prompt', 'system']);

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
/** Roles of LangChain's message tuples (`['system', text]`). */
const TUPLE_ROLES = new Set(['system', 'developer', 'human', 'user', 'ai', 'assistant', 'placeholder']);
/** LangChain prompt-template factories: the template holds the messages it is made from. */
const PROMPT_FACTORIES = new Set(['fromMessages', 'fromPromptMessages']);
/** Constructors that keep their first argument's origins. */
const KEEP_CONSTRUCTORS = new Set([...RESPONSE_CONSTRUCTORS, 'URL', 'URLSearchParams', 'String', 'Blob', 'Buffer']);

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

  const { memo, keyFor, top } = createMemo<Val>();
  const { union, member, element, each, llmVal, isTextPath, handleCall } = createValueOps(settings);
  const { returnsOf, callSitesOf } = model;
  const { objectLiteralOf, literalValue, memberKey } = createLiteralReader(sourceCode);
  let secretUses: SecretUses | undefined;
  const uses = (): SecretUses => (secretUses ??= secretUsesOf(file));
  let specialCalls: Map<Node, Val[]> | undefined;
  const specials = (): Map<Node, Val[]> => (specialCalls ??= specialCallsOf(file));

  // ---- prompts ----
  let prompts: PromptIndex | undefined;
  const promptIndex = (): PromptIndex => (prompts ??= buildPromptIndex(sourceCode, callsList(), callSitesOf, returnsOf));
  const promptVals = (calls: Iterable<LlmCall> | undefined): Val[] =>
    calls ? [...calls].map((call) => ({ kind: 'prompt', call }) as Origin) : [];

  // ---- system prompts ----
  let system: SystemIndex | undefined;
  const systemIndex = (): SystemIndex => (system ??= buildSystemIndex(file, callsList(), returnsOf, paramRoleOf));
  const SYSTEM: Origin = { kind: 'system', lists: 0 };
  /** Whether a node is a system prompt, or a variable used whole that holds one (`config` of `config.system`). */
  function isSystem(node: Node): boolean {
    const idx = systemIndex();
    if (idx.nodes.size === 0) return false;
    if (idx.nodes.has(node)) return true;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(sourceCode, node);
      const whole = !(node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node);
      return !!v && (idx.vars.has(v) || (whole && idx.holds(v)));
    }
    return node.type === AST_NODE_TYPES.MemberExpression && idx.chainIs(node);
  }
  /** Values as an element of a list literal: a system prompt inside is now one message of a list. */
  const inList = (vals: readonly Val[]): Val[] => vals.map((v) => (v.kind === 'system' ? { kind: 'system', lists: v.lists + 1 } : v));
  const systemOnly = (vals: readonly Val[]): Val[] => vals.filter((v) => v.kind === 'system');

  const returnValues = (fn: FunctionNode): Val[] =>
    memo(keyFor('returns', fn), () => union(...returnsOf(fn).map((r) => valuesOf(r))));

  // ---- parameters ----
  /**
   * What parameter `index` of `fn` holds; with `key`, only its property `key` (a destructured `{ key }`): at a call site
   * passing an object literal that is the property written there, not every value of the literal.
   */
  function paramBase(fn: FunctionNode, index: number, param: TSESTree.Parameter, key?: string): Val[] {
    const own = (vals: Val[]): Val[] => (key === undefined ? vals : member(vals, key));
    // A tool's `execute(args)`: the model chose the arguments.
    const tool = index === 0 ? toolFunctionsOf(file, callsList()).get(fn) : undefined;
    if (tool) return own([{ kind: 'tool', api: tool.api, ...(tool.fixedKeys.length > 0 ? { fixedKeys: tool.fixedKeys } : {}) }]);
    // Callbacks: `arr.map(x => ...)`, `p.then(r => ...)`, `p.catch(err => ...)`.
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.Expression)) {
      const callee = skipTS(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee);
        const argIndex = parent.arguments.indexOf(fn as TSESTree.Expression);
        if (method === 'catch' && index === 0) return own([ERROR]);
        if (method === 'then') {
          if (argIndex === 1 && index === 0) return own([ERROR]);
          if (argIndex === 0 && index === 0) return own(dataOnly(valuesOf(callee.object)));
          return [];
        }
        // `.map(m => ...)` visits every element, the system message of a list too; `.find` yields one unknown element.
        const visit = method === 'map' || method === 'flatMap' || method === 'forEach' ? each : element;
        if (method && ELEMENT_CALLBACKS.has(method)) return index === 0 ? own(visit(valuesOf(callee.object))) : [];
        if (method === 'reduce' || method === 'reduceRight') return index === 1 ? own(each(valuesOf(callee.object))) : [];
      }
    }
    let out: Val[] = [];
    const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (id.type === AST_NODE_TYPES.Identifier) {
      const role = paramRoleOf(id) ?? roleByName(id.name);
      if (role) out = own(roleValues(role));
    }
    // A same-file function: the arguments at its call sites (bounded).
    const sites = callSitesOf(fn).slice(0, 50);
    const rest = param.type === AST_NODE_TYPES.RestElement;
    for (const site of sites) {
      for (let i = 0; i < site.arguments.length; i++) {
        const arg = site.arguments[i]!;
        if (arg.type === AST_NODE_TYPES.SpreadElement) break;
        if (i === index || (rest && i > index)) out = union(out, key === undefined ? valuesOf(arg) : propertyValues(arg, key));
      }
    }
    return out;
  }

  /** `f({ a: x, b: y })` read as `{ a }`: `x` alone; an argument that is no plain object literal, every value of it. */
  function propertyValues(arg: Node, key: string): Val[] {
    const obj = skipTS(arg);
    if (obj.type !== AST_NODE_TYPES.ObjectExpression || obj.properties.some((p) => p.type !== AST_NODE_TYPES.Property || p.computed)) {
      return member(valuesOf(arg), key);
    }
    const prop = [...obj.properties].reverse().find((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === key);
    // An absent key reads `undefined`.
    return prop && prop.type === AST_NODE_TYPES.Property && prop.kind === 'init' && !isFunction(prop.value) ? valuesOf(prop.value) : [];
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
          const outer = frames[frames.length - 1];
          // `function f({ usage, req })`: each name reads its own property of the arguments.
          const key = outer && 'key' in outer && typeof outer.key === 'string' && outer.key !== '*' && param.type === AST_NODE_TYPES.ObjectPattern ? outer.key : undefined;
          if (key !== undefined) {
            frames.pop();
            base = memo(keyFor(`param:${key}`, param), () => paramBase(p, p.params.indexOf(param), param, key));
          } else base = memo(keyFor('param', param), () => paramBase(p, p.params.indexOf(param), param));
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
  const warmed = new Set<Node>();
  function valuesOf(node: Node): Val[] {
    // `req.body.p.p.…`: answer the inner links first, innermost out, so the recursion below stays shallow and a
    // 1,000-link chain neither hits the depth limit nor costs more than its length.
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.MemberExpression && !warmed.has(node)) {
      warmed.add(node);
      const inner: Node[] = [];
      for (let n: Node = node.object; n.type === AST_NODE_TYPES.MemberExpression && !warmed.has(n); n = n.object) {
        warmed.add(n);
        inner.push(n);
      }
      for (let i = inner.length - 1; i >= 0; i--) valuesOf(inner[i]!);
    }
    return memo(node, () => {
      const own = compute(node);
      const idx = callsList().length > 0 ? promptIndex() : undefined;
      if (!idx) return own;
      const extra: Val[] = promptVals(idx.nodes.get(node));
      if (isSystem(node)) extra.push(SYSTEM);
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
        // Handed over as a credential somewhere in the file (`new OpenAI({ apiKey: key })`): a secret by its use.
        return uses().vars.has(v) ? union(variableValues(v), [{ kind: 'secret', name: node.name }]) : variableValues(v);
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
        const objectVals = valuesOf(node.object);
        const vals = member(objectVals, key);
        const header = vals.length === 0 ? credentialHeaderRead(node, settings) : undefined;
        // `process.env.key` handed over as a model API key elsewhere in the file.
        const used =
          vals.length === 0 && typeof key === 'string' && uses().envNames.has(key) && objectVals.some((v) => v.kind === 'handle' && v.h === 'env');
        return header ? [header] : used ? [{ kind: 'secret', name: key as string }] : vals;
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
      case AST_NODE_TYPES.ArrayExpression: {
        // LangChain's `['system', text]` is one message, not a list; its text is a system prompt unless the client wrote it.
        const tuple = roleTuple(node);
        if (tuple) return union(dataOnly(valuesOf(tuple.content)), tuple.system && !clientText(tuple.content) ? [SYSTEM] : []);
        return union(
          ...node.elements.map((e) => (!e ? [] : e.type === AST_NODE_TYPES.SpreadElement ? dataOnly(valuesOf(e)) : inList(dataOnly(valuesOf(e))))),
        );
      }
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
      case AST_NODE_TYPES.CallExpression: {
        if (isRedaction(node)) return [];
        const vals = escapeValues(node, callValues(node));
        const header = vals.length === 0 ? credentialHeaderRead(node, settings) : undefined;
        return header ? [header] : vals;
      }
      case AST_NODE_TYPES.NewExpression: {
        const call = llmCallOf(node);
        if (call) return [llmVal(call, call.resultPath ?? [])];
        const callee = skipTS(node.callee);
        const arg = node.arguments[0];
        if (callee.type === AST_NODE_TYPES.Identifier && KEEP_CONSTRUCTORS.has(callee.name) && isGlobal(callee) && arg) {
          return dataOnly(valuesOf(arg));
        }
        // `new SystemMessage(prompt)`, `new Conversation({ messages })`: the object holds the system prompt it is given.
        return union(...node.arguments.map((a) => systemOnly(valuesOf(a))));
      }
      default:
        return [];
    }
  }

  function callValues(node: TSESTree.CallExpression): Val[] {
    const llm = llmCallOf(node);
    if (llm && !llm.opaqueResult) return [llmVal(llm, llm.resultPath ?? [])];
    const retrieval = retrievalOf(file, node);
    if (retrieval) return [{ kind: 'retrieved', store: retrieval.store, path: [], containers: retrieval.containers }];
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
      // `messages.filter((m) => m.role !== 'system')`, `messages.slice(1)`: the system message is left out.
      if ((method === 'filter' && rolePredicate(args[0])) || (method === 'slice' && dropsHead(args[0]))) {
        return union(out, data.filter((v) => !(v.kind === 'system' && v.lists > 0)));
      }
      // `ChatPromptTemplate.fromMessages([...])`: the template holds the messages it is built from.
      if (PROMPT_FACTORIES.has(method) && data.length === 0 && out.length === 0) return union(...args.map((a) => systemOnly(valuesOf(a))));
      if (data.length === 0 && out.length === 0 && !ARG_CARRYING_METHODS.has(method)) return otherCall(node, callee);
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
    return otherCall(node, callee);
  }

  /**
   * A call of a same-file function: what it returns. Of another project module's function: the generated text,
   * prompts and system prompts of the arguments its result carries (`ApiResponse.success('ok', answer)`), read from
   * that module only when such an argument is there to carry. A whole or partial model result is not carried: what
   * the function keeps of it (`{ tokens: c.usage.total_tokens }`) is not known here.
   */
  function otherCall(node: TSESTree.CallExpression, callee: Node): Val[] {
    if (resolveFunction(sourceCode, callee)) return sameFileCall(callee);
    const carried = (v: Val): boolean => (v.kind === 'llm' ? v.text : MODEL_KINDS.has(v.kind));
    const modelVals = node.arguments.map((a) => dataOnly(valuesOf(a)).filter(carried));
    if (modelVals.every((v) => v.length === 0)) return [];
    return union(...model.carriedArgs(node).map((a) => modelVals[node.arguments.indexOf(a as TSESTree.CallExpressionArgument)] ?? []));
  }

  /**
   * `escapeHtml(text)`, `path.basename(name)`: the model output of the argument, marked safe for those sinks, in place
   * of the call's own model output; `path.join(base, name)` keeps the model output of its parts. Other values are as
   * the call gives them (the escapes are about model output only).
   */
  function escapeValues(node: TSESTree.CallExpression, vals: Val[]): Val[] {
    const escape = llmCallOf(node) ? undefined : escapeOf(file, node);
    if (!escape) return vals;
    const modelOnly = (a: TSESTree.CallExpressionArgument): Val[] => valuesOf(a).filter((v) => v.kind === 'llm' || v.kind === 'tool');
    if (escape === 'keep') return union(vals, ...node.arguments.map(modelOnly));
    const arg = node.arguments[0];
    const escaped = arg ? escape.reduce((list, e) => escapedVals(list, e), modelOnly(arg)) : [];
    return union(vals.filter((v) => v.kind !== 'llm' && v.kind !== 'tool'), escaped);
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

  /** `['system', text]` / `['human', text]`: a role tuple of a LangChain message list. */
  function roleTuple(node: TSESTree.ArrayExpression): { system: boolean; content: Node } | undefined {
    const [role, content] = node.elements;
    if (node.elements.length !== 2 || !role || !content || role.type === AST_NODE_TYPES.SpreadElement || content.type === AST_NODE_TYPES.SpreadElement) {
      return undefined;
    }
    const name = role.type === AST_NODE_TYPES.Literal && typeof role.value === 'string' ? role.value.toLowerCase() : undefined;
    if (!name || !TUPLE_ROLES.has(name)) return undefined;
    return { system: name === 'system' || name === 'developer', content };
  }
  /** Text the client wrote: request data the analysis follows, with nothing of the server's added. */
  function clientText(node: Node): boolean {
    const vals = valuesOf(node);
    return vals.length > 0 && vals.every((v) => v.kind === 'request') && isUnchangedReadish(node);
  }
  function isUnchangedReadish(node: Node): boolean {
    const n = skipTS(node);
    return n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.AwaitExpression;
  }
  /** A `.filter` callback that decides by the message's role (`m.role !== 'system'`, `['user', 'assistant'].includes(m.role)`). */
  function rolePredicate(arg: Node | undefined): boolean {
    const fn = arg ? resolveFunction(sourceCode, arg) : undefined;
    if (!fn) return false;
    const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? returnsOf(fn) : [fn.body];
    return body.some((b) => mentionsRole(b, 0));
  }
  function mentionsRole(node: Node, depth: number): boolean {
    const n = skipTS(node);
    if (depth > 6) return false;
    switch (n.type) {
      case AST_NODE_TYPES.MemberExpression:
        return propertyName(n) === 'role';
      case AST_NODE_TYPES.Identifier:
        return n.name === 'role';
      case AST_NODE_TYPES.BinaryExpression:
        return (n.left.type !== AST_NODE_TYPES.PrivateIdentifier && mentionsRole(n.left, depth + 1)) || mentionsRole(n.right, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return mentionsRole(n.left, depth + 1) || mentionsRole(n.right, depth + 1);
      case AST_NODE_TYPES.UnaryExpression:
        return mentionsRole(n.argument, depth + 1);
      case AST_NODE_TYPES.CallExpression:
        return n.arguments.some((a) => mentionsRole(a, depth + 1)) || mentionsRole(n.callee, depth + 1);
      default:
        return false;
    }
  }
  /** `.slice(1)`: a start past the head of a list, where the system message sits. */
  function dropsHead(arg: Node | undefined): boolean {
    const n = arg && skipTS(arg);
    return n?.type === AST_NODE_TYPES.Literal && typeof n.value === 'number' && n.value >= 1;
  }

  return (node: Node): readonly Origin[] =>
    top(() => {
      try {
        return exportVals(valuesOf(node));
      } catch {
        // Defensive: an unexpected shape means "unknown", never a crash.
        return [];
      }
    });
}
