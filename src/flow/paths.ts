/**
 * "Does X run on every path before Y": answered from ESLint's code path analysis. A recorder listens to the public
 * `onCodePath*` events while a file is linted and notes, for every node, the code path segments it runs in; the
 * queries run at `Program:exit` (where every rule asks the model) over the finished segment graph.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS } from '../ast.js';
import type { FunctionNode, Node } from '../types.js';

/** The parts of ESLint's CodePathSegment the queries read (public API). */
interface Segment {
  readonly id: string;
  readonly reachable: boolean;
  readonly nextSegments: readonly Segment[];
  readonly prevSegments: readonly Segment[];
}

/** The parts of ESLint's CodePath the queries read (public API). */
interface CodePath {
  readonly initialSegment: Segment;
  readonly finalSegments: readonly Segment[];
}

/** Where a node runs: its segments when it is entered, its code path, and its place in traversal order. */
interface Place {
  readonly segments: readonly Segment[];
  readonly path: CodePath;
  readonly seq: number;
}

/** The questions the rules ask about execution order. */
export interface Paths {
  /**
   * Whether every path from the start of its function to `target` enters `gate` first: `target` is `gate`, lies
   * inside it, or comes after it on every path.
   */
  runsBefore(gate: Node, target: Node): boolean;
  /**
   * Whether control that enters `branch` can go on to run `target` without passing `gate` again (`gate` is the
   * test or statement the branch belongs to). False when the branch returns, throws, or jumps elsewhere first.
   */
  reachesFrom(branch: Node, target: Node, gate: Node): boolean;
  /** Whether every path through `fn` (from its start to a return, a throw or its end) runs one of `nodes`. */
  alwaysRuns(fn: FunctionNode, nodes: Iterable<Node>): boolean;
}

interface Recording {
  readonly places: Map<Node, Place>;
  /** Per segment, the traversal number after which it stops: a call that never returns ran there. */
  readonly stops: Map<Segment, number>;
  /** The code path each function (and Program) starts. */
  readonly pathOf: Map<Node, CodePath>;
}

const recordings = new WeakMap<TSESTree.Program, Recording>();

type Listeners = TSESLint.RuleListener;

/**
 * The recorder's listeners for the file `sourceCode` holds, or an empty object when another rule already records
 * it: the first rule created for a file pays for the recording, the others share it.
 */
export function pathListeners(sourceCode: Readonly<TSESLint.SourceCode>): Listeners {
  const ast = sourceCode.ast;
  if (recordings.has(ast)) return {};
  const rec: Recording = { places: new Map(), stops: new Map(), pathOf: new Map() };
  recordings.set(ast, rec);
  // ESLint 9 removed `currentSegments`: each code path's current segments are tracked from the segment events.
  // The array is replaced, never mutated, so every node entered between two events shares it.
  const stack: { path: CodePath; node: Node; current: readonly Segment[] }[] = [];
  let seq = 0;
  const start = (segment: Segment): void => {
    const top = stack[stack.length - 1];
    if (top) top.current = [...top.current, segment];
  };
  const end = (segment: Segment): void => {
    const top = stack[stack.length - 1];
    if (top) top.current = top.current.filter((s) => s !== segment);
  };
  const listeners = {
    onCodePathStart(path: CodePath, node: Node) {
      stack.push({ path, node, current: [] });
      rec.pathOf.set(node, path);
    },
    onCodePathEnd() {
      stack.pop();
    },
    onCodePathSegmentStart: start,
    onUnreachableCodePathSegmentStart: start,
    onCodePathSegmentEnd: end,
    onUnreachableCodePathSegmentEnd: end,
    '*'(node: Node) {
      let top = stack[stack.length - 1];
      if (!top) return; // Defensive: no code path (never so for ESTree programs).
      // A function runs where it is created, in the enclosing code path; its own path starts inside it.
      if (top.node === node && stack.length > 1) top = stack[stack.length - 2]!;
      rec.places.set(node, { segments: top.current, path: top.path, seq: seq++ });
    },
    'CallExpression:exit'(node: TSESTree.CallExpression) {
      if (!neverReturns(node)) return;
      const top = stack[stack.length - 1];
      // Code path analysis does not know calls that always throw: the segment stops after this one.
      for (const s of top?.current ?? []) if (!rec.stops.has(s)) rec.stops.set(s, seq);
    },
  };
  return listeners as unknown as Listeners;
}

