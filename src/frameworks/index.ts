/** Turns each web framework's registrations into one model. (Stub: owned by the framework-adapter work.) */
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileModel } from '../model.js';
import type { FileContext, FunctionNode, ParamRole, Route, Sink } from '../types.js';

/** What the framework adapters find in one file. */
export interface FrameworkFacts {
  readonly routes: readonly Route[];
  readonly sinks: readonly Sink[];
  readonly errorHandlers: readonly FunctionNode[];
  readonly paramRoles: ReadonlyMap<Scope.Variable, ParamRole>;
}

/** Routes, sinks, error handlers and handler parameter roles of every framework used in the file. */
export function analyzeFrameworks(_file: FileContext, _model: FileModel): FrameworkFacts {
  return { routes: [], sinks: [], errorHandlers: [], paramRoles: new Map() };
}
