import { createRule } from '../src/create-rule.js';
import { modelWhen } from '../src/model.js';
import { describeMount, describeRoute, mountedPath, providerLabel, providerName, registrationLoc } from '../src/report.js';
import type { Route } from '../src/types.js';

/** "POST /chat"; a handler for every method (Next.js pages/api, `app.all`) reads as its path alone. */
function routeName(route: Route): string {
  if (route.method !== 'ALL') return describeRoute(route);
  return route.path === undefined ? 'This handler' : route.path;
}

export default createRule({
  name: 'require-auth-for-llm-route',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require authentication in front of routes that call a language model',
      recommended: 'recommended',
      cwe: ['CWE-306', 'CWE-862'],
      owaspLlm: ['LLM10:2025 Unbounded Consumption', 'LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      unauthenticated:
        '{{route}} calls a model ({{provider}}) with no authentication in front of it, so anyone can use the model through it.',
      unauthenticatedMount:
        '{{route}} calls a model ({{provider}}) and is mounted at {{mount}} with no authentication in front of it, so anyone can use the model through it.',
      unmounted:
        '{{route}} calls a model ({{provider}}) with no authentication in front of it, and no app entry was found that mounts its router behind authentication.',
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
          // The route file that dispatches to it is judged instead.
          if (route.dispatched) continue;
          // Every way the handler reaches a model needs a check in front of it, not only the first.
          const open = model.llmSitesIn(route.handlers).find((s) => !model.authGuardBefore(s.fn, s.site));
          // A controller from another module (`router.post('/chat', chat.reply)`), by its module summary.
          const imported = !open && route.handlerRef ? model.importedFunction(route.handlerRef) : undefined;
          if (!open && (!imported || imported.guarded)) continue;
          // Then its middleware: one written in another module is read from there, so only for a route that needs it.
          if (route.middleware.some((mw) => model.authOfMiddleware(mw))) continue;
          if (reported.has(route.registration)) continue;
          const provider = open ? providerName(open.call) : providerLabel(imported!.provider);
          // Routers mounted from another file: judged by the project route map (src/project).
          const mounts = model.mountsOf(route);
          if (mounts && mounts.length === 0 && model.file.settings.unmountedRouters === 'ignore') continue;
          const bare = mounts?.find((m) => !m.auth);
          if (mounts && mounts.length > 0 && !bare) continue;
          reported.add(route.registration);
          if (bare) {
            const full = { ...route, path: mountedPath(bare, route) };
            context.report({
              loc: registrationLoc(route),
              messageId: 'unauthenticatedMount',
              data: { route: routeName(full), provider, mount: describeMount(bare, context.cwd) },
            });
            continue;
          }
          context.report({
            loc: registrationLoc(route),
            messageId: mounts ? 'unmounted' : 'unauthenticated',
            data: { route: routeName(route), provider },
          });
        }
      },
    };
  },
});
