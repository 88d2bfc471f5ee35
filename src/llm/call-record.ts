/**
 * A recognised model call as the rules see it (LlmCall), built from the table's spec and the options, setup and
 * system parts found for it, plus what the spec says that the LlmCall shape does not (kept beside it).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, propertyName, skipTS, variableOf } from '../ast.js';
import type { FileContext, LlmCall, Node } from '../types.js';
import { objectOf, optionValue, resolveLocal, systemParts, type SystemMarkers } from './messages.js';
import type { CallSpec } from './sdks.js';

/** The spec each recognised call was made from, for questions the LlmCall shape does not answer. */
const specs = new WeakMap<LlmCall, CallSpec>();
/** Per call: message lists not written out in place (see `messageLists`). */
const lists = new WeakMap<LlmCall, readonly Node[]>();

/** The spec a call was made from. */
export function specOf(call: LlmCall): CallSpec | undefined {
  return specs.get(call);
}

/**
 * Message lists of a call whose roles the file does not spell out, so they may hold a system message written by
 * whoever built them: a list option that is not an array literal (`messages: req.body.messages`) and the spread
 * parts of one that is (`[system, ...history]`). Empty when the SDK is told to drop system messages
 * (Vercel ai `allowSystemInMessages: false`).
 */
export function messageLists(call: LlmCall): readonly Node[] {
  return lists.get(call) ?? [];
}

/** A call named in `settings['llm-leak'].llmCalls`: a wrapper whose whole result is generated text. */
export const CUSTOM_SPEC: CallSpec = {
  type: 'call',
  provider: 'custom',
  resultLabel: 'model response',
  optionsArg: 0,
  inputKeys: [],
  // The shape of a wrapper is unknown; these are the usual names for a system prompt option.
  systemKeys: ['system', 'systemPrompt', 'instructions'],
  messageKeys: ['messages'],
  textPaths: [[]],
  limitKeys: [],
  streaming: false,
  textAccessor: '',
  wrapper: true,
};

/**
 * The spec of a call known only by its declared result: what the result holds, but nothing of the request, whose
 * options live in the wrapper (so no prompt inputs, and an output limit that is unknown rather than missing).
 */
export function typedSpec(spec: CallSpec): CallSpec {
  return {
    ...spec,
    optionsArg: -1,
    promptArg: undefined,
    inputKeys: [],
    systemKeys: [],
    messageKeys: [],
    limitKeys: [],
    limitHome: null,
    streaming: spec.streaming === true,
  };
}

/**
 * The LlmCall of `call` made from `spec`. `optionsOverride` gives the options when the caller found them elsewhere
 * (null: none); `allArgs` makes every argument an input (settings names, whose shape is unknown).
 */
