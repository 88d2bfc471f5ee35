import rule from '../../rules/no-sensitive-logging.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('no-sensitive-logging', rule, {
  valid: [
    // Valid because the whole body becomes the prompt, but the session id read out of it is a key of the record, not
    // prompt text, and it is never put into a prompt itself (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
async function evaluate(input) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(input) }] });
  return c.choices[0].message.content;
}
app.post('/evaluate', async (req, res) => {
  const { session_id } = req.body;
  const inputData = req.body;
  const feedback = await evaluate(inputData);
  console.error('evaluation done for session', session_id);
  res.json({ feedback });
});
`,
    },
    // Valid because the key is logged in a masked form: four characters from each end (Koa, CommonJS).
    {
      code: `
const Koa = require('koa');
const OpenAI = require('openai');
const OPENAI_API_KEY = process.env.OPENAI_API_KEY;
const openai = new OpenAI({ apiKey: OPENAI_API_KEY });
const masked = OPENAI_API_KEY.length > 8 ? \`\${OPENAI_API_KEY.slice(0, 4)}...\${OPENAI_API_KEY.slice(-4)}\` : '****';
console.log(\`OpenAI API Key initialized: \${masked}\`);
const app = new Koa();
app.use(async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  ctx.body = { text: c.choices[0].message.content };
});
`,
    },
    // Valid because a conversation id and a message count read as member chains of a body that is the prompt as a
    // whole say which conversation and how long, not what was written (Koa, CommonJS).
    {
      code: `
const Router = require('@koa/router');
const OpenAI = require('openai');
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(ctx.request.body) }] });
  console.log('chat', ctx.request.body.conversationId, ctx.request.body.messageCount);
  ctx.body = { text: c.choices[0].message.content };
});
`,
      ...cjs,
    },
    // Valid because \`{ usage, model }\` of a helper's parameter reads those properties of the argument, not the
    // request object passed beside them (which also went into the prompt), and token usage is metadata (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const client = new OpenAI();
function toMessages({ req, text }) {
  return [{ role: 'user', content: text + req.body.style }];
}
async function recordUsage({ usage, req, model }) {
  const promptTokens = usage.prompt_tokens;
  console.log('usage', { promptTokens, model });
}
app.post('/chat', async (req, res) => {
  const messages = toMessages({ req, text: req.body.q });
  const c = await client.chat.completions.create({ model: 'gpt-4o', messages });
  await recordUsage({ usage: c.usage, req, model: 'gpt-4o' });
  res.json({ text: c.choices[0].message.content });
});
`,
    },
    // Valid because Gemini's safety verdict (finish reason, rating category) says why output was blocked, not what it
    // was (Fastify).
    {
      code: `
