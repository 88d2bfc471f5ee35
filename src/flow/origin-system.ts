/**
 * Which expressions, variables and member chains hold a system prompt: a value that reaches a model call's system
 * slot (`system`, `instructions`, a system or developer message, a LangChain SystemMessage; see LlmCall.systemInputs).
 * Built once per file from the calls' system inputs, going back only through steps that keep the whole prompt (a
 * const, `a ?? DEFAULT`, `await`, `.trim()`, a same-file function's returns, a const object's property) and into
 * the constant text of a prompt built with a template or `+`. A system prompt the client wrote (`req.body.system`)
 * is not marked: echoing it back leaks nothing.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { memberChain, propertyName, resolveFunction, skipTS, variableOf, writtenAgain } from '../ast.js';
import type { FunctionNode, LlmCall, Node, ParamRole } from '../types.js';
import { constInit, objectOf, optionValue } from '../llm/messages.js';
import type { FileContext } from '../types.js';

/** System prompt carriers of a file. */
export interface SystemIndex {
  readonly nodes: ReadonlySet<Node>;
  readonly vars: ReadonlySet<Scope.Variable>;
  /** Whether a member chain is a system prompt (`config.systemPrompt`, or a part read from it). */
  chainIs(node: TSESTree.MemberExpression): boolean;
  /** Whether a variable holds a system prompt somewhere inside (`config` when `config.systemPrompt` is one). */
  holds(v: Scope.Variable): boolean;
}

/** String methods whose result is the receiver's whole text. */
const WHOLE_TEXT_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'replace', 'replaceAll', 'normalize']);
/** Roles of parameters that hold the request. */
const REQUEST_ROLES = new Set<ParamRole>(['req', 'ctx', 'honoContext']);
/** Constant text at least this long (or spanning lines) is prompt text, not a name or a date put into it. */
const PROMPT_TEXT_MIN = 24;
const MAX_DEPTH = 8;

export function buildSystemIndex(
  file: FileContext,
  calls: readonly LlmCall[],
  returnsOf: (fn: FunctionNode) => readonly Node[],
  paramRoleOf: (id: TSESTree.Identifier) => ParamRole | undefined,
): SystemIndex {
  const sourceCode = file.sourceCode;
  const nodes = new Set<Node>();
  const vars = new Set<Scope.Variable>();
  // Marked chains as a trie per root variable, so that a lookup walks the chain once.
  const chains = new Map<Scope.Variable, Trie>();
  const seen = new Set<Node>();

  const mark = (node: Node, depth: number): void => {
    const n = skipTS(node);
    if (depth > MAX_DEPTH || seen.has(n)) return;
    seen.add(n);
    if (clientProvided(sourceCode, n, paramRoleOf)) return;
    nodes.add(n);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const v = variableOf(sourceCode, n);
        if (!v || v.defs.length === 0) return;
        vars.add(v);
        const init = constInit(file, n);
        if (init) mark(init, depth + 1);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const chain = memberChain(n);
        const root = chain ? rootOf(n) : undefined;
        const v = root ? variableOf(sourceCode, root) : undefined;
        if (chain && v) {
          let t: Trie | undefined = chains.get(v);
          if (!t) chains.set(v, (t = trie()));
          for (const k of chain.slice(1)) {
            let next: Trie | undefined = t.children.get(k);
            if (!next) t.children.set(k, (next = trie()));
            t = next;
          }
          t.end = true;
        }
        // `PROMPTS.system` on a const object literal: the property's value is the prompt.
        const key = propertyName(n);
        const obj = key !== undefined ? objectOf(file, n.object) : undefined;
        const value = obj && key !== undefined ? optionValue(file, obj, key) : undefined;
        if (value) mark(value, depth + 1);
        return;
      }
      case AST_NODE_TYPES.AwaitExpression:
        mark(n.argument, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        mark(n.consequent, depth + 1);
        mark(n.alternate, depth + 1);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        if (n.operator !== '&&') mark(n.left, depth + 1);
        mark(n.right, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTS(n.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && WHOLE_TEXT_METHODS.has(propertyName(callee) ?? '')) {
          mark(callee.object, depth + 1);
          return;
        }
        const fn = resolveFunction(sourceCode, callee);
        if (fn) for (const r of returnsOf(fn)) mark(r, depth + 1);
        return;
      }
      case AST_NODE_TYPES.ArrayExpression:
        // Content blocks: Anthropic `system: [{ type: 'text', text: PROMPT, cache_control }]`.
        for (const el of n.elements) {
          const block = el && el.type !== AST_NODE_TYPES.SpreadElement ? objectOf(file, el) : undefined;
          const text = block ? optionValue(file, block, 'text') : undefined;
          if (text) mark(text, depth + 1);
        }
        return;
      case AST_NODE_TYPES.TemplateLiteral:
        for (const e of n.expressions) if (isPromptText(file, e)) mark(e, depth + 1);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator !== '+') return;
        for (const side of [n.left, n.right]) {
          // `a + b + c` nests on the left: keep walking the sum itself.
          if (side.type === AST_NODE_TYPES.BinaryExpression || isPromptText(file, side)) mark(side, depth + 1);
        }
        return;
      default:
        return;
    }
  };
  for (const call of calls) for (const input of call.systemInputs) mark(input, 0);

  const states = new Map<Node, ChainState>();
  const rootState = (n: Node): ChainState => {
    const v = n.type === AST_NODE_TYPES.Identifier ? variableOf(sourceCode, n) : undefined;
    return { t: v ? chains.get(v) : undefined, hit: false };
  };

  return {
    nodes,
    vars,
    chainIs(node) {
      if (chains.size === 0) return false;
      // The chain itself or a longer read from it. Each link's answer is kept, so the links of a long chain, asked
      // innermost first, cost one step each.
      const links: TSESTree.MemberExpression[] = [];
      let n: Node = node;
      while (n.type === AST_NODE_TYPES.MemberExpression && !states.has(n)) {
        links.push(n);
        n = skipTS(n.object);
      }
      let state: ChainState = states.get(n) ?? rootState(n);
      for (let i = links.length - 1; i >= 0; i--) {
        const link = links[i]!;
        const key = state.t && !state.hit ? propertyName(link) : undefined;
        const t = key !== undefined ? state.t!.children.get(key) : undefined;
        state = state.hit ? state : { t, hit: t?.end === true };
        states.set(link, state);
      }
      return state.hit;
    },
    holds(v) {
      return chains.has(v);
    },
  };
}

