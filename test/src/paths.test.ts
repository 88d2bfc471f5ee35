/** The code path queries (src/flow/paths.ts): "runs before", "the branch reaches", "every path runs". */
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import type { TSESTree } from '@typescript-eslint/utils';
import { withModel } from '../helpers.js';
import { mergeListeners, pathListeners, pathsOf, type Paths } from '../../src/flow/paths.js';
import plugin from '../../src/index.js';
import type { FunctionNode, Node } from '../../src/types.js';

/** Every node of the program, in source order. */
function nodesOf(program: TSESTree.Program): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [program];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    const kids: Node[] = [];
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      for (const c of (Array.isArray(v) ? v : [v]) as unknown[]) {
        if (c && typeof c === 'object' && typeof (c as Node).type === 'string') kids.push(c as Node);
      }
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

interface Probe {
  readonly paths: Paths;
  /** The call of the function named `name` (the `i`-th one). */
  call(name: string, i?: number): Node;
  /** The `i`-th if statement. */
  ifAt(i: number): TSESTree.IfStatement;
  /** The `i`-th function. */
  fn(i: number): FunctionNode;
}

function probe<T>(code: string, ask: (p: Probe) => T): T {
  return withModel(code, (m) => {
    const nodes = nodesOf(m.file.ast);
    const paths = pathsOf(m.file.ast);
    if (!paths) throw new Error('no code paths recorded');
    const of = <N extends Node>(pred: (n: Node) => boolean, i: number): N => {
      const hit = nodes.filter(pred)[i];
      if (!hit) throw new Error('no such node');
      return hit as N;
    };
    return ask({
      paths,
      call: (name, i = 0) =>
        of((n) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === name, i),
      ifAt: (i) => of((n) => n.type === 'IfStatement', i),
      fn: (i) => of((n) => n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression', i),
    });
  });
}

describe('runsBefore', () => {
  it('orders straight-line code and sees past an early return', () => {
    const r = probe('function f(x) { a(); if (!x) return; t(); }', (p) => [
      p.paths.runsBefore(p.call('a'), p.call('t')),
      p.paths.runsBefore(p.call('t'), p.call('a')),
      p.paths.runsBefore(p.ifAt(0), p.call('t')),
    ]);
    expect(r).toEqual([true, false, true]);
  });

  it('does not count a call in one branch of an if/else, nor one inside a loop that may not run', () => {
    const r = probe('function f(x, xs) { if (x) { g(); } else { h(); } t(); for (const y of xs) { k(); } u(); }', (p) => [
      p.paths.runsBefore(p.call('g'), p.call('t')),
      p.paths.runsBefore(p.call('h'), p.call('t')),
      p.paths.runsBefore(p.call('k'), p.call('u')),
    ]);
    expect(r).toEqual([false, false, false]);
  });

  it('counts a branch for what lies inside it, and the test of a loop for its body', () => {
    const r = probe('function f(x) { if (x) { t(); } while (c()) { u(); } }', (p) => [
      p.paths.runsBefore(p.ifAt(0).consequent, p.call('t')),
      p.paths.runsBefore(p.call('c'), p.call('u')),
    ]);
    expect(r).toEqual([true, true]);
  });

  it('is false in a loop body for a check that comes later in the body', () => {
    const r = probe('function f(xs) { for (const x of xs) { t(); if (!x) continue; u(); } }', (p) => [
      p.paths.runsBefore(p.ifAt(0), p.call('t')),
      p.paths.runsBefore(p.ifAt(0), p.call('u')),
    ]);
    expect(r).toEqual([false, true]);
  });

  it('lets a call anywhere in a try block throw into the catch', () => {
    const r = probe('function f() { try { v(); t(); } catch (e) { u(); } }', (p) => [
      p.paths.runsBefore(p.call('v'), p.call('t')),
      p.paths.runsBefore(p.call('v'), p.call('u')),
    ]);
    expect(r).toEqual([true, false]);
  });

  it('places an inline callback where it is created', () => {
    const r = probe('function f(xs) { g(); xs.map(() => t()); xs.map(() => h()); u(); }', (p) => [
      p.paths.runsBefore(p.call('g'), p.call('t')),
      p.paths.runsBefore(p.call('h'), p.call('u')),
    ]);
    expect(r).toEqual([true, false]);
  });

  it('is false for unreachable code', () => {
    expect(probe('function f() { a(); return; t(); }', (p) => p.paths.runsBefore(p.call('a'), p.call('t')))).toBe(false);
  });
});

describe('reachesFrom', () => {
  it('is false for a branch that returns, throws, or calls ctx.throw / redirect', () => {
    const code = `function f(x, ctx) {
      if (!x) { return 1; } t();
      if (!x) throw new Error(); t();
      if (!x) { ctx.throw(401); } t();
      if (!x) redirect('/login'); t();
    }`;
    const r = probe(code, (p) => [0, 1, 2, 3].map((i) => p.paths.reachesFrom(p.ifAt(i).consequent, p.call('t', i), p.ifAt(i))));
    expect(r).toEqual([false, false, false, false]);
  });

  it('is true for a branch that answers without returning', () => {
    const code = 'function f(x, res) { if (!x) { res.status(401).json({}); } t(); }';
    expect(probe(code, (p) => p.paths.reachesFrom(p.ifAt(0).consequent, p.call('t'), p.ifAt(0)))).toBe(true);
  });

  it('follows break out of a loop, but not continue back to the check', () => {
    const code = `function f(xs) {
      for (const x of xs) { if (!x) continue; t(); }
      while (g()) { if (!h()) break; }
      t();
    }`;
    const r = probe(code, (p) => [
      p.paths.reachesFrom(p.ifAt(0).consequent, p.call('t', 0), p.ifAt(0)),
      p.paths.reachesFrom(p.ifAt(1).consequent, p.call('t', 1), p.ifAt(1)),
    ]);
    expect(r).toEqual([false, true]);
  });

  it('is true when the target is inside the branch before its exit', () => {
    const code = 'function f(x) { if (!x) { t(); return; } }';
    expect(probe(code, (p) => p.paths.reachesFrom(p.ifAt(0).consequent, p.call('t'), p.ifAt(0)))).toBe(true);
  });
});

describe('alwaysRuns', () => {
  it('is false when a path returns first, true when both branches run one', () => {
    const r = probe(
      `function a(req, res, next) { if (!req.user) return res.end(); next(); }
       function b(req, res, next) { if (req.user) next(); else next(); }
       function c(req, res, next) { try { v(); next(); } catch (e) { res.end(); } }`,
      (p) => [
        p.paths.alwaysRuns(p.fn(0), [p.call('next', 0)]),
        p.paths.alwaysRuns(p.fn(1), [p.call('next', 1), p.call('next', 2)]),
        p.paths.alwaysRuns(p.fn(2), [p.call('next', 3)]),
      ],
    );
    expect(r).toEqual([false, true, false]);
  });

  it('ignores calls in nested functions, which run when those are called', () => {
    const code = 'function a(req, res, next) { verify(req, () => next()); }';
    expect(probe(code, (p) => p.paths.alwaysRuns(p.fn(0), [p.call('next')]))).toBe(false);
  });
});

describe('big inputs', () => {
  it('answers over 40 sequential if/else blocks without enumerating paths', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => `if (x${i}) { g${i}(); } else { h${i}(); }`).join('\n');
    const code = `function f(${Array.from({ length: 40 }, (_, i) => `x${i}`).join(', ')}) {\n a();\n${blocks}\n if (!ok()) return;\n t();\n}`;
    const r = probe(code, (p) => ({
      first: p.paths.runsBefore(p.call('a'), p.call('t')),
      ifs: Array.from({ length: 40 }, (_, i) => p.paths.runsBefore(p.ifAt(i), p.call('t'))).every(Boolean),
      branches: Array.from({ length: 40 }, (_, i) => p.paths.runsBefore(p.call(`g${i}`), p.call('t'))).some(Boolean),
      check: p.paths.reachesFrom(p.ifAt(40).consequent, p.call('t'), p.ifAt(40)),
    }));
    expect(r).toEqual({ first: true, ifs: true, branches: false, check: false });
  });

  it('answers over 40 nested loops with a check at the bottom', () => {
    const open = Array.from({ length: 40 }, (_, i) => `for (const y${i} of xs) {`).join('\n');
    const code = `function f(xs) {\n${open}\n if (!ok()) continue;\n t();\n${'}'.repeat(40)}\n u();\n}`;
    const r = probe(code, (p) => [
      p.paths.runsBefore(p.ifAt(0), p.call('t')),
      p.paths.reachesFrom(p.ifAt(0).consequent, p.call('t'), p.ifAt(0)),
      p.paths.runsBefore(p.ifAt(0), p.call('u')),
    ]);
    expect(r).toEqual([true, false, false]);
  });
});

