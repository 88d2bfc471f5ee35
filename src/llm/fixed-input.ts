/**
 * Calls whose whole request is written in the source: every prompt, message and system text a literal (or a const
 * holding one), no tools, no stored conversation or file. What such a call generates can hold nothing of a user's,
 * only what a reader of the source could ask the model for (`'Tell me a joke.'` in a hand-run script).
 */
import { getStaticValue } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { boundOnce, propertyName, scopeOf, skipTS, variableOf } from '../ast.js';
import type { FileContext, LlmCall, Node } from '../types.js';
import { specOf } from './call-record.js';

/**
 * Request keys that bring in content the source does not hold: tools the model calls (their results come back into
 * the answer), stored conversations, uploaded files, retrieval sources.
 */
const OUTSIDE_CONTENT = new Set([
  'tools', 'functions', 'tool_resources', 'toolConfig', 'previous_response_id', 'previousResponseId', 'conversation',
  'conversation_id', 'thread_id', 'threadId', 'assistant_id', 'file_id', 'file_ids', 'fileUri', 'file_data',
  'attachments', 'documents', 'connectors', 'vector_store_ids', 'cachedContent', 'mcp_servers', 'container',
]);

/**
 * SDKs whose call is the model request itself. LangChain runnables may be chains or agents with retrievers and
 * tools, and wrappers (settings names, other modules' functions) build their request out of sight.
 */
const DIRECT = new Set(['openai', 'anthropic', 'google', 'ai', 'cohere', 'mistral', 'groq', 'ollama', 'huggingface', 'http']);

const memo = new WeakMap<LlmCall, boolean>();

/** Whether everything `call` sends the model is written in the source (see the module comment). */
export function hasFixedInput(file: FileContext, call: LlmCall): boolean {
  let hit = memo.get(call);
  if (hit === undefined) {
    hit = computeFixed(file, call);
    memo.set(call, hit);
  }
  return hit;
}

function computeFixed(file: FileContext, call: LlmCall): boolean {
  const spec = specOf(call);
  if (!spec || spec.wrapper || !DIRECT.has(call.provider) || call.inputs.length === 0) return false;
  // Options the file does not spell out may hold anything besides the inputs found.
  if (!call.options && call.node.arguments.some((a) => !call.inputs.includes(a))) return false;
  const roots: Node[] = [...call.inputs, ...call.systemInputs];
  for (const o of [call.options, ...call.setupOptions]) {
    if (!o) continue;
    for (const p of o.properties) {
      if (p.type !== AST_NODE_TYPES.Property) return false; // a spread may hold anything
      const key = propertyName(p);
      if (key === undefined || OUTSIDE_CONTENT.has(key)) return false;
    }
  }
  return roots.every((n) => isSourceConstant(file, call, n, 0));
}

/**
 * A literal, a const holding one, or an array or object literal of them (an object's `model` may be anything: it
 * picks the model, it carries no content). Objects are checked for keys that bring outside content in.
 */
function isSourceConstant(file: FileContext, call: LlmCall, node: Node, depth: number): boolean {
  if (depth > 6) return false;
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = unchangedConst(file, call, n);
    return !!init && isSourceConstant(file, call, init, depth + 1);
  }
  if (n.type === AST_NODE_TYPES.ArrayExpression) {
    return n.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isSourceConstant(file, call, e, depth + 1));
  }
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return n.properties.every((p) => {
      if (p.type !== AST_NODE_TYPES.Property || p.computed) return false;
      const key = propertyName(p);
      if (key === undefined || OUTSIDE_CONTENT.has(key)) return false;
      return key === 'model' || isSourceConstant(file, call, p.value as Node, depth + 1);
    });
  }
  const known = getStaticValue(n as never, scopeOf(file.sourceCode, n) as never);
  return !!known && !holdsOutsideKey(known.value, 0);
}

/**
 * The initialiser of a variable bound once that nothing changes: an array or object read only as a whole (a later
 * `messages.push(userMessage)` or a helper handed it makes it the user's).
 */
function unchangedConst(file: FileContext, call: LlmCall, id: TSESTree.Identifier): Node | undefined {
  const bound = boundOnce(file.sourceCode, id);
  const init = bound && skipTS(bound);
  if (init?.type !== AST_NODE_TYPES.ArrayExpression && init?.type !== AST_NODE_TYPES.ObjectExpression) return init;
  for (const r of variableOf(file.sourceCode, id)?.references ?? []) {
    const p = r.identifier.parent;
    if (p?.type === AST_NODE_TYPES.MemberExpression && p.object === r.identifier) return undefined;
    // Handed to another function, which may add to it.
    if ((p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p !== call.node && p.arguments.includes(r.identifier as TSESTree.Identifier)) return undefined;
  }
  return init;
}

function holdsOutsideKey(value: unknown, depth: number): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => holdsOutsideKey(v, depth + 1));
  return Object.entries(value).some(([k, v]) => OUTSIDE_CONTENT.has(k) || holdsOutsideKey(v, depth + 1));
}
