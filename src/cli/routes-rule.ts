/**
 * An internal rule of the CLI that reports, once per file, the routes the shared model found there, so that the
 * CLI can group findings by route. It travels as a lint message because that is what comes back from ESLint's
 * worker threads and its cache; the CLI removes it from the results before anything is shown.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { getModel } from '../model.js';
import { withPathRecorder } from '../flow/paths.js';

/** The plugin namespace and rule id of the route map in lint results. */
export const ROUTES_RULE_ID = 'llm-leak-cli/routes';

/** One route as the CLI sees it: a label and the lines that belong to it. */
export interface RouteInfo {
  readonly method: string;
  readonly path: string | null;
  readonly framework: string;
  /** Line of the registration (`app.post(...)`, Next's exported handler). */
  readonly line: number;
  /** Line ranges [start, end] of the registration and of each handler, inclusive. */
  readonly ranges: readonly (readonly [number, number])[];
}

const lines = (node: TSESTree.Node): [number, number] => [node.loc.start.line, node.loc.end.line];

/** The rule; its one message carries the file's routes as JSON. */
export const routesRule = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { routes: '{{json}}' },
  },
  defaultOptions: [],
  create(context) {
    // Whichever rule ESLint creates first for a file records its code paths; this one may be it.
    return withPathRecorder(context, {
      'Program:exit'(program: TSESTree.Program) {
        const model = getModel(context);
        if (!(model.relevant || model.registeredElsewhere) || model.routes.length === 0) return;
        const routes: RouteInfo[] = model.routes.map((r) => ({
          method: r.method,
          path: r.path ?? null,
          framework: r.framework,
          line: r.registration.loc.start.line,
          ranges: [lines(r.registration), ...r.handlers.map(lines)],
        }));
        context.report({ node: program, messageId: 'routes', data: { json: JSON.stringify(routes) } });
      },
    });
  },
});

/** The route map carried in a routes message, or an empty list if it cannot be read. */
export function readRoutes(message: string): RouteInfo[] {
  try {
    const value: unknown = JSON.parse(message);
    return Array.isArray(value) ? (value as RouteInfo[]) : [];
  } catch {
    // Defensive: the message is always JSON written above.
    return [];
  }
}
