import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { textOf, withModel } from '../helpers.js';
import { leafValues } from '../../src/flow/leaves.js';

/** Leaf texts of each `probe(expr)` argument; with `follow`, parameters open into their call sites' arguments. */
const leaves = (code: string, follow: boolean, sourceType?: 'module' | 'commonjs') =>
  withModel(
    code,
    (m) =>
      m.file.index.calls
        .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
        .map((c) => leafValues(m.file.sourceCode, c.arguments[0]!, follow ? m.file : undefined).map((n) => textOf(code, n))),
    { sourceType },
  );

describe('leaf values', () => {
  it('splits templates, concatenations, arrays, objects, const initialisers and what const arrays are pushed, in source order', () => {
    const code = `
      const sys = \`Shop \${shop.name}: \${process.env.SHOP_TOKEN}\`;
      probe([{ role: 'system', content: sys }, { role: 'user', content: 'Q: ' + q.trim() }]);
      const history = [];
      history.push({ role: 'user', content: first }, ...more);
      history.length = 0;
      probe(history);
    `;
    expect(leaves(code, false)).toEqual([
      ['shop.name', 'process.env.SHOP_TOKEN', "'system'", "'user'", "'Q: '", 'q'],
      ["'user'", 'first', 'more'],
    ]);
  });

  it('opens a helper parameter into the arguments of its same-file calls only when asked', () => {
    const code = `
      function ask(system, q) { probe(\`\${system} / \${q}\`); }
      ask(\`key \${process.env.GH_TOKEN}\`, req.body.q);
      ask('plain', other);
      const wrap = (...xs) => probe(xs[0]);
      function lone(p) { probe(p); }
      function spread(a) { probe(a); }
      spread(...list);
    `;
    expect(leaves(code, false, 'commonjs')).toEqual([['system', 'q'], ['xs[0]'], ['p'], ['a']]);
    expect(leaves(code, true, 'commonjs')).toEqual([
      ['process.env.GH_TOKEN', 'req.body.q', "'plain'", 'other'], ['xs[0]'], ['p'], ['a'],
    ]);
  });
});
