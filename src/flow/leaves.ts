/** Splits an expression that builds a prompt into the values it is made of. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { boundOnce, isFunction, propertyName, resolveFunction, skipTS, variableOf, writtenAgain } from '../ast.js';
import type { FileContext, FunctionNode, Node } from '../types.js';
import { isNarrowedToLiterals } from './allow-list.js';

const PASS_THROUGH_METHODS = new Set(['join', 'concat', 'trim', 'toString', 'replace', 'replaceAll', 'slice']);

/**
 * The leaf values of an expression that assembles text or messages: the parts of template literals, `+`
 * concatenations, array and object literals, conditionals, `String(x)`/`JSON.stringify(x)`, and the initialisers of
 * local constants they name, so a report can point at the value that carries the data, not at the whole prompt.
 * Given the file, a parameter of a same-file function opens into the arguments of its call sites, so a value passed
 * to a helper that builds the prompt is reported where it is passed.
 */
export function leafValues(sourceCode: Readonly<TSESLint.SourceCode>, root: Node, file?: FileContext): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const raw = stack.pop()!;
    const n = skipTS(raw);
    if (seen.has(n)) continue;
    seen.add(n);
    switch (n.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        stack.push(...n.expressions);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') stack.push(n.left as Node, n.right);
        else out.push(n);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(n.left, n.right);
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        // A branch narrowed to literals (`ALLOWED.includes(x) ? x : 'neutral'`) carries nothing from outside.
        for (const b of [n.consequent, n.alternate]) if (!isNarrowedToLiterals(sourceCode, n, b)) stack.push(b);
        break;
      case AST_NODE_TYPES.AwaitExpression:
        stack.push(n.argument);
        break;
      case AST_NODE_TYPES.ArrayExpression:
        for (const e of n.elements) if (e) stack.push(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e);
        break;
      case AST_NODE_TYPES.ObjectExpression:
        for (const p of n.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) stack.push(p.argument);
          else stack.push(p.value);
        }
        break;
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTS(n.callee);
        const isWrapper =
          (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') ||
          (callee.type === AST_NODE_TYPES.MemberExpression &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            callee.object.name === 'JSON');
        if (isWrapper) {
          for (const a of n.arguments) stack.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
        } else if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          PASS_THROUGH_METHODS.has(callee.property.name)
        ) {
          stack.push(callee.object);
          for (const a of n.arguments) stack.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
        } else {
          out.push(n);
        }
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        const init = literalInit(sourceCode, n);
        const args = init || !file ? undefined : parameterArguments(file, n);
        if (init) stack.push(init, ...grownWith(sourceCode, n));
        else if (args) stack.push(...args);
        else out.push(n);
        break;
      }
      case AST_NODE_TYPES.Literal:
        if (typeof n.value === 'string') out.push(n);
        break;
      default:
        out.push(n);
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/** What a const array receives later: `messages.push({ role: 'user', content: q })`, `unshift`. */
function grownWith(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): Node[] {
  const out: Node[] = [];
  for (const r of variableOf(sourceCode, id)?.references ?? []) {
    const m = r.identifier.parent;
    if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== r.identifier || m.computed) continue;
    if (m.property.type !== AST_NODE_TYPES.Identifier || (m.property.name !== 'push' && m.property.name !== 'unshift')) continue;
    if (m.parent.type === AST_NODE_TYPES.CallExpression && m.parent.callee === m) {
      for (const a of m.parent.arguments) out.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
    }
  }
  return out;
}

const callSites = new WeakMap<FileContext, Map<FunctionNode, TSESTree.CallExpression[]>>();

/** The arguments given for a plain parameter at every same-file call of its function; undefined when there are none or one is spread. */
function parameterArguments(file: FileContext, id: TSESTree.Identifier): Node[] | undefined {
  const v = variableOf(file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunction(def.node)) return undefined;
  const index = def.node.params.indexOf(def.name as TSESTree.Parameter);
  if (index < 0) return undefined;
  let sites = callSites.get(file);
  if (!sites) {
    sites = new Map();
    for (const call of file.index.calls) {
      const fn = resolveFunction(file.sourceCode, call.callee);
      if (!fn) continue;
      const list = sites.get(fn);
      if (list) list.push(call);
      else sites.set(fn, [call]);
    }
    callSites.set(file, sites);
  }
  const calls = sites.get(def.node) ?? [];
  const out: Node[] = [];
  for (const call of calls) {
    if (call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const arg = call.arguments[index];
    if (arg) out.push(arg);
  }
  return out.length > 0 ? out : undefined;
}

/** The initialiser of a variable bound once that is a literal structure worth opening (template, array, object, concatenation). */
function literalInit(sourceCode: Readonly<TSESLint.SourceCode>, id: Node & { type: AST_NODE_TYPES.Identifier }): Node | undefined {
  const found = boundOnce(sourceCode, id);
  const init = found && skipTS(found);
  switch (init?.type) {
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return init;
    default:
      return undefined;
  }
}

/** The Fetch API's body readers (`await request.text()`): the body as it came. */
const BODY_READERS = new Set(['text', 'json', 'arrayBuffer', 'blob', 'formData']);

/**
 * Whether an expression passes a value on unchanged: a property read, a body reader's result, or a variable bound
 * once (by destructuring, or to such a read) and never reassigned. `req.body.messages`, `await request.text()`,
 * `const { messages } = await req.json()`; not `history.filter(...)` or a function's result, which may have been
 * cleaned.
 */
export function isUnchangedRead(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, depth = 0): boolean {
  const n = skipTS(node);
  if (depth > 8) return false;
  if (n.type === AST_NODE_TYPES.MemberExpression) return true;
  if (n.type === AST_NODE_TYPES.AwaitExpression) return isUnchangedRead(sourceCode, n.argument, depth + 1);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTS(n.callee);
    return n.arguments.length === 0 && callee.type === AST_NODE_TYPES.MemberExpression && BODY_READERS.has(propertyName(callee) ?? '');
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const v = variableOf(sourceCode, n);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!v || def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  if (writtenAgain(v)) return false;
  const init = def.node.init && skipTS(def.node.init);
  if (!init) return false;
  // const { messages } = req.body / = await req.json(); also through a local holding the awaited body
  // (`const json = await request.json(); const { messages } = json as Body`).
  if ((def.node.id !== def.name || depth > 0) && init.type === AST_NODE_TYPES.AwaitExpression) return true;
  return isUnchangedRead(sourceCode, init, depth + 1);
}
