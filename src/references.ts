/** One ReferenceTracker per file, typed for our use. */
import { ReferenceTracker, CALL, CONSTRUCT, ESM, READ } from '@eslint-community/eslint-utils';
import type { FileContext } from './types.js';

export { CALL, CONSTRUCT, ESM, READ };

const trackers = new WeakMap<FileContext, ReferenceTracker>();

/** The file's ReferenceTracker, following imports, requires and globals through aliases and destructuring. */
export function trackerOf(file: FileContext): ReferenceTracker {
  let t = trackers.get(file);
  if (!t) {
    t = new ReferenceTracker(file.globalScope as never);
    trackers.set(file, t);
  }
  return t;
}
