/**
 * Parameters that stand for an app or router: `function chatEndpoints(app) { app.post(...) }`. Routes registered on
 * one are routes, behind what runs in front of the app or router it is handed. A parameter is one when
 *
 * - the project map says a file calls the function with an app or router (`chatEndpoints(apiRouter)` in the entry;
 *   `FrameworkInputs.external.appParams`),
 * - or a call in this file passes it one (`routes(app)`): it is mounted there, at the call, like a router;
 * - or, only while building the project map's facts, it is passed on to another module's function
 *   (`developerEndpoints(app, router) { apiWorkspaceEndpoints(router) }`): `provisional`, so the map can follow the
 *   chain; such a container has no routes of its own.
 *
 * Decided from calls and values, never from parameter names.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, resolveFunction, skipTS, variableOf } from '../../ast.js';
import type { FunctionNode, Node } from '../../types.js';
import type { FrameworkAdapter } from '../adapter.js';
import { importSourceOf, isDevOnly, joinPath, type Collector } from '../common.js';
import type { Container, Handles } from './containers.js';

/** Passes over the calls: a chain `a(app)` → `b(app)` → `c(app)` in one file settles in this many. */
const MAX_PASSES = 4;

/** The identifier of `fn`'s parameter at `index` (a default value aside), if it is a plain name. */
export function paramIdentifier(fn: FunctionNode, index: number): TSESTree.Identifier | undefined {
  let p: Node | undefined = fn.params[index];
  if (p?.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
  if (p?.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  return p?.type === AST_NODE_TYPES.Identifier ? p : undefined;
}

function newContainer(adapter: FrameworkAdapter, node: Node, fn: FunctionNode, index: number, provisional: boolean): Container {
  return {
    adapter,
    traits: adapter.order!,
    kind: 'router',
    node,
    ownPrefix: '',
    events: [],
    mounts: [],
    externals: [],
    param: { fn, index },
    ...(provisional ? { provisional: true } : {}),
  };
}

/** The containers the project map hands this file's functions (the parameter's identifier → its container). */
export function externalParams(col: Collector, adapters: readonly FrameworkAdapter[]): Map<Node, Container> {
  const out = new Map<Node, Container>();
  for (const p of col.appParams) {
    const adapter = adapters.find((a) => a.id === p.framework && a.order);
    const id = adapter && paramIdentifier(p.fn, p.index);
    if (id && !out.has(id)) out.set(id, newContainer(adapter, id, p.fn, p.index, false));
  }
  return out;
}

/**
 * Reads every call that passes a container as an argument: to a function of this file (its parameter becomes a
 * container mounted at the call) or to an imported one (an external the project map follows). `params` grows.
 */
export function readParamPasses(col: Collector, handles: Handles, params: Map<Node, Container>, adapters: readonly FrameworkAdapter[]): void {
  const { file } = col;
  const done = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let grew = false;
    for (const call of file.index.calls) {
      if (call.arguments.length === 0) continue;
      const callee = skipTS(call.callee);
      let local: FunctionNode | undefined;
      let imported: ReturnType<typeof importSourceOf>;
      call.arguments.forEach((arg, index) => {
        if (arg.type !== AST_NODE_TYPES.Identifier) return;
        const key = `${call.range[0]}:${index}`;
        if (done.has(key)) return;
        let h = handles.handleOf(arg);
        if (!h && col.provisionalParams) {
          // Facts only: a module-level function's parameter passed on to another module's function.
          const def = variableOf(file.sourceCode, arg)?.defs;
          const d = def?.length === 1 && def[0]!.type === 'Parameter' ? def[0]! : undefined;
          const fn = d?.node as FunctionNode | undefined;
          imported ??= importSourceOf(file, callee);
          if (d && fn && !enclosingFunction(fn) && imported && !params.has(d.name as Node)) {
            const i = fn.params.findIndex((_, at) => paramIdentifier(fn, at) === d.name);
            if (i >= 0) {
              params.set(d.name as Node, newContainer(adapters[0]!, d.name as Node, fn, i, true));
              h = handles.handleOf(arg);
              grew = true;
            }
          }
        }
        if (!h) return;
        done.add(key);
        const c = h.c;
        const localPath = joinPath(c.ownPrefix, h.prefix);
        const devOnly = isDevOnly(file, call);
        local ??= callee.type === AST_NODE_TYPES.Identifier ? resolveFunction(file.sourceCode, callee) : undefined;
        if (local) {
          const id = paramIdentifier(local, index);
          if (!id) return;
          let target = params.get(id);
          if (!target) {
            target = newContainer(c.adapter, id, local, index, !!c.provisional);
            params.set(id, target);
            grew = true;
          }
          if (target !== c) target.mounts.push({ parent: c, order: call.range[1], localPath, middleware: [], devOnly });
          return;
        }
        imported ??= importSourceOf(file, callee);
        if (imported) c.externals.push({ order: call.range[1], localPath, middleware: [], devOnly, call, source: imported, param: index });
      });
    }
    if (!grew) break;
  }
}