export function makeCall(
  file: FileContext,
  markers: SystemMarkers,
  call: TSESTree.CallExpression,
  spec: CallSpec,
  setup: readonly TSESTree.ObjectExpression[],
  system: readonly Node[],
  optionsOverride: TSESTree.ObjectExpression | null | undefined,
  allArgs = false,
  extraInputs: readonly Node[] = [],
): LlmCall {
  const args = call.arguments;
  const options =
    optionsOverride === null ? undefined : optionsOverride ?? (spec.optionsArg >= 0 ? objectOf(file, args[spec.optionsArg]) : undefined);
  const inputs: Node[] = [...extraInputs];
  const systemInputs: Node[] = [...system];
  if (allArgs) {
    for (const a of args) inputs.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
  } else if (spec.promptArg !== undefined) {
    const arg = args[spec.promptArg];
    if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && !(spec.promptArg === spec.optionsArg && options)) {
      inputs.push(arg);
      systemInputs.push(...systemParts(file, arg, markers));
    }
  }
  for (const obj of options ? [options, ...setup] : setup) {
    const own = obj === options;
    if (own) for (const key of spec.inputKeys) {
      const v = optionValue(file, obj, key);
      if (v) inputs.push(v);
    }
    for (const key of spec.systemKeys) {
      const v = optionValue(file, obj, key);
      if (v) systemInputs.push(v);
    }
    if (own) for (const key of spec.messageKeys) systemInputs.push(...systemParts(file, optionValue(file, obj, key), markers));
  }
  const opaque: Node[] = [];
  const dropsSystem = options && spec.provider === 'ai' && staticValue(optionValue(file, options, 'allowSystemInMessages')) === false;
  if (options && !dropsSystem && spec.systemRoleInMessages !== false) {
    for (const key of spec.messageKeys) {
      // Responses `input` is as often the user's plain text as a list: an opaque one says nothing.
      if (key === 'input') continue;
      const v = optionValue(file, options, key);
      if (!v) continue;
      const list = resolveLocal(file, v);
      if (list.type === AST_NODE_TYPES.ArrayExpression) {
        const spreads = list.elements.flatMap((el) => (el?.type === AST_NODE_TYPES.SpreadElement ? [el.argument] : []));
        // A list built in a local const is reported where it enters the call (`messages: modified`), one written in
        // place at its spreads.
        if (list !== skipTS(v) && spreads.length > 0) opaque.push(v);
        else opaque.push(...spreads);
      } else if (!markers.promptMessages.has(list)) opaque.push(v);
    }
  }
  let streaming = spec.streaming === true;
  if (spec.streaming === 'option' && options) {
    const s = findProperty(options, 'stream')?.value;
    streaming = !!s && s.type === AST_NODE_TYPES.Literal && s.value === true;
  }
  const result: LlmCall = {
    node: call,
    provider: spec.provider,
    resultLabel: spec.resultLabel,
    options,
    setupOptions: setup,
    inputs,
    systemInputs,
    textPaths: streaming && spec.streamTextPaths ? [...spec.textPaths, ...spec.streamTextPaths] : spec.textPaths,
    limitKeys: spec.limitKeys,
    streaming,
    textAccessor: streaming ? undefined : spec.textAccessor,
    envelope: spec.envelope ?? [],
    ...(spec.servicePaths ? { servicePaths: spec.servicePaths } : {}),
    ...(spec.opaqueResult ? { opaqueResult: true } : {}),
    ...(spec.handedClient ? { handedClient: true } : {}),
    ...(spec.wholeOnly ? { wholeOnly: true } : {}),
    ...(spec.resultPath ? { resultPath: spec.resultPath } : {}),
  };
  specs.set(result, spec);
  lists.set(result, opaque);
  return result;
}

/** A boolean literal's value. */
function staticValue(node: Node | undefined): unknown {
  const n = node && skipTS(node);
  return n?.type === AST_NODE_TYPES.Literal ? n.value : undefined;
}

/**
 * Request options of a call that the file does not spell out, so they may carry a message list with any roles: the
 * options argument when it is not an object literal (`openai.createChatCompletion(chat_param)`) and the spreads of
 * one that is (`{ model, ...req.body }`). Only for calls that take a message list.
 */
export function opaqueOptions(file: FileContext, call: LlmCall): Node[] {
  const spec = specs.get(call);
  // A wrapper's argument is not known to be request options (`ask(req.body.message)` passes a prompt).
  if (!spec || spec.wrapper || spec.optionsArg < 0 || spec.messageKeys.length === 0 || spec.systemRoleInMessages === false) return [];
  if (call.node.type !== AST_NODE_TYPES.CallExpression) return [];
  const arg = call.node.arguments[spec.optionsArg];
  if (!arg) return [];
  if (arg.type === AST_NODE_TYPES.SpreadElement) return [arg.argument];
  if (!call.options) return objectOf(file, arg) ? [] : [arg];
  if (spec.provider === 'ai' && staticValue(optionValue(file, call.options, 'allowSystemInMessages')) === false) return [];
  const named = [...spec.messageKeys, ...spec.systemKeys];
  return call.options.properties.flatMap((p) => (p.type === AST_NODE_TYPES.SpreadElement && !restWithout(file, p.argument, named) ? [p.argument] : []));
}

/** `const { messages, system, ...rest } = body`: a rest binding whose pattern names every one of `keys`, so it holds none. */
function restWithout(file: FileContext, node: Node, keys: readonly string[]): boolean {
  const id = skipTS(node);
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(file.sourceCode, id)?.defs[0];
  const rest = def?.name.parent;
  const pattern = rest?.type === AST_NODE_TYPES.RestElement ? rest.parent : undefined;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return false;
  const names = new Set(pattern.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [propertyName(p)] : [])));
  return keys.every((k) => names.has(k.split('.')[0]));
}
