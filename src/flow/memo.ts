/**
 * Memoisation for recursive, flow-insensitive questions over a file ("what values can this node hold"): each key is
 * computed once, a cycle answers what is known so far, and answers that depended on an unfinished cycle stay
 * provisional until the outermost question ends, so a later question cannot reuse a partial answer.
 */
import { ops } from '../counters.js';

/** A memo over answers of type `V[]`. */
export interface Memo<V> {
  /** The answer for `key`, computing it once; `[]` on a cycle or past the depth limit. */
  memo(key: object, compute: () => V[]): V[];
  /** A stable key object for (`tag`, `obj`): one node can have several questions. */
  keyFor(tag: string, obj: object): object;
  /** Runs an outermost question; provisional answers are dropped when it ends. */
  top<T>(run: () => T): T;
}

/** A memo whose recursion stops at `maxDepth` (an answer past it is empty, never a stack overflow). */
export function createMemo<V>(maxDepth = 600): Memo<V> {
  const done = new Map<object, V[]>();
  let provisional = new Map<object, V[]>();
  const onStack = new Map<object, number>();
  let depth = 0;
  let cycleHit = Infinity;
  const MAX_DEPTH = maxDepth;

  function memo(key: object, compute: () => V[]): V[] {
    const hit = done.get(key) ?? provisional.get(key);
    if (hit) return hit;
    const at = onStack.get(key);
    if (at !== undefined || depth >= MAX_DEPTH) {
      // A cycle (or a pathological depth): answer what is known so far, and keep the callers' answers provisional.
      cycleHit = Math.min(cycleHit, at ?? -1);
      return [];
    }
    ops.originSteps++;
    const mine = depth++;
    onStack.set(key, mine);
    const outer = cycleHit;
    cycleHit = Infinity;
    let result: V[] = [];
    try {
      result = compute();
    } finally {
      onStack.delete(key);
      depth--;
    }
    const inner = cycleHit;
    cycleHit = Math.min(outer, inner);
    if (inner >= mine) done.set(key, result);
    else provisional.set(key, result);
    return result;
  }

  const keys = new Map<string, WeakMap<object, object>>();
  function keyFor(tag: string, obj: object): object {
    let m = keys.get(tag);
    if (!m) keys.set(tag, (m = new WeakMap()));
    let k = m.get(obj);
    if (!k) m.set(obj, (k = {}));
    return k;
  }

  return {
    memo,
    keyFor,
    top(run) {
      const outer = depth === 0;
      try {
        return run();
      } finally {
        if (outer) {
          provisional = new Map();
          cycleHit = Infinity;
        }
      }
    },
  };
}
