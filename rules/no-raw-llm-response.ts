import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipTS, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen, type FileModel } from '../src/model.js';
import type { Node, Origin, PathKey } from '../src/types.js';

type LlmOrigin = Extract<Origin, { kind: 'llm' }>;

/**
 * Result fields that carry neither content nor request metadata: a finish reason, a role, a block type, a refusal
 * (itself generated text). Sending them is not a leak.
 */
const HARMLESS_KEYS = new Set(['finish_reason', 'stop_reason', 'finishReason', 'stopReason', 'role', 'type', 'refusal', 'created']);

export default createRule({
  name: 'no-raw-llm-response',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow sending a raw model response object to the client',
      recommended: 'recommended',
      cwe: ['CWE-200', 'CWE-213'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure', 'LLM07:2025 System Prompt Leakage'],
    },
    messages: {
      raw: 'The {{what}} is sent to the client as is; send only the generated text.',
      rawPart: 'The {{part}} of the {{what}} is sent to the client; send only the generated text.',
      rawChunk: 'Raw chunks of the {{what}} are sent to the client; send only the text of each chunk.',
      sendText: 'Send only the generated text ({{accessor}}).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.llm);
        if (!model) return;
        const reported = new Set<Node>();
        for (const sink of model.sinks) {
          if (reported.has(sink.node)) continue;
          // A relay's client wrote the whole request: the answer it gets back is what it asked for.
          const raw = model.originsOf(sink.node).filter((o): o is LlmOrigin => o.kind === 'llm' && !o.text && !harmless(o) && !model.isClientRelay(o.call));
          const first = raw[0];
          if (!first) continue;
          reported.add(sink.node);
          const chunk = isChunk(first);
          const whole = isWhole(first);
          context.report({
            node: sink.node,
            messageId: whole ? 'raw' : chunk ? 'rawChunk' : 'rawPart',
            data: { what: first.call.resultLabel, part: describePath(first.path) },
            suggest: raw.length === 1 && whole ? suggestion(context, model, sink.node, first) : [],
          });
        }
      },
    };
  },
});

/** The whole result: the value itself, or the envelope the client wraps it in (`response.data` of axios, openai v3). */
function isWhole(o: LlmOrigin): boolean {
  return o.path.length === 0 || (o.path.length === o.call.envelope.length && o.path.every((k, i) => k === o.call.envelope[i]));
}

/** The text accessor from where the value was read: the envelope's part of it is already written. */
function accessorFrom(o: LlmOrigin): string | undefined {
  const accessor = o.call.textAccessor;
  if (!accessor || o.path.length === 0) return accessor;
  const prefix = o.path.map((k) => `.${String(k)}`).join('');
  return accessor.startsWith(prefix) ? accessor.slice(prefix.length) : undefined;
}

/**
 * A field that says nothing about the request or the conversation: `choices[0].finish_reason`, and the HTTP status of
 * a client's envelope (`response.statusText` of openai v3's axios response; its `config` and `headers` are not).
 */
function harmless(o: LlmOrigin): boolean {
  const last = o.path[o.path.length - 1];
  if (o.call.envelope.length > 0 && o.path.length === 1 && (last === 'status' || last === 'statusText')) return true;
  return typeof last === 'string' && HARMLESS_KEYS.has(last);
}

/** One element of a streamed result, as it came: `for await (const chunk of stream) res.write(chunk)`. */
function isChunk(o: LlmOrigin): boolean {
  return o.call.streaming && o.path.length === 1 && o.path[0] === '*';
}

type Suggestion = TSESLint.SuggestionReportDescriptor<'sendText'>;

/**
 * Appends the call's text accessor to the whole result where that is mechanical: `completion`, `result.data`,
 * `JSON.stringify(completion)`, `await generateText(...)`. Not on a helper's parameter (other callers send other
 * values through it) nor on a value with several sources.
 */
function suggestion(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  model: FileModel,
  sent: Node,
  origin: LlmOrigin,
): Suggestion[] {
  const accessor = accessorFrom(origin);
  const target = suggestionTarget(sent);
  if (!accessor || !target || model.originsOf(target).length !== 1) return [];
  if (target.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(context.sourceCode, target);
    if (!v || v.defs.some((d) => d.type !== 'Variable')) return [];
  }
  const text = context.sourceCode.getText(target);
  // `await x` needs parentheses before a member access; a member or identifier does not.
  const base = target.type === AST_NODE_TYPES.AwaitExpression ? `(${text})` : text;
  // A JSON body gets `{ text }`, as the README's example sends; a body that must be a string gets the text itself.
  // `JSON.stringify(x)` is JSON whatever carries it (the target is then its argument, not the sent value).
  const replacement = target === sent && takesString(sent) ? `${base}${accessor}` : `{ text: ${base}${accessor} }`;
  return [
    {
      messageId: 'sendText',
      data: { accessor: accessor.replace(/^\./, '') },
      fix: (fixer) => fixer.replaceText(target, replacement),
    },
  ];
}

/** Response methods whose body is a string or bytes, not an object: `res.write(x)`, `res.end(x)`, Hono `c.text(x)`. */
const STRING_BODIES = new Set(['write', 'end', 'text', 'html', 'body']);

/** Whether the sent value must be a string: the argument of a string-body method or of `new Response(x)`. */
function takesString(sent: Node): boolean {
  const parent = sent.parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression) return true;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === sent &&
    parent.callee.type === AST_NODE_TYPES.MemberExpression &&
    parent.callee.property.type === AST_NODE_TYPES.Identifier &&
    STRING_BODIES.has(parent.callee.property.name)
  );
}

type Target = TSESTree.Identifier | TSESTree.MemberExpression | TSESTree.AwaitExpression;

/** The expression a text accessor can be appended to: the sent value itself, or the argument of `JSON.stringify(x)`. */
function suggestionTarget(node: Node): Target | undefined {
  let n = node;
  if (
    n.type === AST_NODE_TYPES.CallExpression &&
    n.callee.type === AST_NODE_TYPES.MemberExpression &&
    n.callee.object.type === AST_NODE_TYPES.Identifier &&
    n.callee.object.name === 'JSON' &&
    n.arguments.length === 1 &&
    n.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement
  ) {
    n = n.arguments[0]!;
  }
  // `completion as any`: appending inside a cast would change what the cast applies to.
  if (skipTS(n) !== n) return undefined;
  if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.AwaitExpression) return n;
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.optional) return n;
  return undefined;
}

/** `['choices', '*', 'message']` → "choices[].message"; a stream element reads "chunk". */
function describePath(path: readonly PathKey[]): string {
  let out = '';
  path.forEach((key, i) => {
    if (i === 0 && key === '*') out = 'chunk';
    else if (key === '*' || typeof key === 'number') out += key === '*' ? '[]' : `[${key}]`;
    else out += out ? `.${key}` : key;
  });
  return out || 'result';
}
