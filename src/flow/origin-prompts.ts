/**
 * Which variables, member chains and expressions carry a prompt into a model call. Built once per file by walking
 * each call's inputs and, from there, the writes of every variable they were built from.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import type { FunctionNode, LlmCall, Node } from '../types.js';
import { isRecordKey } from './origin-secrets.js';
import { wholeRequests } from './whole-requests.js';
import { ops } from '../counters.js';

/** Prompt carriers of a file. */
export interface PromptIndex {
  /** Input expressions themselves. */
  readonly nodes: ReadonlyMap<Node, ReadonlySet<LlmCall>>;
  /** Variables whose value flows into a call's inputs. */
  readonly vars: ReadonlyMap<Scope.Variable, ReadonlySet<LlmCall>>;
  /** Calls whose inputs read this member chain (or a shorter one it extends): `req.body.prompt`. */
  chainCalls(node: TSESTree.MemberExpression): ReadonlySet<LlmCall> | undefined;
}

/** Chains read into prompts, as a trie per root variable: each link of a looked-up chain is one step. */
interface ChainNode {
  readonly entries: { seq: number; call: LlmCall }[];
  readonly children: Map<string, ChainNode>;
}
const chainNode = (): ChainNode => ({ entries: [], children: new Map() });

/** Methods and functions whose result is built from their receiver and arguments. */
const BUILDING_METHODS = new Set([
  'concat', 'join', 'replace', 'replaceAll', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'toString',
  'toLowerCase', 'toUpperCase', 'map', 'flatMap', 'filter', 'flat', 'reverse', 'padStart', 'padEnd', 'split', 'at',
]);
const BUILDING_STATICS = new Set(['JSON.stringify', 'JSON.parse', 'Object.assign', 'Buffer.from', 'Array.from', 'util.format']);
const BUILDING_GLOBALS = new Set(['String', 'structuredClone', 'format']);
const GROWING_METHODS = new Set(['push', 'unshift', 'splice']);

