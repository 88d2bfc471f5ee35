import rule from '../../rules/no-untrusted-system-prompt.js';
import { cjs, ruleTester } from '../helpers.js';
ruleTester().run('no-untrusted-system-prompt', rule, {
  valid: [
    // Valid because the messages held through a local body are filtered down to user and assistant turns (Next.js).
    {
      code: `
import OpenAI from 'openai';
export async function POST(request: Request) {
  const json = await request.json();
  const { messages } = json as { messages: any[] };
  const turns = messages.filter((m: any) => m.role === 'user' || m.role === 'assistant');
  const r = await new OpenAI().chat.completions.create({ model: 'gpt-4o', max_tokens: 99, messages: turns });
  return Response.json({ text: r.choices[0].message.content });
}`,
      filename: 'app/api/chat/route.ts',
    },
    // Valid because the helper that builds the message list reads only the question from the request; its system message is a constant (CommonJS).
    {
      code: `
const express = require('express');
const OpenAI = require('openai');
const app = express();
const openai = new OpenAI();
function buildMessages(req) {
  const tone = 'friendly';
  return [
    { role: 'system', content: \`You are a \${tone} support agent for Acme.\` },
    { role: 'user', content: String(req.body.question) },
  ];
}
app.post('/support', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', max_tokens: 100, messages: buildMessages(req) });
  res.json({ text: r.choices[0].message.content });
});`,
      ...cjs,
    },
    // Valid because request data goes only into the user message; the system prompt is a constant.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM = 'You are a support assistant for Acme.';
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: req.body.question }],
  });
  res.json({ text: r.choices[0]?.message?.content ?? '' });
});`,
    },
    // Valid because the authenticated user's name (req.user, set by auth middleware) is server-side identity, not client data.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
import passport from 'passport';
const app = express();
const openai = new OpenAI();
app.post('/chat', passport.authenticate('jwt'), async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: \`You help \${req.user.name} (\${req.auth.user}).\` }, { role: 'user', content: req.body.q }],
  });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because the tone is checked against a const allow-list before it reaches the system prompt.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const ALLOWED = ['formal', 'casual', 'neutral'] as const;
app.post('/chat', async (req, res) => {
  const tone = ALLOWED.includes(req.body.tone) ? req.body.tone : 'neutral';
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: \`Answer in a \${tone} tone.\` }, { role: 'user', content: req.body.q }],
  });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because a Set allow-list and literal comparisons narrow the values to the file's own strings (CommonJS).
    {
      code: `
const express = require('express');
const OpenAI = require('openai');
const app = express();
const openai = new OpenAI();
const LANGS = new Set(['en', 'fr']);
app.post('/t', async (req, res) => {
  const lang = LANGS.has(req.query.lang) ? req.query.lang : 'en';
  const level = req.query.level === 'expert' || req.query.level === 'beginner' ? req.query.level : 'beginner';
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: 'Reply in ' + lang + ' for a ' + level }, { role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});`,
      ...cjs,
    },
    // Valid because a persona picked by key from a const map yields the server's text, not the client's.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const PERSONAS = { pirate: 'Talk like a pirate.', chef: 'Talk like a chef.' };
app.post('/chat', async (req, res) => {
  const persona = PERSONAS[req.body.persona as keyof typeof PERSONAS] ?? 'Be helpful.';
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: persona }, { role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because the Anthropic system prompt is constant and the request text is the user turn (Fastify).
    {
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const claude = new Anthropic();
fastify.post('/ask', async (request) => {
  const msg = await claude.messages.create({ model: 'c', max_tokens: 100, system: 'You are terse.', messages: [{ role: 'user', content: request.body.q }] });
  return { text: msg.content[0].text };
});`,
    },
    // Valid because Koa's ctx.state.user is set by the auth middleware, not by the client.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const client = new OpenAI();
