import rule from '../../rules/require-output-limit.js';
import { cjs, ruleTester } from '../helpers.js';
ruleTester().run('require-output-limit', rule, {
  valid: [
    // Valid because the OpenAI chat call caps its output with max_tokens.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 300, messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0]?.message?.content ?? '' });
});`,
    },
    // Valid because max_completion_tokens is the newer OpenAI key.
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (q: string) => openai.chat.completions.create({ model: 'o3-mini', max_completion_tokens: 800, messages: [{ role: 'user', content: q }] });`,
    },
    // Valid because the Responses API call in a Fastify handler sets max_output_tokens.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const client = new OpenAI();
fastify.post('/r', async (request) => {
  const r = await client.responses.create({ model: 'gpt-4o', input: String(request.body.q), max_output_tokens: 500 });
  return { text: r.output_text };
});`,
    },
    // Valid because the Anthropic call sets max_tokens (CommonJS, aliased client).
    {
      code: `
const Anthropic = require('@anthropic-ai/sdk');
const fastify = require('fastify')();
const claude = new Anthropic();
const llm = claude;
fastify.post('/ask', async (request) => {
  const msg = await llm.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 512, messages: [{ role: 'user', content: request.body.q }] });
  return { text: msg.content[0].text };
});`,
      ...cjs,
    },
    // Valid because @google/genai reads maxOutputTokens from config (Koa router).
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
const router = new Router();
router.post('/g', async (ctx) => {
  const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi', config: { maxOutputTokens: 256 } });
  ctx.body = r.text;
});`,
    },
    // Valid because the getGenerativeModel setup options cap every call made with that model.
    {
      code: `
import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(process.env.GEMINI_KEY);
const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 200 } });
export const ask = (q) => model.generateContent(q);`,
    },
    // Valid because the Vercel ai call in a Next.js route handler sets maxOutputTokens.
    {
      code: `
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const result = streamText({ model: openai('gpt-4o'), prompt: String(prompt), maxOutputTokens: 500 });
  return result.toTextStreamResponse();
}`,
    },
    // Valid because the Vercel ai 4 key maxTokens is a limit too (Hono).
    {
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
const app = new Hono();
app.post('/x', async (c) => {
  const { text } = await generateText({ model: m, prompt: 'Summarise the news', maxTokens: 400 });
  return c.text(text);
});`,
    },
    // Valid because the LangChain model is built with maxTokens, which covers invoke().
    {
      code: `
import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });
export const ask = (q: string) => model.invoke(q);`,
    },
    // Valid because the Bedrock Converse command caps output in inferenceConfig.
    {
      code: `
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({});
export async function ask(text: string) {
  return client.send(new ConverseCommand({ modelId: 'x', messages: [{ role: 'user', content: [{ text }] }], inferenceConfig: { maxTokens: 512 } }));
}`,
    },
    // Valid because the JSON body sent to api.openai.com sets max_tokens.
    {
      code: `
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: String(req.body.q) }] }),
  });
  res.json({ text: (await r.json()).choices[0].message.content });
});`,
    },
    // Valid because the client's number is clamped on the server with Math.min.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', max_tokens: Math.min(Number(req.body.maxTokens) || 256, 1000), messages: [] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because the limit comes from the authenticated user's plan, which the server sets, not from the request body.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', max_tokens: req.user.plan.maxTokens, messages: [] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because the options are spread from an object the rule cannot see in full: it stays silent on doubt.
    {
      code: `
import OpenAI from 'openai';
import { defaults } from './defaults.js';
const openai = new OpenAI();
export const ask = (messages) => openai.chat.completions.create({ ...defaults, messages });`,
    },
    // Valid because the options are a parameter built elsewhere.
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (opts) => openai.chat.completions.create(opts);`,
    },
    // Valid because the genai config is built by an unknown function, so the limit may be inside it.
    {
      code: `
import { GoogleGenAI } from '@google/genai';
import { makeConfig } from './config.js';
const ai = new GoogleGenAI({});
export const ask = (q: string) => ai.models.generateContent({ model: 'g', contents: q, config: makeConfig() });`,
    },
    // Valid because a local object that only looks like a client is not a model SDK.
    {
      code: `
import express from 'express';
const app = express();
const openai = { chat: { completions: { create: async (o) => o } } };
app.post('/x', async (req, res) => res.json(await openai.chat.completions.create({ messages: [] })));`,
    },
    // KNOWN MISS: a LangChain model built with no arguments has no limit, but an empty setup reads like an unknown one.
    {
      code: `
import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI();
export const ask = (q: string) => model.invoke(q);`,
    },
    // KNOWN MISS: a request value passed through an imported helper is taken as server-chosen (the helper may clamp it).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
