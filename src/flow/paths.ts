/**
 * "Does X run on every path before Y": answered from ESLint's code path analysis. A recorder listens to the public
 * `onCodePath*` events while a file is linted and notes, for every node, the code path segments it runs in; the
 * queries run at `Program:exit` (where every rule asks the model) over the finished segment graph.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS } from '../ast.js';
import type { FunctionNode, Node } from '../types.js';
import { ops } from '../counters.js';

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

/**
 * Where nodes run, stored cheaply: each node's traversal number, and the (segments, path) pair only where it changes
 * from the previous node's, since most consecutive nodes share both. `get` rebuilds the Place.
 */
class Places {
  private readonly seqOf = new Map<Node, number>();
  private readonly changes: { readonly at: number; readonly segments: readonly Segment[]; readonly path: CodePath }[] = [];
  /** Places built for queried nodes, so one node always answers with the same object. */
  private readonly built = new Map<Node, Place>();

  /** Notes that `node`, number `at`, runs in `segments` of `path` (numbers only grow). */
  add(node: Node, at: number, segments: readonly Segment[], path: CodePath): void {
    this.seqOf.set(node, at);
    const last = this.changes[this.changes.length - 1];
    if (!last || last.segments !== segments || last.path !== path) this.changes.push({ at, segments, path });
  }

  /** The place of a recorded node. */
  get(node: Node): Place | undefined {
    const hit = this.built.get(node);
    if (hit) return hit;
    const at = this.seqOf.get(node);
    if (at === undefined) return undefined;
    // The last change at or before `at`.
    let lo = 0;
    let hi = this.changes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.changes[mid]!.at <= at) lo = mid;
      else hi = mid - 1;
    }
    const c = this.changes[lo]!;
    const place = { segments: c.segments, path: c.path, seq: at };
    this.built.set(node, place);
    return place;
  }
}

interface Recording {
  readonly places: Places;
  /** Set when a recorder listener failed: the answers would be wrong, so there are none (callers stay conservative). */
  broken: boolean;
  /** Per segment, the traversal number after which it stops: a call that never returns ran there. */
  readonly stops: Map<Segment, number>;
  /** The code path each function (and Program) starts. */
  readonly pathOf: Map<Node, CodePath>;
  /**
   * Edges code path analysis leaves out: it enters a `catch` only from the end of its `try` block and from `throw`
   * statements, but any call in the block can throw. The catch is entered from the point where the block starts
   * (mid-segment, so the segment is split there) and from the end of every segment inside the block.
   */
  readonly catches: Map<CodePath, CatchEdges[]>;
}

/** Where a `try` block can throw to its catch. */
interface CatchEdges {
  /** The segments current when the block starts, and the traversal number of the block. */
  readonly start: readonly Segment[];
  readonly at: number;
  /** Segments that start inside the block. */
  readonly inner: ReadonlySet<Segment>;
  readonly to: readonly Segment[];
}

/** A `try` block being walked. */
interface TryBlock {
  readonly node: Node;
  readonly start: readonly Segment[];
  readonly at: number;
  readonly inner: Set<Segment>;
}

const recordings = new WeakMap<TSESTree.Program, Recording>();

type Listeners = TSESLint.RuleListener;

/**
 * ESLint's traversal of a file (SourceCode#traverse, ESLint 9 and 10: computed once, before any rule runs, and
 * cached), as @eslint/plugin-kit's steps: a node entered (kind 1, phase 1) or left (phase 2), or a code path event
 * (kind 2, `target` its name).
 */
interface TraversalStep {
  readonly kind: number;
  readonly target: unknown;
  readonly phase?: number;
  readonly args: readonly unknown[];
}

/** Files whose recording is made from ESLint's own traversal steps when a query first asks (see pathListeners). */
const deferred = new WeakMap<TSESTree.Program, () => readonly TraversalStep[]>();

/**
 * The recorder's listeners for the file `sourceCode` holds, or an empty object when another rule already records
 * it, or when the recording can wait: with SourceCode#traverse, the recording is replayed from ESLint's steps the
 * first time a query asks (most files never ask: no per-node listener runs for them).
 */