const router = new Router();
router.post('/r', async (ctx) => {
  const r = await client.responses.create({ model: 'x', instructions: \`Speak to \${ctx.state.user.name}\`, input: String(ctx.request.body.q) });
  ctx.body = r.output_text;
});`,
    },
    // Valid because the client's message list is filtered down to user and assistant turns before it is sent.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const history = req.body.messages.filter((m) => m.role === 'user' || m.role === 'assistant');
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: 'Be kind.' }, ...history] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because Anthropic only accepts user and assistant roles in messages, so a client list cannot add a system turn.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const claude = new Anthropic();
app.post('/chat', async (req, res) => {
  const msg = await claude.messages.create({ model: 'c', max_tokens: 100, system: 'Be kind.', messages: req.body.messages });
  res.json({ text: msg.content[0].text });
});`,
    },
    // Valid because Vercel ai is told to drop system messages from the client's list (allowSystemInMessages: false).
    {
      code: `
import { streamText } from 'ai';
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: m, system: 'Be kind.', messages, allowSystemInMessages: false });
  return result.toTextStreamResponse();
}`,
      filename: 'app/api/chat/route.ts',
    },
    // Valid because the Responses API input from the client is the user's text, not instructions.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const client = new OpenAI();
app.post('/r', async (req, res) => {
  const r = await client.responses.create({ model: 'x', instructions: 'Be brief.', input: req.body.input });
  res.json({ text: r.output_text });
});`,
    },
    // Valid because the request value goes through an imported sanitizer, whose result the rule cannot trace to the request.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
import { toPersona } from './personas.js';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: toPersona(req.body.persona) }] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // KNOWN MISS: an allow-list check that ends the request (if (!ALLOWED.includes(tone)) return ...) is not seen, so the tone stays reported if used afterwards; write it as a conditional expression instead. Here the check is a conditional so nothing is reported.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const ALLOWED = ['a', 'b'];
app.post('/chat', async (req, res) => {
  const tone = !ALLOWED.includes(req.body.tone) ? 'a' : req.body.tone;
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: tone }] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // KNOWN MISS: a LangChain invoke() given the client's whole list cannot be told apart from a plain user string.
    {
      code: `
import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
const app = express();
const model = new ChatOpenAI({ maxTokens: 100 });
app.post('/lc', async (req, res) => {
  const out = await model.invoke(req.body.messages);
  res.json({ text: out.content });
});`,
    },
    // KNOWN MISS: a system prompt kept on an object property that is written later is not followed.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const cfg = { system: '' };
  cfg.system = req.body.system;
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: cfg.system }] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because every client message is mapped to the user role before it reaches the model.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const messages = req.body.messages.map((m) => ({ role: 'user', content: String(m.content) }));
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }, ...messages] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
    },
    // Valid because system and developer turns are filtered out of the client's list (Koa).
    {
      code: `
import Router from '@koa/router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const history = ctx.request.body.messages.filter((m) => m.role === 'user' || m.role === 'assistant');
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: history });
  ctx.body = { text: r.choices[0]?.message?.content };
});`,
    },
    // Valid because the schema's role is an enum of user and assistant, so a system turn fails validation (Fastify, zod).
    {
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
const fastify = Fastify();
const anthropic = new Anthropic();
const Body = z.object({ messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })) });
fastify.post('/chat', async (request) => {
  const { messages } = Body.parse(request.body);
  const m = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: 'Be brief.', messages });
  return { text: m.content[0].type === 'text' ? m.content[0].text : '' };
});`,
    },
    // Valid because the spread rest of the body names messages apart, so it holds no message list (Koa).
    {
      code: `
