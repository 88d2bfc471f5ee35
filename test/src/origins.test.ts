import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { textOf, withModel } from '../helpers.js';
import { originAnalysis } from '../../src/flow/origins.js';
import { isSecretEnvName, isSecretFieldName, literalKeyLabel } from '../../src/flow/origin-secrets.js';
import type { LlmCall, Origin, ParamRole, PathKey } from '../../src/types.js';

/** A hand-made model call, used only while the LLM recogniser finds nothing in the snippet. */
interface FakeCall {
  readonly provider: string;
  readonly textPaths: readonly (readonly PathKey[])[];
}

interface Options {
  /** Stand-in calls keyed by the callee's source text, e.g. 'client.chat.completions.create'. */
  readonly calls?: Readonly<Record<string, FakeCall>>;
  /** Stand-in parameter roles keyed by parameter name. */
  readonly roles?: Readonly<Record<string, ParamRole>>;
  readonly sourceType?: 'module' | 'commonjs';
  readonly settings?: Record<string, unknown>;
}

const INPUT_KEYS = ['messages', 'prompt', 'input', 'contents'];
const SYSTEM_KEYS = ['system', 'instructions'];

function fakeCall(code: string, node: TSESTree.CallExpression, fake: FakeCall): LlmCall {
  const options = node.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression ? node.arguments[0] : undefined;
  const valuesOf = (names: string[]) =>
    (options?.properties ?? []).flatMap((p) =>
      p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && names.includes(p.key.name) ? [p.value] : [],
    );
  const positional = options ? [] : node.arguments.filter((a) => a.type !== AST_NODE_TYPES.SpreadElement);
  return {
    node, provider: fake.provider, resultLabel: `${fake.provider} result (${textOf(code, node.callee)})`, options,
    setupOptions: [], inputs: [...valuesOf(INPUT_KEYS), ...positional], systemInputs: valuesOf(SYSTEM_KEYS),
    textPaths: fake.textPaths, limitKeys: [], streaming: false, textAccessor: undefined, envelope: [],
  };
}

function describeOrigin(o: Origin): string {
  switch (o.kind) {
    case 'llm':
      return `llm:${o.path.join('.')}${o.text ? ':text' : ''}`;
    case 'request':
      return `request:${o.part}${o.name === undefined ? '' : `:${o.name}`}`;
    case 'secret':
      return `secret:${o.name}`;
    case 'digest':
      return o.keyed ? 'digest:hmac' : 'digest';
    case 'system':
      return `system:${o.lists}`;
    case 'retrieved':
      return `retrieved:${o.store}:${o.path.join('.')}`;
    default:
      return o.kind;
  }
}

/**
 * The origins of each `probe(expr)` argument in `code`, sorted. Uses the real model parts when they find something
 * and the hand-made stand-ins otherwise, so the same case holds before and after the LLM/framework work lands.
 */
function probe(code: string, options: Options = {}): string[][] {
  return withModel(
    code,
    (model) => {
      // Calls the recogniser found, plus stand-ins for the ones it does not (yet) find.
      const fakes = model.file.index.calls.flatMap((c) => {
        const found = model.llmCallOf(c);
        const fake = options.calls?.[textOf(code, c.callee)];
        return found ? [found] : fake ? [fakeCall(code, c, fake)] : [];
      });
      const roles = options.roles ?? {};
      const originsOf = originAnalysis(model, {
        llmCalls: fakes,
        paramRole: (id) => model.paramRoleOf(id) ?? (Object.hasOwn(roles, id.name) ? roles[id.name] : undefined),
      });
      return model.file.index.calls
        .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
        .map((c) => (c.arguments[0] ? originsOf(c.arguments[0]).map(describeOrigin).sort() : []));
    },
    { sourceType: options.sourceType, settings: options.settings },
  );
}

const OPENAI: Record<string, FakeCall> = {
  'client.chat.completions.create': { provider: 'openai', textPaths: [['choices', '*', 'message', 'content']] },
};