export function pathListeners(sourceCode: Readonly<TSESLint.SourceCode>): Listeners {
  const ast = sourceCode.ast;
  if (recordings.has(ast) || deferred.has(ast)) return {};
  const traverse = (sourceCode as { traverse?: () => readonly TraversalStep[] }).traverse;
  if (typeof traverse === 'function') {
    deferred.set(ast, () => traverse.call(sourceCode));
    return {};
  }
  const { rec, listeners } = recorder();
  recordings.set(ast, rec);
  return listeners;
}

/** The recording made by replaying ESLint's traversal steps through the recorder's listeners, in their order. */
function replay(steps: readonly TraversalStep[]): Recording {
  const { rec, listeners } = recorder();
  const handlers = listeners as unknown as Record<string, ((a: unknown, b: unknown, c: unknown) => void) | undefined>;
  const enter = handlers['*']!;
  const blockExit = handlers['BlockStatement:exit']!;
  const callExit = handlers['CallExpression:exit']!;
  for (const step of steps) {
    if (rec.broken) break;
    if (step.kind === 1) {
      const node = step.target as Node;
      if (step.phase === 1) enter(node, undefined, undefined);
      else if (node.type === AST_NODE_TYPES.BlockStatement) blockExit(node, undefined, undefined);
      else if (node.type === AST_NODE_TYPES.CallExpression) callExit(node, undefined, undefined);
    } else if (step.kind === 2 && typeof step.target === 'string') {
      handlers[step.target]?.(step.args[0], step.args[1], step.args[2]);
    }
  }
  return rec;
}

/** A new recording and the listeners that fill it, each guarded (a failure marks the recording broken). */
function recorder(): { rec: Recording; listeners: Listeners } {
  const rec: Recording = { places: new Places(), broken: false, stops: new Map(), pathOf: new Map(), catches: new Map() };
  // ESLint 9 removed `currentSegments`: each code path's current segments are tracked from the segment events.
  // The array is replaced, never mutated, so every node entered between two events shares it.
  const stack: { path: CodePath; node: Node; current: readonly Segment[]; tries: TryBlock[] }[] = [];
  /** `try` blocks whose catch has not been entered yet, by TryStatement. */
  const walked = new Map<Node, TryBlock>();
  let seq = 0;
  const start = (segment: Segment): void => {
    const top = stack[stack.length - 1];
    if (!top) return;
    top.current = [...top.current, segment];
    top.tries[top.tries.length - 1]?.inner.add(segment);
  };
  const end = (segment: Segment): void => {
    const top = stack[stack.length - 1];
    if (top) top.current = top.current.filter((s) => s !== segment);
  };
  const listeners = {
    onCodePathStart(path: CodePath, node: Node) {
      stack.push({ path, node, current: [], tries: [] });
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
      const at = seq++;
      rec.places.add(node, at, top.current, top.path);
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.TryStatement && parent.handler) {
        if (parent.block === node) {
          const block: TryBlock = { node: parent, start: top.current, at, inner: new Set() };
          top.tries.push(block);
          walked.set(parent, block);
        } else if (parent.handler === node) {
          const block = walked.get(parent);
          walked.delete(parent);
          if (!block) return;
          const list = rec.catches.get(top.path) ?? rec.catches.set(top.path, []).get(top.path)!;
          list.push({ start: block.start, at: block.at, inner: block.inner, to: top.current });
        }
      }
    },
    'BlockStatement:exit'(node: TSESTree.BlockStatement) {
      const top = stack[stack.length - 1];
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.TryStatement && parent.block === node && top?.tries[top.tries.length - 1]?.node === parent) {
        top.tries.pop();
      }
    },
    'CallExpression:exit'(node: TSESTree.CallExpression) {
      if (!neverReturns(node)) return;
      const top = stack[stack.length - 1];
      // Code path analysis does not know calls that always throw: the segment stops after this one.
      for (const s of top?.current ?? []) if (!rec.stops.has(s)) rec.stops.set(s, seq);
    },
  };
  // The recorder never throws into the lint: a failure marks the recording broken (one closure per handler, so each
  // call site stays monomorphic; this runs once per node).
  const safe: Record<string, (a: unknown, b: unknown, c: unknown) => void> = {};
  for (const [key, handler] of Object.entries(listeners)) {
    const f = handler as (a: unknown, b: unknown, c: unknown) => void;
    safe[key] = (a, b, c) => {
      if (rec.broken) return;
      try {
        f(a, b, c);
      } catch {
        rec.broken = true;
      }
    };
  }
  return { rec, listeners: safe as unknown as Listeners };
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
  let rec = recordings.get(ast);
  const steps = rec ? undefined : deferred.get(ast);
  if (steps) {
    try {
      rec = replay(steps());
    } catch {
      rec = { places: new Places(), broken: true, stops: new Map(), pathOf: new Map(), catches: new Map() };
    }
    recordings.set(ast, rec);
  }
  if (!rec || rec.broken) return undefined;
  let q = queries.get(rec);
  if (!q) {
    q = createQueries(rec);
    queries.set(rec, q);
  }
  return q;
}

