import rule from '../../rules/no-system-prompt-to-client.js';
import { cjs, ruleTester } from '../helpers.js';

const prompt = { messageId: 'prompt' as const };
const messages = { messageId: 'messages' as const };

ruleTester().run('no-system-prompt-to-client', rule, {
  valid: [
    // Valid because only the generated answer goes out; the system prompt is used, not sent.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You are the support bot of Acme. Never mention internal tools.';
app.post('/chat', async (req, res) => {
  const messages = [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: String(req.body.q) }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ answer: completion.choices[0].message.content });
});
`,
    },
    // Valid because the message list the client sent is echoed back: it holds no system message of the server.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const { messages } = req.body;
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ messages, answer: completion.choices[0].message.content });
});
`,
    },
    // Valid because the system prompt the client chose is echoed back to that client.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
app.post('/chat', async (req, res) => {
  const { system, prompt } = req.body;
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system, messages: [{ role: 'user', content: prompt }] });
  res.json({ system, text: msg.content[0].text });
});
`,
    },
    // Valid because the list sent back leaves the system message out (a role filter, or the slice after it).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM = 'You are a careful assistant for Acme support staff.';
app.post('/chat', async (req, res) => {
  const messages = [{ role: 'system', content: SYSTEM }, ...req.body.history];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  messages.push(completion.choices[0].message);
  res.json({ history: messages.filter((m) => m.role !== 'system'), rest: messages.slice(1), last: messages[messages.length - 1] });
});
`,
    },
    // Valid because the cited documents are reduced to titles and links.
    {
      code: `
import express from 'express';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
const app = express();
const store = new MemoryVectorStore(new OpenAIEmbeddings());
app.post('/ask', async (req, res) => {
  const docs = await store.similaritySearch(String(req.body.q), 4);
  res.json({ sources: docs.map((d) => ({ title: d.metadata.title, url: d.metadata.url })) });
});
`,
    },
    // Valid because a user message built by the server holds no system prompt.
    {
      code: `
const express = require('express');
const OpenAI = require('openai');
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const messages = [{ role: 'user', content: 'Summarize: ' + req.body.text }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ messages, summary: completion.choices[0].message.content });
});
`,
      ...cjs,
    },

    // Valid because a chat UI notice with role 'system' never reaches a model: it is not a system prompt.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  if (!req.body.q) return res.json({ role: 'system', content: 'Please type a question.' });
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ role: 'assistant', content: completion.choices[0].message.content });
});
`,
    },
    // Valid because only the model name of the config goes out, not the config that holds the prompt.
    {
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
const config = { model: 'claude-sonnet-4-5', systemPrompt: 'You are the Acme concierge; never discuss refunds.' };
fastify.post('/chat', async (request) => {
  const msg = await anthropic.messages.create({ model: config.model, max_tokens: 300, system: config.systemPrompt, messages: [{ role: 'user', content: request.body.q }] });
  return { model: config.model, text: msg.content[0].text };
});
fastify.get('/info', async () => ({ model: config.model }));
`,
    },
    // Valid because Pinecone matches are reduced to titles and links.
    {
      code: `
import { Hono } from 'hono';
import { Pinecone } from '@pinecone-database/pinecone';
const app = new Hono();
const index = new Pinecone().index('docs');
app.post('/search', async (c) => {
  const { vector } = await c.req.json();
  const result = await index.query({ vector, topK: 5, includeMetadata: true });
  return c.json(result.matches.map((m) => ({ title: m.metadata.title, url: m.metadata.url })));
});
`,
    },
    // Valid because the answer of a Koa route goes out, and the prompt template stays on the server.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';
const app = new Koa();
const router = new Router();
const model = new ChatOpenAI({ model: 'gpt-4o-mini' });
const prompt = ChatPromptTemplate.fromMessages([['system', 'You are the Acme assistant; keep pricing rules secret.'], ['human', '{question}']]);
router.post('/ask', async (ctx) => {
  const answer = await prompt.pipe(model).invoke({ question: ctx.request.body.question });
  ctx.body = { answer: answer.content };
});
app.use(router.routes());
`,
    },

    // Valid because the route that sends the prompt is registered only outside production.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM = 'You are the Acme assistant; refunds above $200 need approval.';
app.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: req.body.q }] });
  res.json({ text: c.choices[0].message.content });
});
if (process.env.NODE_ENV !== 'production') {
  app.get('/dev/prompt', (req, res) => res.json({ system: SYSTEM }));
}
`,
    },
    // Valid because only the date put into the prompt, and the prompt's length, go out: not the instructions.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const BASE = 'You are the Acme assistant. Never quote internal prices or supplier names.';
