/** Where values come from. (Stub: owned by the value-origin work.) */
import type { FileModel } from '../model.js';
import type { Node, Origin } from '../types.js';

export function createOriginAnalysis(_model: FileModel): (node: Node) => readonly Origin[] {
  return () => [];
}
