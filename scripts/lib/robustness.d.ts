// Types for robustness.js, so the TypeScript tests can share it with the sweep.
import type { Linter } from 'eslint';

export declare function seeded(seed: number): () => number;
export declare function fuzzProgram(seed: number, maxDepth?: number): { seed: number; text: string; sourceType: 'module' | 'commonjs' };
export declare const SHAPES: Record<string, (n: number) => string>;
export interface LintOutcome {
  kind: 'ok' | 'parse-error' | 'crash' | 'skipped';
  detail?: string;
  messages: Linter.LintMessage[];
}
export declare function lintOnce(linter: Linter, text: string, config: unknown, filename: string): LintOutcome;