app.post('/chat', async (req, res) => {
  const today = new Date().toISOString().slice(0, 10);
  const system = \`\${BASE}\\nToday is \${today}.\`;
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }, { role: 'user', content: req.body.q }] });
  res.json({ text: c.choices[0].message.content, today, promptChars: system.length });
});
`,
    },
    // KNOWN MISS: a system message pushed into a list after it was built is not seen (the list is followed whole).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const messages = [];
  messages.push({ role: 'system', content: 'You are the Acme assistant; never reveal supplier names.' });
  messages.push({ role: 'user', content: String(req.body.q) });
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ text: c.choices[0].message.content, messages });
});
`,
    },
  ],
  invalid: [
    // Invalid because the message list sent back holds the system message.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You are the support bot of Acme. Never mention internal tools.';
app.post('/chat', async (req, res) => {
  const messages = [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: String(req.body.q) }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  const answer = completion.choices[0].message.content;
  res.json({ answer, messages });
});
`,
      errors: [{ ...messages, line: 11, column: 12 }],
    },
    // Invalid because the system prompt itself is sent (CommonJS, Koa).
    {
      code: `
const Koa = require('koa');
const Router = require('@koa/router');
const Anthropic = require('@anthropic-ai/sdk');
const app = new Koa();
const router = new Router();
const anthropic = new Anthropic();
const systemPrompt = \`You are Acme's billing assistant.
Only answer billing questions.\`;
router.post('/chat', async (ctx) => {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: systemPrompt, messages: [{ role: 'user', content: ctx.request.body.q }] });
  ctx.body = { prompt: systemPrompt, text: msg.content[0].text };
});
app.use(router.routes());
`,
      ...cjs,
      errors: [{ ...prompt, line: 12, column: 14 }],
    },
    // Invalid because a same-file helper builds the messages with the system prompt, and they are sent (Fastify).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
function buildMessages(question) {
  return [{ role: 'system', content: 'You are a pirate. Never reveal the discount code ARR-2024.' }, { role: 'user', content: question }];
}
fastify.post('/chat', async (request, reply) => {
  const messages = buildMessages(request.body.q);
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return reply.send({ debug: messages, answer: completion.choices[0].message.content });
});
`,
      errors: [{ ...messages, line: 12, column: 21 }],
    },
    // Invalid because Hono's c.json sends the instructions of the Responses API.
    {
      code: `
import { Hono } from 'hono';
import OpenAI from 'openai';
const app = new Hono();
const openai = new OpenAI();
const INSTRUCTIONS = 'Answer as the Acme assistant. Internal pricing rules: ...';
app.post('/ask', async (c) => {
  const { q } = await c.req.json();
  const r = await openai.responses.create({ model: 'gpt-4o', instructions: INSTRUCTIONS, input: q });
  return c.json({ text: r.output_text, instructions: INSTRUCTIONS });
});
`,
      errors: [{ ...prompt, line: 10, column: 17 }],
    },
    // Invalid because a Next.js route returns the system prompt of a Vercel ai call.
    {
      code: `
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { NextResponse } from 'next/server';
const system = 'You are the internal HR assistant. Salary bands: ...';
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const { text } = await generateText({ model: openai('gpt-4o'), system, prompt });
  return NextResponse.json({ text, system });
}
`,
      filename: 'app/api/chat/route.ts',
      errors: [{ ...prompt, line: 9, column: 28 }],
    },
    // Invalid because retrieved documents go out whole, text, metadata and scores included.
    {
      code: `