describe('recording', () => {
  it('gives no answers for a file no recorder saw', () => {
    let seen: Paths | undefined | null = null;
    new Linter({ configType: 'flat' }).verify('a();', [
      {
        plugins: {
          p: {
            rules: {
              r: {
                create: (context) => ({
                  'Program:exit'() {
                    seen = pathsOf(context.sourceCode.ast as never);
                  },
                }),
              },
            },
          },
        },
        rules: { 'p/r': 'error' },
      },
    ]);
    expect(seen).toBeUndefined();
  });

  it('records once per file: a second recorder for the same file adds no listeners', () => {
    expect(withModel('a();', (m) => Object.keys(pathListeners(m.file.sourceCode as never)).length)).toBe(0);
  });

  it('serves every rule of one lint from the recording the first one made', () => {
    const code = `
import express from 'express';
import crypto from 'node:crypto';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const given = Buffer.from(String(req.headers['x-api-key']));
  const expected = Buffer.from(String(process.env.API_KEY));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.sendStatus(401);
  const r = await openai.responses.create({ model: 'gpt-4o', input: String(req.body.q) });
  res.json({ text: r.output_text });
});
`;
    const lint = (ruleIds: string[]) =>
      new Linter({ configType: 'flat' })
        .verify(code, [
          {
            files: ['**/*.js'],
            plugins: { 'llm-leak': plugin as never },
            rules: Object.fromEntries(ruleIds.map((id) => [`llm-leak/${id}`, 'error'])),
          },
        ], 'app.js')
        .map((m) => m.ruleId ?? m.message);
    // Each rule alone, and both together in either order: no reports, so both got their answers.
    expect(lint(['require-auth-for-llm-route'])).toEqual([]);
    expect(lint(['timing-safe-compare'])).toEqual([]);
    expect(lint(['timing-safe-compare', 'require-auth-for-llm-route'])).toEqual([]);
    expect(lint(['require-auth-for-llm-route', 'timing-safe-compare'])).toEqual([]);
  });

  it('merges listeners that share a key, the rule first', () => {
    const calls: string[] = [];
    const merged = mergeListeners({ Program: () => calls.push('rule') }, { Program: () => calls.push('recorder'), Identifier: () => calls.push('id') }) as Record<string, () => void>;
    merged.Program!();
    merged.Identifier!();
    expect(calls).toEqual(['rule', 'recorder', 'id']);
  });
});

