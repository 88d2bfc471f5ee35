/**
 * Turns each web framework's registrations into one model: routes, sinks, error handlers, parameter roles. The
 * frameworks are the adapters of ./registry.ts: registration-order ones go through ./registration-order.ts, the
 * others bring their own `analyze`.
 */
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ExternalMount, FileContext, Framework, FunctionNode, LlmCall, Middleware, ParamRole, Route, Sink } from '../types.js';
import { assignRoles, createCollector, exitsInProduction, type AppParam, type Decoration } from './common.js';
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
  /** Decorations other modules of the app see (Fastify). */
  readonly decorations?: readonly Decoration[];
  /** Hooks added to an instance other modules register routes on (Fastify). */
  readonly sharedHooks?: readonly Middleware[];
  /** Middleware applied with `use(...)` on the file's apps and routers. */
  readonly useMiddleware?: readonly Middleware[];
}

/**
 * What the adapters need besides the file. Only model calls: reachability depends on them alone, never on routes,
 * so asking it while routes are being built cannot re-enter this analysis.
 */
export interface FrameworkInputs {
  /** The first model call that runs when `fn` runs (a `use()` function that reaches one acts as a route). */
  readonly reachedLlmCall: (fn: FunctionNode) => LlmCall | undefined;
  /**
   * This file's functions that other modules register (from the project map): controllers registered as route
   * handlers, and plugins registered on an app. They get the framework's roles though the file imports no framework.
   */
  readonly external?: ExternalRoles;
  /** Building the project map's facts (not linting the file): see registration-order/params.ts `provisional`. */
  readonly forFacts?: boolean;
}

/** Functions of this file registered by other modules, with the framework that registers them. */
export interface ExternalRoles {
  readonly handlers: readonly { readonly fn: FunctionNode; readonly framework: Framework }[];
  readonly plugins: readonly { readonly fn: FunctionNode; readonly framework: Framework }[];
  /** Parameters that other modules hand an app or router: `chatEndpoints(apiRouter)`. */
  readonly appParams?: readonly AppParam[];
}

/** Routes, sinks, error handlers and handler parameter roles of every framework used in the file. */
export function analyzeFrameworks(file: FileContext, inputs: FrameworkInputs): FrameworkFacts {
  const col = createCollector(file, { reachedLlmCall: inputs.reachedLlmCall, appParams: inputs.external?.appParams, provisionalParams: inputs.forFacts });
  for (const p of inputs.external?.plugins ?? []) col.externalPlugins.set(p.fn, p.framework);
  analyzeRegistrationOrder(col, ORDERED);
  for (const adapter of ADAPTERS) adapter.analyze?.(col);
  // After the file's own registrations: its own roles win.
  for (const h of inputs.external?.handlers ?? []) {
    const adapter = ADAPTERS.find((a) => a.id === h.framework);
    if (!adapter || col.handlerFns.has(h.fn)) continue;
    assignRoles(col, h.fn, adapter.handlerRoles, adapter.id);
    col.handlerFns.set(h.fn, adapter.id);
  }
  const sinks = finishRolesAndSinks(col);
  const routes = col.routes
    .sort((a, b) => a.registration.range[0] - b.registration.range[0])
    // A handler that ends the request in production is as dev-only as a registration under a NODE_ENV branch.
    .map((r) => (!r.devOnly && r.handlers.some((h) => exitsInProduction(file, h)) ? { ...r, devOnly: true } : r));
  return { routes, sinks, errorHandlers: [...col.errorHandlers], paramRoles: col.roles, externalMounts: col.externalMounts, decorations: col.decorations, sharedHooks: col.sharedHooks, useMiddleware: col.useMiddleware };
}