import { pick } from './util.js';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', max_tokens: pick(req.body.maxTokens), messages: [] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
  ],
  invalid: [
    // Invalid because the Express handler's OpenAI chat call sets no limit.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0]?.message?.content ?? '' });
});`,
      errors: [
        {
          messageId: 'noLimit',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 126,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ max_completion_tokens: 1024, model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0]?.message?.content ?? '' });
});`,
            },
          ],
        },
      ],
    },
    // Invalid because the client picks max_tokens from the request body.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', max_tokens: req.body.maxTokens, messages: [] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'clientLimit',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 111,
          suggestions: [],
        },
      ],
    },
    // Invalid because the limit is destructured from the query and only converted with Number().
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.get('/draft', async (req, res) => {
  const { limit } = req.query;
  const r = await openai.responses.create({ model: 'gpt-4o', input: 'Write a draft', max_output_tokens: Number(limit) });
  res.json({ text: r.output_text });
});`,
      errors: [
        {
          messageId: 'clientLimit',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 121,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Responses call in a Fastify handler sets no max_output_tokens.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const client = new OpenAI();
fastify.post('/r', async (request) => {
  const r = await client.responses.create({ model: 'gpt-4o', input: String(request.body.q) });
  return { text: r.output_text };
});`,
      errors: [
        {
          messageId: 'noLimit',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 94,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const client = new OpenAI();
fastify.post('/r', async (request) => {
  const r = await client.responses.create({ max_output_tokens: 1024, model: 'gpt-4o', input: String(request.body.q) });
  return { text: r.output_text };
});`,
            },
          ],
        },
      ],
    },
    // Invalid because the Anthropic call has no max_tokens (CommonJS, destructured client member).
    {
      code: `
const Anthropic = require('@anthropic-ai/sdk');
const fastify = require('fastify')();
const { messages } = new Anthropic();
fastify.post('/ask', async (request) => {
  const msg = await messages.create({
    model: 'claude-3-5-haiku-latest',
    messages: [{ role: 'user', content: request.body.q }],
  });
  return { text: msg.content[0].text };
});`,
      ...cjs,
      errors: [
        {
          messageId: 'noLimit',
          line: 6,
          column: 21,
          endLine: 9,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
const Anthropic = require('@anthropic-ai/sdk');
const fastify = require('fastify')();
const { messages } = new Anthropic();
fastify.post('/ask', async (request) => {
  const msg = await messages.create({
    max_tokens: 1024, model: 'claude-3-5-haiku-latest',
    messages: [{ role: 'user', content: request.body.q }],
  });
  return { text: msg.content[0].text };
});`,
            },
          ],
        },
      ],
    },
    // Invalid because the fastify limit comes from a request header.
    {
      code: `
const fastify = require('fastify')();
const Groq = require('groq-sdk');
const groq = new Groq();
fastify.post('/g', async (request) => {
  const r = await groq.chat.completions.create({ model: 'llama3', max_tokens: parseInt(request.headers['x-max-tokens'], 10), messages: [] });
  return { text: r.choices[0].message.content };
});`,
      ...cjs,
      errors: [
        {
          messageId: 'clientLimit',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 141,
          suggestions: [],
        },
      ],
    },
    // Invalid because the genai config has no maxOutputTokens; the fix goes into config (Koa).
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
const router = new Router();
router.post('/g', async (ctx) => {
  const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: ctx.request.body.q, config: { temperature: 0.2 } });
  ctx.body = r.text;
});`,
      errors: [
        {
          messageId: 'noLimit',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 135,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import Koa from 'koa';
import Router from '@koa/router';
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
const router = new Router();
router.post('/g', async (ctx) => {
  const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: ctx.request.body.q, config: { maxOutputTokens: 1024, temperature: 0.2 } });
  ctx.body = r.text;
});`,
            },
          ],
        },
      ],
    },
    // Invalid because the genai call has no config at all; the fix adds one.
    {
      code: `
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
export const ask = (q: string) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: q });`,
      errors: [
        {
          messageId: 'noLimit',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
export const ask = (q: string) => ai.models.generateContent({ config: { maxOutputTokens: 1024 }, model: 'gemini-2.0-flash', contents: q });`,
            },
          ],
        },
      ],
    },
    // Invalid because the generative-ai model has no generationConfig; the fix goes into its setup options.
    {
      code: `
import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(process.env.GEMINI_KEY);
const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
export const ask = (q) => model.generateContent(q);`,
      errors: [
        {
          messageId: 'noLimit',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(process.env.GEMINI_KEY);
const model = genAI.getGenerativeModel({ generationConfig: { maxOutputTokens: 1024 }, model: 'gemini-1.5-flash' });
export const ask = (q) => model.generateContent(q);`,
            },
          ],
        },
      ],
    },
    // Invalid because the Vercel ai streamText call in a Next.js route has no limit.
    {
      code: `
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const result = streamText({ model: openai('gpt-4o'), prompt: String(prompt) });
  return result.toTextStreamResponse();
}`,
      errors: [
        {
          messageId: 'noLimit',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const result = streamText({ maxOutputTokens: 1024, model: openai('gpt-4o'), prompt: String(prompt) });
  return result.toTextStreamResponse();
}`,
            },
          ],
        },
      ],
    },
    // Invalid because the Hono handler lets the client set maxOutputTokens.
    {
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
const app = new Hono();
app.post('/x', async (c) => {
  const body = await c.req.json();
  const { text } = await generateText({ model: m, prompt: 'Summarise', maxOutputTokens: body.max });
  return c.text(text);
});`,
      errors: [
        {
          messageId: 'clientLimit',
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 100,
          suggestions: [],
        },
      ],
    },
    // Invalid because the LangChain model's constructor options set no limit; no mechanical fix since the key depends on the class.
    {
      code: `
import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
const app = express();
const model = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });
app.post('/lc', async (req, res) => {
  const out = await model.invoke(String(req.body.q));
  res.json({ text: out.content });
});`,
      errors: [
        {
          messageId: 'noLimit',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Bedrock Converse command has no inferenceConfig; the fix adds one.
    {
      code: `
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({});
export async function ask(text: string) {
  return client.send(new ConverseCommand({ modelId: 'x', messages: [{ role: 'user', content: [{ text }] }] }));
}`,
      errors: [
        {
          messageId: 'noLimit',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 111,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({});
export async function ask(text: string) {
  return client.send(new ConverseCommand({ inferenceConfig: { maxTokens: 1024 }, modelId: 'x', messages: [{ role: 'user', content: [{ text }] }] }));
}`,
            },
          ],
        },
      ],
    },
    // Invalid because the Bedrock inferenceConfig sets only a temperature.
    {
      code: `
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({});
export async function ask(text: string) {
  const command = new ConverseCommand({ modelId: 'x', messages: [], inferenceConfig: { temperature: 0.1 } });
  return client.send(command);
}`,
      errors: [
        {
          messageId: 'noLimit',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({});
export async function ask(text: string) {
  const command = new ConverseCommand({ modelId: 'x', messages: [], inferenceConfig: { maxTokens: 1024, temperature: 0.1 } });
  return client.send(command);
}`,
            },
          ],
        },
      ],
    },
    // Invalid because the JSON body posted to api.openai.com sets no max_tokens.
    {
      code: `
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.body.q) }] }),
  });
  res.json({ text: (await r.json()).choices[0].message.content });
});`,
      errors: [
        {
          messageId: 'noLimit',
          line: 5,
          column: 19,
          endLine: 8,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ max_tokens: 1024, model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.body.q) }] }),
  });
  res.json({ text: (await r.json()).choices[0].message.content });
});`,
            },
          ],
        },
      ],
    },
    // Invalid because a same-file helper called from the route builds its options from a local const without a limit; the const may be shared, so no suggestion.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
async function summarise(text: string) {
  const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: text }] };
  return openai.chat.completions.create(params);
}
app.post('/sum', async (req, res) => {
  const r = await summarise(String(req.body.text));
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'noLimit',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    // Invalid because a client kept on a class field still makes an unlimited call.
    {
      code: `
import OpenAI from 'openai';
export class Assistant {
  private client = new OpenAI();
  async ask(q: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });
  }
}`,
      errors: [
        {
          messageId: 'noLimit',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 115,
          suggestions: [
            {
              messageId: 'addLimit',
              output: `
import OpenAI from 'openai';
export class Assistant {
  private client = new OpenAI();
  async ask(q: string) {
    return this.client.chat.completions.create({ max_completion_tokens: 1024, model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