/** `ctx.throw(401)` (Koa, http-errors style) and next/navigation's `redirect()` throw: code after them never runs. */
export function neverReturns(call: TSESTree.CallExpression): boolean {
  const callee = skipTS(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee) === 'throw';
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'redirect';
}

/**
 * `listeners` with `extra` merged in: a key both have runs both handlers, the rule's first. Used to add the
 * recorder to a rule without losing the rule's own listeners.
 */
export function mergeListeners(listeners: Listeners, extra: Listeners): Listeners {
  const out: Record<string, unknown> = { ...listeners };
  for (const [key, handler] of Object.entries(extra)) {
    const own = out[key] as ((...args: unknown[]) => void) | undefined;
    const add = handler as (...args: unknown[]) => void;
    out[key] = own
      ? (...args: unknown[]) => {
          own(...args);
          add(...args);
        }
      : add;
  }
  return out as Listeners;
}

/** A rule's listeners with the recorder merged in when this rule is the first one created for the file. */
export function withPathRecorder(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  listeners: Listeners,
): Listeners {
  const extra = pathListeners(context.sourceCode);
  return Object.keys(extra).length === 0 ? listeners : mergeListeners(listeners, extra);
}

const queries = new WeakMap<Recording, Paths>();

/**
 * The path queries for a linted file, or undefined when no recorder ran (a model built outside a rule): callers
 * then answer conservatively ("no guard", "no length check"), which can only add reports, never hide one.
 */
export function pathsOf(ast: TSESTree.Program): Paths | undefined {
  const rec = recordings.get(ast);
  if (!rec) return undefined;
  let q = queries.get(rec);
  if (!q) {
    q = createQueries(rec);
    queries.set(rec, q);
  }
  return q;
}

/** The dominator tree of one code path, numbered so that "a dominates b" is two comparisons. */
interface Dominators {
  readonly pre: Map<Segment, number>;
  readonly post: Map<Segment, number>;
}

function createQueries(rec: Recording): Paths {
  const doms = new Map<CodePath, Dominators>();

  /** `node` itself, or the nearest ancestor that runs in `path` (a callback runs where it is created). */
  const inPath = (node: Node, path: CodePath): Place | undefined => {
    for (let n: Node | undefined = node; n; n = n.parent) {
      const p = rec.places.get(n);
      if (p?.path === path) return p;
    }
    return undefined;
  };

  const dominates = (a: Segment, b: Segment, d: Dominators): boolean => {
    const pa = d.pre.get(a);
    const pb = d.pre.get(b);
    return pa !== undefined && pb !== undefined && pa <= pb && d.post.get(b)! <= d.post.get(a)!;
  };

  const reachableSegments = (s: readonly Segment[]): Segment[] => s.filter((x) => x.reachable);

  return {
    runsBefore(gate, target) {
      const g = rec.places.get(gate);
      const t = g && inPath(target, g.path);
      if (!g || !t) return false;
      if (g === t) return true;
      const d = dominatorsOf(g.path, doms);
      const ts = reachableSegments(t.segments);
      if (ts.length === 0) return false; // Unreachable code: nothing runs before it.
      return ts.every((ts1) =>
        g.segments.some((gs) => (gs === ts1 ? g.seq < t.seq : dominates(gs, ts1, d))),
      );
    },

    reachesFrom(branch, target, gate) {
      const b = rec.places.get(branch);
      const g = rec.places.get(gate);
      const t = b && inPath(target, b.path);
      // Unknown places: assume the branch can get there, which keeps callers conservative.
      if (!b || !g || !t || g.path !== b.path) return true;
      const targets = new Set(t.segments);
      const gates = new Set(g.segments);
      const seen = new Set<Segment>();
      const work: Segment[] = [];
      // The branch's own segments run from the branch's start; the others from their own start.
      const runsTarget = (s: Segment, from: number): boolean => {
        if (!targets.has(s) || t.seq < from) return false;
        if (gates.has(s) && g.seq >= from && g.seq < t.seq) return false;
        const stop = rec.stops.get(s);
        return stop === undefined || t.seq < stop;
      };
      const passes = (s: Segment, from: number): boolean => {
        if (gates.has(s) && g.seq >= from) return false; // Back at the gate: it decides again.
        const stop = rec.stops.get(s);
        return stop === undefined || stop < from;
      };
      for (const s of reachableSegments(b.segments)) {
        if (runsTarget(s, b.seq)) return true;
        seen.add(s);
        if (passes(s, b.seq)) work.push(...s.nextSegments);
      }
      while (work.length > 0) {
        const s = work.pop()!;
        if (seen.has(s)) continue;
        seen.add(s);
        if (runsTarget(s, -1)) return true;
        if (passes(s, -1)) for (const n of s.nextSegments) if (!seen.has(n)) work.push(n);
      }
      return false;
    },

    alwaysRuns(fn, nodes) {
      const path = rec.pathOf.get(fn);
      if (!path) return false;
      const blocked = new Set<Segment>();
      for (const n of nodes) {
        const p = rec.places.get(n);
        if (p?.path === path) for (const s of p.segments) blocked.add(s);
      }
      const finals = new Set(path.finalSegments);
      // Search for a way from the start to an end that avoids every blocked segment.
      const seen = new Set<Segment>();
      const work: Segment[] = [path.initialSegment];
      while (work.length > 0) {
        const s = work.pop()!;
        if (seen.has(s) || blocked.has(s) || !s.reachable) continue;
        seen.add(s);
        if (finals.has(s)) return false;
        work.push(...s.nextSegments);
      }
      return true;
    },
  };
}

