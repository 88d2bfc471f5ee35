/** The model function an expression names through another module's summary: one answer for every caller. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipTS } from '../ast.js';
import { importSourceOf, importedRefs } from '../frameworks/common.js';
import type { FileContext, Node } from '../types.js';
import type { ImportedExport, ModelFunction } from './summary.js';

/**
 * The model function `node` names (`reply`, `chat.reply`, `asyncHandler(chat.reply)`): an imported function whose
 * summary reaches a model call, or such a method of an imported object. Undefined when unknown.
 */
export function importedModelFunction(file: FileContext, lookup: ImportedExport, node: Node): ModelFunction | undefined {
  for (const ref of importedRefs(file, node)) {
    const summary = lookup(ref.specifier, ref.name);
    if (ref.member === undefined && summary?.kind === 'model function') return summary;
    // chat.reply of an imported object or class instance (`export default new ChatController()`)
    const method = ref.member !== undefined && summary?.kind === 'object' ? summary.methods.get(ref.member) : undefined;
    if (method) return method;
  }
  return undefined;
}

/**
 * The specifiers of the imports this file calls, or calls a method of (`getClient()`, `openai.audio.transcriptions
 * .create()`): the only imports through which it can call an SDK method on a client another module makes. A class it
 * only instantiates (`new OpenAiLLM()`, a provider factory's forty imports) is not one.
 */
export function calledImportSpecifiers(file: FileContext): string[] {
  const out = new Set<string>();
  for (const call of file.index.calls) {
    let root: Node = skipTS(call.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTS(root.object);
    const source = root.type === AST_NODE_TYPES.Identifier ? importSourceOf(file, root) : undefined;
    if (source) out.add(source.specifier);
  }
  return [...out];
}
