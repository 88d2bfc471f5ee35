import { describe, expect, it } from 'vitest';
import { withModel } from '../helpers.js';
import { pathsOf } from '../../src/flow/paths.js';

describe('smoke', () => {
  it('works', () => {
    const code = `function f(user) { if (!user) return 1; g(); }`;
    const r = withModel(code, (m) => {
      const p = pathsOf(m.file.ast)!;
      const ifs = m.file.ast.body[0] as any;
      const ifStmt = ifs.body.body[0];
      const call = ifs.body.body[1].expression;
      return [p.runsBefore(ifStmt, call), p.reachesFrom(ifStmt.consequent, call, ifStmt), p.runsBefore(call, ifStmt)];
    });
    expect(r).toEqual([true, false, false]);
  });
});
