/**
 * Turns each web framework's registrations into one model: routes, sinks, error handlers, parameter roles. The
 * frameworks are the adapters of ./registry.ts: registration-order ones go through ./registration-order.ts, the
 * others bring their own `analyze`.
 */
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ExternalMount, FileContext, FunctionNode, LlmCall, ParamRole, Route, Sink } from '../types.js';
import { createCollector, exitsInProduction } from './common.js';
import { analyzeRegistrationOrder } from './registration-order.js';
import { ADAPTERS, ORDERED } from './registry.js';
import { finishRolesAndSinks } from './sinks.js';

/** What the framework adapters find in one file. */
export interface FrameworkFacts {
  readonly routes: readonly Route[];
  readonly sinks: readonly Sink[];
  readonly errorHandlers: readonly FunctionNode[];
  readonly paramRoles: ReadonlyMap<Scope.Variable, ParamRole>;
  /** Routers and plugins imported from other files and mounted in this one. */
  readonly externalMounts?: readonly ExternalMount[];
}

/**
 * What the adapters need besides the file. Only model calls: reachability depends on them alone, never on routes,
 * so asking it while routes are being built cannot re-enter this analysis.
 */
export interface FrameworkInputs {
  /** The first model call that runs when `fn` runs (a `use()` function that reaches one acts as a route). */
  readonly reachedLlmCall: (fn: FunctionNode) => LlmCall | undefined;
}

/** Routes, sinks, error handlers and handler parameter roles of every framework used in the file. */
export function analyzeFrameworks(file: FileContext, inputs: FrameworkInputs): FrameworkFacts {
  const col = createCollector(file, inputs);
  analyzeRegistrationOrder(col, ORDERED);
  for (const adapter of ADAPTERS) adapter.analyze?.(col);
  const sinks = finishRolesAndSinks(col);
  const routes = col.routes
    .sort((a, b) => a.registration.range[0] - b.registration.range[0])
    // A handler that ends the request in production is as dev-only as a registration under a NODE_ENV branch.
    .map((r) => (!r.devOnly && r.handlers.some((h) => exitsInProduction(file, h)) ? { ...r, devOnly: true } : r));
  return { routes, sinks, errorHandlers: [...col.errorHandlers], paramRoles: col.roles, externalMounts: col.externalMounts };
}