import Router from '@koa/router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const { messages, ...rest } = ctx.request.body;
  const r = await openai.chat.completions.create({
    model: 'gpt-4o',
    ...rest,
    messages: messages.map((m) => ({ role: 'user', content: String(m.content) })),
  });
  ctx.body = { text: r.choices[0]?.message?.content };
});`,
    },
  ],
  invalid: [
    // Invalid because a body field is written into the OpenAI system message through destructuring and a template literal.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const { persona } = req.body;
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: \`You are \${persona}.\` }, { role: 'user', content: req.body.q }],
  });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 10,
          column: 54,
          endLine: 10,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    // Invalid because the const messages array puts a query value into a developer message.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.get('/chat', async (req, res) => {
  const messages = [
    { role: 'developer', content: 'Mode: ' + req.query.mode },
    { role: 'user', content: String(req.query.q) },
  ];
  const r = await openai.chat.completions.create({ model: 'o3-mini', messages });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 8,
          column: 46,
          endLine: 8,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
    // Invalid because a value checked against a list that other code can change is still the client's value.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const ALLOWED = ['formal'];
ALLOWED.push(process.env.EXTRA_TONE);
app.post('/chat', async (req, res) => {
  const tone = ALLOWED.includes(req.body.tone) ? req.body.tone : 'formal';
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: tone }] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 10,
          column: 102,
          endLine: 10,
          endColumn: 106,
          suggestions: [],
        },
      ],
    },
    // Invalid because a same-file helper builds the Anthropic system prompt from a header (Fastify, CommonJS).
    {
      code: `
const Anthropic = require('@anthropic-ai/sdk');
const fastify = require('fastify')();
const claude = new Anthropic();
function buildSystem(company) {
  return 'You are the assistant of ' + company + '.';
}
fastify.post('/ask', async (request) => {
  const msg = await claude.messages.create({
    model: 'c', max_tokens: 100,
    system: buildSystem(request.headers['x-company']),
    messages: [{ role: 'user', content: request.body.q }],
  });
  return { text: msg.content[0].text };
});`,
      ...cjs,
      errors: [
        {
          messageId: 'untrusted',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Responses API instructions come from the Koa request body.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const client = new OpenAI();
const router = new Router();
router.post('/r', async (ctx) => {
  const r = await client.responses.create({ model: 'x', instructions: ctx.request.body.instructions, input: String(ctx.query.q) });
  ctx.body = r.output_text;
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 8,
          column: 71,
          endLine: 8,
          endColumn: 100,
          suggestions: [],
        },
      ],
    },
    // Invalid because a Koa route param becomes a developer message.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const client = new OpenAI();
const router = new Router();
router.get('/mode/:mode', async (ctx) => {
  const r = await client.chat.completions.create({ model: 'x', messages: [{ role: 'developer', content: ctx.params.mode }] });
  ctx.body = r.choices[0].message.content;
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 8,
          column: 105,
          endLine: 8,
          endColumn: 120,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Vercel ai system option takes the Hono JSON body.
    {
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
const app = new Hono();
app.post('/x', async (c) => {
  const body = await c.req.json();
  const { text } = await generateText({ model: m, system: body.system, prompt: String(body.prompt) });
  return c.text(text);
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 7,
          column: 59,
          endLine: 7,
          endColumn: 70,
          suggestions: [],
        },
      ],
    },
    // Invalid because Google genai systemInstruction comes from a Hono query.
    {
      code: `
