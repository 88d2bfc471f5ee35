/**
 * From registrations to what runs before a route: each container's mount chains up to an app (its full prefix and
 * the middleware registered before it on the way), and the `use()` middleware of a container registered earlier.
 */
import type { Middleware, RouteRoot } from '../../types.js';
import { joinPath, pathApplies } from '../common.js';
import type { Container } from './containers.js';

/** One way a container is reached from the top: its full prefix and what runs before it. */
export interface Context {
  readonly prefix: string | undefined;
  readonly outer: readonly { readonly mw: Middleware; readonly path: string | undefined }[];
  readonly devOnly: boolean;
  /** The container at the top of this mount chain. */
  readonly top: Container;
}

/** The use() middleware of a container registered before `order` (its events must be sorted). */
export function usesBefore(c: Container, order: number): { mw: Middleware; path: string | undefined }[] {
  const out: { mw: Middleware; path: string | undefined }[] = [];
  for (const ev of c.events) {
    if (ev.order >= order) break;
    if (ev.type === 'use') for (const mw of ev.entries) out.push({ mw, path: ev.localPath });
  }
  return out;
}

/** The mount contexts of a container, memoised; a mount cycle contributes nothing. */
export function createContexts(): (c: Container) => Context[] {
  const memo = new Map<Container, Context[]>();
  const contexts = (c: Container, stack: Set<Container>): Context[] => {
    const hit = memo.get(c);
    if (hit) return hit;
    if (stack.has(c)) return [];
    if (c.mounts.length === 0) return [{ prefix: '', outer: [], devOnly: false, top: c }];
    stack.add(c);
    const out: Context[] = [];
    for (const m of c.mounts) {
      for (const p of contexts(m.parent, stack)) {
        const before = usesBefore(m.parent, m.order).map((u) => ({ mw: u.mw, path: joinPath(p.prefix, u.path) }));
        const mountPath = joinPath(p.prefix, m.localPath);
        out.push({
          prefix: mountPath,
          outer: [...p.outer, ...before, ...m.middleware.map((mw) => ({ mw, path: mountPath }))],
          devOnly: p.devOnly || m.devOnly,
          top: p.top,
        });
      }
    }
    stack.delete(c);
    memo.set(c, out);
    return out;
  };
  return (c) => contexts(c, new Set());
}

/** The middleware that runs, in a context, before something registered on `c` at `order` for the path `full`. */
export function middlewareBefore(ctx: Context, c: Container, order: number, full: string | undefined): Middleware[] {
  const outer = [...ctx.outer, ...usesBefore(c, order).map((u) => ({ mw: u.mw, path: joinPath(ctx.prefix, u.path) }))];
  return outer.filter((o) => pathApplies(o.path, full)).map((o) => o.mw);
}

/** The top of a context's mount chain, and whether it is an app (not a router exported for mounting elsewhere). */
export function rootOf(ctx: Context): RouteRoot {
  const t = ctx.top;
  return { node: t.node, app: t.kind === 'app', ...(t.param ? { param: t.param } : {}), ...(t.provisional ? { provisional: true } : {}) };
}
