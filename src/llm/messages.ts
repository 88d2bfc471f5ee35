/** Reading request options and message lists: what goes in as prompt, what as system instructions. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { boundOnce, findProperty, isFunction, memberChain, propertyName, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { FileContext, Node } from '../types.js';
import { functionIndexOf } from '../flow/function-index.js';

/** LangChain helpers found through the ReferenceTracker, so their system parts can be read. */
export interface SystemMarkers {
  /** `new SystemMessage(x)` nodes. */
  readonly systemMessages: ReadonlySet<Node>;
  /** `SystemMessagePromptTemplate.fromTemplate(x)` calls. */
  readonly systemTemplates: ReadonlySet<Node>;
  /** `ChatPromptTemplate.fromMessages([...])` calls. */
  readonly promptMessages: ReadonlySet<Node>;
}

/**
 * The expression a node stands for when it is an identifier bound once, and never reassigned, to an initialiser
 * in this file (`const messages = [...]`); the node itself otherwise.
 */
export function resolveLocal(file: FileContext, node: Node): Node {
  let n = skipTS(node);
  for (let depth = 0; depth < 8 && n.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = constInit(file, n);
    if (!init) break;
    n = skipTS(init);
  }
  return n;
}

/** The initialiser of a variable declared once with a plain identifier and never written again. */
export function constInit(file: FileContext, id: TSESTree.Identifier): Node | undefined {
  return boundOnce(file.sourceCode, id);
}

/** The object literal a node is or resolves to. */
export function objectOf(file: FileContext, node: Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const n = resolveLocal(file, node);
  return n.type === AST_NODE_TYPES.ObjectExpression ? n : undefined;
}

/** The value of `key` (dotted for nested object literals: 'config.systemInstruction') in an options object. */
export function optionValue(file: FileContext, obj: TSESTree.ObjectExpression, key: string): Node | undefined {
  let current: TSESTree.ObjectExpression | undefined = obj;
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (!current) return undefined;
    const prop = findProperty(current, parts[i]!);
    if (!prop) return undefined;
    if (i === parts.length - 1) return prop.value;
    current = objectOf(file, prop.value);
  }
  return undefined;
}

const SYSTEM_ROLES = new Set(['system', 'developer']);

/**
 * The system/developer parts of a message list written in the file: `{ role: 'system', content }`,
 * `new SystemMessage(x)`, `['system', x]`, `SystemMessagePromptTemplate.fromTemplate(x)`. A list that is a
 * `ChatPromptTemplate.fromMessages([...])` call is read through.
 */
export function systemParts(file: FileContext, list: Node | undefined, markers: SystemMarkers, depth = 0): Node[] {
  if (!list || list.type === AST_NODE_TYPES.SpreadElement) return [];
  let n = resolveLocal(file, list);
  if (n.type === AST_NODE_TYPES.CallExpression && markers.promptMessages.has(n) && n.arguments[0]) {
    n = resolveLocal(file, n.arguments[0]);
  } else if (n.type === AST_NODE_TYPES.CallExpression && depth < 3) {
    // messages: buildMessages(req) — the lists a same-file helper returns (bounded, so recursion ends).
    const fn = resolveFunction(file.sourceCode, n.callee);
    return fn ? [...new Set(functionIndexOf(file).returnsOf(fn).flatMap((r) => systemParts(file, r, markers, depth + 1)))] : [];
  }
  if (n.type !== AST_NODE_TYPES.ArrayExpression) return [];
  const out: Node[] = [];
  for (const el of n.elements) {
    if (!el || el.type === AST_NODE_TYPES.SpreadElement) continue;
    const part = systemPart(file, resolveLocal(file, el), markers);
    if (part) out.push(part);
  }
  return out;
}

function systemPart(file: FileContext, el: Node, markers: SystemMarkers): Node | undefined {
  switch (el.type) {
    // { role: 'system', content: x } (Cohere v1: { role: 'SYSTEM', message: x })
    case AST_NODE_TYPES.ObjectExpression: {
      const role = findProperty(el, 'role');
      const name = role && staticString(role.value);
      if (!name || !SYSTEM_ROLES.has(name.toLowerCase())) return undefined;
      return (findProperty(el, 'content') ?? findProperty(el, 'message') ?? findProperty(el, 'text'))?.value;
    }
    // new SystemMessage(x) / new SystemMessage({ content: x })
    case AST_NODE_TYPES.NewExpression: {
      if (!markers.systemMessages.has(el) || !el.arguments[0]) return undefined;
      const arg = el.arguments[0];
      const obj = objectOf(file, arg);
      return obj ? findProperty(obj, 'content')?.value : arg;
    }
    // ['system', x]
    case AST_NODE_TYPES.ArrayExpression: {
      const [role, content] = el.elements;
      if (!role || !content || role.type === AST_NODE_TYPES.SpreadElement || content.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const name = staticString(role);
      return name && SYSTEM_ROLES.has(name.toLowerCase()) ? content : undefined;
    }
    // SystemMessagePromptTemplate.fromTemplate(x)
    case AST_NODE_TYPES.CallExpression:
      return markers.systemTemplates.has(el) ? el.arguments[0] : undefined;
    default:
      return undefined;
  }
}

/** `JSON.stringify(x)` → x; anything else as is. */
export function unstringify(node: Node): Node {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments[0] && n.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
    const chain = memberChain(n.callee);
    if (chain && chain.length === 2 && chain[0] === 'JSON' && chain[1] === 'stringify') return n.arguments[0];
  }
  return n;
}

