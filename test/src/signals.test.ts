import { describe, expect, it } from 'vitest';
import { signalsOf, textConstructedImports, textPassesImportOn } from '../../src/signals.js';
import { withModel } from '../helpers.js';

const signals = (code: string, settings: Record<string, unknown> = {}) =>
  withModel(code, (m) => ({ ...signalsOf(m.file.sourceCode, m.file.settings) }), { settings, sourceType: /require\(/.test(code) ? 'commonjs' : 'module' });

describe('file signals', () => {
  it('reads framework and SDK imports in ESM and CommonJS', () => {
    expect(signals("import express from 'express'; import OpenAI from 'openai';")).toMatchObject({ framework: true, llm: true });
    expect(signals("const fastify = require('fastify'); const { Anthropic } = require('@anthropic-ai/sdk');")).toMatchObject({ framework: true, llm: true });
    expect(signals("import { Hono } from 'hono'; import { bearerAuth } from 'hono/bearer-auth';")).toMatchObject({ framework: true, llm: false, authPackage: true });
  });

  it('counts fetch only with a model host in the file, as the HTTP recogniser does', () => {
    expect(signals("await fetch('https://example.com/api')").llm).toBe(false);
    expect(signals("await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST' })").llm).toBe(true);
    expect(signals("import axios from 'axios'; axios.post(url, body);").llm).toBe(false);
  });

  it('counts crypto only when the file names an HMAC, hash or timingSafeEqual', () => {
    expect(signals("import { randomUUID } from 'node:crypto'; randomUUID();").crypto).toBe(false);
    expect(signals("import crypto from 'node:crypto'; crypto.createHmac('sha256', k);").crypto).toBe(true);
  });

  it('sees environment reads, model-key-shaped strings and settings names', () => {
    expect(signals('const k = process.env.API_KEY;').env).toBe(true);
    expect(signals("const k = 'sk-proj-abcdefghijklmnop1234';").secretText).toBe(true);
    expect(signals('const a = 1;')).toEqual({
      framework: false,
      llm: false,
      projectImport: false,
      tools: false,
      errorMiddleware: false,
      handedResponse: false,
      crypto: false,
      env: false,
      authPackage: false,
      credentialHeader: false,
      secretText: false,
    });
    expect(signals('askModel(prompt);', { 'llm-leak': { llmCalls: ['askModel'] } }).llm).toBe(true);
  });

  it('sees modules that define tools for a model', () => {
    expect(signals("import { tool } from '@langchain/core/tools';").tools).toBe(true);
    expect(signals("const { tool } = require('ai');").tools).toBe(true);
    expect(signals("import { z } from 'zod';").tools).toBe(false);
  });

  it('sees credential header reads whatever object holds them', () => {
    expect(signals('const h = req.headers.authorization;').credentialHeader).toBe(true);
    expect(signals("const k = ctx.header['x-api-key'];").credentialHeader).toBe(true);
    expect(signals("const c = request.headers.get('cookie');").credentialHeader).toBe(true);
    expect(signals("const t = req.headers['content-type'];").credentialHeader).toBe(false);
    expect(signals('const authorization = 1;').credentialHeader).toBe(false);
  });

  it("sees an import of the project's own modules (a controller that may be registered elsewhere)", () => {
    expect(signals("const ai = require('../services/ai');").projectImport).toBe(true);
    expect(signals("import { ask } from '#services/ai';").projectImport).toBe(true);
    expect(signals("import { ask } from '@/lib/ai';").projectImport).toBe(true);
    expect(signals("import express from 'express';").projectImport).toBe(false);
  });
});

describe('error middleware and handed responses', () => {
  it('sees a trailing next parameter and a Koa await next()', () => {
    expect(signals('module.exports = (err, req, res, next) => res.status(500).end();').errorMiddleware).toBe(true);
    expect(signals('export const h = async (ctx: any, next: any) => { try { await next(); } catch (e) {} };').errorMiddleware).toBe(true);
    expect(signals('const nextPage = (page) => page + 1;').errorMiddleware).toBe(false);
  });
  it('sees a response or context parameter only in a file that imports a project module', () => {
    expect(signals("import svc from './svc.js';\nexport const chat = async (req, res) => res.json(await svc(req.body));").handedResponse).toBe(true);
    expect(signals("import svc from './svc.js';\nexport class P { async chat(input: string, ctx: any) { ctx.body = input; } }").handedResponse).toBe(true);
    expect(signals('export const chat = async (req, res) => res.json({});').handedResponse).toBe(false);
    expect(signals("import svc from './svc.js';\nexport const f = (a, b) => svc(a, b);").handedResponse).toBe(false);
    // Names that only start like one are none: `resx`, `$res`, `response` (no adapter's controller parameter).
    expect(signals("import svc from './svc.js';\nexport const f = (resx, $res, response) => svc(resx);").handedResponse).toBe(false);
    expect(signals("import svc from './svc.js';\nexport const f = (a,reply) => reply.send(svc(a));").handedResponse).toBe(true);
  });
});

describe('file signals from the file name', () => {
  it('treats a Next.js route file as framework code without any import', () => {
    const code = 'export async function POST(request) { return Response.json({}); }';
    const of = (filename: string) => withModel(code, (m) => signalsOf(m.file.sourceCode, m.file.settings, m.file.filename).framework, { filename });
    expect(of('app/api/chat/route.ts')).toBe(true);
    expect(of('pages/api/chat.js')).toBe(true);
    expect(of('src/lib/router.ts')).toBe(false);
  });
});

describe('textPassesImportOn (which modules the project map reads for what they re-export)', () => {
  it.each([
    ["export * from './openai.js';", true],
    ["export { openai } from './openai.js';", true],
    ["import { openai } from './openai.js';\nexport { openai };", true],
    ["import ai from './ai.js';\nexport default ai;", true],
    ["import * as ai from './ai.js';\nexport default { ask: ai.ask };", true],
    ["module.exports = require('./ai');", true],
    ["const { ask } = require('./ai');\nmodule.exports = {\n  ask,\n  version: 2,\n};", true],
    ["const ai = require('./ai');\nmodule.exports.ask = ai.ask;", true],
    ["module.exports = { chat: require('./chat') };", true],
    ["const helpers = require('./helpers');\nclass User { name() { return helpers.x(); } }\nmodule.exports = { User };", false],
    ["const { limit } = require('./limits');\nexports.clip = (s) => String(s).slice(0, limit);", false],
    ["import { limit } from './limits.js';\nexport function clip(s) { return s.slice(0, limit); }", false],
    ["export const x = 1;", false],
  ])('%s -> %s', (text, expected) => {
    expect(textPassesImportOn(text)).toBe(expected);
  });

  it('errs towards yes on an exports object too long to read', () => {
    const big = `const a = require('./a');\nmodule.exports = {\n${Array.from({ length: 5000 }, (_, i) => `  k${i}: ${i},`).join('\n')}\n};`;
    expect(textPassesImportOn(big)).toBe(true);
  });
});

describe('textConstructedImports (which imports a module makes instances of, for the parse filter)', () => {
  it.each([
    ["function get() {\n  switch (p) {\n    case 'a':\n      const { OpenAiLLM } = require('../providers/openai');\n      return new OpenAiLLM();\n  }\n}", ['../providers/openai']],
    ["import { Provider } from './provider.js';\nexport const p = new Provider();", ['./provider.js']],
    ["const Provider = require('./provider');\nmodule.exports = () => new Provider({ k: 1 });", ['./provider']],
    // Built-ins and local classes are not imports; an import that is only called is not constructed.
    ["const { ask } = require('./ai');\nconst m = new Map();\nthrow new Error(ask());", []],
    ["class Local {}\nexport default new Local();", []],
  ])('%s -> %j', (text, expected) => {
    expect(textConstructedImports(text)).toEqual(expected);
  });
});