describe('llm origins', () => {
  it('marks only generated text as text, and keeps the raw completion raw', () => {
    const code = `
      import OpenAI from 'openai';
      const client = new OpenAI();
      export async function run() {
        const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
        probe(completion.choices[0].message.content);
        probe(completion.choices[0].message);
        probe(completion.usage);
        probe(completion);
        probe(JSON.stringify(completion));
        probe({ answer: completion.choices[0].message.content });
        probe(completion.choices[0]?.message?.content?.trim() ?? '');
        probe(completion.choices.length);
        probe(\`Answer: \${completion.choices[0].message.content}\`);
      }
    `;
    expect(probe(code, { calls: OPENAI })).toEqual([
      ['llm:choices.0.message.content:text'],
      ['llm:choices.0.message'],
      ['llm:usage'],
      ['llm:'],
      ['llm:'],
      ['llm:choices.0.message.content:text'],
      ['llm:choices.0.message.content:text'],
      [],
      ['llm:choices.0.message.content:text'],
    ]);
  });

  it('follows destructuring, rest, defaults and later writes (CommonJS)', () => {
    const code = `
      const OpenAI = require('openai');
      const client = new OpenAI();
      async function run(i) {
        const completion = await client.chat.completions.create({ model: 'm', messages: [] });
        const { choices, ...rest } = completion;
        const [first] = choices;
        const { message: { content } = {} } = first;
        probe(choices); probe(first); probe(content); probe(rest);
        probe(completion.choices[i].message.content);
        let text;
        text = completion.choices[0].message.content;
        text += '!';
        probe(text);
        let acc = '';
        for (const c of completion.choices) acc = acc + c.message.content;
        probe(acc);
      }
    `;
    expect(probe(code, { calls: OPENAI, sourceType: 'commonjs' })).toEqual([
      ['llm:choices'],
      ['llm:choices.0'],
      ['llm:choices.0.message.content:text'],
      ['llm:'],
      ['llm:choices.*.message.content:text'],
      ['llm:choices.0.message.content:text'],
      ['llm:choices.*.message.content:text'],
    ]);
  });

  it('binds callback parameters to elements and follows same-file functions', () => {
    const code = `
      import OpenAI from 'openai';
      const client = new OpenAI();
      async function ask(q) {
        const r = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });
        return r.choices[0].message.content;
      }
      function raw() { return client.chat.completions.create({ model: 'm', messages: [] }); }
      function show(x) { probe(x); }
      export async function run() {
        probe(await ask('x'));
        show(await raw());
        const all = await raw();
        probe(all.choices.map((c) => c.message.content).join('\\n'));
        all.choices.forEach((c) => probe(c.message));
        probe(all.choices.find((c) => c.index === 0));
      }
    `;
    expect(probe(code, { calls: OPENAI })).toEqual([
      ['llm:'],
      ['llm:choices.0.message.content:text'],
      ['llm:choices.*.message.content:text'],
      ['llm:choices.*.message'],
      ['llm:choices.*'],
    ]);
  });

  it('gives stream chunks the element path and makes Vercel ai textStream elements text', () => {
    const code = `
      import OpenAI from 'openai';
      import { streamText, generateText } from 'ai';
      const client = new OpenAI();
      export async function run(model) {
        const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
        for await (const chunk of stream) { probe(chunk); probe(chunk.choices[0]?.delta?.content); }
        const result = streamText({ model, prompt: 'x' });
        for await (const t of result.textStream) probe(t);
        const g = await generateText({ model, prompt: 'x' });
        probe(g.text); probe(g.response);
      }
    `;
    const calls: Record<string, FakeCall> = {
      ...OPENAI,
      streamText: { provider: 'ai', textPaths: [['text']] },
      generateText: { provider: 'ai', textPaths: [['text']] },
    };
    const all = probe(code, { calls });
    const [chunk, delta, t, text, response] = all;
    expect(chunk).toEqual(['llm:*']);
    expect(delta?.[0]?.startsWith('llm:*.choices.0.delta.content')).toBe(true);
    expect(t).toEqual(['llm:textStream.*:text']);
    expect(text).toEqual(['llm:text:text']);
    expect(response).toEqual(['llm:response']);
  });

  it('marks the text of each stream chunk as text, per SDK, and keeps whole chunks raw', () => {
    const code = `
      import OpenAI from 'openai';
      import Anthropic from '@anthropic-ai/sdk';
      import { GoogleGenerativeAI } from '@google/generative-ai';
      const openai = new OpenAI();
      const anthropic = new Anthropic();
      const model = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini' });
      export async function run() {
        const s1 = await openai.chat.completions.create({ model: 'm', messages: [], stream: true });
        for await (const chunk of s1) { probe(chunk.choices[0]?.delta?.content); probe(chunk.choices[0]?.delta); }
        const s2 = await anthropic.messages.create({ model: 'm', max_tokens: 1, messages: [], stream: true });
        for await (const ev of s2) { probe(ev.delta.text); probe(ev); }
        const s3 = await model.generateContentStream('x');
        for await (const c of s3.stream) probe(c.text());
        const whole = await openai.chat.completions.create({ model: 'm', messages: [] });
        probe(whole.choices[0].delta);
      }
    `;
    expect(probe(code)).toEqual([
      ['llm:*.choices.0.delta.content:text'],
      ['llm:*.choices.0.delta'],
      ['llm:*.delta.text:text'],
      ['llm:*'],
      ['llm:stream.*.text:text'],
      ['llm:choices.0.delta'],
    ]);
  });

  it('treats a whole custom result as text and keeps the path through a fetch Response', () => {
    const code = `
      export async function run() {
        const out = await askModel('hi');
        probe(out); probe(out.foo);
        const res = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: '{}' });
        const data = await res.json();
        probe(data.choices[0].message.content); probe(data);
      }
    `;
    const calls: Record<string, FakeCall> = {
      askModel: { provider: 'custom', textPaths: [[]] },
      fetch: { provider: 'http', textPaths: [['choices', '*', 'message', 'content']] },
    };
    expect(probe(code, { calls, settings: { 'llm-leak': { llmCalls: ['askModel'] } } })).toEqual([
      ['llm::text'], ['llm:foo:text'], ['llm:choices.0.message.content:text'], ['llm:'],
    ]);
  });

  it('keeps origins through copies, wrappers and conversions', () => {
    const code = `
      import OpenAI from 'openai';
      const client = new OpenAI();
      export async function run(ok) {
        const completion = await client.chat.completions.create({ model: 'm', messages: [] });
        const text = completion.choices[0].message.content;
        probe({ ...completion }); probe(Object.assign({}, completion)); probe(structuredClone(text));
        probe(ok ? text : 'none'); probe(new Response(JSON.stringify(completion))); probe(String(text) + '!');
        probe(Buffer.from(text).toString('base64')); probe(JSON.parse(text).answer); probe([text, completion.id]);
        probe(text.includes('x')); probe(text === 'x');
      }
    `;
    expect(probe(code, { calls: OPENAI })).toEqual([
      ['llm:'], ['llm:'], ['llm:choices.0.message.content:text'], ['llm:choices.0.message.content:text'], ['llm:'],
      ['llm:choices.0.message.content:text'], ['llm:choices.0.message.content:text'],
      ['llm:choices.0.message.content.answer:text'], ['llm:choices.0.message.content:text', 'llm:id'], [], [],
    ]);
  });

  it('finds nothing in the results of calls that are not model calls', () => {
    const code = `
      export async function run(other) {
        const x = await other.create({ messages: [] });
        probe(x.choices[0].message.content); probe(x);
      }
    `;
    expect(probe(code, { calls: OPENAI })).toEqual([[], []]);
  });
});

