import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, memberChain, propertyName, skipTS, staticString, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { cryptoRef } from '../src/fix.js';
import { modelWhen, type FileModel } from '../src/model.js';
import { describeOrigin } from '../src/report.js';
import type { LlmCall, Node, Origin } from '../src/types.js';

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
      sensitiveLog: '{{logger}} writes {{what}} to the log; leave it out or log a redacted form or a hash instead.',
      logHash: 'Log a SHA-256 hash of it instead.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.framework || s.llm || s.crypto || s.env || s.authPackage || s.credentialHeader || s.secretText);
        if (!model) return;
        for (const call of model.loggerCalls) {
          for (const arg of call.args) {
            if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
            const origin = model.originsOf(arg).find((o) => isSensitive(model, o, arg) && !(o.kind === 'llm' && readOnFailure(model, arg, o.call)));
            if (!origin) continue;
            const hashable = (origin.kind === 'prompt' || (origin.kind === 'llm' && origin.text)) && isSimple(arg);
            context.report({
              node: arg,
              messageId: 'sensitiveLog',
              data: { what: describeOrigin(origin), logger: loggerName(context, call.node) },
              suggest: hashable ? [{ messageId: 'logHash', fix: (fixer) => hashFix(context, fixer, arg) }] : [],
            });
          }
        }
      },
    };
  },
});

/** Whether a value of this origin must stay out of logs. */
function isSensitive(model: FileModel, origin: Origin, arg: Node): boolean {
  switch (origin.kind) {
    case 'llm':
      // Token usage, ids and finish reasons are what logs are for; the content is not, unless the request was all
      // written in the source (a hand-run script's 'Tell me a joke.'): then it holds nothing of a user's.
      return !model.isMetadataPath(origin.path, origin.call) && !model.hasFixedInput(origin.call);
    case 'prompt':
    case 'secret':
      return true;
    case 'digest':
      // An HMAC is a signature anyone can replay; a plain hash (`createHash('sha256')`) of a prompt is what to log.
      return origin.keyed === true;
    case 'error':
    // Tool arguments are judged by no-unsafe-llm-output where they are used, not where they are logged.
    case 'tool':
    // A system prompt or retrieved documents are logged as the prompt they go into (a 'prompt' origin).
    case 'system':
    case 'retrieved':
      return false;
    case 'request':
      switch (origin.part) {
        case 'headers':
          // The whole headers object holds Authorization and Cookie.
          return origin.name === undefined ? isWhole(arg) : model.isSensitiveHeader(origin.name);
        case 'cookies':
          return origin.name === undefined ? isWhole(arg) : isSessionCookie(model, origin.name);
        case 'auth':
          // `req.auth`, `auth(req)`: the credentials object. Its fields are reported only when named like a
          // secret (`creds.pass`, a 'secret' origin); `req.user` is the authenticated identity, not a credential.
          return origin.name === undefined && isWhole(arg) && !endsWith(arg, 'user');
        case 'rawBody':
          return true;
        case 'body':
          // Fields of the body are ordinary data; the body as a whole may hold anything the client signed or sent.
          return origin.name === undefined && isWhole(arg);
        default:
          return false;
      }
  }
}

/**
 * `if (!response.ok) { const err = await response.json(); console.error(err) }`: the body of a model API response that
 * failed is the provider's error, not generated output.
 */
function readOnFailure(model: FileModel, arg: Node, call: LlmCall): boolean {
  let site: Node = skipTS(arg);
  if (site.type === AST_NODE_TYPES.Identifier) {
    const defs = variableOf(model.file.sourceCode, site)?.defs ?? [];
    if (defs.length === 1 && defs[0]!.node.type === AST_NODE_TYPES.VariableDeclarator) site = defs[0]!.node;
  }
  const fn = enclosingFunction(site);
  for (let n: Node = site; n.parent && n.parent !== fn; n = n.parent) {
    const p: Node = n.parent;
    if (p.type !== AST_NODE_TYPES.IfStatement || p.test === n) continue;
    const failed = failureTest(model, p.test, call);
    if (failed !== undefined && (p.consequent === n) === failed) return true;
  }
  return false;
}

/** True for `!res.ok`, `res.ok === false`, `res.status !== 200`, `res.status >= 400` on the call's response; false for `res.ok`. */
function failureTest(model: FileModel, test: Node, call: LlmCall): boolean | undefined {
  const t = skipTS(test);
  const isResponse = (n: Node): boolean => model.originsOf(n).some((o) => o.kind === 'llm' && o.call === call && o.path.length === 0);
  const member = (n: Node, key: string): boolean =>
    n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === key && isResponse(n.object);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') {
    const inner = failureTest(model, t.argument, call);
    return inner === undefined ? undefined : !inner;
  }
  if (member(t, 'ok')) return false;
  if (t.type !== AST_NODE_TYPES.BinaryExpression || t.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const left = skipTS(t.left);
  const right = skipTS(t.right);
  const value = right.type === AST_NODE_TYPES.Literal ? right.value : undefined;
  if (member(left, 'ok') && typeof value === 'boolean') return (t.operator === '===' || t.operator === '==') !== value;
  if (!(member(left, 'status') || member(left, 'statusCode')) || typeof value !== 'number') return undefined;
  if ((t.operator === '!==' || t.operator === '!=') && value < 300) return true;
  if ((t.operator === '>=' && value >= 400) || (t.operator === '>' && value >= 399)) return true;
  return undefined;
}

/** False for a computed read with an unknown key (`req.headers[name]`), whose origin loses the name. */
function isWhole(arg: Node): boolean {
  const n = skipTS(arg);
  const inner = n.type === AST_NODE_TYPES.ChainExpression ? n.expression : n;
  return !(inner.type === AST_NODE_TYPES.MemberExpression && inner.computed && staticString(inner.property) === undefined);
}

/** Cookies that usually carry a session or a credential; a `theme` or `locale` cookie does not. */
function isSessionCookie(model: FileModel, name: string): boolean {
  return /sess|sid|token|auth|jwt|csrf|xsrf|secret|remember/i.test(name) || model.isSensitiveHeader(name);
}

function endsWith(arg: Node, name: string): boolean {
  const chain = memberChain(skipTS(arg));
  return chain !== undefined && chain.length > 1 && chain[chain.length - 1] === name;
}

/** `prompt`, `req.body.messages`, `r.choices[0]?.message?.content`: safe to wrap in a hash call as written. */
function isSimple(arg: Node): boolean {
  return (
    arg.type === AST_NODE_TYPES.Identifier ||
    arg.type === AST_NODE_TYPES.MemberExpression ||
    (arg.type === AST_NODE_TYPES.ChainExpression && arg.expression.type === AST_NODE_TYPES.MemberExpression)
  );
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
