/**
 * Model calls handed their whole request as one value: `openai.createChatCompletion(params)`,
 * `client.send(new InvokeModelCommand(input))` with `input` built elsewhere. The recogniser finds no prompt field in
 * them, but the value holds the prompt: whatever flows into it is part of what the model is sent.
 */
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { isFunction, skipTS, variableOf } from '../ast.js';
import type { LlmCall, Node } from '../types.js';

/** The arguments that are the whole request of `call`, when the recogniser found no inputs in it; else none. */
export function wholeRequests(sourceCode: Readonly<TSESLint.SourceCode>, call: LlmCall): Node[] {
  // A client handed to a helper (`abortOnDisconnect(res, openai)`): the arguments are the client and the helper's own.
  if (call.options || call.inputs.length > 0 || call.systemInputs.length > 0 || call.handedClient) return [];
  // fetch/axios: the request is the JSON body, which the recogniser reads; the URL and headers are no prompt.
  if (call.node.type !== AST_NODE_TYPES.CallExpression || call.provider === 'http') return [];
  const out: Node[] = [];
  for (const a of call.node.arguments) {
    const n = skipTS(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
    // An options object written in place would have been read as the request: this one is settings (`{ timeout }`).
    if (n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.ObjectExpression || isFunction(n)) continue;
    // client.send(command) where `const command = new InvokeModelCommand(input)`: the command's own input.
    const command = n.type === AST_NODE_TYPES.NewExpression ? n : constNew(sourceCode, n);
    if (command) out.push(...command.arguments);
    else out.push(n);
  }
  return out;
}

function constNew(sourceCode: Readonly<TSESLint.SourceCode>, n: Node) {
  if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
  const defs = variableOf(sourceCode, n)?.defs ?? [];
  const node = defs.length === 1 ? defs[0]!.node : undefined;
  const init = node?.type === AST_NODE_TYPES.VariableDeclarator && node.init ? skipTS(node.init) : undefined;
  return init?.type === AST_NODE_TYPES.NewExpression ? init : undefined;
}
