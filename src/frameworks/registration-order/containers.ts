/**
 * Apps and routers of registration-order frameworks: where they are created (traced from the adapters' modules)
 * and which expressions denote one (`app`, `express.Router()`, `new Hono().basePath('/api')`, `app.use(a).get(...)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { propertyName, skipTS, variableOf } from '../../ast.js';
import { ESM, trackerOf } from '../../references.js';
import type { FileContext, FunctionNode, ImportSource, Middleware, Node } from '../../types.js';
import type { FrameworkAdapter, OrderTraits } from '../adapter.js';
import { httpMethod, joinPath, staticPath } from '../common.js';

/** An app or a router. */
export type Kind = 'app' | 'router';

/** A `use()` registration: the middleware it adds, in order. */
export interface UseEvent {
  readonly type: 'use';
  readonly order: number;
  readonly call: TSESTree.CallExpression;
  readonly localPath: string | undefined;
  readonly entries: readonly Middleware[];
  readonly devOnly: boolean;
}

/** A route registration on a container. */
export interface RouteEvent {
  readonly type: 'route';
  readonly order: number;
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly localPath: string | undefined;
  readonly middleware: readonly Middleware[];
  readonly handler: FunctionNode | undefined;
  /** The handler as written (read when it is not a function of this file). */
  readonly handlerRef: Node;
  readonly devOnly: boolean;
}

/** What a container registers, in source order once sorted. */
export type Event = UseEvent | RouteEvent;

/** Where a container is mounted on a parent. */
export interface Mount {
  readonly parent: Container;
  readonly order: number;
  readonly localPath: string | undefined;
  readonly middleware: readonly Middleware[];
  readonly devOnly: boolean;
}

/** A router or plugin imported from another file and mounted on a container (read by the project route map). */
export type ExternalOnContainer = Omit<Mount, 'parent'> & {
  readonly call: TSESTree.CallExpression;
  readonly source: ImportSource;
  /** The imported function is called with the container as this argument (`chatEndpoints(apiRouter)`). */
  readonly param?: number;
};

/** An app or router created in this file. */
export interface Container {
  readonly adapter: FrameworkAdapter;
  readonly traits: OrderTraits;
  readonly kind: Kind;
  readonly node: Node;
  /** Router `prefix` option / `router.prefix()`. */
  ownPrefix: string | undefined;
  readonly events: Event[];
  readonly mounts: Mount[];
  readonly externals: ExternalOnContainer[];
  /** A function's parameter that is handed an app or router (see registration-order/params.ts). */
  readonly param?: { readonly fn: FunctionNode; readonly index: number };
  /** Assumed a container only to record what it is passed on to, for the project map's facts: it has no routes. */
  readonly provisional?: boolean;
}

/** A variable or expression that denotes a container, possibly through a `basePath`. */
export interface Handle {
  readonly c: Container;
  readonly prefix: string | undefined;
}

/** The apps and routers created in the file, by their creating call or `new`. */
export function findContainers(file: FileContext, adapters: readonly FrameworkAdapter[]): Map<Node, Container> {
  const creations = new Map<Node, Container>();
  const tracker = trackerOf(file);
  for (const adapter of adapters) {
    const traits = adapter.order;
    if (!traits) continue;
    const esm = Object.fromEntries(Object.entries(traits.creation).map(([k, v]) => [k, { ...v, [ESM]: true }]));
    const found = [...tracker.iterateEsmReferences(esm as never), ...tracker.iterateCjsReferences(traits.creation as never)];
    for (const { node, info } of found) {
      const n = node as Node;
      if (creations.has(n) || (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression)) continue;
      const kind = info as Kind;
      const c: Container = { adapter, traits, kind, node: n, ownPrefix: '', events: [], mounts: [], externals: [] };
      // new Router({ prefix: '/api' })
      const opts = n.arguments[0] && skipTS(n.arguments[0]);
      if (traits.routerPrefix && kind === 'router' && opts?.type === AST_NODE_TYPES.ObjectExpression) {
        const p = opts.properties.find((q) => q.type === AST_NODE_TYPES.Property && propertyName(q) === 'prefix') as TSESTree.Property | undefined;
        if (p) c.ownPrefix = staticPath(file, p.value);
      }
      creations.set(n, c);
    }
  }
  return creations;
}