/** Walks the inputs and system inputs of each call once; linear in the expressions reached. */
export function buildPromptIndex(
  sourceCode: Readonly<TSESLint.SourceCode>,
  calls: readonly LlmCall[],
  callSitesOf: (fn: FunctionNode) => readonly TSESTree.CallExpression[],
  returnsOf?: (fn: FunctionNode) => readonly Node[],
): PromptIndex {
  const nodes = new Map<Node, Set<LlmCall>>();
  const vars = new Map<Scope.Variable, Set<LlmCall>>();
  // A trie per variable, so that adding and looking up cost the chain's length, not the number of entries (10,000
  // `req.body.x` inputs) nor its square (a 1,000-link chain); `seq` keeps the insertion order of the hits.
  const chains = new Map<Scope.Variable, ChainNode>();
  let seq = 0;
  const add = <K>(map: Map<K, Set<LlmCall>>, key: K, call: LlmCall): boolean => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    if (set.has(call)) return false;
    set.add(call);
    return true;
  };

  for (const call of calls) {
    const work: Node[] = [];
    const returned = new Set<FunctionNode>();
    for (const input of [...call.inputs, ...call.systemInputs, ...wholeRequests(sourceCode, call)]) {
      add(nodes, input, call);
      work.push(input);
    }
    const addVariable = (v: Scope.Variable): void => {
      if (!add(vars, v, call)) return;
      // Everything written into the variable is part of the prompt too.
      for (const def of v.defs) {
        if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
          // `const { prompt } = req.body` carries `req.body.prompt`, not the whole body.
          const keys = patternKeys(def.name);
          const base = keys && keys.length > 0 ? skipTS(def.node.init) : undefined;
          const chain = base ? memberChain(base) : undefined;
          const root = chain && base ? rootOf(base) : undefined;
          const rv = root ? variableOf(sourceCode, root) : undefined;
          if (chain && rv && keys) addChain(rv, [...chain, ...keys]);
          else work.push(def.node.init);
        } else if (def.type === 'Parameter' && isFunction(def.node)) {
          const fn = def.node;
          const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
          for (const site of callSitesOf(fn).slice(0, 50)) {
            const arg = site.arguments[index];
            if (index >= 0 && arg) work.push(arg);
          }
          // getDataset(scope).then((dataset) => ...messages: [...dataset]): what the promise resolves to.
          const p = fn.parent;
          const callee = p?.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === fn ? skipTS(p.callee) : undefined;
          if (index === 0 && returnsOf && callee?.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'then') work.push(callee.object);
        }
      }
      for (const r of v.references) {
        if (r.writeExpr && r.isWrite() && r.identifier !== v.defs[0]?.name) work.push(r.writeExpr);
        // messages.push({ role: 'user', content: q })
        const ref = r.identifier;
        const m = ref.parent;
        if (m?.type === AST_NODE_TYPES.MemberExpression && m.object === ref && GROWING_METHODS.has(propertyName(m) ?? '')) {
          const c = m.parent;
          if (c?.type === AST_NODE_TYPES.CallExpression && c.callee === m) work.push(...c.arguments);
        }
      }
    };
    const addChain = (v: Scope.Variable, chain: string[]): void => {
      let t: ChainNode | undefined = chains.get(v);
      if (!t) chains.set(v, (t = chainNode()));
      for (const key of chain) {
        let next: ChainNode | undefined = t.children.get(key);
        if (!next) t.children.set(key, (next = chainNode()));
        t = next;
      }
      if (!t.entries.some((e) => e.call === call)) t.entries.push({ seq: seq++, call });
    };
    while (work.length > 0) {
      const n = skipTS(work.pop()!);
      switch (n.type) {
        case AST_NODE_TYPES.Identifier: {
          const v = variableOf(sourceCode, n);
          if (v && v.defs.length > 0) addVariable(v);
          break;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const chain = memberChain(n);
          const root = chain ? rootOf(n) : undefined;
          const v = root ? variableOf(sourceCode, root) : undefined;
          if (chain && v) addChain(v, chain);
          else {
            work.push(n.object);
            if (n.computed) work.push(n.property);
          }
          break;
        }
        case AST_NODE_TYPES.CallExpression: {
          const callee = skipTS(n.callee);
          const dotted = memberChain(callee)?.join('.');
          if (callee.type === AST_NODE_TYPES.MemberExpression && BUILDING_METHODS.has(propertyName(callee) ?? '')) {
            work.push(callee.object, ...n.arguments);
          } else if (
            (dotted && BUILDING_STATICS.has(dotted)) ||
            (callee.type === AST_NODE_TYPES.Identifier && BUILDING_GLOBALS.has(callee.name)) ||
            resolveFunction(sourceCode, callee)
          ) {
            work.push(...n.arguments);
          }
          if (returnsOf) {
            // A same-file function whose result becomes the prompt builds it: what it returns is prompt material,
            // whichever call made it. `p.then(cb)` resolves to what `cb` returns.
            const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
            // `p.catch(cb)`, `p.finally(cb)` resolve to what `p` does (or to what the fallback returns).
            if (callee.type === AST_NODE_TYPES.MemberExpression && (method === 'catch' || method === 'finally')) work.push(callee.object);
            const cb = method === 'then' || method === 'catch' ? n.arguments[0] : undefined;
            const promiseMethod = method === 'then' || method === 'catch' || method === 'finally';
            const fn = cb && isFunction(cb) ? cb : promiseMethod ? undefined : resolveFunction(sourceCode, callee);
            if (fn && !returned.has(fn)) {
              returned.add(fn);
              work.push(...returnsOf(fn));
            }
          }
          break;
        }
        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (n.body.type !== AST_NODE_TYPES.BlockStatement) work.push(n.body);
          break;
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.SpreadElement:
          work.push(n.argument);
          break;
        case AST_NODE_TYPES.TemplateLiteral:
          work.push(...n.expressions);
          break;
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.LogicalExpression:
          if (n.left.type !== AST_NODE_TYPES.PrivateIdentifier) work.push(n.left);
          work.push(n.right);
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          work.push(n.consequent, n.alternate);
          break;
        case AST_NODE_TYPES.ArrayExpression:
          for (const e of n.elements) if (e) work.push(e);
          break;
        case AST_NODE_TYPES.ObjectExpression:
          for (const p of n.properties) work.push(p.type === AST_NODE_TYPES.Property ? p.value : p);
          break;
        case AST_NODE_TYPES.AssignmentExpression:
          work.push(n.right);
          break;
        default:
          break;
      }
    }
  }

  // Where each member node sits in its root's trie, with the entries on the way (undefined: not a static chain on a
  // variable with prompt chains). Built from the object's position, so asking every link of a chain costs its length.
  type Position = { readonly t: ChainNode | undefined; readonly hits: readonly { seq: number; call: LlmCall }[] } | undefined;
  const positions = new WeakMap<Node, Position | null>();
  const positionOf = (node: Node): Position => {
    const links: TSESTree.MemberExpression[] = [];
    let n = skipTS(node);
    let pos: Position;
    for (;;) {
      ops.chainSteps++;
      const known = positions.get(n);
      if (known !== undefined) {
        pos = known ?? undefined;
        break;
      }
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        links.push(n);
        n = skipTS(n.object);
        continue;
      }
      const v = n.type === AST_NODE_TYPES.Identifier ? variableOf(sourceCode, n) : undefined;
      const t = v ? chains.get(v) : undefined;
      // The trie's chains start with the root's own name (memberChain).
      const first = t && n.type === AST_NODE_TYPES.Identifier ? t.children.get(n.name) : undefined;
      pos = t ? { t: first, hits: first && first.entries.length > 0 ? [...t.entries, ...first.entries] : t.entries } : undefined;
      positions.set(n, pos ?? null);
      break;
    }
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i]!;
      const name = pos && propertyName(link);
      if (name === undefined) pos = undefined;
      else if (pos) {
        const t = pos.t?.children.get(name);
        // `req.body.session_id` when `req.body` is the prompt: a key of it, prompt material only if it is put in itself.
        const inherited = isRecordKey(name) ? [] : pos.hits;
        pos = { t, hits: t && t.entries.length > 0 ? [...inherited, ...t.entries] : inherited };
      }
      positions.set(link, pos ?? null);
    }
    return pos;
  };

  return {
    nodes,
    vars,
    chainCalls(node) {
      const hits = positionOf(node)?.hits;
      return hits && hits.length > 0 ? new Set([...hits].sort((a, b) => a.seq - b.seq).map((e) => e.call)) : undefined;
    },
  };
}

/** Static keys from a declarator's pattern down to a name: `{ a: { b } }` → ['a','b']; undefined when not static. */
function patternKeys(id: TSESTree.Identifier): string[] | undefined {
  const keys: string[] = [];
  let n: Node = id;
  for (;;) {
    const p: Node | undefined = n.parent;
    if (!p) return undefined;
    if (p.type === AST_NODE_TYPES.VariableDeclarator) return p.id === n ? keys : undefined;
    if (p.type === AST_NODE_TYPES.Property && p.value === n && p.parent.type === AST_NODE_TYPES.ObjectPattern) {
      const k = propertyName(p);
      if (k === undefined) return undefined;
      keys.unshift(k);
      n = p.parent;
    } else if (p.type === AST_NODE_TYPES.ArrayPattern) {
      keys.unshift(String(p.elements.indexOf(n as TSESTree.DestructuringPattern)));
      n = p;
    } else if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === n) {
      n = p;
    } else {
      return undefined;
    }
  }
}

function rootOf(node: Node): TSESTree.Identifier | undefined {
  let n = skipTS(node);
  while (n.type === AST_NODE_TYPES.MemberExpression) n = skipTS(n.object);
  return n.type === AST_NODE_TYPES.Identifier ? n : undefined;
}
