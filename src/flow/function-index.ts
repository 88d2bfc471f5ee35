/** Per file, built once on demand: the values each function returns and the same-file calls of each function. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, resolveFunction, skipTS } from '../ast.js';
import type { FileContext, FunctionNode, Node } from '../types.js';

/** Returns and call sites of the file's functions. */
export interface FunctionIndex {
  /** The returned expressions of `fn` (an arrow's expression body included). */
  returnsOf(fn: FunctionNode): Node[];
  /** The calls in the file whose callee resolves to `fn`. */
  callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[];
}

const indexes = new WeakMap<FileContext, FunctionIndex>();

/** The one function index of a file, shared by the model and the analyses that run before it exists (the LLM finder). */
export function functionIndexOf(file: FileContext): FunctionIndex {
  let index = indexes.get(file);
  if (!index) indexes.set(file, (index = createFunctionIndex(file)));
  return index;
}

/** The function index of a file; each half is built on first use. */
function createFunctionIndex(file: FileContext): FunctionIndex {
  const sourceCode = file.sourceCode;
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
  const methods = new Map<TSESTree.ClassBody, Map<string, FunctionNode>>();
  function callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!sitesByFn) {
      sitesByFn = new Map();
      for (const call of file.index.calls) {
        const callee = skipTS(call.callee);
        const target =
          callee.type === AST_NODE_TYPES.Identifier || isFunction(callee) ? resolveFunction(sourceCode, callee) : ownMethod(callee, methods);
        if (!target) continue;
        const list = sitesByFn.get(target) ?? [];
        list.push(call);
        sitesByFn.set(target, list);
      }
    }
    return sitesByFn.get(fn) ?? [];
  }
  return { returnsOf, callSitesOf };
}

/** `this.chatStream(...)` inside a class: the class's own method of that name (each class's methods listed once). */
function ownMethod(callee: Node, methods: Map<TSESTree.ClassBody, Map<string, FunctionNode>>): FunctionNode | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  if (callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  let n: Node | undefined = callee.parent;
  while (n && n.type !== AST_NODE_TYPES.ClassBody) n = n.parent;
  if (!n) return undefined;
  let byName = methods.get(n);
  if (!byName) {
    byName = new Map();
    for (const m of n.body) {
      if (m.type !== AST_NODE_TYPES.MethodDefinition || m.computed || m.key.type !== AST_NODE_TYPES.Identifier) continue;
      // An overload signature has no body; the implementation follows it.
      if (m.value.type === AST_NODE_TYPES.FunctionExpression && !byName.has(m.key.name)) byName.set(m.key.name, m.value);
    }
    methods.set(n, byName);
  }
  return byName.get(callee.property.name);
}
