import { describe, expect, it } from 'vitest';
import { textOf, withModel } from '../helpers.js';
import type { FileModel } from '../../src/model.js';
import type { FunctionNode } from '../../src/types.js';

/** For each named function (declaration or `const name = ...`), the callee text of the LLM call it reaches, or null. */
const reached = (code: string, names: string[], sourceType?: 'module' | 'commonjs') =>
  withModel(
    code,
    (m) => Object.fromEntries(names.map((n) => {
      const fn = named(m, n);
      const call = fn && m.reachedLlmCall(fn);
      return [n, call && call.node.type === 'CallExpression' ? textOf(code, call.node.callee) : null];
    })),
    { sourceType },
  );

function named(m: FileModel, name: string): FunctionNode | undefined {
  return m.file.index.functions.find((f) => {
    if (f.type === 'FunctionDeclaration') return f.id?.name === name;
    const p = f.parent;
    if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name === name;
    if ((p?.type === 'MethodDefinition' || p?.type === 'Property') && p.key.type === 'Identifier') return p.key.name === name;
    return false;
  });
}

describe('reachability', () => {
  it('finds calls in the body, in nested callbacks and through same-file wrappers, transitively', () => {
    const code = `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      async function ask(q) { return openai.chat.completions.create({ messages: [{ role: 'user', content: q }] }); }
      const wrap = async (q) => ask(q);
      function handler(req, res) { wrap(req.body.q).then((r) => res.json(r)); }
      function nested(items) { items.forEach(async (i) => { await openai.responses.create({ input: i }); }); }
      function passes(items) { return Promise.all(items.map(ask)); }
      function none(req, res) { res.json({ ok: true }); }
      function imported(req) { return helper(req); }
    `;
    expect(reached(code, ['ask', 'wrap', 'handler', 'nested', 'passes', 'none', 'imported'])).toEqual({
      ask: 'openai.chat.completions.create',
      wrap: 'openai.chat.completions.create',
      handler: 'openai.chat.completions.create',
      nested: 'openai.responses.create',
      passes: 'openai.chat.completions.create',
      none: null,
      imported: null,
    });
  });

  it('follows this.method(), obj.method() on a local object literal and on a local class instance (CommonJS)', () => {
    const code = `
      const Anthropic = require('@anthropic-ai/sdk');
      class Bot {
        constructor() { this.ai = new Anthropic(); }
        talk(q) { return this.ai.messages.create({ messages: [q] }); }
        reply(q) { return this.talk(q); }
      }
      const bot = new Bot();
      const svc = { run(q) { return bot.talk(q); } };
      function viaInstance(q) { return bot.reply(q); }
      function viaObject(q) { return svc.run(q); }
      function quiet() { return svc.missing(); }
    `;
    expect(reached(code, ['talk', 'reply', 'viaInstance', 'viaObject', 'quiet'], 'commonjs')).toEqual({
      talk: 'this.ai.messages.create',
      reply: 'this.ai.messages.create',
      viaInstance: 'this.ai.messages.create',
      viaObject: 'this.ai.messages.create',
      quiet: null,
    });
  });

  it('is cycle-safe and returns the first call in source order', () => {
    const code = `
      import { generateText, streamText } from 'ai';
      function a(n) { if (n) b(n - 1); }
      function b(n) { if (n) a(n - 1); return generateText({ prompt: 'x' }); }
      function c() { d(); return streamText({ prompt: 'y' }); }
      function d() { return generateText({ prompt: 'z' }); }
      function self() { self(); }
    `;
    expect(reached(code, ['a', 'b', 'c', 'd', 'self'])).toEqual({
      a: 'generateText',
      b: 'generateText',
      c: 'streamText',
      d: 'generateText',
      self: null,
    });
  });

  it('counts settings names as calls that can be reached', () => {
    const code = `
      function route(req) { return helper(req); }
      function helper(req) { return askModel(req.body); }
    `;
    const got = withModel(
      code,
      (m) => {
        const fn = named(m, 'route')!;
        return m.reachedLlmCall(fn)?.provider;
      },
      { settings: { 'llm-leak': { llmCalls: ['askModel'] } } },
    );
    expect(got).toBe('custom');
  });
});