describe('request origins', () => {
  it('reads Express request parts from a parameter with the req role', () => {
    const code = `
      import express from 'express';
      const app = express();
      app.post('/chat', (r, res) => {
        probe(r.body); probe(r.body.prompt); probe(r.query.q); probe(r.params.id);
        probe(r.headers.authorization); probe(r.get('X-Tenant')); probe(r.header('Cookie'));
        probe(r.cookies.sid); probe(r.signedCookies); probe(r.session); probe(r.user); probe(r.rawBody);
        const { prompt, ...others } = r.body;
        probe(prompt); probe(others); probe(r.method); probe(res.locals);
      });
    `;
    expect(probe(code, { roles: { r: 'req', res: 'res' } })).toEqual([
      ['request:body'], ['request:body:prompt'], ['request:query:q'], ['request:params:id'],
      ['request:headers:authorization'], ['request:headers:x-tenant'], ['request:headers:cookie'],
      ['request:cookies:sid'], ['request:cookies'], ['request:session'], ['request:auth'], ['request:rawBody'],
      ['request:body:prompt'], ['request:body'], [], [],
    ]);
  });

  it('gives a helper that receives the request only the parts it reads from it', () => {
    const code = `
      import express from 'express';
      const app = express();
      function build(incoming) {
        const persona = incoming.body.persona ?? 'agent';
        probe(persona); probe(\`You are \${persona}\`); probe(incoming.query.q); probe('fixed'); probe(incoming.method);
        return [{ role: 'system', content: \`You are \${persona}\` }, { role: 'user', content: String(incoming.body.question) }];
      }
      app.post('/x', (req, res) => { probe(build(req)); });
    `;
    expect(probe(code)).toEqual([
      ['request:body:persona'], ['request:body:persona'], ['request:query:q'], [], [],
      ['request:body:persona', 'request:body:question'],
    ]);
  });

  it('reads a destructured parameter as its own property of each call site object literal', () => {
    const code = `
      import express from 'express';
      import OpenAI from 'openai';
      const client = new OpenAI();
      const app = express();
      function record({ usage, model, text }, [first]) { probe(usage); probe(model); probe(text); probe(first); }
      function spread({ model }) { probe(model); }
      app.post('/x', async (req, res) => {
        const r = await client.chat.completions.create({ model: 'm', messages: [] });
        record({ usage: r.usage, model: 'm', text: req.body.q }, [req.body.a, 'b']);
        spread({ ...req.body });
      });
    `;
    expect(probe(code, { calls: OPENAI })).toEqual([
      ['llm:usage'], [], ['request:body:q'], ['request:body:a'], ['request:body:model'],
    ]);
  });

  it('falls back to conventional names in a CommonJS Fastify file (through model.originsOf)', () => {
    const code = `
      const fastify = require('fastify')();
      fastify.post('/x', async (request, reply) => {
        probe(request.body.text); probe(request.raw); probe(request.headers['x-signature']);
      });
    `;
    const out = withModel(
      code,
      (m) =>
        m.file.index.calls
          .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
          .map((c) => m.originsOf(c.arguments[0]!).map(describeOrigin)),
      { sourceType: 'commonjs' },
    );
    expect(out).toEqual([['request:body:text'], ['request:rawBody'], ['request:headers:x-signature']]);
  });

  it('reads Koa ctx parts and leaves the response body alone', () => {
    const code = `
      import Koa from 'koa';
      import Router from '@koa/router';
      const router = new Router();
      router.post('/x', async (ctx) => {
        probe(ctx.request.body); probe(ctx.request.rawBody); probe(ctx.query.q); probe(ctx.params.id);
        probe(ctx.get('Authorization')); probe(ctx.headers.cookie); probe(ctx.request.headers['x-sig']);
        probe(ctx.cookies.get('sid')); probe(ctx.state.user); probe(ctx.body);
      });
    `;
    expect(probe(code)).toEqual([
      ['request:body'], ['request:rawBody'], ['request:query:q'], ['request:params:id'],
      ['request:headers:authorization'], ['request:headers:cookie'], ['request:headers:x-sig'],
      ['request:cookies:sid'], ['request:auth'], [],
    ]);
  });

  it('reads Hono c.req parts and Cloudflare env secrets', () => {
    const code = `
      import { Hono } from 'hono';
      const app = new Hono();
      app.post('/x', async (c) => {
        const body = await c.req.json();
        probe(body.prompt); probe(await c.req.parseBody()); probe(await c.req.text()); probe(c.req.raw);
        probe(c.req.query('q')); probe(c.req.param('id')); probe(c.req.header('Authorization'));
        probe(c.env.OPENAI_API_KEY); probe(c.json);
      });
    `;
    expect(probe(code)).toEqual([
      ['request:body:prompt'], ['request:body'], ['request:rawBody'], ['request:rawBody'], ['request:query:q'],
      ['request:params:id'], ['request:headers:authorization'], ['secret:OPENAI_API_KEY'], [],
    ]);
  });

  it('reads Next.js Request data and next/headers cookies', () => {
    const code = `
      import { NextResponse } from 'next/server';
      import { cookies as jar } from 'next/headers';
      export async function POST(request) {
        const { messages } = await request.json();
        probe(messages); probe(await request.text()); probe(request.headers.get('X-Signature'));
        probe(request.nextUrl.searchParams.get('q')); probe(new URL(request.url).searchParams.get('id'));
        probe(jar().get('session')); probe((await jar()).get('t')?.value);
        return NextResponse.json({});
      }
    `;
    expect(probe(code)).toEqual([
      ['request:body:messages'], ['request:rawBody'], ['request:headers:x-signature'], ['request:query:q'],
      ['request:query:id'], ['request:cookies:session'], ['request:cookies:t'],
    ]);
  });

  it('keeps basic-auth results and a decoded Authorization header as request data', () => {
    const code = `
      const auth = require('basic-auth');
      const express = require('express');
      function check(req) { const creds = auth(req); probe(creds); probe(creds.pass); }
      express().use((req, res, next) => {
        const header = req.headers.authorization || '';
        const [user, pass] = Buffer.from(header.split(' ')[1], 'base64').toString().split(':');
        probe(pass);
      });
    `;
    expect(probe(code, { sourceType: 'commonjs' })).toEqual([
      ['request:auth'], ['request:auth:pass', 'secret:pass'], ['request:headers:authorization'],
    ]);
  });

  it('does not guess request roles without a framework import, nor for other names', () => {
    const code = `
      function handle(req, ctx) { probe(req.body); probe(ctx.query); }
      import express from 'express';
      function other(res, input) { probe(res.body); probe(input.body); }
    `;
    expect(probe(code.replace("import express from 'express';", ''))).toEqual([[], [], [], []]);
    expect(probe(code)).toEqual([['request:body'], ['request:query'], [], []]);
    // Our own fallback guesses `c` only in a Hono file (the adapters may know better; they are bypassed here).
    const guess = (src: string) =>
      withModel(src, (m) => {
        const originsOf = originAnalysis(m, { llmCalls: [], paramRole: () => undefined });
        return m.file.index.calls.filter((c) => textOf(src, c.callee) === 'probe').map((c) => originsOf(c.arguments[0]!).map(describeOrigin));
      });
    expect(guess(`import express from 'express'; function f(c) { probe(c.req.query('q')); }`)).toEqual([[]]);
    expect(guess(`import { Hono } from 'hono'; function f(c) { probe(c.req.query('q')); }`)).toEqual([['request:query:q']]);
  });
});

