/** Reading request options and message lists: what goes in as prompt, what as system instructions. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, isFunction, memberChain, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { FileContext, FunctionNode, Node } from '../types.js';

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
  const v = variableOf(file.sourceCode, id);
  if (!v || v.defs.length !== 1) return undefined;
  const decl = v.defs[0]!.node;
  if (decl.type !== AST_NODE_TYPES.VariableDeclarator || decl.id.type !== AST_NODE_TYPES.Identifier || !decl.init) return undefined;
  if (v.references.some((r) => r.isWrite() && r.identifier !== decl.id)) return undefined;
  return decl.init;
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
    return fn ? [...new Set(returnedValues(file, fn).flatMap((r) => systemParts(file, r, markers, depth + 1)))] : [];
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

/** What a function returns: an arrow's expression body, or the arguments of its own `return`s (not nested functions'). */
function returnedValues(file: FileContext, fn: FunctionNode): Node[] {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return fn.body ? [fn.body] : [];
  const out: Node[] = [];
  for (const r of file.index.returns) {
    if (!r.argument || r.range[0] < fn.body.range[0] || r.range[1] > fn.body.range[1]) continue;
    let owner: Node | undefined = r.parent;
    while (owner && !isFunction(owner)) owner = owner.parent;
    if (owner === fn) out.push(r.argument);
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