/** Helpers that convert a client's message list for a model and keep each message's role (Vercel `ai`). */
const ROLE_KEEPING_CONVERTERS = new Set(['convertToModelMessages', 'convertToCoreMessages']);
/** Array methods whose result holds the receiver's messages as they are. */
const KEEPING_METHODS = new Set(['slice', 'concat', 'flat', 'reverse', 'toReversed']);
/** Schema calls that validate a value and return it (zod, valibot-style `parse`). */
const PARSE_METHODS = new Set(['parse', 'parseAsync']);
const SYSTEM_ROLE = /^(system|developer)$/i;

/**
 * For a message list passed to a model call: the read of request data it comes from when each message keeps the role
 * the client chose, else undefined. Roles are kept by an unchanged read (`req.body.messages`, `const { messages } =
 * await req.json()`), by `convertToModelMessages(x)` / `convertToCoreMessages(x)`, by a schema's `.parse(x)` (or
 * `.safeParse(x).data`) whose `role` accepts any string, by `x.map((m) => ({ role: m.role, ... }))` or `({ ...m })`,
 * and by `slice`/`concat`. They are fixed by `.filter(...)`, by a map that writes the role, and by a schema whose
 * role is an enum or literal without system/developer. `isUnchanged` is the flow layer's unchanged-read test.
 */