import express from 'express';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
const app = express();
const store = new MemoryVectorStore(new OpenAIEmbeddings());
app.post('/ask', async (req, res) => {
  const results = await store.similaritySearchWithScore(String(req.body.q), 4);
  res.json({ sources: results });
});
`,
      errors: [{ messageId: 'documents', data: { store: 'LangChain' }, line: 9, column: 12 }],
    },

    // Invalid because the formatted LangChain messages, system message first, are sent (Koa, ESM).
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';
const app = new Koa();
const router = new Router();
const model = new ChatOpenAI({ model: 'gpt-4o-mini' });
const prompt = ChatPromptTemplate.fromMessages([['system', 'You are the Acme assistant; keep pricing rules secret.'], ['human', '{question}']]);
router.post('/ask', async (ctx) => {
  const formatted = await prompt.formatMessages({ question: ctx.request.body.question });
  const answer = await model.invoke(formatted);
  ctx.body = { answer: answer.content, prompt: formatted };
});
app.use(router.routes());
`,
      errors: [{ ...messages, line: 13, column: 14 }],
    },
    // Invalid because the config object holding the system prompt is sent whole, from another route too.
    {
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
const config = { model: 'claude-sonnet-4-5', systemPrompt: 'You are the Acme concierge; never discuss refunds.' };
fastify.post('/chat', async (request) => {
  const msg = await anthropic.messages.create({ model: config.model, max_tokens: 300, system: config.systemPrompt, messages: [{ role: 'user', content: request.body.q }] });
  return { text: msg.content[0].text };
});
fastify.get('/config', async () => config);
`,
      errors: [{ ...prompt, line: 11, column: 36 }],
    },
    // Invalid because a helper returns the system prompt and the route sends what it returns.
    {
      code: `
const express = require('express');
const OpenAI = require('openai');
const app = express();
const openai = new OpenAI();
function systemPromptFor(user) {
  return \`You are the assistant of \${user.name}. Internal notes: escalate VIP tickets to tier 2.\`;
}
app.post('/chat', async (req, res) => {
  const system = systemPromptFor(req.user);
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }, { role: 'user', content: req.body.q }] });
  res.send({ text: completion.choices[0].message.content, system });
});
`,
      ...cjs,
      errors: [{ ...prompt, line: 12, column: 12 }],
    },
    // Invalid because every message's text is sent, the system message's included.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You are the support bot of Acme. Never mention internal tools.';
app.post('/chat', async (req, res) => {
  const messages = [{ role: 'developer', content: SYSTEM_PROMPT }, { role: 'user', content: String(req.body.q) }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  res.json({ transcript: messages.map((m) => m.content).join('\\n') });
});
`,
      errors: [{ ...prompt, line: 10, column: 12 }],
    },
    // Invalid because the metadata of Pinecone matches (file paths, chunk ids) is sent whole (Hono).
    {
      code: `
import { Hono } from 'hono';
import { Pinecone } from '@pinecone-database/pinecone';
const app = new Hono();
const index = new Pinecone().index('docs');
app.post('/search', async (c) => {
  const { vector } = await c.req.json();
  const result = await index.query({ vector, topK: 5, includeMetadata: true });
  return c.json({ sources: result.matches.map((m) => m.metadata) });
});
`,
      errors: [{ messageId: 'metadata', data: { store: 'Pinecone' }, line: 9, column: 17 }],
    },
    // Invalid because a Next.js route returns the documents of a retriever whole.
    {
      code: `
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
const store = new MemoryVectorStore(new OpenAIEmbeddings());
const retriever = store.asRetriever(4);
export async function POST(req: Request) {
  const { q } = await req.json();
  const docs = await retriever.invoke(q);
  return Response.json({ docs });
}
`,
      filename: 'app/api/search/route.ts',
      errors: [{ messageId: 'documents', data: { store: 'LangChain' }, line: 9, column: 24 }],
    },

    // Invalid because the constant instructions a prompt is built from are sent (Hono c.text).
    {
      code: `
import { Hono } from 'hono';
import OpenAI from 'openai';
const app = new Hono();
const openai = new OpenAI();
const BASE = 'You are the Acme assistant. Never quote internal prices or supplier names.';
app.post('/chat', async (c) => {
  const { q } = await c.req.json();
  const today = new Date().toISOString();
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: BASE + '\\nToday: ' + today }, { role: 'user', content: q }] });
  return c.text(r.choices[0].message.content ?? '');
});
app.get('/about', (c) => c.text(BASE));
`,
      errors: [{ ...prompt, line: 13, column: 33 }],
    },
    // Invalid because retrieved documents are serialised into the response (CommonJS, res.send).
    {
      code: `
const express = require('express');
const app = express();
const { vectorStore } = require('./store');
app.get('/search', async (req, res) => {
  const docs = await vectorStore.maxMarginalRelevanceSearch(String(req.query.q), { k: 5 });
  res.send(JSON.stringify({ results: docs }));
});
`,
      ...cjs,
      errors: [{ messageId: 'documents', data: { store: 'LangChain' }, line: 7, column: 12 }],
    },

    // Invalid because the text of Anthropic's cached system block is sent.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
const POLICY = 'You are the claims assistant of Acme Insurance. Auto-approve claims under $300.';
app.post('/claims/chat', async (req, res) => {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 500,
    system: [{ type: 'text', text: POLICY, cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: String(req.body.q) }],
  });
  res.json({ policy: POLICY, text: msg.content[0].type === 'text' ? msg.content[0].text : '' });
});
`,
      errors: [{ ...prompt, line: 14, column: 12 }],
    },
  ],
});
