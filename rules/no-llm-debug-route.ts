import { contains } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { getModel } from '../src/model.js';
import { describeOrigin, describeRoute, registrationLoc } from '../src/report.js';
import type { Origin, Route } from '../src/types.js';

/** A path segment that marks a debug, test, internal or dev route: `/debug`, `/_debug`, `/internal/x`, `/__state`. */
const DEBUG_SEGMENT = /^(?:_*(?:debug|internal|dev|test|echo)(?:[-_.].*)?|__.*)$/i;

/** True when one of the route's path segments marks it as a debug route. */
export function isDebugPath(path: string): boolean {
  return path.split('/').some((segment) => DEBUG_SEGMENT.test(segment.replace(/^:/, '')));
}

export default createRule({
  name: 'no-llm-debug-route',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow debug routes that expose model output, prompts or the system prompt',
      recommended: 'recommended',
      cwe: ['CWE-489', 'CWE-200'],
      owaspLlm: ['LLM07:2025 System Prompt Leakage', 'LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      debugRoute:
        'The debug route {{route}} sends {{what}} to the client; remove it, or register it only outside production and behind authentication.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = getModel(context);
        if (!model.relevant) return;
        // A router mounted twice yields one route per mount with the same registration: report it once.
        const reported = new Set<unknown>();
        for (const route of model.routes) {
          if (route.path === undefined || !isDebugPath(route.path)) continue;
          const leaked = leakedOrigin(model, route);
          if (!leaked) continue;
          if (route.devOnly && isAuthenticated(model, route)) continue;
          if (reported.has(route.registration)) continue;
          reported.add(route.registration);
          context.report({
            loc: registrationLoc(route),
            messageId: 'debugRoute',
            data: { route: describeRoute(route), what: describeOrigin(leaked) },
          });
        }
      },
    };
  },
});

/** The first model output or prompt that a sink inside the route's handlers sends. */
function leakedOrigin(model: ReturnType<typeof getModel>, route: Route): Origin | undefined {
  for (const sink of model.sinks) {
    if (!route.handlers.some((h) => contains(h, sink.node))) continue;
    const origin = model.originsOf(sink.node).find((o) => o.kind === 'llm' || o.kind === 'prompt');
    if (origin) return origin;
  }
  return undefined;
}

function isAuthenticated(model: ReturnType<typeof getModel>, route: Route): boolean {
  if (route.middleware.some((mw) => model.authOfMiddleware(mw))) return true;
  return route.handlers.some((h) => {
    const firstSink = model.sinks.find((s) => contains(h, s.node));
    return firstSink !== undefined && model.authGuardBefore(h, firstSink.node) !== undefined;
  });
}
