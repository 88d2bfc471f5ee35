/** AWS Bedrock: the model call is `client.send(command)`, shaped by the command object it sends. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty } from '../ast.js';
import type { FileContext, Node } from '../types.js';
import { objectOf, optionValue, resolveLocal, systemParts, unstringify, type SystemMarkers } from './messages.js';
import type { CallSpec, CommandLeaf } from './sdks.js';

/**
 * `client.send(new ConverseCommand({...}))`, or `client.send(command)` with a local const command: the command's
 * spec and options, and for InvokeModel the JSON body that holds the limit and the system prompt.
 */
export function bedrockSend(
  file: FileContext,
  call: TSESTree.CallExpression,
  commands: ReadonlyMap<Node, CommandLeaf>,
  markers: SystemMarkers,
): { spec: CallSpec; setup: TSESTree.ObjectExpression[]; system: Node[]; options: TSESTree.ObjectExpression | null } | undefined {
  const arg = call.arguments[0];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const cmd = resolveLocal(file, arg);
  const command = commands.get(cmd);
  if (!command || cmd.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const options = objectOf(file, cmd.arguments[0]);
  const setup: TSESTree.ObjectExpression[] = [];
  const system: Node[] = [];
  // InvokeModel: the provider's JSON request is `body: JSON.stringify({...})`; it holds the limit and the system prompt.
  const body = options && findProperty(options, 'body');
  const payload = body && objectOf(file, unstringify(body.value));
  if (payload) {
    setup.push(payload);
    const sys = optionValue(file, payload, 'system');
    if (sys) system.push(sys);
    system.push(...systemParts(file, optionValue(file, payload, 'messages'), markers));
  }
  return { spec: command.spec, setup, system, options: options ?? null };
}
