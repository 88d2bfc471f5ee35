/** The model function an expression names through another module's summary: one answer for every caller. */
import { importedRefs } from '../frameworks/common.js';
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