describe('secret origins', () => {
  it('recognises secret env vars, config fields and literal keys, not public or plain names', () => {
    const code = `
      probe(process.env.OPENAI_API_KEY); probe(process.env['DB_PASSWORD']); probe(process.env.PORT);
      probe(process.env.NEXT_PUBLIC_API_KEY);
      const { ANTHROPIC_API_KEY, NODE_ENV } = process.env;
      probe(ANTHROPIC_API_KEY); probe(NODE_ENV);
      probe(import.meta.env.VITE_SECRET_TOKEN);
      probe(config.openai.apiKey); probe(config.openai.model);
      const { clientSecret } = settings; probe(clientSecret);
      probe('sk-proj-abcdefghijklmnopqrstuvwxyz012345'); probe('sk-short'); probe(usage.total_tokens);
      probe(process.env.API_PASS || 'admin');
      const env = process.env; probe(env.STRIPE_SECRET);
      probe(process.env.TENANT_ID);
      function f(process) { probe(process.env.X_KEY); }
    `;
    expect(probe(code, { settings: { 'llm-leak': { sensitiveNames: ['TENANT_ID'] } } })).toEqual([
      ['secret:OPENAI_API_KEY'], ['secret:DB_PASSWORD'], [], [], ['secret:ANTHROPIC_API_KEY'], [],
      ['secret:VITE_SECRET_TOKEN'], ['secret:apiKey'], [], ['secret:clientSecret'], ['secret:OpenAI API key'], [], [],
      ['secret:API_PASS'], ['secret:STRIPE_SECRET'], ['secret:TENANT_ID'], [],
    ]);
  });

  it('reads one property of a const object literal, not its secret siblings; `a && b` is b', () => {
    const code = `
      const config = { name: 'shop', apiKey: process.env.SHOP_API_KEY, stripe: { secretKey: process.env.STRIPE_KEY, mode: 'live' } };
      probe(config.name); probe(config.apiKey); probe(config.stripe.mode); probe(config.stripe.secretKey);
      probe(config.missing); probe(config); probe(config && config.name); probe(config.name || config.apiKey);
      const mutable = { label: 'x', token: process.env.GH_TOKEN };
      mutable.label = process.env.GH_TOKEN;
      probe(mutable.label);
      const spread = { ...other, host: 'h', key: process.env.DB_KEY };
      probe(spread.host);
    `;
    expect(probe(code)).toEqual([
      [], ['secret:SHOP_API_KEY', 'secret:apiKey'], [], ['secret:STRIPE_KEY', 'secret:secretKey'], [],
      ['secret:SHOP_API_KEY', 'secret:STRIPE_KEY'], [], ['secret:SHOP_API_KEY', 'secret:apiKey'], ['secret:GH_TOKEN'],
      ['secret:DB_KEY'],
    ]);
  });

  it('follows renamed destructuring from process.env in CommonJS', () => {
    const code = `const { GROQ_API_KEY: key, HOST: host } = process.env; probe(key); probe(host);`;
    expect(probe(code, { sourceType: 'commonjs' })).toEqual([['secret:GROQ_API_KEY'], []]);
  });

  it('exports the word lists as predicates', () => {
    expect(isSecretEnvName('GITHUB_TOKEN')).toBe(true);
    expect(isSecretEnvName('OPENAI_APIKEY')).toBe(true);
    expect(isSecretEnvName('MAX_TOKENS')).toBe(false);
    expect(isSecretEnvName('PUBLIC_KEY')).toBe(false);
    expect(isSecretFieldName('x-api-key')).toBe(true);
    expect(isSecretFieldName('privateKey')).toBe(true);
    expect(isSecretFieldName('prompt_tokens')).toBe(false);
    expect(isSecretFieldName('publicKey')).toBe(false);
    expect(literalKeyLabel('sk-ant-api03-abcdefghijklmnopqrstuv')).toBe('Anthropic API key');
    expect(literalKeyLabel(`AIza${'a'.repeat(35)}`)).toBe('Google API key');
    expect(literalKeyLabel('gsk_abcdefghijklmnopqrstuvwx')).toBe('Groq API key');
    expect(literalKeyLabel('xai-abcdefghijklmnopqrstuvwx')).toBe('xAI API key');
    expect(literalKeyLabel('task-abcdefghijklmnopqrstuvwxyz')).toBeUndefined();
  });

  it('does not count names that describe a secret: its count, limit, path, type, id, or a boolean about it', () => {
    expect(isSecretFieldName('tokenLimit')).toBe(false);
    expect(isSecretFieldName('token_type')).toBe(false);
    expect(isSecretFieldName('apiKeyId')).toBe(false);
    expect(isSecretFieldName('token_count_estimate')).toBe(false);
    expect(isSecretFieldName('hasToken')).toBe(false);
    expect(isSecretFieldName('passwordHash')).toBe(true);
    expect(isSecretFieldName('resetToken')).toBe(true);
    expect(isSecretEnvName('PRIVATE_KEY_PATH')).toBe(false);
    expect(isSecretEnvName('DB_PASSWORD_FILE')).toBe(false);
    expect(isSecretEnvName('OAUTH2_ALLOWED_TOKEN_DOMAINS')).toBe(false);
    expect(isSecretEnvName('JWT_SECRET')).toBe(true);
    expect(isSecretEnvName('DATABASE_URL')).toBe(true);
  });

  it('reads a credential header off an object of unknown role, a signed JWT, and drops what a mask replaced', () => {
    const code = `
      import jwt from 'jsonwebtoken';
      export function mw(r, h) {
        probe(r.headers.authorization); probe(r.header['x-api-key']); probe(r.headers.get('cookie'));
        probe(r.headers['content-type']); probe(r.headers.authorization.length);
        probe(jwt.sign({ id: 1 }, process.env.JWT_SECRET));
        probe(process.env.DATABASE_URL.replace(/\\/\\/.*@/, '//***@'));
        probe(process.env.DATABASE_URL.replace('postgres', 'pg'));
      }
    `;
    expect(probe(code)).toEqual([
      ['secret:authorization header'], ['secret:x-api-key'], ['secret:cookie header'],
      [], [],
      ['secret:signed JWT'],
      [],
      ['secret:DATABASE_URL'],
    ]);
  });
});