describe('the recording replayed from ESLint\'s traversal steps', () => {
  const CODE = `
async function handler(ctx, next) {
  if (!ctx.state.user) ctx.throw(401);
  try {
    check(ctx);
    await save(ctx);
  } catch (e) {
    log(e);
    if (e.fatal) throw e;
  } finally {
    done();
  }
  for (const x of ctx.items) { if (x.bad) continue; use(x); }
  while (ctx.more) { if (ctx.stop) break; step(); }
  const inner = () => { guard(); act(); };
  switch (ctx.kind) { case 1: one(); break; default: other(); }
  ctx.ok ? yes() : no();
  return answer(await next());
}
function redirectFirst() { if (!auth()) redirect('/login'); secret(); }
`;

  /** For every pair of calls, every if and every function: the answers of the three queries, as text. */
  function answers(paths: Paths, program: TSESTree.Program): string[] {
    const nodes = nodesOf(program);
    const calls = nodes.filter((n) => n.type === 'CallExpression');
    const ifs = nodes.filter((n): n is TSESTree.IfStatement => n.type === 'IfStatement');
    const fns = nodes.filter((n): n is FunctionNode => n.type === 'FunctionDeclaration' || n.type === 'ArrowFunctionExpression');
    const out: string[] = [];
    for (const a of calls) for (const b of calls) out.push(`before ${a.range[0]} ${b.range[0]} ${paths.runsBefore(a, b)}`);
    for (const i of ifs) for (const b of calls) out.push(`reaches ${i.range[0]} ${b.range[0]} ${paths.reachesFrom(i.consequent, b, i)}`);
    for (const f of fns) for (const c of calls) out.push(`always ${f.range[0]} ${c.range[0]} ${paths.alwaysRuns(f, [c])}`);
    return out;
  }

  /** The answers from a lint of CODE, with the recorder made while traversing (eager) or replayed when asked. */
  function lintWith(eager: boolean): string[] {
    let out: string[] = [];
    new Linter({ configType: 'flat' }).verify(CODE, [
      {
        plugins: {
          p: {
            rules: {
              r: {
                create(context) {
                  const ast = context.sourceCode.ast as unknown as TSESTree.Program;
                  // A SourceCode without `traverse` (as an older ESLint's) gets the recorder's listeners.
                  const recorder = pathListeners((eager ? { ast } : context.sourceCode) as never);
                  expect(Object.keys(recorder).length > 0).toBe(eager);
                  return mergeListeners(recorder, {
                    'Program:exit'() {
                      out = answers(pathsOf(ast)!, ast);
                    },
                  }) as never;
                },
              },
            },
          },
        },
        rules: { 'p/r': 'error' },
      },
    ]);
    return out;
  }

  it('answers every query as the recording made while ESLint traverses the file', () => {
    const replayed = lintWith(false);
    const eager = lintWith(true);
    expect(replayed.length).toBeGreaterThan(400);
    // Both kinds of answer occur for each query, so the comparison is not between two constant lists.
    for (const q of ['before', 'reaches', 'always']) {
      expect(replayed.some((a) => a.startsWith(q) && a.endsWith('true'))).toBe(true);
      expect(replayed.some((a) => a.startsWith(q) && a.endsWith('false'))).toBe(true);
    }
    expect(replayed).toEqual(eager);
  });
});