interface Trie {
  readonly children: Map<string, Trie>;
  end: boolean;
}
const trie = (): Trie => ({ children: new Map(), end: false });
/** Where a member chain stands in its root's trie, and whether a marked chain is a prefix of it. */
interface ChainState {
  readonly t: Trie | undefined;
  readonly hit: boolean;
}

/** Constant text of a prompt: a literal, or a const bound to one, long enough to be instructions. */
function isPromptText(file: FileContext, node: Node): boolean {
  let n = skipTS(node);
  for (let i = 0; i < MAX_DEPTH && n.type === AST_NODE_TYPES.Identifier; i++) {
    const init = constInit(file, n);
    if (!init) return false;
    n = skipTS(init);
  }
  let text: string | undefined;
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') text = n.value;
  else if (n.type === AST_NODE_TYPES.TemplateLiteral) text = n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
  return text !== undefined && (text.length >= PROMPT_TEXT_MIN || text.includes('\n'));
}

/**
 * Whether a system input is request data passed on unchanged: a read from the request (`req.body.system`,
 * `ctx.request.body.instructions`, `(await req.json()).system`), or a const bound to one.
 */
function clientProvided(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
  paramRoleOf: (id: TSESTree.Identifier) => ParamRole | undefined,
): boolean {
  let n = skipTS(node);
  for (let i = 0; i < MAX_DEPTH; i++) {
    if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTS(n.argument);
    else if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTS(n.object);
    else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      // `req.json()`, `c.req.json()`, `request.formData()`
      if (!['json', 'formData', 'text', 'parseBody', 'valid'].includes(propertyName(n.callee) ?? '')) return false;
      n = skipTS(n.callee.object);
    } else if (n.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(sourceCode, n);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (!def) return false;
      if (def.type === 'Parameter') return REQUEST_ROLES.has(paramRoleOf(n) ?? 'next');
      if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
      if (writtenAgain(v!)) return false;
      n = skipTS(def.node.init);
    } else return false;
  }
  return false;
}

function rootOf(node: Node): TSESTree.Identifier | undefined {
  let n = skipTS(node);
  while (n.type === AST_NODE_TYPES.MemberExpression) n = skipTS(n.object);
  return n.type === AST_NODE_TYPES.Identifier ? n : undefined;
}