describe('digest origins', () => {
  it('traces createHmac/createHash through aliased, namespace and default imports', () => {
    const code = `
      import { createHmac as hmac } from 'node:crypto';
      import * as c from 'crypto';
      import crypto from 'crypto';
      probe(hmac('sha256', k).update(b).digest('hex'));
      const h = c.createHash('sha256');
      h.update(x);
      probe(h.digest('base64'));
      probe(crypto.createHmac('sha256', k).update(b).digest());
      probe(h.update(x));
    `;
    expect(probe(code)).toEqual([['digest:hmac'], ['digest'], ['digest:hmac'], []]);
  });

  it('traces destructured require and ignores look-alikes', () => {
    const code = `
      const { createHmac } = require('crypto');
      const sig = createHmac('sha256', s).update(raw).digest('hex');
      probe(sig); probe(Buffer.from(sig, 'hex'));
      function createHash() { return { update() { return this; }, digest() { return ''; } }; }
      probe(createHash().update(1).digest());
    `;
    expect(probe(code, { sourceType: 'commonjs' })).toEqual([['digest:hmac'], ['digest:hmac'], []]);
  });
});

describe('error origins', () => {
  it('marks catch parameters, .catch callbacks, rejection handlers and err-role parameters', () => {
    const code = `
      import express from 'express';
      const app = express();
      try { work(); } catch (e) { probe(e); probe(e.message); }
      work().catch((err) => probe(err.response.data));
      work().then((v) => probe(v), (e2) => probe(e2));
      app.use((er, req, res, next) => probe(er.stack));
    `;
    expect(probe(code, { roles: { er: 'err' } })).toEqual([['error'], ['error'], ['error'], [], ['error'], ['error']]);
  });
});

