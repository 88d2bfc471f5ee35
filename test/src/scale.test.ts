// The helpers that keep the model linear in file size: the binary search over position-sorted lists, and variable
// lookup by name from the innermost scope (which replaced a search of every child scope).
import { describe, expect, it } from 'vitest';
import { firstFrom, variableOf } from '../../src/ast.js';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { withModel } from '../helpers.js';
import { opCounts, opsSince } from '../../src/counters.js';

describe('firstFrom', () => {
  const starts = [2, 5, 5, 9, 14];
  const at = (pos: number) => firstFrom(starts, pos, (x) => x);

  it('returns the first index whose start is at or after the position', () => {
    expect(at(0)).toBe(0);
    expect(at(2)).toBe(0);
    expect(at(3)).toBe(1);
    expect(at(5)).toBe(1);
    expect(at(6)).toBe(3);
    expect(at(14)).toBe(4);
  });

  it('returns the length past the last start, and 0 for an empty list', () => {
    expect(at(15)).toBe(5);
    expect(firstFrom([], 3, (x: number) => x)).toBe(0);
  });
});

describe('variableOf', () => {
  it('resolves each identifier to its own binding, through shadowing and in sibling functions', () => {
    const code = `
      const app = 1;
      function a() { const app = 2; return app; }
      const b = () => app;
      function c(app) { return () => app; }
    `;
    const lines = withModel(code, (m) =>
      m.file.index.returns
        .map((r) => r.argument)
        .filter((arg) => arg?.type === 'Identifier')
        .map((id) => variableOf(m.file.sourceCode, id)?.defs[0]?.name.loc.start.line),
    );
    // `return app` in a() binds to the inner const (line 3); the arrow in c() binds to c's parameter (line 5).
    expect(lines).toEqual([3]);
    const arrows = withModel(code, (m) =>
      m.file.index.functions
        .filter((f) => f.type === 'ArrowFunctionExpression' && f.body.type === 'Identifier')
        .map((f) => (f.body.type === 'Identifier' ? variableOf(m.file.sourceCode, f.body)?.defs[0]?.type : undefined)),
    );
    expect(arrows).toEqual(['Variable', 'Parameter']);
  });
});

describe('long member chains', () => {
  // Each link used to copy the chain (prompt index, memberChain) and to recurse once more in the origins, which
  // stopped at 600 levels: a 1,000-link `req.body.p.p.…` cost seconds and its finding was silently dropped.
  it('keep their origin past the old 600-level limit: the untrusted system prompt is still reported', () => {
    const linter = new Linter({ configType: 'flat' });
    for (const n of [1_000, 2_000]) {
      const chain = `req.body${'.p'.repeat(n)}`;
      const code = `import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/x', requireUser, async (req, res) => {
  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: ${chain} }] });
});
`;
      // espree: typescript-estree's own recursion overflows on such chains in a test worker.
      const messages = linter.verify(code, [
        { files: ['**/*.js'], plugins: { 'llm-leak': plugin as never }, rules: { 'llm-leak/no-untrusted-system-prompt': 'error' } },
      ], 'server.js');
      expect(messages.map((m) => `${m.ruleId}:${m.line}`), String(n)).toEqual(['llm-leak/no-untrusted-system-prompt:6']);
    }
  });
});

describe('long member chains, counted', () => {
  // The prompt index used to rebuild the whole chain for every link it was asked about (n²/2 steps; 4,000 links cost
  // no-secrets-in-prompt and no-sensitive-logging ~430 ms each); each link now starts from its object's position.
  it('cost chain steps linear in their length, with the logged prompt still reported', () => {
    const linter = new Linter({ configType: 'flat' });
    const steps = [500, 2_000].map((n) => {
      const chain = `req.body${'.p'.repeat(n)}`;
      const code = `import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/x', requireUser, async (req, res) => {
  console.log(${chain});
  await openai.chat.completions.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: ${chain} }] });
});
`;
      const before = opCounts();
      const messages = linter.verify(code, [
        {
          files: ['**/*.js'],
          plugins: { 'llm-leak': plugin as never },
          rules: { 'llm-leak/no-sensitive-logging': 'error', 'llm-leak/no-secrets-in-prompt': 'error' },
        },
      ], 'server.js');
      expect(messages.map((m) => `${m.ruleId}:${m.line}`), String(n)).toEqual(['llm-leak/no-sensitive-logging:6']);
      return opsSince(before).chainSteps;
    });
    expect(steps[0]).toBeGreaterThan(500);
    expect(steps[1]! / steps[0]!).toBeLessThanOrEqual(4.5);
  });
});

describe('secrecy at scale', () => {
  // Enum objects and a class's methods are indexed once, so thousands of comparisons and `this.x()` calls stay linear.
  it('judges 2,000 comparisons against a 2,000-key enum and 2,000 this-calls, reporting only the secret one', () => {
    const n = 2_000;
    const keys = Array.from({ length: n }, (_, i) => `K${i}: 'k${i}'`).join(', ');
    const checks = Array.from({ length: n }, (_, i) => `    if (req.body.tokenKind === KINDS.K${i}) this.m${i}(req.body.token);`).join('\n');
    const methods = Array.from({ length: n }, (_, i) => `  m${i}(t) { return t; }`).join('\n');
    const code = `import express from 'express';
const app = express();
const KINDS = { ${keys} };
class Checks {
  run(req) {
${checks}
    if (req.body.token !== process.env.API_TOKEN) return false;
  }
${methods}
}
app.post('/x', (req, res) => res.json(new Checks().run(req)));
`;
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [
      {
        files: ['**/*.js'],
        languageOptions: { globals: { process: 'readonly' } },
        plugins: { 'llm-leak': plugin as never },
        rules: { 'llm-leak/timing-safe-compare': 'error' },
      },
    ], 'server.js');
    expect(messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual([`llm-leak/timing-safe-compare:${n + 6}`]);
  });
});
