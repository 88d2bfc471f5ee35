/** The parts of the origin analysis, each on its own: the memo, the function index, literal reads and value operations. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { functionIndexOf } from '../../src/flow/function-index.js';
import { createMemo } from '../../src/flow/memo.js';
import { createLiteralReader } from '../../src/flow/object-literals.js';
import { specialCallsOf } from '../../src/flow/origin-specials.js';
import { createValueOps, handle, type Val } from '../../src/flow/origin-values.js';
import { readSettings } from '../../src/settings.js';
import type { FunctionNode, LlmCall, Node } from '../../src/types.js';
import { textOf, withModel } from '../helpers.js';

describe('the memo', () => {
  it('computes each key once and answers a cycle with what is known so far', () => {
    const m = createMemo<string>();
    const a = {};
    const b = {};
    let computed = 0;
    const ask = (key: object): string[] =>
      m.memo(key, () => {
        computed++;
        // a needs b, b needs a: the inner question about a sees the cycle and gets [].
        return key === a ? ['a', ...ask(b)] : ['b', ...ask(a)];
      });
    expect(m.top(() => ask(a))).toEqual(['a', 'b']);
    expect(computed).toBe(2);
    // b's answer was provisional (it depended on a, still open): dropped after the top question, so asking b
    // alone recomputes it, and sees a's final answer.
    expect(m.top(() => ask(b))).toEqual(['b', 'a', 'b']);
    expect(m.top(() => ask(a))).toEqual(['a', 'b']);
  });

  it('stops past its depth limit instead of overflowing the stack', () => {
    const m = createMemo<number>(50);
    const keys = Array.from({ length: 200 }, () => ({}));
    const chain = (i: number): number[] => m.memo(keys[i]!, () => (i === 199 ? [i] : chain(i + 1)));
    expect(m.top(() => chain(0))).toEqual([]);
    expect(m.keyFor('x', keys[0]!)).toBe(m.keyFor('x', keys[0]!));
    expect(m.keyFor('x', keys[0]!)).not.toBe(m.keyFor('y', keys[0]!));
  });
});

describe('the function index', () => {
  it('lists the returns of each function and its same-file call sites', () => {
    const code = `
      function pick(x) { if (x) return a; return b; }
      const arrow = (y) => y.z;
      pick(1); pick(2); arrow(3); other(4);
      function inner() { return () => { return nested; }; }
    `;
    const out = withModel(code, (m) => {
      const idx = functionIndexOf(m.file);
      const fns = m.file.ast.body.flatMap((s) =>
        s.type === AST_NODE_TYPES.FunctionDeclaration ? [s] : s.type === AST_NODE_TYPES.VariableDeclaration ? [s.declarations[0]!.init as FunctionNode] : [],
      );
      return fns.map((fn) => ({
        returns: idx.returnsOf(fn).map((n) => textOf(code, n)),
        sites: idx.callSitesOf(fn).map((c) => textOf(code, c)),
      }));
    });
    expect(out).toEqual([
      { returns: ['a', 'b'], sites: ['pick(1)', 'pick(2)'] },
      { returns: ['y.z'], sites: ['arrow(3)'] },
      { returns: ['() => { return nested; }'], sites: [] },
    ]);
  });
});

describe('literal reads', () => {
  it('reads a never-mutated const literal, nested literals and static member keys; not a mutated one', () => {
    const code = `
      const config = { name: 'x', stripe: { key: k } };
      const changed = { a: 1 };
      changed.a = 2;
      const KEY = 'name';
      config.stripe.key, config[KEY], changed.a, arr[0];
    `;
    const out = withModel(code, (m) => {
      const r = createLiteralReader(m.file.sourceCode);
      const last = m.file.ast.body[m.file.ast.body.length - 1] as TSESTree.ExpressionStatement;
      const reads = (last.expression as TSESTree.SequenceExpression).expressions as TSESTree.MemberExpression[];
      return reads.map((e) => {
        const lit = r.objectLiteralOf(e.object, 0);
        const key = r.memberKey(e);
        const value = lit && typeof key === 'string' ? r.literalValue(lit, key) : undefined;
        return [key, value ? textOf(code, value) : value === null ? null : 'unknown'];
      });
    });
    expect(out).toEqual([
      ['key', 'k'],
      ['name', "'x'"],
      ['a', 'unknown'],
      [0, 'unknown'],
    ]);
  });
});

describe('value operations', () => {
  const call = { provider: 'openai', textPaths: [['choices', '*', 'message', 'content']] } as unknown as LlmCall;
  const ops = createValueOps(readSettings({}));

  it('reads model results by path, telling text from the rest', () => {
    const whole = [ops.llmVal(call, [])];
    const text = ops.member(ops.member(ops.element(ops.member(whole, 'choices')), 'message'), 'content');
    expect(text).toEqual([{ kind: 'llm', call, path: ['choices', '*', 'message', 'content'], text: true }]);
    expect(ops.member(whole, 'usage')).toEqual([{ kind: 'llm', call, path: ['usage'], text: false }]);
  });

  it('follows request objects and names headers; env reads are secrets only by their name; lengths carry nothing', () => {
    const req: Val[] = [handle('req')];
    expect(ops.member(ops.member(req, 'headers'), 'X-Request-Id')).toEqual([{ kind: 'request', part: 'headers', name: 'x-request-id' }]);
    // A field named like a secret is also a secret: the documented last-resort name heuristic.
    expect(ops.member(ops.member(req, 'headers'), 'X-Api-Key')).toEqual([
      { kind: 'request', part: 'headers', name: 'x-api-key' },
      { kind: 'secret', name: 'X-Api-Key' },
    ]);
    const env = ops.member([handle('process')], 'env');
    expect(ops.member(env, 'OPENAI_API_KEY')).toEqual([{ kind: 'secret', name: 'OPENAI_API_KEY' }]);
    expect(ops.member(env, 'PORT')).toEqual([]);
    expect(ops.member(ops.member(req, 'body'), 'length')).toEqual([]);
  });

  it('keeps an HMAC through update() and turns digest() into a keyed digest; unions drop duplicates', () => {
    const hmac = handle('hmac');
    expect(ops.handleCall(hmac, 'update', [])).toEqual([hmac]);
    expect(ops.handleCall(hmac, 'digest', [])).toEqual([{ kind: 'digest', keyed: true }]);
    expect(ops.union([{ kind: 'error' }], [{ kind: 'error' }, hmac])).toEqual([{ kind: 'error' }, hmac]);
  });
});

describe('calls known through imports', () => {
  it('recognises basic-auth, createHash and createHmac, in ESM and CommonJS', () => {
    const esm = `
      import auth from 'basic-auth';
      import { createHash, createHmac } from 'node:crypto';
      auth(req); createHash('sha256'); createHmac('sha256', k); other();
    `;
    const kinds = (code: string, sourceType: 'module' | 'commonjs') =>
      withModel(code, (m) => [...specialCallsOf(m.file)].map(([n, v]) => `${textOf(code, n as Node).split('(')[0]}:${JSON.stringify(v)}`), { sourceType });
    expect(kinds(esm, 'module').sort()).toEqual([
      'auth:[{"kind":"request","part":"auth"}]',
      'createHash:[{"kind":"handle","h":"hasher"}]',
      'createHmac:[{"kind":"handle","h":"hmac"}]',
    ]);
    const cjs = "const crypto = require('crypto'); const basic = require('basic-auth'); basic.parse(h); crypto.createHmac('sha1', k);";
    expect(kinds(cjs, 'commonjs').sort()).toEqual(['basic.parse:[{"kind":"request","part":"auth"}]', 'crypto.createHmac:[{"kind":"handle","h":"hmac"}]']);
  });
});