import Fastify from 'fastify';
import { GoogleGenAI } from '@google/genai';
const fastify = Fastify();
const ai = new GoogleGenAI({});
function safetyBlock(response) {
  const candidate = response.candidates[0];
  for (const rating of candidate.safetyRatings ?? []) {
    if (rating.blocked) return { reason: candidate.finishReason, message: \`Blocked due to \${rating.category}\` };
  }
  return null;
}
fastify.post('/image', async (request, reply) => {
  const r = await ai.models.generateContent({ model: 'gemini', contents: request.body.q });
  const block = safetyBlock(r);
  if (block) {
    request.log.warn(block);
    console.warn('Safety block:', block);
    return reply.code(422).send({ error: 'blocked' });
  }
  return { text: r.text };
});
`,
    },
    // Valid because a script that exports nothing and only talks to a server on this machine (a loopback baseURL) is
    // run by hand: its console is the terminal of whoever runs it.
    {
      code: `
const OpenAI = require('openai');
const client = new OpenAI({ baseURL: 'http://localhost:3001/api/v1/openai', apiKey: process.env.LOCAL_KEY });
(async () => {
  const c = await client.chat.completions.create({ model: 'workspace', messages: [{ role: 'user', content: 'What is it?' }] });
  console.log(c.choices[0]);
  const stream = await client.chat.completions.create({ model: 'workspace', messages: [], stream: true });
  let message = '';
  for await (const chunk of stream) {
    message += chunk.choices[0].delta.content;
    console.log({ message });
  }
})();
`,
      ...cjs,
    },
    // Valid because every word the model is sent is written in the source: what it generates holds nothing of a
    // user's (a hand-run script talking to a provider, streaming, ESM).
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const resp = await openai.chat.completions.create({
  model: 'gpt-3.5-turbo',
  messages: [{ role: 'user', content: 'Say "Hello, World!" slowly.' }],
  stream: true,
});
for await (const chunk of resp) console.log('Received chunk:', JSON.stringify(chunk, null, 2));
`,
    },
    // Valid because the prompt is a const the code never changes and the model is chosen, not written into (Vercel ai).
    {
      code: `
import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';
const PROMPT = 'Tell me a joke.';
async function main() {
  const result = await generateText({ model: openai(process.env.MODEL ?? 'gpt-4o'), prompt: PROMPT });
  console.log(result.text);
}
main();
`,
    },
    // Valid because a health route asks the model a fixed question: the answer logged is no user's (Koa, CommonJS).
    {
      code: `
const Koa = require('koa');
const Anthropic = require('@anthropic-ai/sdk');
const anthropic = new Anthropic();
const app = new Koa();
app.use(async (ctx) => {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 16, system: 'Answer in one word.', messages: [{ role: 'user', content: 'ping' }] });
  console.log('health', msg.content[0].text);
  ctx.body = { ok: true };
});
`,
      ...cjs,
    },
    // Valid because a React client component logs to the browser's console, which only its own user sees.
    {
      code: `
        import { useState } from 'react';
        import OpenAI from 'openai';
        const openai = new OpenAI({ dangerouslyAllowBrowser: true });
        export function Chat() {
          const [text, setText] = useState('');
          async function ask(q) {
            const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });
            console.log(c.choices[0].message.content);
            setText(c.choices[0].message.content);
          }
          return null;
        }`,
    },
    // Valid because ordinary body fields, user ids and status codes are what logs are for (Express).
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/signup', (req, res) => {
          console.log('signup', req.body.email, req.body.userId);
          console.info({ user: req.user.id, status: res.statusCode });
          res.sendStatus(201);
        });
      `,
    },
    // Valid because a SHA-256 hash of the prompt and its length identify it without holding it.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        import { createHash } from 'node:crypto';
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          const { prompt } = req.body;
          const promptHash = createHash('sha256').update(prompt).digest('hex');
          console.log({ promptHash, length: prompt.length });
          console.log(createHash('sha256').update(prompt).digest('hex'));
          const r = await client.responses.create({ model: 'gpt-4o', input: prompt });
          res.json({ text: r.output_text });
        });
      `,
    },
    // Valid because error messages and error objects are not request secrets.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          try {
            const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
            res.json({ text: r.choices[0].message.content });
          } catch (err) {
            console.error('model call failed', err.message);
            console.error(err);
            res.status(502).end();
          }
        });
      `,
    },
    // Valid because token usage, ids and finish reasons are metadata, not model output (Fastify).
    {
      code: `
        import Fastify from 'fastify';
        import Anthropic from '@anthropic-ai/sdk';
        const fastify = Fastify({ logger: true });
        const anthropic = new Anthropic();
        fastify.post('/chat', async (request) => {
          const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: 'hi' }] });
          request.log.info({ tokens: msg.usage.output_tokens, id: msg.id, stop: msg.stop_reason });
          return { ok: true };
        });
      `,
    },
    // Valid because the \`object\` field of an OpenAI completion names its type ('chat.completion'): metadata
    // (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  console.log('kind', completion.object, completion.id);
  res.json({ answer: completion.choices[0].message.content });
});
`,
    },
    // Valid because env values that are not secrets, and public keys, may be logged.
    {
      code: `
        import express from 'express';
        const app = express();
        app.listen(3000, () => {
          console.log('started', process.env.APP_NAME, process.env.NODE_ENV, process.env.NEXT_PUBLIC_API_KEY, process.env.PUBLIC_STRIPE_KEY);
        });
      `,
    },
    // Valid because harmless headers and cookies carry no credential.
    {
      code: `
        import express from 'express';
        const app = express();
        app.get('/page', (req, res) => {
          console.log(req.headers['user-agent'], req.get('accept-language'), req.cookies.theme);
          res.end();
        });
      `,
    },
    // Valid because the user name of Basic Auth credentials is not the password (CommonJS).
    {
      code: `
        const express = require('express');
        const auth = require('basic-auth');
        const app = express();
        app.get('/admin', (req, res) => {
          const creds = auth(req);
          console.log('login attempt', creds && creds.name);
          res.end();
        });
      `,
      ...cjs,
    },
    // Valid because a sibling field of a config literal that holds a key is not the key.
    {
      code: `
        import express from 'express';
        const config = { port: 3000, openaiApiKey: process.env.OPENAI_API_KEY };
        const app = express();
        app.listen(config.port, () => console.log('listening on', config.port));
      `,
    },
    // Valid because a non-secret state field and the Koa status are fine to log (Koa).
    {
      code: `
        import Koa from 'koa';
        import Router from '@koa/router';
        const app = new Koa();
        const router = new Router();
        router.get('/me', async (ctx) => {
          ctx.log.info({ user: ctx.state.user.id, status: ctx.status, path: ctx.path });
          ctx.body = { ok: true };
        });
        app.use(router.routes());
      `,
    },
    // Valid because `metrics.info` is not a logger and the prompt never reaches one.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          metrics.info(req.body.prompt);
          const r = await client.responses.create({ model: 'gpt-4o', input: req.body.prompt });
          console.log('answered in', Date.now());
          res.json({ text: r.output_text });
        });
      `,
    },
    // KNOWN MISS: a logger imported from a local module under a neutral name is unknown unless named in settings.loggers.
    {
      code: `
        import express from 'express';
        import { audit } from './audit';
        const app = express();
        app.post('/x', (req, res) => {
          audit.info(req.headers.authorization);
          res.end();
        });
      `,
    },
    // KNOWN MISS: a secret stored on `this` in a class and logged from another method is not followed.
    {
      code: `
        import pino from 'pino';
        const log = pino();
        class Client {
          key: string;
          constructor() { this.key = process.env.PAYMENTS_KEY ?? ''; }
          debug() { log.info({ k: this.key }); }
        }
        export default Client;
      `,
    },
    // Valid because a token limit and usage count, a key file's path, a boolean and a length hold no secret (Express).
    {
      code: `
import express from 'express';
const app = express();
app.post('/chat', (req, res) => {
  console.log('tokens', req.user.tokenLimit, req.user.tokensUsed);
  console.log('key file', process.env.PRIVATE_KEY_PATH);
  console.log('auth', Boolean(req.headers.authorization), req.headers.authorization?.length);
  res.end();
});
`,
    },
    // Valid because the connection string is logged with its credentials masked by a replace (Koa).
    {
      code: `
const Koa = require('koa');
const mongoose = require('mongoose');
const app = new Koa();
const uri = process.env.MONGODB_URI;
console.log(\`connecting to \${uri.replace(/\\/\\/.*@/, '//***:***@')}\`);
mongoose.connect(uri);
app.listen(3000);
`,
      ...cjs,
    },
    // Valid because the body of a model API response that failed (!res.ok) is the provider's error, not model output (Fastify).
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.post('/chat', async (request, reply) => {
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: 'gpt-4o', max_tokens: 200, messages: [{ role: 'user', content: request.body.q }] }),
  });
  if (!res.ok) {
    const error = await res.json();
    request.log.error(error);
    return reply.code(502).send({ error: 'upstream failed' });
  }
  const data = await res.json();
  return { text: data.choices[0].message.content };
});
`,
    },
    // Valid because the URL and settings of a model API call are not its prompt (Fastify).
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
const modelsUrl = 'https://api.openai.com/v1/models';
fastify.get('/models', async (request) => {
  request.log.info({ url: modelsUrl, timeout: 5000 });
  const res = await fetch(modelsUrl, { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });
  return res.json();
});
`,
    },
    // Valid because a token's type, expiry and presence, a token-budget adjustment and a WWW-Authenticate challenge hold no credential (Express).
    {
      code: `
import express from 'express';
const app = express();
app.post('/refresh', async (req, res) => {
  const sessionToken = req.session.openidTokens;
  const boundaryTokenAdjustment = { original: 120, adjusted: 100 };
  console.log('reused', { token_type: sessionToken.type, expires: sessionToken.expiresAt, has_id_token: Boolean(sessionToken.idToken) });
  console.log(\`adjusted \${boundaryTokenAdjustment.original} to \${boundaryTokenAdjustment.adjusted}\`);
  const upstream = await fetch('https://auth.example.com/token');
  console.warn(\`challenge: \${upstream.headers.get('www-authenticate')}\`);
  res.end();
});
`,
    },
  ],
  invalid: [
    // Invalid because the const message list gets the user's question pushed onto it before the call (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const messages = [{ role: 'system', content: 'You are terse.' }];
app.post('/ask', async (req, res) => {
  messages.push({ role: 'user', content: req.body.question });
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  console.log(c.choices[0].message.content);
  res.json({ ok: true });
});
`,
      errors: [{ messageId: 'sensitiveLog', line: 10, suggestions: [{ messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const messages = [{ role: 'system', content: 'You are terse.' }];
app.post('/ask', async (req, res) => {
  messages.push({ role: 'user', content: req.body.question });
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  console.log(createHash('sha256').update(JSON.stringify(c.choices[0].message.content) ?? '').digest('hex'));
  res.json({ ok: true });
});
` }] }],
    },
    // Invalid because a literal prompt with tools brings back what the tools read (Fastify).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.get('/digest', async (request) => {
  const c = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Summarise the latest orders.' }],
    tools: [{ type: 'function', function: { name: 'listOrders', parameters: {} } }],
  });
  request.log.info(c.choices[0].message);
  return { ok: true };
});
`,
      errors: [{ messageId: 'sensitiveLog', line: 12 }],
    },
    // Invalid because a const list handed to a helper may come back holding the user's turn (Koa).
    {
      code: `
