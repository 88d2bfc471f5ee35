import { contains } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { getModel, type FileModel } from '../src/model.js';
import { describeOrigin, describeRoute, registrationLoc } from '../src/report.js';
import type { Node, Origin, Route } from '../src/types.js';

/**
 * A path segment that marks a debug, test, internal or dev route: `/debug`, `/_debug`, `/debug-info`, `/internal`,
 * `/dev`, `/test`, `/echo`, `/__state`. Only debug and internal take a suffix: `/test-results` and `/dev-portal` are
 * ordinary features as often as not.
 */
const DEBUG_SEGMENT = /^(?:_*(?:debug|internal)(?:[-_.].*)?|_*(?:dev|test|echo)|__.+)$/i;

/** True when one of the route's static path segments marks it as a debug route (`:dev` is a parameter, not one). */
export function isDebugPath(path: string): boolean {
  return path.split('/').some((segment) => !segment.startsWith(':') && DEBUG_SEGMENT.test(segment));
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
          const leak = leakOf(model, route);
          if (!leak) continue;
          if (route.devOnly && isAuthenticated(model, route, leak.sink)) continue;
          if (reported.has(route.registration)) continue;
          reported.add(route.registration);
          context.report({
            loc: registrationLoc(route),
            messageId: 'debugRoute',
            data: {
              route: describeRoute(route),
              // The system prompt and the message history are both prompts here.
              what: leak.origin.kind === 'prompt' ? 'a prompt given to the model' : describeOrigin(leak.origin),
            },
          });
        }
      },
    };
  },
});

/** The first sink inside the route's handlers that sends model output or a prompt, with what it sends. */
function leakOf(model: FileModel, route: Route): { sink: Node; origin: Origin } | undefined {
  for (const sink of model.sinks) {
    if (!route.handlers.some((h) => contains(h, sink.node))) continue;
    const origin = model.originsOf(sink.node).find((o) => o.kind === 'llm' || o.kind === 'prompt');
    if (origin) return { sink: sink.node, origin };
  }
  return undefined;
}

/** Auth middleware in front of the route, or a credential check in the handler that runs before the leak. */
function isAuthenticated(model: FileModel, route: Route, leak: Node): boolean {
  if (route.middleware.some((mw) => model.authOfMiddleware(mw))) return true;
  return route.handlers.some((h) => contains(h, leak) && model.authGuardBefore(h, leak) !== undefined);
}
