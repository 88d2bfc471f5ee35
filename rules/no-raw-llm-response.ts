import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipTS } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { getModel } from '../src/model.js';
import type { Node, Origin, PathKey } from '../src/types.js';

type LlmOrigin = Extract<Origin, { kind: 'llm' }>;

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
      sendText: 'Send only the generated text ({{accessor}}).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        if (!model.relevant) return;
        const reported = new Set<Node>();
        for (const sink of model.sinks) {
          if (reported.has(sink.node)) continue;
          const raw = model.originsOf(sink.node).filter((o): o is LlmOrigin => o.kind === 'llm' && !o.text);
          const first = raw[0];
          if (!first) continue;
          reported.add(sink.node);
          const target = suggestionTarget(sink.node);
          const accessor = first.call.textAccessor;
          const canFix =
            target !== undefined &&
            accessor !== undefined &&
            raw.length === 1 &&
            first.path.length === 0 &&
            model.originsOf(target).length === 1;
          context.report({
            node: sink.node,
            messageId: first.path.length === 0 ? 'raw' : 'rawPart',
            data: { what: first.call.resultLabel, part: describePath(first.path) },
            suggest: canFix
              ? [
                  {
                    messageId: 'sendText',
                    data: { accessor: accessor.replace(/^\./, '') },
                    fix: (fixer) => fixer.insertTextAfter(target, accessor),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});

/** The expression a text accessor can be appended to: `completion`, `result.data`, or the argument of `JSON.stringify(x)`. */
function suggestionTarget(node: Node): TSESTree.Identifier | TSESTree.MemberExpression | undefined {
  let n = skipTS(node);
  if (
    n.type === AST_NODE_TYPES.CallExpression &&
    n.callee.type === AST_NODE_TYPES.MemberExpression &&
    n.callee.object.type === AST_NODE_TYPES.Identifier &&
    n.callee.object.name === 'JSON' &&
    n.arguments.length === 1 &&
    n.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement
  ) {
    n = skipTS(n.arguments[0]!);
  }
  if (n !== node && n.type !== AST_NODE_TYPES.Identifier && n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (n.type === AST_NODE_TYPES.Identifier) return n;
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.optional) return n;
  return undefined;
}

/** `['choices', '*', 'message']` → "choices[].message". */
function describePath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (key === '*' || typeof key === 'number') out += key === '*' ? '[]' : `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out || 'result';
}
