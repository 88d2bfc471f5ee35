// Types for corpus.js, so the TypeScript tests can share it with the scripts.
import type { Linter } from 'eslint';

export declare const BENCH_PACKAGES: readonly string[];
export interface SourceFile {
  file: string;
  rel: string;
  name: string;
  text: string;
  parser: 'espree' | 'typescript';
  sourceType: 'module' | 'commonjs';
  jsx: boolean;
}
export type LintShape = Pick<SourceFile, 'parser' | 'sourceType' | 'jsx'>;
export declare function isMinified(name: string, text: string): boolean;
export declare function listSources(dir: string, out?: string[]): string[];
export declare function jsSourceType(file: string): 'module' | 'commonjs';
export declare function load(root: string, files: readonly string[]): { files: SourceFile[]; minified: number };
export declare function benchCorpus(root: string): { files: SourceFile[]; minified: number; perPackage: Record<string, number> };
export declare function labelledCorpus(root: string): SourceFile[];
export declare function configFactory(
  ruleSet: { plugins?: Record<string, unknown>; rules?: Record<string, unknown> } | readonly object[],
  tsParser: unknown,
  options?: { tsconfigRootDir?: string },
): (f: LintShape) => Linter.Config[];
export declare function loadBuilt(root: string): Promise<{ plugin: unknown; tsParser: unknown; Linter: typeof Linter }>;
