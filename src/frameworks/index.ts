/** Turns each web framework's registrations into one model: routes, sinks, error handlers, parameter roles. */
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileModel } from '../contract.js';
import type { ExternalMount, FileContext, FunctionNode, ParamRole, Route, Sink } from '../types.js';
import { createCollector, exitsInProduction } from './common.js';
import { analyzeFastify } from './fastify.js';
import { analyzeNext } from './next.js';
import { analyzeOrdered } from './ordered.js';
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

const EMPTY: FrameworkFacts = Object.freeze({ routes: [], sinks: [], errorHandlers: [], paramRoles: new Map(), externalMounts: [] });
const building = new WeakSet<FileContext>();

/** Routes, sinks, error handlers and handler parameter roles of every framework used in the file. */
export function analyzeFrameworks(file: FileContext, model: FileModel): FrameworkFacts {
  // Re-entry (another analysis asked for routes while we asked it for reachability) sees no facts rather than looping.
  if (building.has(file)) return EMPTY;
  building.add(file);
  try {
    const col = createCollector(file, model);
    analyzeOrdered(col);
    analyzeFastify(col);
    analyzeNext(col);
    const sinks = finishRolesAndSinks(col);
    const routes = col.routes
      .sort((a, b) => a.registration.range[0] - b.registration.range[0])
      // A handler that ends the request in production is as dev-only as a registration under a NODE_ENV branch.
      .map((r) => (!r.devOnly && r.handlers.some((h) => exitsInProduction(file, h)) ? { ...r, devOnly: true } : r));
    return { routes, sinks, errorHandlers: [...col.errorHandlers], paramRoles: col.roles, externalMounts: col.externalMounts };
  } finally {
    building.delete(file);
  }
}
