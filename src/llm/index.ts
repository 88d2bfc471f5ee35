/** Finds the model calls of a file. (Stub: owned by the LLM-recogniser work.) */
import type { FileContext, LlmCall } from '../types.js';

/** Every recognised LLM call in the file, in source order. */
export function findLlmCalls(_file: FileContext): LlmCall[] {
  return [];
}
