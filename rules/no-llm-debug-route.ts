import { contains, itemsWithin } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen, type FileModel } from '../src/model.js';
import { describeMount, describeOrigin, describeRoute, mountedPath, registrationLoc } from '../src/report.js';
import type { Node, Origin, Route, Sink } from '../src/types.js';

/**
 * A path segment that marks a debug, test, internal or dev route: `/debug`, `/_debug`, `/debug-info`, `/internal`,
 * `/dev`, `/test`, `/echo`, `/__state`. Only debug and internal take a suffix: `/test-results` and `/dev-portal` are
 * ordinary features as often as not.
 */
// `test`, `dev` and `echo` take a suffix only when it names the model or its input (`/test-llm-result`, `/test_chat`):
// `/api/test-results` is a feature. A documented name heuristic; the route must still send model output or a prompt.
const DEBUG_SEGMENT =
  /^(?:_*(?:debug|internal)(?:[-_.].*)?|_*(?:dev|test|echo)(?:[-_.](?:llms?|ai|models?|prompts?|gpt|openai|anthropic|claude|gemini|completions?|chat|agents?)(?:[-_.].*)?)?|__.+)$/i;

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
      debugRouteMount:
        'The debug route {{route}} (mounted at {{mount}}) sends {{what}} to the client; remove it, or register it only outside production and behind authentication.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.llm);
        if (!model) return;
        // A router mounted twice yields one route per mount with the same registration: report it once.
        const reported = new Set<unknown>();
        for (const route of model.routes) {
          // First what it sends: the mounts of a router come from a walk of the project, wanted only for a leak.
          const leak = leakOf(model, route);
          if (!leak) continue;
          // A router mounted from another file: its paths, dev-only branches and auth come from the mounts too.
          const mounts = route.path === undefined ? undefined : model.mountsOf(route);
          const ways = mounts?.length ? mounts.map((m) => ({ mount: m, path: mountedPath(m, route) })) : [{ mount: undefined, path: route.path }];
          const debug = ways.filter((w) => w.path !== undefined && isDebugPath(w.path));
          if (debug.length === 0) continue;
          const open = debug.find((w) =>
            !((route.devOnly || !!w.mount?.devOnly) && (!!w.mount?.auth || isAuthenticated(model, route, leak.sink))));
          if (!open || reported.has(route.registration)) continue;
          reported.add(route.registration);
          // The system prompt and the message history are both prompts here.
          const what = leak.origin.kind === 'prompt' ? 'a prompt given to the model' : describeOrigin(leak.origin);
          context.report({
            loc: registrationLoc(route),
            messageId: open.mount ? 'debugRouteMount' : 'debugRoute',
            data: {
              route: describeRoute({ ...route, path: open.path }),
              what,
              ...(open.mount ? { mount: describeMount(open.mount, context.cwd) } : {}),
            },
          });
        }
      },
    };
  },
});

/** The first sink inside the route's handlers that sends model output or a prompt, with what it sends. */
function leakOf(model: FileModel, route: Route): { sink: Node; origin: Origin } | undefined {
  for (const sink of sinksIn(model, route)) {
    const origin = model.originsOf(sink.node).find((o) => o.kind === 'llm' || o.kind === 'prompt');
    if (origin) return { sink: sink.node, origin };
  }
  return undefined;
}

/** The sinks inside the route's handlers, in source order, each handler's found by its range (model.sinks is sorted). */
function sinksIn(model: FileModel, route: Route): Sink[] {
  const found = new Set(route.handlers.flatMap((h) => itemsWithin(model.sinks, h, (s) => s.node.range)));
  return [...found].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Auth middleware in front of the route, or a credential check in the handler that runs before the leak. */
function isAuthenticated(model: FileModel, route: Route, leak: Node): boolean {
  if (route.middleware.some((mw) => model.authOfMiddleware(mw))) return true;
  return route.handlers.some((h) => contains(h, leak) && model.authGuardBefore(h, leak) !== undefined);
}