/**
 * One code path as a graph of numbered vertices: ESLint's reachable segments, each split where a `try` block starts
 * inside it, with the edges into catches added; then its dominator tree.
 */
interface Graph {
  /** A segment's vertices, and the traversal numbers where its second, third, ... vertex start. */
  readonly parts: Map<Segment, { readonly first: number; readonly splits: readonly number[] }>;
  readonly next: number[][];
  /** The traversal number at which a vertex stops (a call that never returns), if it does. */
  readonly stopAt: Map<number, number>;
  readonly initial: number;
  readonly finals: ReadonlySet<number>;
  /** Dominator tree numbering: a dominates b exactly when b's interval nests in a's. */
  readonly pre: number[];
  readonly post: number[];
}

function createQueries(rec: Recording): Paths {
  const graphs = new Map<CodePath, Graph>();
  const graph = (path: CodePath): Graph => {
    let g = graphs.get(path);
    if (!g) {
      g = buildGraph(rec, path);
      graphs.set(path, g);
    }
    return g;
  };

  /** `node` itself, or the nearest ancestor that runs in `path` (a callback runs where it is created). */
  const inPath = (node: Node, path: CodePath): Place | undefined => {
    for (let n: Node | undefined = node; n; n = n.parent) {
      const p = rec.places.get(n);
      if (p?.path === path) return p;
    }
    return undefined;
  };

  /** The vertices a place runs in (none when unreachable). */
  const vertices = (g: Graph, place: Place): number[] => {
    const out: number[] = [];
    for (const s of place.segments) {
      const part = g.parts.get(s);
      if (!part) continue;
      let i = 0;
      while (i < part.splits.length && part.splits[i]! <= place.seq) i++;
      out.push(part.first + i);
    }
    return out;
  };

  /**
   * Where control goes from the start of a branch until it meets the gate again: the branch's own vertices (entered
   * mid-way) and the vertices entered from their start. One search per branch, whatever the number of targets.
   */
  const searches = new Map<Place, Map<Place, { starts: Set<number>; entered: Set<number> }>>();
  const reached = (g: Graph, bp: Place, gp: Place, gates: ReadonlySet<number>): { starts: Set<number>; entered: Set<number> } => {
    const byGate = searches.get(bp) ?? searches.set(bp, new Map()).get(bp)!;
    const hit = byGate.get(gp);
    if (hit) return hit;
    const passes = (v: number, from: number): boolean => {
      if (gates.has(v) && gp.seq >= from) return false; // Back at the gate: it decides again.
      const stop = g.stopAt.get(v);
      return stop === undefined || stop < from;
    };
    const starts = new Set(vertices(g, bp));
    const entered = new Set<number>();
    const work: number[] = [];
    for (const v of starts) if (passes(v, bp.seq)) work.push(...g.next[v]!);
    while (work.length > 0) {
      const v = work.pop()!;
      if (entered.has(v)) continue;
      entered.add(v);
      ops.pathSteps++;
      if (passes(v, -1)) for (const n of g.next[v]!) if (!entered.has(n)) work.push(n);
    }
    const out = { starts, entered };
    byGate.set(gp, out);
    return out;
  };

  const dominates = (g: Graph, a: number, b: number): boolean =>
    g.pre[a]! >= 0 && g.pre[b]! >= 0 && g.pre[a]! <= g.pre[b]! && g.post[b]! <= g.post[a]!;

  return {
    runsBefore(gate, target) {
      const gp = rec.places.get(gate);
      const tp = gp && inPath(target, gp.path);
      if (!gp || !tp) return false;
      if (gp === tp) return true;
      const g = graph(gp.path);
      const gs = vertices(g, gp);
      const ts = vertices(g, tp);
      if (ts.length === 0) return false; // Unreachable code: nothing runs before it.
      return ts.every((t) => gs.some((v) => (v === t ? gp.seq < tp.seq : dominates(g, v, t))));
    },

    reachesFrom(branch, target, gate) {
      const bp = rec.places.get(branch);
      const gp = rec.places.get(gate);
      const tp = bp && inPath(target, bp.path);
      // Unknown places: assume the branch can get there, which keeps callers conservative.
      if (!bp || !gp || !tp || gp.path !== bp.path) return true;
      const g = graph(bp.path);
      const gates = new Set(vertices(g, gp));
      const { starts, entered } = reached(g, bp, gp, gates);
      // Inside a vertex, a target runs if control came in before it and nothing (the gate, a stop) ends it first.
      const runsTarget = (v: number, from: number): boolean => {
        if (tp.seq < from) return false;
        if (gates.has(v) && gp.seq >= from && gp.seq < tp.seq) return false;
        const stop = g.stopAt.get(v);
        return stop === undefined || tp.seq < stop;
      };
      return vertices(g, tp).some((v) => (entered.has(v) && runsTarget(v, -1)) || (starts.has(v) && runsTarget(v, bp.seq)));
    },

    alwaysRuns(fn, nodes) {
      const path = rec.pathOf.get(fn);
      if (!path) return false;
      const g = graph(path);
      const blocked = new Set<number>();
      for (const n of nodes) {
        const p = rec.places.get(n);
        if (p?.path === path) for (const v of vertices(g, p)) blocked.add(v);
      }
      // Search for a way from the start to an end that avoids every blocked vertex.
      const seen = new Set<number>();
      const work: number[] = [g.initial];
      while (work.length > 0) {
        const v = work.pop()!;
        if (seen.has(v) || blocked.has(v)) continue;
        seen.add(v);
        ops.pathSteps++;
        if (g.finals.has(v)) return false;
        work.push(...g.next[v]!);
      }
      return true;
    },
  };
}