export function clientRoleSource(file: FileContext, node: Node, isUnchanged: (n: Node) => boolean, depth = 0): Node | undefined {
  if (depth > 8) return undefined;
  const n = skipTS(node);
  // body.messages where `const body = Body.parse(req.body)`: the read behind the validation.
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    let root: Node = n;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTS(root.object);
    const init = root.type === AST_NODE_TYPES.Identifier ? constInit(file, root) : undefined;
    const call = init && skipTS(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
    const method = call?.type === AST_NODE_TYPES.CallExpression ? calleeMember(call)?.method : undefined;
    if (method && PARSE_METHODS.has(method)) return clientRoleSource(file, call!, isUnchanged, depth + 1);
  }
  if (isUnchanged(n)) return n;
  if (n.type === AST_NODE_TYPES.AwaitExpression) return clientRoleSource(file, n.argument, isUnchanged, depth + 1);
  // [system, ...history]: the spread part keeps the client's roles.
  if (n.type === AST_NODE_TYPES.ArrayExpression) {
    for (const el of n.elements) {
      const from = el?.type === AST_NODE_TYPES.SpreadElement ? clientRoleSource(file, el.argument, isUnchanged, depth + 1) : undefined;
      if (from) return from;
    }
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(file, n) ?? destructuredInit(file, n);
    return init ? clientRoleSource(file, init, isUnchanged, depth + 1) : undefined;
  }
  // Schema.safeParse(x).data
  if (n.type === AST_NODE_TYPES.MemberExpression && skipTS(n.object).type === AST_NODE_TYPES.CallExpression) {
    const call = skipTS(n.object) as TSESTree.CallExpression;
    const chain = calleeMember(call);
    if (chain?.method === 'safeParse' && propertyName(n) === 'data' && call.arguments[0]) {
      return schemaKeepsRoles(file, chain.owner) ? clientRoleSource(file, call.arguments[0], isUnchanged, depth + 1) : undefined;
    }
    return undefined;
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const arg0 = n.arguments[0];
  const callee = skipTS(n.callee);
  // convertToModelMessages(messages)
  if (callee.type === AST_NODE_TYPES.Identifier && ROLE_KEEPING_CONVERTERS.has(callee.name) && arg0) {
    return clientRoleSource(file, arg0, isUnchanged, depth + 1);
  }
  const chain = calleeMember(n);
  if (!chain) return undefined;
  if (PARSE_METHODS.has(chain.method) && arg0) {
    return schemaKeepsRoles(file, chain.owner) ? clientRoleSource(file, arg0, isUnchanged, depth + 1) : undefined;
  }
  if (KEEPING_METHODS.has(chain.method)) return clientRoleSource(file, chain.owner, isUnchanged, depth + 1);
  // messages.map((m) => ({ role: m.role, content: m.content }))
  if (chain.method === 'map' && arg0 && mapKeepsRole(file, arg0)) return clientRoleSource(file, chain.owner, isUnchanged, depth + 1);
  return undefined;
}

function calleeMember(call: TSESTree.CallExpression): { owner: Node; method: string } | undefined {
  const callee = skipTS(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  return method === undefined ? undefined : { owner: callee.object, method };
}

/** `const { messages } = Body.parse(req.body)`: the initialiser a destructured name is read from. */
function destructuredInit(file: FileContext, id: TSESTree.Identifier): Node | undefined {
  const v = variableOf(file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return undefined;
  if (v!.references.some((r) => r.isWrite() && r.identifier !== def.name)) return undefined;
  return def.node.init;
}

/** Whether a map callback copies each message's role from its parameter (`role: m.role`, `{ ...m }`). */
function mapKeepsRole(file: FileContext, cb: Node): boolean {
  const fn = isFunction(cb) ? cb : resolveFunction(file.sourceCode, cb);
  const param = fn?.params[0];
  if (!fn || param?.type !== AST_NODE_TYPES.Identifier) return false;
  const obj = objectOf(file, fn.body.type === AST_NODE_TYPES.BlockStatement ? functionIndexOf(file).returnsOf(fn)[0] : fn.body);
  if (!obj) return false;
  const role = findProperty(obj, 'role');
  if (role) {
    const v = skipTS(role.value as Node);
    return v.type === AST_NODE_TYPES.MemberExpression && skipTS(v.object).type === AST_NODE_TYPES.Identifier && (skipTS(v.object) as TSESTree.Identifier).name === param.name;
  }
  return obj.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement && skipTS(p.argument).type === AST_NODE_TYPES.Identifier && (skipTS(p.argument) as TSESTree.Identifier).name === param.name);
}

/**
 * Whether a schema lets any role through: its `role` is not an enum or literal(s) leaving out system and developer.
 * A schema that names no role passes roles only when it keeps unknown keys or any value (`passthrough`, `any`,
 * `unknown`, `record`, `looseObject`). A schema the file does not define (imported, built elsewhere) is unknown: no.
 */
function schemaKeepsRoles(file: FileContext, owner: Node): boolean {
  const schema = resolveLocal(file, owner);
  if (schema.type !== AST_NODE_TYPES.CallExpression) return false;
  let role: Node | undefined;
  let open = false;
  // A bounded walk of the schema's own expression (its nested calls and object literals).
  const stack: Node[] = [schema];
  for (let steps = 0; stack.length > 0 && steps < 500; steps++) {
    const n = resolveLocal(file, stack.pop()!);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeMember(n)?.method ?? (skipTS(n.callee).type === AST_NODE_TYPES.Identifier ? (skipTS(n.callee) as TSESTree.Identifier).name : undefined);
      if (name && /^(any|unknown|passthrough|record|looseObject)$/.test(name)) open = true;
      stack.push(skipTS(n.callee), ...n.arguments.filter((a) => a.type !== AST_NODE_TYPES.SpreadElement));
    } else if (n.type === AST_NODE_TYPES.MemberExpression) {
      stack.push(n.object);
    } else if (n.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of n.properties) {
        if (p.type !== AST_NODE_TYPES.Property) continue;
        if (propertyName(p) === 'role') role = p.value as Node;
        else stack.push(p.value as Node);
      }
    } else if (n.type === AST_NODE_TYPES.ArrayExpression) {
      for (const e of n.elements) if (e && e.type !== AST_NODE_TYPES.SpreadElement) stack.push(e);
    }
  }
  if (!role) return open;
  return !rolesExcludeSystem(file, role);
}

/** `z.enum(['user', 'assistant'])`, `z.literal('user')`, `z.union([z.literal('user'), z.literal('assistant')])`. */
function rolesExcludeSystem(file: FileContext, node: Node): boolean {
  const literals: string[] = [];
  let restricted = false;
  const stack: Node[] = [node];
  for (let steps = 0; stack.length > 0 && steps < 200; steps++) {
    const n = resolveLocal(file, stack.pop()!);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeMember(n)?.method;
      if (name === 'enum' || name === 'literal' || name === 'picklist') restricted = true;
      if (name === 'string' || name === 'any' || name === 'unknown') return false;
      stack.push(...n.arguments.filter((a) => a.type !== AST_NODE_TYPES.SpreadElement));
      const callee = skipTS(n.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) stack.push(callee.object);
    } else if (n.type === AST_NODE_TYPES.ArrayExpression) {
      for (const e of n.elements) if (e && e.type !== AST_NODE_TYPES.SpreadElement) stack.push(e);
    } else {
      const s = staticString(n);
      if (s !== undefined) literals.push(s);
    }
  }
  return restricted && literals.length > 0 && !literals.some((l) => SYSTEM_ROLE.test(l));
}
