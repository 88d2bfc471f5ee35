import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberChain, skipTS } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { cryptoRef } from '../src/fix.js';
import { getModel } from '../src/model.js';
import { describeOrigin } from '../src/report.js';
import { isSensitiveHeader } from '../src/sensitive.js';
import type { LlmLeakSettings } from '../src/settings.js';
import type { Node, Origin } from '../src/types.js';

export default createRule({
  name: 'no-sensitive-logging',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow logging signatures, credentials, prompts and model output',
      recommended: 'recommended',
      cwe: ['CWE-532'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      sensitiveLog: '{{what}} is written to the log by {{logger}}; log a hash or a redacted form instead.',
      logHash: 'Log a SHA-256 hash of it instead.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        const { settings } = model.file;
        for (const call of model.loggerCalls) {
          for (const arg of call.args) {
            if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
            const origin = model.originsOf(arg).find((o) => isSensitive(o, arg, settings));
            if (!origin) continue;
            const what = describeOrigin(origin);
            const hashable = (origin.kind === 'prompt' || (origin.kind === 'llm' && origin.text)) && isSimple(arg);
            context.report({
              node: arg,
              messageId: 'sensitiveLog',
              data: { what: what[0]!.toUpperCase() + what.slice(1), logger: loggerName(context, call.node) },
              suggest: hashable ? [{ messageId: 'logHash', fix: (fixer) => hashFix(context, fixer, arg) }] : [],
            });
          }
        }
      },
    };
  },
});

/** Whether a value of this origin must stay out of logs. */
function isSensitive(origin: Origin, arg: Node, settings: LlmLeakSettings): boolean {
  switch (origin.kind) {
    case 'llm':
    case 'prompt':
    case 'secret':
    case 'digest':
      return true;
    case 'error':
      return false;
    case 'request':
      switch (origin.part) {
        case 'headers':
          // The whole headers object holds Authorization and Cookie.
          return origin.name === undefined ? endsWith(arg, 'headers') : isSensitiveHeader(origin.name, settings);
        case 'cookies':
        case 'auth':
        case 'rawBody':
          return true;
        case 'body':
          // Fields of the body are ordinary data; the body as a whole may hold anything the client signed or sent.
          return endsWith(arg, 'body');
        default:
          return false;
      }
  }
}

function endsWith(arg: Node, name: string): boolean {
  const chain = memberChain(arg);
  return chain !== undefined && chain.length > 1 && chain[chain.length - 1] === name;
}

function isSimple(arg: Node): arg is TSESTree.Identifier | TSESTree.MemberExpression {
  const n = skipTS(arg);
  return n === arg && (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression);
}

function loggerName(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, call: TSESTree.CallExpression): string {
  return context.sourceCode.getText(call.callee);
}

/** Replaces the argument by its SHA-256 hash. */
function hashFix(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  fixer: TSESLint.RuleFixer,
  arg: Node,
): TSESLint.RuleFix[] {
  const { ref, fixes } = cryptoRef(context, fixer, 'createHash');
  const text = context.sourceCode.getText(arg);
  return [fixer.replaceText(arg, `${ref}('sha256').update(JSON.stringify(${text}) ?? '').digest('hex')`), ...fixes];
}
