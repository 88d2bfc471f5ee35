// Types for worst-cases.js, so the TypeScript tests can share it with the sweep.
import type { Linter } from 'eslint';
import type { OpCounts } from '../../src/counters.js';

export interface ProjectCase {
  files: Record<string, string>;
  target: string;
}
export declare const FILE_CASES: Record<string, (n: number) => string>;
export declare const PROJECT_CASES: Record<string, (n: number) => ProjectCase>;
export declare const EXPECTED: Record<string, (string | [string, RegExp])[]>;
export declare const MAX_COUNT_GROWTH: number;
export declare function writeProject(files: Record<string, string>, tag?: string): string;
export declare function removeProject(dir: string): void;
export declare function loadCounters(root: string): Promise<{
  counters: { opCounts(): OpCounts; opsSince(before: OpCounts, after?: OpCounts): OpCounts };
  clearProjectCache(): void;
}>;
export interface CountApi {
  Linter: typeof Linter;
  counters: { opCounts(): OpCounts; opsSince(before: OpCounts, after?: OpCounts): OpCounts };
  clearProjectCache(): void;
}
export interface CountedLint {
  messages: Linter.LintMessage[];
  counts: OpCounts;
  crash?: string;
  parseError?: string;
  total: number;
  ms: number;
  pluginMs: number;
}
export declare function countLint(api: CountApi, config: unknown, cwd: string, filename: string, text: string): CountedLint;
export declare function missingReports(name: string, messages: readonly { ruleId: string | null; message: string }[]): string[];
export declare function superLinear(atN: OpCounts, at4n: OpCounts): [string, number][];
