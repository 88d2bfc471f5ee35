/**
 * Operation counts of the shared analysis, so growth is judged by how much work a lint did rather than by a clock
 * that moves with the machine's load (`npm run sweep`, test/e2e/robustness.test.ts). An internal test hook: the
 * plugin's entry does not export it and package.json exports only the entry; tests import this module, the sweep
 * imports dist/src/counters.js. Each count is one integer increment where the work happens.
 */
export interface OpCounts {
  /** Files the project map read from disk (files.ts). */
  reads: number;
  /** Files the project map parsed for their facts (files.ts). */
  parses: number;
  /** Module facts built from a parse, one per summary level (files.ts `factsFor`). */
  builds: number;
  /** Module-export states the route map's walks visited (index.ts `land`). */
  walkStates: number;
  /** Steps of summary lookups through re-exports (index.ts `summaryOf`). */
  summarySteps: number;
  /** Values computed by the memoised origin questions (flow/memo.ts): nodes visited by origin and chain walks. */
  originSteps: number;
  /** Links walked along member chains (`a.b.c`): by ast.ts `memberChain` and the prompt index's chain lookups. */
  chainSteps: number;
  /** Code-path graph steps: vertices searched by reachability queries, edges read by the dominator iteration (flow/paths.ts). */
  pathSteps: number;
  /**
   * Uses and sinks read by lookups that must stay linear however many routes share them: a middleware parameter's uses
   * by function (frameworks/sinks.ts `middlewareSender`), whether a variable is written again (ast.ts `boundOnce`), the
   * sinks inside a route (ast.ts `itemsWithin`).
   */
  useSteps: number;
}

const counts: OpCounts = { reads: 0, parses: 0, builds: 0, walkStates: 0, summarySteps: 0, originSteps: 0, chainSteps: 0, pathSteps: 0, useSteps: 0 };

/** The live counters; the analysis increments them, nothing else writes them. */
export const ops: OpCounts = counts;

/** A copy of the counts now: subtract two snapshots to get the work between them. */
export function opCounts(): OpCounts {
  return { ...counts };
}

/** The work between two snapshots, per count. */
export function opsSince(before: OpCounts, after: OpCounts = opCounts()): OpCounts {
  const out = { ...after };
  for (const k of Object.keys(out) as (keyof OpCounts)[]) out[k] -= before[k];
  return out;
}