/** Resolves expressions to the containers they denote. */
export interface Handles {
  /** The container (and `basePath` prefix) an expression denotes. */
  handleOf(expr: Node | undefined): Handle | undefined;
  /** `app.route('/x').post(h).get(h)`: the chain's handle and path. */
  routeChainOf(expr: Node): { h: Handle; path: string | undefined } | undefined;
  /** The container a `.use()` argument mounts: a router/app given as is, or `router.routes()`. */
  mountedBy(arg: Node): Container | undefined;
}

/**
 * The handle resolver over the file's containers (memoised per variable). `params` maps a parameter's identifier to
 * the container it stands for; it may grow while the resolver is in use, so parameters are looked up, not memoised.
 */
export function createHandles(file: FileContext, creations: ReadonlyMap<Node, Container>, params: ReadonlyMap<Node, Container> = new Map()): Handles {
  const varHandles = new Map<Scope.Variable, Handle | null>();
  const handleOf = (expr: Node | undefined, depth = 0): Handle | undefined => {
    if (!expr || depth > 20) return undefined;
    const e = skipTS(expr);
    const created = creations.get(e);
    if (created) return { c: created, prefix: '' };
    if (e.type === AST_NODE_TYPES.AwaitExpression) return undefined;
    if (e.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(file.sourceCode, e);
      if (!v) return undefined;
      const param = v.defs.length === 1 && v.defs[0]!.type === 'Parameter' ? params.get(v.defs[0]!.name as Node) : undefined;
      if (param) return { c: param, prefix: '' };
      if (varHandles.has(v)) return varHandles.get(v) ?? undefined;
      varHandles.set(v, null); // cycle guard
      const def = v.defs.length === 1 ? v.defs[0] : undefined;
      let h: Handle | undefined;
      if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
        h = handleOf(def.node.init, depth + 1);
      } else if (def && def.node.type === AST_NODE_TYPES.VariableDeclarator && !def.node.init) {
        // `let app; app = express();`
        const w = v.references.filter((r) => r.isWrite() && r.writeExpr);
        if (w.length === 1) h = handleOf(w[0]!.writeExpr as Node, depth + 1);
      }
      varHandles.set(v, h ?? null);
      return h;
    }
    if (e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.MemberExpression) {
      const callee = skipTS(e.callee) as TSESTree.MemberExpression;
      const name = propertyName(callee);
      const h = handleOf(callee.object, depth + 1);
      if (!h || !name) return undefined;
      const t = h.c.traits;
      // new Hono().basePath('/api')
      if (name === 'basePath' && t.basePath) return { c: h.c, prefix: joinPath(h.prefix, staticPath(file, e.arguments[0])) };
      // Registration methods return the app/router itself: `app.use(a).get('/x', h)`.
      if (name === 'use' || httpMethod(name) || (name === 'on' && t.onMethod) || (name === 'route' && t.routeMounts)) return h;
    }
    return undefined;
  };

  const routeChainOf = (expr: Node, depth = 0): { h: Handle; path: string | undefined } | undefined => {
    const e = skipTS(expr);
    if (depth > 20 || e.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipTS(e.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    if (name === 'route') {
      const h = handleOf(callee.object);
      return h && h.c.traits.routeChains ? { h, path: staticPath(file, e.arguments[0]) } : undefined;
    }
    return httpMethod(name) ? routeChainOf(callee.object, depth + 1) : undefined;
  };

  const mountedBy = (arg: Node): Container | undefined => {
    const e = skipTS(arg);
    if (e.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTS(e.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      if (callee.type === AST_NODE_TYPES.MemberExpression && name) {
        const h = handleOf(callee.object);
        if (h?.c.traits.mountCalls?.includes(name) && h.c.kind === 'router') return h.c;
      }
      return undefined;
    }
    const h = handleOf(e);
    return h && h.c.traits.useMountsHandles ? h.c : undefined;
  };

  return { handleOf: (e) => handleOf(e), routeChainOf: (e) => routeChainOf(e), mountedBy };
}