function buildGraph(rec: Recording, path: CodePath): Graph {
  // The reachable segments, in the order an iterative search meets them (deep nesting cannot overflow the stack).
  const innerTo = new Map<Segment, Segment[]>();
  const splitTo = new Map<Segment, { at: number; to: readonly Segment[] }[]>();
  for (const c of rec.catches.get(path) ?? []) {
    for (const s of c.inner) for (const t of c.to) if (t !== s) (innerTo.get(s) ?? innerTo.set(s, []).get(s)!).push(t);
    for (const s of c.start) (splitTo.get(s) ?? splitTo.set(s, []).get(s)!).push({ at: c.at, to: c.to });
  }
  const segments: Segment[] = [];
  const seen = new Set<Segment>([path.initialSegment]);
  const todo: Segment[] = [path.initialSegment];
  while (todo.length > 0) {
    const s = todo.pop()!;
    segments.push(s);
    const out = [...s.nextSegments, ...(innerTo.get(s) ?? []), ...(splitTo.get(s) ?? []).flatMap((x) => x.to)];
    for (const n of out) {
      if (n.reachable && !seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  // Number the vertices: a segment split at k places has k + 1 vertices in a row.
  const parts = new Map<Segment, { first: number; splits: number[] }>();
  let count = 0;
  for (const s of segments) {
    const splits = [...new Set((splitTo.get(s) ?? []).map((x) => x.at))].sort((a, b) => a - b);
    parts.set(s, { first: count, splits });
    count += splits.length + 1;
  }
  const next: number[][] = Array.from({ length: count }, () => []);
  const last = (s: Segment): number => parts.get(s)!.first + parts.get(s)!.splits.length;
  for (const s of segments) {
    const { first, splits } = parts.get(s)!;
    for (let i = 0; i < splits.length; i++) next[first + i]!.push(first + i + 1);
    for (const n of s.nextSegments) if (parts.has(n)) next[last(s)]!.push(parts.get(n)!.first);
    for (const n of innerTo.get(s) ?? []) if (parts.has(n)) next[last(s)]!.push(parts.get(n)!.first);
    // A try block starting mid-segment: its catch is entered from just before the block, not from the segment's end.
    for (const { at, to } of splitTo.get(s) ?? []) {
      const before = first + splits.indexOf(at);
      for (const n of to) if (parts.has(n)) next[before]!.push(parts.get(n)!.first);
    }
  }
  const stopAt = new Map<number, number>();
  for (const s of segments) {
    const stop = rec.stops.get(s);
    if (stop === undefined) continue;
    const { first, splits } = parts.get(s)!;
    let i = 0;
    while (i < splits.length && splits[i]! <= stop - 1) i++;
    stopAt.set(first + i, stop);
  }
  const finals = new Set<number>();
  for (const s of path.finalSegments) if (parts.has(s)) finals.add(last(s));
  const { pre, post } = dominatorTree(next, 0);
  return { parts, next, stopAt, initial: 0, finals, pre, post };
}

/**
 * Dominators by Cooper, Harvey and Kennedy's iterative algorithm over reverse postorder (near-linear on the
 * reducible graphs JavaScript makes, loops included), then a pre/post numbering of the tree.
 */
function dominatorTree(next: readonly (readonly number[])[], root: number): { pre: number[]; post: number[] } {
  const n = next.length;
  const prev: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) for (const w of next[v]!) prev[w]!.push(v);
  // Postorder numbers by an iterative depth-first search.
  const po = new Array<number>(n).fill(-1);
  const order: number[] = [];
  const visited = new Uint8Array(n);
  visited[root] = 1;
  const stack: { v: number; i: number }[] = [{ v: root, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const w = next[top.v]![top.i++];
    if (w !== undefined) {
      if (!visited[w]) {
        visited[w] = 1;
        stack.push({ v: w, i: 0 });
      }
    } else {
      stack.pop();
      po[top.v] = order.length;
      order.push(top.v);
    }
  }
  const r = order.length - 1;
  const idom = new Array<number>(order.length).fill(-1);
  idom[r] = r;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (a < b) a = idom[a]!;
      while (b < a) b = idom[b]!;
      if (!(a >= 0 && b >= 0)) return r; // Defensive: a chain through an unnumbered vertex.
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = r - 1; i >= 0; i--) {
      let best = -1;
      for (const p of prev[order[i]!]!) {
        ops.pathSteps++;
        const pi = po[p]!;
        if (pi < 0 || idom[pi] === -1) continue;
        best = best === -1 ? pi : intersect(pi, best);
      }
      if (best !== -1 && idom[i] !== best) {
        idom[i] = best;
        changed = true;
      }
    }
  }
  const children: number[][] = order.map(() => []);
  for (let i = 0; i < r; i++) if (idom[i]! >= 0) children[idom[i]!]!.push(i);
  const pre = new Array<number>(n).fill(-1);
  const post = new Array<number>(n).fill(-1);
  let clock = 0;
  pre[order[r]!] = clock++;
  const walk: { i: number; k: number }[] = [{ i: r, k: 0 }];
  while (walk.length > 0) {
    const top = walk[walk.length - 1]!;
    const c = children[top.i]![top.k++];
    if (c !== undefined) {
      pre[order[c]!] = clock++;
      walk.push({ i: c, k: 0 });
    } else {
      post[order[top.i]!] = clock++;
      walk.pop();
    }
  }
  return { pre, post };
}
