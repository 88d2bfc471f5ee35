/**
 * Which functions reach a model call: a call written inside the function (nested callbacks included) or inside a
 * same-file function it calls, transitively. Calls into imported functions are unknown and not followed.
 * The call graph is built once; strongly connected components (Tarjan) make cycles exact and the whole linear.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { constInit } from '../llm/messages.js';
import type { FileModel } from '../contract.js';
import type { FileContext, FunctionNode, LlmCall, Node } from '../types.js';

/** `(fn) => the first model call (source order) that runs when fn runs`, memoised over the file. */
export function createReachability(model: FileModel): (fn: FunctionNode) => LlmCall | undefined {
  const file = model.file;
  const direct = new Map<FunctionNode, LlmCall>();
  for (const call of model.llmCalls) {
    const fn = enclosingFunction(call.node);
    const prev = fn && direct.get(fn);
    if (fn && (!prev || call.node.range[0] < prev.node.range[0])) direct.set(fn, call);
  }
  const edges = buildEdges(file);
  const result = new Map<FunctionNode, LlmCall | undefined>();

  // Tarjan's algorithm, computing each component's first call from its members and the components below it.
  const indexOf = new Map<FunctionNode, number>();
  const low = new Map<FunctionNode, number>();
  const stack: FunctionNode[] = [];
  const onStack = new Set<FunctionNode>();
  let counter = 0;
  const earlier = (a: LlmCall | undefined, b: LlmCall | undefined): LlmCall | undefined =>
    !a ? b : !b ? a : a.node.range[0] <= b.node.range[0] ? a : b;

  // Iterative, so long call chains cannot overflow the stack.
  const visit = (root: FunctionNode): void => {
    const work: { fn: FunctionNode; next: FunctionNode[]; i: number }[] = [];
    const enter = (fn: FunctionNode): void => {
      indexOf.set(fn, counter);
      low.set(fn, counter);
      counter++;
      stack.push(fn);
      onStack.add(fn);
      work.push({ fn, next: [...(edges.get(fn) ?? [])], i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const { fn } = frame;
      if (frame.i < frame.next.length) {
        const next = frame.next[frame.i++]!;
        if (!indexOf.has(next)) enter(next);
        else if (onStack.has(next)) low.set(fn, Math.min(low.get(fn)!, indexOf.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.fn, Math.min(low.get(parent.fn)!, low.get(fn)!));
      if (low.get(fn) !== indexOf.get(fn)) continue;
      const members: FunctionNode[] = [];
      let m: FunctionNode;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        members.push(m);
      } while (m !== fn);
      const inComponent = new Set(members);
      let best: LlmCall | undefined;
      for (const member of members) {
        best = earlier(best, direct.get(member));
        for (const next of edges.get(member) ?? []) if (!inComponent.has(next)) best = earlier(best, result.get(next));
      }
      for (const member of members) result.set(member, best);
    }
  };

  return (fn) => {
    if (!indexOf.has(fn)) visit(fn);
    return result.get(fn);
  };
}

/** Edges fn → functions that run when fn runs: nested functions, and same-file functions it calls or passes along. */
function buildEdges(file: FileContext): Map<FunctionNode, Set<FunctionNode>> {
  const edges = new Map<FunctionNode, Set<FunctionNode>>();
  const add = (from: FunctionNode | undefined, to: FunctionNode | undefined): void => {
    if (!from || !to || from === to) return;
    let set = edges.get(from);
    if (!set) edges.set(from, (set = new Set()));
    set.add(to);
  };
  for (const fn of file.index.functions) add(enclosingFunction(fn), fn);
  for (const call of file.index.calls) {
    const from = enclosingFunction(call);
    if (!from) continue;
    add(from, calleeFunction(file, call.callee));
    // items.forEach(handle): a same-file function passed along is assumed to run.
    for (const arg of call.arguments) {
      if (skipTS(arg).type === AST_NODE_TYPES.Identifier) add(from, resolveFunction(file.sourceCode, arg));
    }
  }
  for (const n of file.index.news) {
    const from = enclosingFunction(n);
    const cls = from && localClass(file, n.callee);
    if (cls) add(from, methodOf(cls, 'constructor', false));
  }
  return edges;
}

/** The same-file function a callee denotes: `f()`, `this.m()`, `obj.m()` on a local object literal or class instance, `C.m()`. */
export function calleeFunction(file: FileContext, calleeNode: Node): FunctionNode | undefined {
  const callee = skipTS(calleeNode);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return resolveFunction(file.sourceCode, callee);
  const key = propertyName(callee);
  if (key === undefined) return undefined;
  const owner = skipTS(callee.object);
  // this.method() inside a class
  if (owner.type === AST_NODE_TYPES.ThisExpression) {
    for (let n: Node | undefined = callee.parent; n; n = n.parent) {
      if (n.type === AST_NODE_TYPES.ClassBody) return methodOf(n.parent, key, false);
    }
    return undefined;
  }
  if (owner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const cls = localClass(file, owner);
  if (cls) return methodOf(cls, key, true);
  const raw = constInit(file, owner);
  if (!raw) return undefined;
  const init = skipTS(raw);
  // const svc = { ask() {...} }; svc.ask()
  if (init.type === AST_NODE_TYPES.ObjectExpression) {
    let found: Node | undefined;
    for (const p of init.properties) if (p.type === AST_NODE_TYPES.Property && propertyName(p) === key) found = p.value;
    return found ? resolveFunction(file.sourceCode, found) : undefined;
  }
  // const svc = new Svc(); svc.ask()
  if (init.type === AST_NODE_TYPES.NewExpression) {
    const c = localClass(file, init.callee);
    return c ? methodOf(c, key, false) : undefined;
  }
  return undefined;
}

/** The class an expression denotes when it is declared in this file (`class Svc {}` or `const Svc = class {}`). */
function localClass(file: FileContext, node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.ClassExpression) return n;
  if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
  const v = variableOf(file.sourceCode, n);
  const def = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
  if (def?.type === AST_NODE_TYPES.ClassDeclaration) return def;
  const init = def?.type === AST_NODE_TYPES.VariableDeclarator && def.init ? skipTS(def.init) : undefined;
  return init?.type === AST_NODE_TYPES.ClassExpression ? init : undefined;
}

function methodOf(cls: Node, key: string, isStatic: boolean): FunctionNode | undefined {
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  for (const el of cls.body.body) {
    if ((el.type === AST_NODE_TYPES.MethodDefinition || el.type === AST_NODE_TYPES.PropertyDefinition) && el.static === isStatic && propertyName(el) === key) {
      const value = el.value;
      if (value && isFunction(value)) return value;
    }
  }
  return undefined;
}
