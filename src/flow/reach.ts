/** Which functions reach a model call. (Stub: owned by the LLM-recogniser work.) */
import type { FileModel } from '../model.js';
import type { FunctionNode, LlmCall } from '../types.js';

export function createReachability(_model: FileModel): (fn: FunctionNode) => LlmCall | undefined {
  return () => undefined;
}