import { Hono } from 'hono';
import { GoogleGenAI } from '@google/genai';
const app = new Hono();
const ai = new GoogleGenAI({});
app.get('/g', async (c) => {
  const r = await ai.models.generateContent({ model: 'g', contents: 'hi', config: { systemInstruction: c.req.query('style') } });
  return c.text(r.text ?? '');
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 7,
          column: 104,
          endLine: 7,
          endColumn: 124,
          suggestions: [],
        },
      ],
    },
    // Invalid because a cookie goes into getGenerativeModel's systemInstruction.
    {
      code: `
import express from 'express';
import { GoogleGenerativeAI } from '@google/generative-ai';
const app = express();
const genAI = new GoogleGenerativeAI(process.env.KEY);
app.post('/g', async (req, res) => {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', systemInstruction: \`Theme: \${req.cookies.theme}\` });
  const r = await model.generateContent(String(req.body.q));
  res.json({ text: r.response.text() });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 7,
          column: 100,
          endLine: 7,
          endColumn: 117,
          suggestions: [],
        },
      ],
    },
    // Invalid because LangChain SystemMessage and a ChatPromptTemplate system part take request data.
    {
      code: `
import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
import { SystemMessage, HumanMessage } from '@langchain/core/messages';
import { ChatPromptTemplate } from '@langchain/core/prompts';
const app = express();
const model = new ChatOpenAI({ maxTokens: 100 });
app.post('/lc', async (req, res) => {
  const out = await model.invoke([new SystemMessage(req.body.rules), new HumanMessage(String(req.body.q))]);
  const prompt = ChatPromptTemplate.fromMessages([['system', \`You are \${req.query.role}\`], ['human', '{input}']]);
  const out2 = await prompt.pipe(model).invoke({ input: String(req.body.q) });
  res.json({ a: out.content, b: out2.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 9,
          column: 53,
          endLine: 9,
          endColumn: 67,
          suggestions: [],
        },
        {
          messageId: 'untrusted',
          line: 10,
          column: 73,
          endLine: 10,
          endColumn: 87,
          suggestions: [],
        },
      ],
    },
    // Invalid because the client's whole message list is sent as is, so it can carry its own system message.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', messages: req.body.messages });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'clientMessages',
          line: 7,
          column: 74,
          endLine: 7,
          endColumn: 91,
          suggestions: [],
        },
      ],
    },
    // Invalid because a server system message followed by the client's spread history still lets the client add system turns.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const { history } = req.body;
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: 'Be kind.' }, ...history] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'clientMessages',
          line: 8,
          column: 119,
          endLine: 8,
          endColumn: 126,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Next.js route passes the client's messages to Vercel ai streamText unchanged.
    {
      code: `
import { streamText } from 'ai';
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: m, system: 'Be kind.', messages });
  return result.toTextStreamResponse();
}`,
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId: 'clientMessages',
          line: 5,
          column: 61,
          endLine: 5,
          endColumn: 69,
          suggestions: [],
        },
      ],
    },
    // Invalid because the body is held in a local first and the messages destructured from it with a cast (Next.js).
    {
      code: `
import OpenAI from 'openai';
export async function POST(request: Request) {
  const json = await request.json();
  const { chatSettings, messages } = json as { chatSettings: { model: string }; messages: any[] };
  const r = await new OpenAI().chat.completions.create({ model: chatSettings.model, max_tokens: 99, messages: messages as any });
  return Response.json({ text: r.choices[0].message.content });
}`,
      filename: 'app/api/chat/route.ts',
      errors: [{ messageId: 'clientMessages', line: 6 }],
    },
    // Invalid because a fetch to api.openai.com carries a body field in its system message.
    {
      code: `
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'x', messages: [{ role: 'system', content: req.body.system }, { role: 'user', content: String(req.body.q) }] }),
  });
  res.json({ text: (await r.json()).choices[0].message.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 7,
          column: 78,
          endLine: 7,
          endColumn: 93,
          suggestions: [],
        },
      ],
    },
    // Invalid because a same-file helper that calls the model receives the system prompt from the route (aliased client, TypeScript).
    {
      code: `
import express, { type Request, type Response } from 'express';
import { OpenAI as Client } from 'openai';
const app = express();
const llm = new Client();
async function ask(system: string, question: string) {
  return llm.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: system }, { role: 'user', content: question }] });
}
app.post('/ask', async (req: Request, res: Response) => {
  const r = await ask(req.body.system as string, String(req.body.q));
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 10,
          column: 23,
          endLine: 10,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    // Invalid because a same-file helper builds the whole message list from the request and puts a body field in the system message (TypeScript).
    {
      code: `
import express, { type Request } from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
function buildMessages(req: Request) {
  const persona = req.body.persona ?? 'a support agent';
  return [
    { role: 'system' as const, content: \`You are \${persona} for Acme.\` },
    { role: 'user' as const, content: String(req.body.question) },
  ];
}
app.post('/support', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', max_tokens: 100, messages: buildMessages(req) });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 9,
          column: 52,
          endLine: 9,
          endColumn: 59,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Bedrock Converse system block takes a body field.
    {
      code: `
import express from 'express';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const app = express();
const client = new BedrockRuntimeClient({});
app.post('/b', async (req, res) => {
  const out = await client.send(new ConverseCommand({ modelId: 'x', system: [{ text: req.body.role }], messages: [] }));
  res.json({ text: out.output?.message?.content?.[0]?.text });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 7,
          column: 86,
          endLine: 7,
          endColumn: 99,
          suggestions: [],
        },
      ],
    },
    // Invalid because the branch that is not narrowed by the allow-list check still carries another request field.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const ALLOWED = ['a', 'b'];
app.post('/chat', async (req, res) => {
  const tone = ALLOWED.includes(req.body.tone) ? req.body.other : 'a';
  const r = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: tone }] });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'untrusted',
          line: 9,
          column: 102,
          endLine: 9,
          endColumn: 106,
          suggestions: [],
        },
      ],
    },
    // Invalid because the client's whole request object is the model call's options (openai v3, Koa, CommonJS).
    {
      code: `
const Koa = require('koa');
const { Configuration, OpenAIApi } = require('openai');
const app = new Koa();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
app.use(async (ctx) => {
  const { chat_param } = ctx.request.body;
  const completion = await openai.createChatCompletion(chat_param, { timeout: 500000 });
  ctx.body = completion.data.choices[0].message.content;
});`,
      ...cjs,
      errors: [
        {
          messageId: 'clientOptions',
          line: 8,
          column: 56,
          endLine: 8,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    // Invalid because the request body is spread into the options, messages and roles included (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/v1/chat/completions', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', ...req.body, stream: false });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'clientOptions',
          line: 7,
          column: 77,
          endLine: 7,
          endColumn: 85,
          suggestions: [],
        },
      ],
    },
    // Invalid because convertToModelMessages keeps each UI message's role, system included (Next.js, Vercel ai).
    {
      code: `
import { convertToModelMessages, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: openai('gpt-4o'), system: 'Be kind.', messages: convertToModelMessages(messages) });
  return result.toUIMessageStreamResponse();
}`,
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId: 'clientMessages',
          line: 6,
          column: 86,
          endLine: 6,
          endColumn: 118,
          suggestions: [],
        },
      ],
    },
    // Invalid because the schema accepts any string as the role, so parse lets a system turn through (Fastify, zod).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
