/** One ReferenceTracker per file, typed for our use. */
import { ReferenceTracker, CALL, CONSTRUCT, ESM, READ } from '@eslint-community/eslint-utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileContext } from './types.js';

export { CALL, CONSTRUCT, ESM, READ };

const trackers = new WeakMap<FileContext, ReferenceTracker>();

/**
 * The global scope as the tracker sees it: names the file uses without declaring them (`require`, `console`,
 * `process` when the config declares no Node globals, as typescript-eslint's quick start does) become globals, so
 * the answer is the same with or without `languageOptions.globals`. The tracker reads `set` and `block` only.
 */
function withImplicitGlobals(globalScope: Scope.Scope): Scope.Scope {
  const implicit = new Map<string, Scope.Reference[]>();
  for (const r of globalScope.through) {
    const name = r.identifier.type === 'Identifier' ? r.identifier.name : undefined;
    if (name === undefined || globalScope.set.has(name)) continue;
    const list = implicit.get(name);
    if (list) list.push(r);
    else implicit.set(name, [r]);
  }
  if (implicit.size === 0) return globalScope;
  const set = new Map<string, unknown>(globalScope.set);
  for (const [name, references] of implicit) {
    set.set(name, { name, references, defs: [], identifiers: [], scope: globalScope });
  }
  return Object.create(globalScope, { set: { value: set } }) as Scope.Scope;
}

/** The file's ReferenceTracker, following imports, requires and globals through aliases and destructuring. */
export function trackerOf(file: FileContext): ReferenceTracker {
  let t = trackers.get(file);
  if (!t) {
    t = new ReferenceTracker(withImplicitGlobals(file.globalScope) as never);
    trackers.set(file, t);
  }
  return t;
}