describe('prompt origins', () => {
  it('marks values sent to the model through a messages array variable', () => {
    const code = `
      import express from 'express';
      import OpenAI from 'openai';
      const client = new OpenAI();
      const app = express();
      const SYSTEM = 'You are a helpful assistant.';
      app.post('/chat', async (req, res) => {
        const prompt = req.body.prompt;
        const note = req.body.note;
        const messages = [{ role: 'system', content: SYSTEM }, { role: 'user', content: prompt }];
        const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });
        probe(prompt); probe(messages); probe(SYSTEM); probe(req.body.prompt); probe(note); probe(completion);
        res.json({ text: completion.choices[0].message.content });
      });
    `;
    expect(probe(code, { calls: OPENAI })).toEqual([
      // The list holding the system message, and the system prompt itself, also carry a system origin.
      ['prompt', 'request:body:prompt'], ['prompt', 'request:body:prompt', 'system:1'], ['prompt', 'system:0'], ['prompt', 'request:body:prompt'],
      ['request:body:note'], ['llm:'],
    ]);
  });

  it('follows pushes into a history and arguments of a same-file helper', () => {
    const code = `
      const express = require('express');
      const OpenAI = require('openai');
      const client = new OpenAI();
      function ask(q) { return client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); }
      express().get('/x', async (req, res) => {
        const history = [];
        history.push({ role: 'user', content: req.query.q });
        await client.chat.completions.create({ model: 'm', messages: history });
        await ask(req.query.text);
        const { topic } = req.body;
        await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: topic }] });
        probe(req.query.q); probe(req.query.text); probe(req.query.other); probe(req.body.topic); probe(req.body);
      });
    `;
    expect(probe(code, { calls: OPENAI, sourceType: 'commonjs' })).toEqual([
      ['prompt', 'request:query:q'], ['prompt', 'request:query:text'], ['request:query:other'],
      ['prompt', 'request:body:topic'], ['request:body'],
    ]);
  });
});