import { z } from 'zod';
const fastify = Fastify();
const openai = new OpenAI();
const Message = z.object({ role: z.string(), content: z.string() });
const Body = z.object({ messages: z.array(Message) });
fastify.post('/chat', async (request) => {
  const body = Body.parse(request.body);
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: body.messages });
  return { text: r.choices[0]?.message?.content };
});`,
      errors: [
        {
          messageId: 'clientMessages',
          line: 11,
          column: 79,
          endLine: 11,
          endColumn: 92,
          suggestions: [],
        },
      ],
    },
    // Invalid because the map copies each client message's role (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: req.body.messages.map((m) => ({ role: m.role, content: String(m.content) })),
  });
  res.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'clientMessages',
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 91,
          suggestions: [],
        },
      ],
    },
    // Invalid because the last ten client turns keep their roles in the list built beside the call (Hono).
    {
      code: `
import { Hono } from 'hono';
import OpenAI from 'openai';
const app = new Hono();
const openai = new OpenAI();
app.post('/chat', async (c) => {
  const { history } = await c.req.json();
  const messages = [{ role: 'system', content: 'Be brief.' }, ...history.slice(-10)];
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return c.json({ text: r.choices[0]?.message?.content });
});`,
      errors: [
        {
          messageId: 'clientMessages',
          line: 9,
          column: 69,
          endLine: 9,
          endColumn: 77,
          suggestions: [],
        },
      ],
    },
  ],
});