const Koa = require('koa');
const OpenAI = require('openai');
const { addHistory } = require('./history');
const openai = new OpenAI();
const app = new Koa();
const messages = [{ role: 'system', content: 'You are terse.' }];
app.use(async (ctx) => {
  addHistory(messages, ctx.request.body);
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  console.log(c.choices[0].message.content);
  ctx.body = { ok: true };
});
`,
      ...cjs,
      errors: [{ messageId: 'sensitiveLog', line: 11, suggestions: [{ messageId: 'logHash', output: `
const Koa = require('koa');
const OpenAI = require('openai');
const { addHistory } = require('./history');
const openai = new OpenAI();
const app = new Koa();
const messages = [{ role: 'system', content: 'You are terse.' }];
app.use(async (ctx) => {
  addHistory(messages, ctx.request.body);
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  console.log(require('node:crypto').createHash('sha256').update(JSON.stringify(c.choices[0].message.content) ?? '').digest('hex'));
  ctx.body = { ok: true };
});
` }] }],
    },
    // Invalid because the \`object\` of Vercel's generateObject is the generated value itself, whatever the name
    // means in other SDKs' results (Express).
    {
      code: `
import express from 'express';
import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const app = express();
app.post('/classify', async (req, res) => {
  const { object } = await generateObject({ model: openai('gpt-4o'), schema: z.object({ label: z.string() }), prompt: req.body.text });
  const result = await generateObject({ model: openai('gpt-4o'), schema: z.object({ label: z.string() }), prompt: req.body.text });
  console.log(object, result.object.label);
  res.json({ ok: true });
});
`,
      errors: [
        { messageId: 'sensitiveLog', line: 10, column: 15, suggestions: [{ messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import express from 'express';
import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const app = express();
app.post('/classify', async (req, res) => {
  const { object } = await generateObject({ model: openai('gpt-4o'), schema: z.object({ label: z.string() }), prompt: req.body.text });
  const result = await generateObject({ model: openai('gpt-4o'), schema: z.object({ label: z.string() }), prompt: req.body.text });
  console.log(createHash('sha256').update(JSON.stringify(object) ?? '').digest('hex'), result.object.label);
  res.json({ ok: true });
});
` }] },
        { messageId: 'sensitiveLog', line: 10, column: 23, suggestions: [{ messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import express from 'express';
import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const app = express();
app.post('/classify', async (req, res) => {
  const { object } = await generateObject({ model: openai('gpt-4o'), schema: z.object({ label: z.string() }), prompt: req.body.text });
  const result = await generateObject({ model: openai('gpt-4o'), schema: z.object({ label: z.string() }), prompt: req.body.text });
  console.log(object, createHash('sha256').update(JSON.stringify(result.object.label) ?? '').digest('hex'));
  res.json({ ok: true });
});
` }] },
      ],
    },
    // Invalid because twelve characters of the key are more than a masked form shows (Koa, CommonJS).
    {
      code: `
const Koa = require('koa');
const OpenAI = require('openai');
const key = process.env.OPENAI_API_KEY;
const openai = new OpenAI({ apiKey: key });
console.log('key', key.slice(0, 12));
const app = new Koa();
app.use(async (ctx) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  ctx.body = { text: c.choices[0].message.content };
});
`,
      errors: [{ messageId: 'sensitiveLog', line: 6, suggestions: [] }],
    },
    // Invalid because the question is part of the body that becomes the prompt; the id beside it is not reported
    // (Fastify).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
async function ask(body) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(body) }] });
  return c.choices[0].message.content;
}
fastify.post('/ask', async (request) => {
  const { sessionId, question } = request.body;
  request.log.info({ sessionId, question });
  return { answer: await ask(request.body) };
});
`,
      errors: [{ messageId: 'sensitiveLog', line: 12, suggestions: [] }],
    },
    // Invalid because the session id is put into the prompt itself, so logging it logs prompt material (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`Session \${req.body.sessionId}: \${req.body.text}\` }],
  });
  console.log('session', req.body.sessionId);
  res.json({ text: c.choices[0].message.content });
});
`,
      errors: [{ messageId: 'sensitiveLog', line: 11, column: 26, suggestions: [{ messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`Session \${req.body.sessionId}: \${req.body.text}\` }],
  });
  console.log('session', createHash('sha256').update(JSON.stringify(req.body.sessionId) ?? '').digest('hex'));
  res.json({ text: c.choices[0].message.content });
});
` }] }],
    },
    // Invalid because the same script, exported, is part of the server's module graph: its console is the server's.
    {
      code: `
const OpenAI = require('openai');
const client = new OpenAI({ baseURL: 'http://localhost:3001/api/v1/openai' });
module.exports = async function check(question) {
  const c = await client.chat.completions.create({ model: 'workspace', messages: [{ role: 'user', content: question }] });
  console.log(c.choices[0]);
};
`,
      ...cjs,
      errors: [{ messageId: 'sensitiveLog', line: 6, column: 15, endLine: 6, endColumn: 27, suggestions: [] }],
    },
    // Invalid because a script whose client talks to a provider (no loopback baseURL) sends and logs real prompts.
    {
      code: `
const OpenAI = require('openai');
const client = new OpenAI({ baseURL: 'https://api.example.com/v1' });
(async () => {
  const c = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: process.argv[2] }] });
  console.log(c.choices[0]);
})();
`,
      ...cjs,
      errors: [{ messageId: 'sensitiveLog', line: 6, column: 15, endLine: 6, endColumn: 27, suggestions: [] }],
    },
    // Invalid because the client's image prompt is logged before openai.images.generate, and the images after (Koa).
    {
      code: `
const Router = require('koa-router');
const OpenAI = require('openai');
const router = new Router();
const openai = new OpenAI();
router.post('/image', async (ctx) => {
  const { keyword } = ctx.request.body;
  console.log(keyword);
  const response = await openai.images.generate({ model: 'dall-e-2', prompt: keyword, n: 1, size: '1024x1024' });
  console.log(response.data);
  ctx.body = response.data[0];
});
module.exports = router;
`,
      ...cjs,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 15, endLine: 8, endColumn: 22,
          suggestions: [{ messageId: 'logHash', output: `
const Router = require('koa-router');
const OpenAI = require('openai');
const router = new Router();
const openai = new OpenAI();
router.post('/image', async (ctx) => {
  const { keyword } = ctx.request.body;
  console.log(require('node:crypto').createHash('sha256').update(JSON.stringify(keyword) ?? '').digest('hex'));
  const response = await openai.images.generate({ model: 'dall-e-2', prompt: keyword, n: 1, size: '1024x1024' });
  console.log(response.data);
  ctx.body = response.data[0];
});
module.exports = router;
` }],
        },
        {
          messageId: 'sensitiveLog', line: 10, column: 15, endLine: 10, endColumn: 28,
          suggestions: [{ messageId: 'logHash', output: `
const Router = require('koa-router');
const OpenAI = require('openai');
const router = new Router();
const openai = new OpenAI();
router.post('/image', async (ctx) => {
  const { keyword } = ctx.request.body;
  console.log(keyword);
  const response = await openai.images.generate({ model: 'dall-e-2', prompt: keyword, n: 1, size: '1024x1024' });
  console.log(require('node:crypto').createHash('sha256').update(JSON.stringify(response.data) ?? '').digest('hex'));
  ctx.body = response.data[0];
});
module.exports = router;
` }],
        },
      ],
    },
    // Invalid because the prompt of an image edit is logged (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/edit', async (req, res) => {
  const prompt = String(req.body.prompt);
  const result = await openai.images.edit({ model: 'gpt-image-1', image: req.body.image, prompt });
  console.info('edited', prompt);
  res.json({ image: result.data[0].b64_json });
});
`,
      errors: [
        {
          messageId: 'sensitiveLog', line: 9, column: 26, endLine: 9, endColumn: 32,
          suggestions: [{ messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/edit', async (req, res) => {
  const prompt = String(req.body.prompt);
  const result = await openai.images.edit({ model: 'gpt-image-1', image: req.body.image, prompt });
  console.info('edited', createHash('sha256').update(JSON.stringify(prompt) ?? '').digest('hex'));
  res.json({ image: result.data[0].b64_json });
});
` }],
        },
      ],
    },
    // Invalid because the generated images go into the request log (Fastify).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.post('/image', async (request) => {
  const images = await openai.images.generate({ prompt: request.body.prompt, n: 2 });
  request.log.info(images.data);
  return { url: images.data[0].url };
});
`,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 20, endLine: 8, endColumn: 31,
          suggestions: [{ messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.post('/image', async (request) => {
  const images = await openai.images.generate({ prompt: request.body.prompt, n: 2 });
  request.log.info(createHash('sha256').update(JSON.stringify(images.data) ?? '').digest('hex'));
  return { url: images.data[0].url };
});
` }],
        },
      ],
    },
    // Invalid because a client of the Vertex edition of the Anthropic SDK is a model client: its output is logged.
    {
      code: `
import express from 'express';
import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
const app = express();
const client = new AnthropicVertex({ region: 'us-east5' });
app.post('/chat', async (req, res) => {
  const msg = await client.messages.create({ model: 'claude', max_tokens: 256, messages: [{ role: 'user', content: req.body.q }] });
  console.log(msg.content);
  res.json({ text: msg.content[0].text });
});
`,
      errors: [{ messageId: 'sensitiveLog', line: 8, column: 15, endLine: 8, endColumn: 26 }],
    },
    // Invalid because a module that imports only React's types is no client component: its console is the server's.
    {
      code: `
        import type { ReactNode } from 'react';
        import OpenAI from 'openai';
        const openai = new OpenAI();
        export async function summary(q: string): Promise<ReactNode> {
          const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });
          console.log(c.choices[0].message.content);
          return c.choices[0].message.content;
        }`,
      errors: [
        {
          messageId: 'sensitiveLog',
          line: 7,
          suggestions: [
            {
              messageId: 'logHash',
              output: `
        import { createHash } from 'node:crypto';
import type { ReactNode } from 'react';
        import OpenAI from 'openai';
        const openai = new OpenAI();
        export async function summary(q: string): Promise<ReactNode> {
          const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });
          console.log(createHash('sha256').update(JSON.stringify(c.choices[0].message.content) ?? '').digest('hex'));
          return c.choices[0].message.content;
        }`,
            },
          ],
        },
      ],
    },
    // Invalid because the GitHub webhook signature header is logged (Express).
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/webhooks/github', express.raw({ type: '*/*' }), (req, res) => {
          console.log('delivery', req.headers['x-github-delivery'], req.headers['x-hub-signature-256']);
          res.sendStatus(202);
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 5, column: 69, endLine: 5, endColumn: 103,
          suggestions: [],
        },
      ],
    },
    // Invalid because a Stripe signature read through a variable is logged.
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/webhooks/stripe', (req, res) => {
          const sig = req.get('stripe-signature');
          console.warn('bad signature', sig);
          res.sendStatus(400);
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 6, column: 41, endLine: 6, endColumn: 44,
          suggestions: [],
        },
      ],
    },
    // Invalid because the whole headers object (Authorization, Cookie) goes into a pino log object.
    {
      code: `
        import express from 'express';
        import pino from 'pino';
        const logger = pino();
        const app = express();
        app.use((req, res, next) => {
          logger.info({ path: req.path, headers: req.headers });
          next();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 7, column: 23, endLine: 7, endColumn: 63,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Authorization header is logged by winston.
    {
      code: `
        import express from 'express';
        import winston from 'winston';
        const log = winston.createLogger({});
        const app = express();
        app.get('/me', (req, res) => {
          log.debug(req.headers.authorization);
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 7, column: 21, endLine: 7, endColumn: 46,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Cookie header is logged with TypeScript syntax around it.
    {
      code: `
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/me', (req: Request, res: Response) => {
          const cookie = req.get('Cookie') as string;
          console.debug(cookie);
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 6, column: 25, endLine: 6, endColumn: 31,
          suggestions: [],
        },
      ],
    },
    // Invalid because an API key from the environment is logged inside a template literal.
    {
      code: `
        import OpenAI from 'openai';
        const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
        console.log(\`using key \${process.env.OPENAI_API_KEY}\`);
        export default client;
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 4, column: 21, endLine: 4, endColumn: 62,
          suggestions: [],
        },
      ],
    },
    // Invalid because a destructured password from the body is logged.
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          const { username, password } = req.body;
          console.log('login', username, password);
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 6, column: 42, endLine: 6, endColumn: 50,
          suggestions: [],
        },
      ],
    },
    // Invalid because express-basic-auth credentials are logged as a whole.
    {
      code: `
        import express from 'express';
        import basicAuth from 'express-basic-auth';
        import pino from 'pino';
        const log = pino();
        const app = express();
        app.use(basicAuth({ users: { admin: process.env.ADMIN_PASSWORD ?? '' } }));
        app.get('/admin', (req, res) => {
          log.info(req.auth);
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 9, column: 20, endLine: 9, endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Basic Auth password parsed by basic-auth is logged (CommonJS).
    {
      code: `
        const express = require('express');
        const auth = require('basic-auth');
        const app = express();
        app.get('/admin', (req, res) => {
          const creds = auth(req);
          console.log(creds.pass);
          res.end();
        });
      `,
      ...cjs,
      errors: [
        {
          messageId: 'sensitiveLog', line: 7, column: 23, endLine: 7, endColumn: 33,
          suggestions: [],
        },
      ],
    },
    // Invalid because the raw body and the parsed body as a whole are logged.
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/hook', (req, res) => {
          console.log(req.rawBody);
          console.log('payload', JSON.stringify(req.body));
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 5, column: 23, endLine: 5, endColumn: 34,
          suggestions: [],
        },
        {
          messageId: 'sensitiveLog', line: 6, column: 34, endLine: 6, endColumn: 58,
          suggestions: [],
        },
      ],
    },
    // Invalid because the prompt sent to OpenAI is logged; the suggestion adds the node:crypto import (ESM).
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          const prompt = req.body.prompt;
          console.log(prompt);
          const r = await client.responses.create({ model: 'gpt-4o', input: prompt });
          res.json({ text: r.output_text });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 23, endLine: 8, endColumn: 29,
          suggestions: [
            { messageId: 'logHash', output: `
        import { createHash } from 'node:crypto';
import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          const prompt = req.body.prompt;
          console.log(createHash('sha256').update(JSON.stringify(prompt) ?? '').digest('hex'));
          const r = await client.responses.create({ model: 'gpt-4o', input: prompt });
          res.json({ text: r.output_text });
        });
      ` },
          ],
        },
      ],
    },
    // Invalid because an object holding the prompt is logged; reported at the object, no mechanical fix.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        import pino from 'pino';
        const logger = pino();
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          const { prompt, userId } = req.body;
          logger.info({ prompt, userId }, 'chat request');
          const r = await client.responses.create({ model: 'gpt-4o', input: prompt });
          res.json({ text: r.output_text });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 10, column: 23, endLine: 10, endColumn: 41,
          suggestions: [],
        },
      ],
    },
    // Invalid because model text is logged; the suggestion reuses the existing createHash import.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        import { createHash } from 'node:crypto';
        const app = express();
        const openai = new OpenAI();
        app.post('/chat', async (req, res) => {
          const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
          const answer = completion.choices[0]?.message?.content;
          console.log('answer', answer);
          res.json({ answer, key: createHash('sha256').update('x').digest('hex') });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 10, column: 33, endLine: 10, endColumn: 39,
          suggestions: [
            { messageId: 'logHash', output: `
        import express from 'express';
        import OpenAI from 'openai';
        import { createHash } from 'node:crypto';
        const app = express();
        const openai = new OpenAI();
        app.post('/chat', async (req, res) => {
          const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
          const answer = completion.choices[0]?.message?.content;
          console.log('answer', createHash('sha256').update(JSON.stringify(answer) ?? '').digest('hex'));
          res.json({ answer, key: createHash('sha256').update('x').digest('hex') });
        });
      ` },
          ],
        },
      ],
    },
    // Invalid because the whole completion object (text included) is logged.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const openai = new OpenAI();
        app.post('/chat', async (req, res) => {
          const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
          console.dir(completion);
          res.json({ text: completion.choices[0].message.content });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 23, endLine: 8, endColumn: 33,
          suggestions: [],
        },
      ],
    },
    // Invalid because the message list sent to the model is logged; the suggestion inlines require (CommonJS).
    {
      code: `
        const express = require('express');
        const OpenAI = require('openai');
        const app = express();
        const openai = new OpenAI();
        app.post('/chat', async (req, res) => {
          console.log(req.body.messages);
          const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
          res.json({ text: r.choices[0].message.content });
        });
      `,
      ...cjs,
      errors: [
        {
          messageId: 'sensitiveLog', line: 7, column: 23, endLine: 7, endColumn: 40,
          suggestions: [
            { messageId: 'logHash', output: `
        const express = require('express');
        const OpenAI = require('openai');
        const app = express();
        const openai = new OpenAI();
        app.post('/chat', async (req, res) => {
          console.log(require('node:crypto').createHash('sha256').update(JSON.stringify(req.body.messages) ?? '').digest('hex'));
          const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
          res.json({ text: r.choices[0].message.content });
        });
      ` },
          ],
        },
      ],
    },
    // Invalid because a Fastify request logger receives the question sent to Anthropic and a signature header.
    {
      code: `
        import Fastify from 'fastify';
        import Anthropic from '@anthropic-ai/sdk';
        const fastify = Fastify({ logger: true });
        const anthropic = new Anthropic();
        fastify.post('/chat', async (request) => {
          const { question } = request.body as { question: string };
          request.log.info({ question }, 'asking');
          request.log.info(request.headers['x-signature']);
          const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: question }] });
          fastify.log.debug(msg.content);
          return { ok: true };
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 28, endLine: 8, endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'sensitiveLog', line: 9, column: 28, endLine: 9, endColumn: 58,
          suggestions: [],
        },
        {
          messageId: 'sensitiveLog', line: 11, column: 29, endLine: 11, endColumn: 40,
          suggestions: [],
        },
      ],
    },
    // Invalid because the Koa context logger receives the Authorization header and the Vercel ai text.
    {
      code: `
        import Koa from 'koa';
        import Router from '@koa/router';
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';
        const app = new Koa();
        const router = new Router();
        router.post('/chat', async (ctx) => {
          ctx.log.info(ctx.headers.authorization);
          const { text } = await generateText({ model: openai('gpt-4o'), maxOutputTokens: 300, prompt: ctx.request.body.q });
          ctx.log.info(text);
          ctx.body = { text };
        });
        app.use(router.routes());
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 9, column: 24, endLine: 9, endColumn: 49,
          suggestions: [],
        },
        {
          messageId: 'sensitiveLog', line: 11, column: 24, endLine: 11, endColumn: 28,
          suggestions: [
            { messageId: 'logHash', output: `
        import { createHash } from 'node:crypto';
import Koa from 'koa';
        import Router from '@koa/router';
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';
        const app = new Koa();
        const router = new Router();
        router.post('/chat', async (ctx) => {
          ctx.log.info(ctx.headers.authorization);
          const { text } = await generateText({ model: openai('gpt-4o'), maxOutputTokens: 300, prompt: ctx.request.body.q });
          ctx.log.info(createHash('sha256').update(JSON.stringify(text) ?? '').digest('hex'));
          ctx.body = { text };
        });
        app.use(router.routes());
      ` },
          ],
        },
      ],
    },
    // Invalid because a computed HMAC digest (a replayable signature) is logged.
    {
      code: `
        import express from 'express';
        import { createHmac } from 'node:crypto';
        const app = express();
        app.post('/hook', express.raw({ type: 'application/json' }), (req, res) => {
          const expected = createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update(req.body).digest('hex');
          console.log('expected signature', expected);
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 7, column: 45, endLine: 7, endColumn: 53,
          suggestions: [],
        },
      ],
    },
    // Invalid because debug() logs the question a same-file helper sends to the model.
    {
      code: `
        import express from 'express';
        import createDebug from 'debug';
        import OpenAI from 'openai';
        const dbg = createDebug('chat');
        const app = express();
        const ai = new OpenAI();
        async function ask(q: string) {
          const r = await ai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
          return r.choices[0].message.content;
        }
        app.post('/chat', async (req, res) => {
          dbg('q=%s', req.body.q);
          res.json({ answer: await ask(req.body.q) });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 13, column: 23, endLine: 13, endColumn: 33,
          suggestions: [
            { messageId: 'logHash', output: `
        import { createHash } from 'node:crypto';
import express from 'express';
        import createDebug from 'debug';
        import OpenAI from 'openai';
        const dbg = createDebug('chat');
        const app = express();
        const ai = new OpenAI();
        async function ask(q: string) {
          const r = await ai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
          return r.choices[0].message.content;
        }
        app.post('/chat', async (req, res) => {
          dbg('q=%s', createHash('sha256').update(JSON.stringify(req.body.q) ?? '').digest('hex'));
          res.json({ answer: await ask(req.body.q) });
        });
      ` },
          ],
        },
      ],
    },
    // Invalid because a logger named in settings.loggers receives the whole body.
    {
      code: `
        import express from 'express';
        import { audit } from './audit';
        const app = express();
        app.post('/x', (req, res) => {
          audit(req.body);
          res.end();
        });
      `,
      settings: {"llm-leak":{"loggers":["audit"]}},
      errors: [
        {
          messageId: 'sensitiveLog', line: 6, column: 17, endLine: 6, endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // Invalid because a Hono handler logs the Authorization header.
    {
      code: `
        import { Hono } from 'hono';
        const app = new Hono();
        app.get('/me', (c) => {
          console.log(c.req.header('authorization'));
          return c.json({ ok: true });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 5, column: 23, endLine: 5, endColumn: 52,
          suggestions: [],
        },
      ],
    },
    // Invalid because a config field named like a key is logged.
    {
      code: `
        import OpenAI from 'openai';
        const config = { openai: { apiKey: process.env.LLM_KEY, model: 'gpt-4o' } };
        const client = new OpenAI({ apiKey: config.openai.apiKey });
        console.log('config', config.openai.model, config.openai.apiKey);
        export default client;
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 5, column: 52, endLine: 5, endColumn: 72,
          suggestions: [],
        },
      ],
    },
    // Invalid because the text of a destructured, aliased client call is logged (Express).
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const { chat } = new OpenAI();
        app.post('/chat', async (req, res) => {
          const out = await chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
          const { content } = out.choices[0].message;
          console.log(content);
          res.json({ content });
        });
      `,
      errors: [
        {
          messageId: 'sensitiveLog', line: 9, column: 23, endLine: 9, endColumn: 30,
          suggestions: [
            { messageId: 'logHash', output: `
        import { createHash } from 'node:crypto';
import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const { chat } = new OpenAI();
        app.post('/chat', async (req, res) => {
          const out = await chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
          const { content } = out.choices[0].message;
          console.log(createHash('sha256').update(JSON.stringify(content) ?? '').digest('hex'));
          res.json({ content });
        });
      ` },
          ],
        },
      ],
    },
    // Invalid because a prefix of a freshly signed JWT, the Authorization header and the token's segments are logged, in a middleware module that imports no framework (Express).
    {
      code: `
import jwt from 'jsonwebtoken';
export const issue = (user) => {
  const token = jwt.sign({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  console.log('issued', token.substring(0, 20) + '...');
  return token;
};
export const authenticate = (req, res, next) => {
  const header = req.headers.authorization;
  console.log('auth header', header);
  const token = header && header.split(' ')[1];
  const parts = token.split('.');
  console.log('parts', parts.map((p) => p.substring(0, 10)), token.length);
  req.user = jwt.verify(token, process.env.JWT_SECRET);
  next();
};
`,
      errors: [
        {
          messageId: 'sensitiveLog', line: 5, column: 25, endLine: 5, endColumn: 55,
        },
        {
          messageId: 'sensitiveLog', line: 10, column: 30, endLine: 10, endColumn: 36,
        },
        {
          messageId: 'sensitiveLog', line: 13, column: 24, endLine: 13, endColumn: 60,
        },
      ],
    },
    // Invalid because the transcript an openai v3 createTranscription call returns (positional arguments, the text under
    // the axios `.data`) is model output (Koa, CommonJS).
    {
      code: `
const Koa = require('koa');
const fs = require('fs');
const { Configuration, OpenAIApi } = require('openai');
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const app = new Koa();
app.use(async (ctx) => {
  const response = await openai.createTranscription(fs.createReadStream('/tmp/upload.wav'), 'whisper-1');
  const { text } = response.data;
  console.log('transcript:', text);
  ctx.body = { text };
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'sensitiveLog', line: 10, column: 30, endLine: 10, endColumn: 34,
          suggestions: [{ messageId: 'logHash', output: `
const Koa = require('koa');
const fs = require('fs');
const { Configuration, OpenAIApi } = require('openai');
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const app = new Koa();
app.use(async (ctx) => {
  const response = await openai.createTranscription(fs.createReadStream('/tmp/upload.wav'), 'whisper-1');
  const { text } = response.data;
  console.log('transcript:', require('node:crypto').createHash('sha256').update(JSON.stringify(text) ?? '').digest('hex'));
  ctx.body = { text };
});
` }],
        },
      ],
    },
    // Invalid because the whole request handed to createChatCompletion is the prompt (Koa, openai v3, CommonJS).
    {
      code: `
const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { Configuration, OpenAIApi } = require('openai');
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const app = new Koa();
app.use(bodyParser());
app.use(async (ctx) => {
  const { chat_param } = ctx.request.body;
  console.log('params', chat_param);
  const completion = await openai.createChatCompletion(chat_param);
  ctx.body = completion.data.choices[0].message.content;
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'sensitiveLog', line: 10, column: 25, endLine: 10, endColumn: 35,
          suggestions: [
            { messageId: 'logHash', output: `
const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { Configuration, OpenAIApi } = require('openai');
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const app = new Koa();
app.use(bodyParser());
app.use(async (ctx) => {
  const { chat_param } = ctx.request.body;
  console.log('params', require('node:crypto').createHash('sha256').update(JSON.stringify(chat_param) ?? '').digest('hex'));
  const completion = await openai.createChatCompletion(chat_param);
  ctx.body = completion.data.choices[0].message.content;
});
` },
          ],
        },
      ],
    },
    // Invalid because a prefix of the OpenAI key and the message list parsed from a WebSocket message (the same JSON.parse(message) the model is sent) are logged (Express).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
import { WebSocketServer } from 'ws';
const app = express();
const client = new OpenAI();
const key = process.env.OPENAI_API_KEY;
console.log('key', key.slice(0, 20));
const wss = new WebSocketServer({ server: app.listen(3000) });
wss.on('connection', (ws) => {
  ws.on('message', async (message) => {
    console.log(JSON.parse(message));
    const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: JSON.parse(message) });
    ws.send(r.choices[0].message.content);
  });
});
`,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 20, endLine: 8, endColumn: 36,
        },
        {
          messageId: 'sensitiveLog', line: 12, column: 17, endLine: 12, endColumn: 36,
        },
      ],
    },
    // Invalid because the request body that a Bedrock command sends (through this.invoke(input)) is the prompt (Koa).
    {
      code: `
import Koa from 'koa';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
export class Mixtral {
  client = new BedrockRuntimeClient({ region: 'us-east-1' });
  async chat(ctx: Koa.Context) {
    const body = { prompt: ctx.request.body.prompt, max_tokens: 500 };
    ctx.log.debug(body);
    const input = { body: JSON.stringify(body), modelId: 'mistral.mixtral-8x7b-instruct-v0:1' };
    ctx.body = await this.invoke(input);
  }
  async invoke(input: any) {
    const command = new InvokeModelCommand(input);
    return this.client.send(command);
  }
}
`,
      errors: [
        {
          messageId: 'sensitiveLog', line: 8, column: 19, endLine: 8, endColumn: 23,
          suggestions: [
            { messageId: 'logHash', output: `
import { createHash } from 'node:crypto';
import Koa from 'koa';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
export class Mixtral {
  client = new BedrockRuntimeClient({ region: 'us-east-1' });
  async chat(ctx: Koa.Context) {
    const body = { prompt: ctx.request.body.prompt, max_tokens: 500 };
    ctx.log.debug(createHash('sha256').update(JSON.stringify(body) ?? '').digest('hex'));
    const input = { body: JSON.stringify(body), modelId: 'mistral.mixtral-8x7b-instruct-v0:1' };
    ctx.body = await this.invoke(input);
  }
  async invoke(input: any) {
    const command = new InvokeModelCommand(input);
    return this.client.send(command);
  }
}
` },
          ],
        },
      ],
    },
    // Invalid because environment variables with neutral names are secrets by their use: one is the OpenAI client's apiKey, the other goes into an Authorization header (Express, CommonJS).
    {
      code: `
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');
const app = express();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.key }));
const gem = process.env.GEM;
const headers = { Authorization: \`Bearer \${gem}\` };
fetch("https://generativelanguage.googleapis.com/v1/models", { headers });
console.log('key', process.env.key, 'gem', gem.slice(0, 8), 'port', process.env.PORT);
app.listen(process.env.PORT);
`,
      ...cjs,
      errors: [
        {
          messageId: 'sensitiveLog', line: 9, column: 20, endLine: 9, endColumn: 35,
        },
        {
          messageId: 'sensitiveLog', line: 9, column: 44, endLine: 9, endColumn: 59,
        },
      ],
    },
  ],
});