/**
 * Dominators of a code path's reachable segments (Cooper, Harvey and Kennedy's iterative algorithm over reverse
 * postorder: near-linear on the reducible graphs JavaScript makes, loops included), then a pre/post numbering of
 * the tree.
 */
function dominatorsOf(path: CodePath, cache: Map<CodePath, Dominators>): Dominators {
  const hit = cache.get(path);
  if (hit) return hit;
  // Postorder by an iterative depth-first search (no recursion: deep nesting cannot overflow the stack).
  const order: Segment[] = [];
  const index = new Map<Segment, number>();
  const visited = new Set<Segment>([path.initialSegment]);
  const stack: { s: Segment; i: number }[] = [{ s: path.initialSegment, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = top.s.nextSegments[top.i++];
    if (next) {
      if (!visited.has(next) && next.reachable) {
        visited.add(next);
        stack.push({ s: next, i: 0 });
      }
    } else {
      stack.pop();
      index.set(top.s, order.length);
      order.push(top.s);
    }
  }
  const root = order.length - 1;
  const idom: number[] = new Array<number>(order.length).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (a < b) a = idom[a]!;
      while (b < a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = root - 1; i >= 0; i--) {
      let best = -1;
      for (const p of order[i]!.prevSegments) {
        const pi = index.get(p);
        if (pi === undefined || idom[pi] === -1) continue;
        best = best === -1 ? pi : intersect(pi, best);
      }
      if (best !== -1 && idom[i] !== best) {
        idom[i] = best;
        changed = true;
      }
    }
  }
  // Number the dominator tree: a dominates b exactly when b's interval nests in a's.
  const children: number[][] = order.map(() => []);
  for (let i = 0; i < root; i++) if (idom[i]! >= 0) children[idom[i]!]!.push(i);
  const pre = new Map<Segment, number>();
  const post = new Map<Segment, number>();
  let clock = 0;
  const walk: { n: number; i: number }[] = [{ n: root, i: 0 }];
  pre.set(order[root]!, clock++);
  while (walk.length > 0) {
    const top = walk[walk.length - 1]!;
    const child = children[top.n]![top.i++];
    if (child !== undefined) {
      pre.set(order[child]!, clock++);
      walk.push({ n: child, i: 0 });
    } else {
      post.set(order[top.n]!, clock++);
      walk.pop();
    }
  }
  const out = { pre, post };
  cache.set(path, out);
  return out;
}
