/** Recognises authentication. (Stub: owned by the auth work.) */
import type { FileModel } from '../model.js';
import type { AuthEvidence, FunctionNode, Middleware, Node } from '../types.js';

export interface AuthAnalysis {
  /** Whether a middleware authenticates the request. */
  middleware(mw: Middleware): AuthEvidence | undefined;
  /** A credential check in `fn` that ends the request on failure and runs on every path before `target`. */
  guardBefore(fn: FunctionNode, target: Node): AuthEvidence | undefined;
}

export function createAuthAnalysis(_model: FileModel): AuthAnalysis {
  return { middleware: () => undefined, guardBefore: () => undefined };
}