describe('secrets by use', () => {
  it('marks a value handed over as a credential, whatever it is called', () => {
    const code = `
      const OpenAI = require('openai');
      const client = new OpenAI({ apiKey: process.env.key });
      const token = process.env.UPSTREAM;
      const headers = { Authorization: 'Bearer ' + token };
      fetch('https://example.com', { headers });
      probe(process.env.key); probe(token); probe(process.env.UPSTREAM_URL); probe(process.env.PORT);
    `;
    expect(probe(code, { sourceType: 'commonjs' })).toEqual([['secret:key'], ['secret:token'], [], []]);
  });
});

describe('whole requests', () => {
  it('marks what flows into a request handed whole to the model, and a parsed message list', () => {
    const code = `
      const { Configuration, OpenAIApi } = require('openai');
      const openai = new OpenAIApi(new Configuration({}));
      async function run(params, message) {
        await openai.createChatCompletion(params);
        await openai.createChatCompletion({ model: 'm', messages: JSON.parse(message) });
        probe(params); probe(JSON.parse(message)); probe(message);
      }
    `;
    expect(probe(code, { sourceType: 'commonjs' })).toEqual([['prompt'], ['prompt'], ['prompt']]);
  });
});

describe('robustness', () => {
  it('answers on cycles and mutual recursion without hanging', () => {
    const code = `
      let x = process.env.SECRET_KEY;
      x = x + y;
      y = x;
      function a(n) { return n ? b(n - 1) : process.env.API_TOKEN; }
      function b(n) { return a(n); }
      probe(x); probe(y); probe(a(3));
    `;
    expect(probe(code)).toEqual([['secret:SECRET_KEY'], [], ['secret:API_TOKEN']]);
  });
});

describe('number conversions', () => {
  it('Number, parseInt and parseFloat keep the origin of what they convert', () => {
    const code = `
      import express from 'express';
      express().post('/x', (req, res) => {
        probe(Number(req.body.max));
        probe(parseInt(req.query.n, 10));
        probe(parseFloat(req.headers['x-f']));
        probe(Math.min(Number(req.body.max), 500));
      });
    `;
    const out = withModel(code, (m) =>
      m.file.index.calls
        .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
        .map((c) => m.originsOf(c.arguments[0]!).map((o) => (o.kind === 'request' ? o.part : o.kind)).join(',')),
    );
    expect(out).toEqual(['body', 'query', 'headers', '']);
  });
});

describe('prompt builders', () => {
  it('marks what a same-file function returns when its result becomes a prompt, through then/catch and await', () => {
    const code = `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      const getDataset = async (scope) => {
        const dataset = [];
        return load(scope).then((rows) => { rows.forEach((r) => dataset.push({ role: 'system', content: r })); return dataset; }).catch(() => []);
      };
      const listScopes = async () => ['a', 'b'];
      const scopes = await listScopes();
      getDataset('other').then((r) => probe(r));
      getDataset('chat').then((dataset) => openai.chat.completions.create({ model: 'm', messages: [...dataset] }));
      probe(await getDataset('x')); probe(scopes);
    `;
    expect(probe(code)).toEqual([['prompt'], ['prompt'], []]);
  });
});

describe('system prompt and retrieval origins', () => {
  it('marks the system prompt by where it goes, counts the lists around it, and drops it where the list is cut', () => {
    const code = `
      import express from 'express';
      import OpenAI from 'openai';
      const client = new OpenAI();
      const app = express();
      const BASE = 'You are the Acme assistant. Never quote internal prices.';
      const config = { model: 'gpt-4o', system: BASE + '\\n' + new Date().toISOString() };
      app.post('/chat', async (req, res) => {
        const { system: theirs } = req.body;
        const messages = [{ role: 'system', content: config.system }, { role: 'user', content: String(req.body.q) }];
        await client.chat.completions.create({ model: config.model, messages });
        await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: theirs }] });
        probe(BASE); probe(config); probe(config.model); probe(messages); probe(messages.map((m) => m.content));
        probe(messages.slice(1)); probe(messages.filter((m) => m.role === 'user')); probe(messages.at(-1)); probe(theirs);
      });
    `;
    const system = (vals: string[]) => vals.filter((v) => v.startsWith('system'));
    expect(probe(code, { calls: OPENAI }).map(system)).toEqual([
      ['system:0'], ['system:0'], [], ['system:1'], ['system:0'],
      [], [], [], [],
    ]);
  });

  it('follows retrieved documents with their path', () => {
    const code = `
      import express from 'express';
      const app = express();
      app.post('/ask', async (req, res) => {
        const docs = await store.similaritySearch(req.body.q, 4);
        const hits = await index.query({ vector: req.body.v, topK: 3 });
        probe(docs); probe(docs.map((d) => d.metadata.title)); probe(hits.matches);
      });
    `;
    expect(probe(code)).toEqual([['retrieved:LangChain:'], ['retrieved:LangChain:*.metadata.title'], ['retrieved:Pinecone:matches']]);
  });
});
