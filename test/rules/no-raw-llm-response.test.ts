import rule from '../../rules/no-raw-llm-response.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('no-raw-llm-response', rule, {
  valid: [
    // Valid because the route relays the client's own request body as it came: the answer is what the client asked
    // the API for, nothing the server added (Express).
    {
      code: `
import express from 'express';
const app = express();
app.post('/v1/chat/completions', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify(req.body),
  });
  res.json(await r.json());
});
`,
    },
    // Valid because the raw body text read from the request is what goes on (Koa, CommonJS, the Hunyuan API).
    {
      code: `
const Koa = require('koa');
const getRawBody = require('raw-body');
const app = new Koa();
app.use(async (ctx) => {
  const body = await ctx.request.text();
  const r = await fetch('https://hunyuan.tencentcloudapi.com', { method: 'POST', headers: { 'X-TC-Action': 'ChatCompletions' }, body });
  ctx.body = await r.json();
});
`,
      ...cjs,
    },
    // Valid because \`.data.choices[0].text\` is the text leaf of the openai v3 shape: on a v4 chat completion it reads
    // members the result does not have, so it is text or undefined, never a part that is not text (Fastify).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.post('/ask', async (req) => {
  const processed = await openai.chat.completions.create({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: req.body }] });
  return { response: processed.data.choices[0].text };
});
`,
    },
    // Valid because the first generated image (its url and revised prompt) is the output itself (Koa).
    {
      code: `
const Router = require('koa-router');
const OpenAI = require('openai');
const router = new Router();
const openai = new OpenAI();
router.post('/image', async (ctx) => {
  const response = await openai.images.generate({ model: 'dall-e-2', prompt: ctx.request.body.keyword, n: 1 });
  ctx.body = response.data[0];
});
module.exports = router;
`,
      ...cjs,
    },
    // Valid because only the text of an openai v3 completion (under the axios `.data`) goes out.
    {
      code: `
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');
const app = express();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
app.post('/chat', async (req, res) => {
  const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [] });
  res.json({ answer: completion.data.choices[0].message.content, done: completion.data.choices[0].finish_reason });
});
`,
      ...cjs,
    },
    // Valid because the HTTP status of openai v3's axios envelope says nothing of the conversation (Express).
    {
      code: `
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');
const app = express();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
app.post('/chat', async (req, res) => {
  const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [] });
  if (completion.status !== 200) return res.status(502).json({ error: completion.statusText, status: completion.status });
  res.json({ text: completion.data.choices[0].message.content });
});
`,
      ...cjs,
    },
    // Valid because only the URL where the service stored an openai v3 createImage result goes out (Koa).
    {
      code: `
const Koa = require('koa');
const { Configuration, OpenAIApi } = require('openai');
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const app = new Koa();
app.use(async (ctx) => {
  const image = await openai.createImage({ prompt: String(ctx.request.body.prompt).slice(0, 500), n: 1, size: '512x512' });
  ctx.body = { url: image.data.data[0].url };
});
`,
      ...cjs,
    },
    // Valid because only the generated text goes out, wrapped in an object.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  const text = completion.choices[0]?.message?.content ?? '';
  res.json({ answer: text });
});
`,
    },
    // Valid because the text goes out through a template literal, and a finish reason carries no content.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const ai = new OpenAI();
app.post('/ask', async (req, res) => {
  const c = await ai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  if (c.choices[0].finish_reason === 'length') return res.json({ done: c.choices[0].finish_reason });
  res.send(\`Answer: \${c.choices[0].message.content}\`);
});
`,
    },
    // Valid because the JSON the model wrote is parsed and sent: it is generated content, not the response object.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/extract', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  const data = JSON.parse(completion.choices[0].message.content ?? '{}');
  res.json(data);
});
`,
    },
    // Valid because Vercel ai's text stream response carries only text.
    {
      code: `
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const result = streamText({ model: openai('gpt-4o'), prompt });
  return result.toTextStreamResponse();
}
`,
      filename: 'app/api/chat/route.ts',
    },
    // Valid because each stream chunk is reduced to its text delta.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/stream', async (req, res) => {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages: [], stream: true });
  for await (const chunk of stream) res.write(chunk.choices[0]?.delta?.content ?? '');
  res.end();
});
`,
    },
    // Valid because only Anthropic text blocks are sent, by index or after a type check.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
app.post('/claude', async (req, res) => {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [] });
  const block = msg.content[0];
  res.json({ text: msg.content[0].text, first: block.type === 'text' ? block.text : '' });
});
`,
    },
    // Valid because the Anthropic stream sends only text deltas.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
app.post('/claude', async (req, res) => {
  const stream = await anthropic.messages.create({ model: 'claude', max_tokens: 512, messages: [], stream: true });
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') res.write(event.delta.text);
  }
  res.end();
});
`,
    },
    // Valid because a same-file helper returns only the text (TypeScript syntax).
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
const askText = async (q: string): Promise<string> => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return r.choices[0].message.content ?? '';
};
app.post('/ask', async (req, res) => {
  const answer = await askText(req.body.q);
  res.json({ answer });
});
`,
    },
    // Valid because the Fastify handler returns the Responses API output text only.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
const ai = new OpenAI();
app.post('/ask', async (request) => {
  const r = await ai.responses.create({ model: 'gpt-4o', input: 'x' });
  return { text: r.output_text };
});
`,
    },
    // Valid because Koa sends the Gemini text only (CommonJS).
    {
      code: `
const Router = require('@koa/router');
const { GoogleGenAI } = require('@google/genai');
const router = new Router();
const genai = new GoogleGenAI({});
router.post('/gemini', async (ctx) => {
  const r = await genai.models.generateContent({ model: 'gemini-2.5-flash', contents: ctx.request.body.q });
  ctx.body = { text: r.text };
});
module.exports = router;
`,
      ...cjs,
    },
    // Valid because Hono sends only the text of a type-checked Anthropic block.
    {
      code: `
import { Hono } from 'hono';
import Anthropic from '@anthropic-ai/sdk';
const app = new Hono();
const anthropic = new Anthropic();
app.post('/a', async (c) => {
  const msg = await anthropic.messages.create({ model: 'claude', max_tokens: 10, messages: [] });
  const block = msg.content[0];
  return c.text(block.type === 'text' ? block.text : '');
});
`,
    },
    // Valid because a LangChain chat model's content is the generated text.
    {
      code: `
import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
const app = express();
const llm = new ChatOpenAI({ model: 'gpt-4o' });
app.post('/lc', async (req, res) => {
  const msg = await llm.invoke(req.body.q);
  res.json({ answer: msg.content });
});
`,
    },
    // Valid because an AIMessage's lc_kwargs hold the fields it was made with: lc_kwargs.content is the generated text.
    {
      code: `
const express = require('express');
const { ChatOpenAI } = require('@langchain/openai');
const router = express.Router();
const llm = new ChatOpenAI({ model: 'gpt-4o' });
router.post('/lc', async (req, res) => {
  const modelResponse = await llm.invoke(req.body.q);
  res.json({ answer: modelResponse.lc_kwargs.content });
});
module.exports = router;
`,
    },
    // Valid because the Vercel ai text stream's elements are text.
    {
      code: `
import express from 'express';
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = express();
app.post('/v', async (req, res) => {
  const result = streamText({ model: openai('gpt-4o'), prompt: req.body.prompt });
  for await (const t of result.textStream) res.write(t);
  res.end();
});
`,
    },
    // Valid because @google/generative-ai's response.text() is the generated text (CommonJS).
    {
      code: `
const express = require('express');
const { GoogleGenerativeAI } = require('@google/generative-ai');
const app = express();
const model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY).getGenerativeModel({ model: 'gemini-2.5-flash' });
app.post('/g', async (req, res) => {
  const result = await model.generateContent(req.body.q);
  res.json({ text: result.response.text() });
});
`,
      ...cjs,
    },
    // KNOWN MISS: a client held in a class field (`this.client`) is not followed, so the wrapped result is unknown.
    {
      code: `
import express from 'express';
import { OpenAI as Client } from 'openai';
const app = express();
class Svc {
  client = new Client();
  async ask(q: string) { return this.client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: q }] }); }
}
const svc = new Svc();
app.post('/s', async (req, res) => {
  res.json(await svc.ask(req.body.q));
});
`,
    },
  ],
  invalid: [
    // Invalid because the server wraps the client's text in a message list of its own: the answer is no relay of
    // the client's request, and its envelope goes back whole (Fastify).
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.post('/chat', async (request, reply) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: request.body.text }] }),
  });
  return reply.send(await r.json());
});
`,
      errors: [{ messageId: 'raw', line: 9 }],
    },
    // Invalid because the Hunyuan answer the server asked for is sent whole (Koa, CommonJS).
    {
      code: `
const Koa = require('koa');
const app = new Koa();
app.use(async (ctx) => {
  const r = await fetch('https://hunyuan.tencentcloudapi.com', {
    method: 'POST',
    headers: { 'X-TC-Action': 'ChatCompletions' },
    body: JSON.stringify({ Model: 'hunyuan-lite', Messages: [{ Role: 'user', Content: ctx.request.body.q }] }),
  });
  ctx.body = await r.json();
});
`,
      ...cjs,
      errors: [{ messageId: 'raw', line: 10 }],
    },
    // Invalid because the whole choice (message object, tool calls, logprobs) is returned, not its text (Fastify).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const fastify = Fastify();
const openai = new OpenAI();
fastify.post('/ask', async (req) => {
  const processed = await openai.chat.completions.create({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: req.body }] });
  return { response: processed.choices[0] };
});
`,
      errors: [{ messageId: 'rawPart', line: 8, column: 10, endLine: 8, endColumn: 44 }],
    },
    // Invalid because a client of a package of the @anthropic-ai scope (here misspelled) is an Anthropic client, and
    // its whole message goes back (Express, CommonJS).
    {
      code: `
const express = require('express');
const Anthropic = require('@anthropic-ai/santhropic');
const app = express();
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
app.post('/api/anthropic', async (req, res) => {
  const response = await anthropic.messages.create({ model: 'claude', max_tokens: 1200, messages: req.body.messages });
  res.json(response);
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 12, endLine: 8, endColumn: 20,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
const express = require('express');
const Anthropic = require('@anthropic-ai/santhropic');
const app = express();
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
app.post('/api/anthropic', async (req, res) => {
  const response = await anthropic.messages.create({ model: 'claude', max_tokens: 1200, messages: req.body.messages });
  res.json({ text: response.content.find((b) => b.type === 'text')?.text ?? '' });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the Bedrock edition of the Anthropic SDK returns the same message object (Koa, CommonJS: the
    // package is not installed here, so the suggestion is type-checked as JavaScript).
    {
      code: `
const Koa = require('koa');
const { AnthropicBedrock } = require('@anthropic-ai/bedrock-sdk');
const app = new Koa();
const client = new AnthropicBedrock();
app.use(async (ctx) => {
  const message = await client.messages.create({ model: 'anthropic.claude', max_tokens: 256, messages: [{ role: 'user', content: 'hi' }] });
  ctx.body = message;
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 14, endLine: 8, endColumn: 21,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
const Koa = require('koa');
const { AnthropicBedrock } = require('@anthropic-ai/bedrock-sdk');
const app = new Koa();
const client = new AnthropicBedrock();
app.use(async (ctx) => {
  const message = await client.messages.create({ model: 'anthropic.claude', max_tokens: 256, messages: [{ role: 'user', content: 'hi' }] });
  ctx.body = { text: message.content.find((b) => b.type === 'text')?.text ?? '' };
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because res.end sends the whole completion; its body is a string, so the suggestion sends the text alone.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.end(completion);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 11, endLine: 8, endColumn: 21,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.end(completion.choices[0]?.message?.content ?? '');
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because axios' `response.data` is the whole chat completion of the model API.
    {
      code: `
import express from 'express';
import axios from 'axios';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await axios.post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o', messages: req.body.messages });
  res.json(r.data);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 7, column: 12, endLine: 7, endColumn: 18,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import axios from 'axios';
const app = express();
app.post('/chat', async (req, res) => {
  const r = await axios.post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o', messages: req.body.messages });
  res.json({ text: r.data?.choices?.[0]?.message?.content ?? '' });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because an openai v3 result's `.data` is the whole completion.
    {
      code: `
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');
const app = express();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
app.post('/chat', async (req, res) => {
  const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [] });
  res.json(completion.data);
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 12, endLine: 8, endColumn: 27,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');
const app = express();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
app.post('/chat', async (req, res) => {
  const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [] });
  res.json({ text: completion.data.choices[0]?.message?.content ?? '' });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the whole OpenAI completion is sent with res.json.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json(completion);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 12, endLine: 8, endColumn: 22,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: completion.choices[0]?.message?.content ?? '' });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because JSON.stringify of the completion is sent after a status call.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.status(200).send(JSON.stringify(completion));
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 24, endLine: 8, endColumn: 50,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.status(200).send(JSON.stringify({ text: completion.choices[0]?.message?.content ?? '' }));
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because Fastify's reply.send gets the whole Anthropic message.
    {
      code: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
fastify.post('/chat', async (request, reply) => {
  const message = await anthropic.messages.create({ model: 'claude', max_tokens: 100, messages: [] });
  reply.send(message);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 14, endLine: 8, endColumn: 21,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import Fastify from 'fastify';
import Anthropic from '@anthropic-ai/sdk';
const fastify = Fastify();
const anthropic = new Anthropic();
fastify.post('/chat', async (request, reply) => {
  const message = await anthropic.messages.create({ model: 'claude', max_tokens: 100, messages: [] });
  reply.send({ text: message.content.find((b) => b.type === 'text')?.text ?? '' });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because a Fastify handler returns the message: the return value is the body (CommonJS).
    {
      code: `
const fastify = require('fastify')();
const Anthropic = require('@anthropic-ai/sdk');
const anthropic = new Anthropic();
fastify.post('/chat', async (request) => {
  const message = await anthropic.messages.create({ model: 'claude', max_tokens: 100, messages: [] });
  return message;
});
`,
      ...cjs,
      errors: [
        {
          messageId: 'raw',
          line: 7, column: 10, endLine: 7, endColumn: 17,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
const fastify = require('fastify')();
const Anthropic = require('@anthropic-ai/sdk');
const anthropic = new Anthropic();
fastify.post('/chat', async (request) => {
  const message = await anthropic.messages.create({ model: 'claude', max_tokens: 100, messages: [] });
  return { text: message.content.find((b) => b.type === 'text')?.text ?? '' };
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because an arrow handler's expression body returns the Responses API object (no mechanical rewrite).
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
const ai = new OpenAI();
app.post('/ask', async (request) => ai.responses.create({ model: 'gpt-4o', input: 'x' }));
`,
      errors: [{ messageId: 'raw', line: 6, column: 37, endLine: 6, endColumn: 89, suggestions: [] }],
    },
    // Invalid because a tool call list goes out through reply.code().send() from fastify.route.
    {
      code: `
import Fastify from 'fastify';
import OpenAI from 'openai';
const app = Fastify();
const ai = new OpenAI();
app.route({ method: 'POST', url: '/ask', handler: async (request, reply) => {
  const c = await ai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return reply.code(200).send({ calls: c.choices[0].message.tool_calls });
} });
`,
      errors: [{ messageId: 'rawPart', line: 8, column: 31, endLine: 8, endColumn: 73, suggestions: [] }],
    },
    // Invalid because Koa's ctx.body is the completion.
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  ctx.body = completion;
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 9, column: 14, endLine: 9, endColumn: 24,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  ctx.body = { text: completion.choices[0]?.message?.content ?? '' };
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because spreading the completion into ctx.body copies every field.
    {
      code: `
import Router from 'koa-router';
import OpenAI from 'openai';
const router = new Router();
const openai = new OpenAI();
router.post('/chat', async (ctx) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  ctx.body = { ...completion, served: true };
});
`,
      errors: [{ messageId: 'raw', line: 8, column: 14, endLine: 8, endColumn: 45, suggestions: [] }],
    },
    // Invalid because Koa sends the whole Gemini response (CommonJS).
    {
      code: `
const Router = require('@koa/router');
const { GoogleGenAI } = require('@google/genai');
const router = new Router();
const genai = new GoogleGenAI({});
router.post('/gemini', async (ctx) => {
  ctx.body = await genai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' });
});
module.exports = router;
`,
      ...cjs,
      errors: [
        {
          messageId: 'raw',
          line: 7, column: 14, endLine: 7, endColumn: 94,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
const Router = require('@koa/router');
const { GoogleGenAI } = require('@google/genai');
const router = new Router();
const genai = new GoogleGenAI({});
router.post('/gemini', async (ctx) => {
  ctx.body = { text: (await genai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' })).text };
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    // Invalid because Hono's c.json sends the Vercel ai result, which carries the whole request.
    {
      code: `
import { Hono } from 'hono';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.post('/chat', async (c) => {
  const result = await generateText({ model: openai('gpt-4o'), prompt: 'hi' });
  return c.json(result);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 17, endLine: 8, endColumn: 23,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import { Hono } from 'hono';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = new Hono();
app.post('/chat', async (c) => {
  const result = await generateText({ model: openai('gpt-4o'), prompt: 'hi' });
  return c.json({ text: result.text });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because the awaited generateText result is sent inline; the rewrite needs parentheses.
    {
      code: `
import express from 'express';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = express();
app.post('/chat', async (req, res) => {
  res.json(await generateText({ model: openai('gpt-4o'), prompt: req.body.prompt }));
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 7, column: 12, endLine: 7, endColumn: 84,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const app = express();
app.post('/chat', async (req, res) => {
  res.json({ text: (await generateText({ model: openai('gpt-4o'), prompt: req.body.prompt })).text });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because NextResponse.json sends the completion.
    {
      code: `
import { NextResponse } from 'next/server';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return NextResponse.json(result);
}
`,
      errors: [
        {
          messageId: 'raw',
          line: 7, column: 28, endLine: 7, endColumn: 34,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import { NextResponse } from 'next/server';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return NextResponse.json({ text: result.choices[0]?.message?.content ?? '' });
}
`,
            },
          ],
        },
      ],
    },
    // Invalid because Response.json in a Next.js route file sends the completion.
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return Response.json(result);
}
`,
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId: 'raw',
          line: 6, column: 24, endLine: 6, endColumn: 30,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return Response.json({ text: result.choices[0]?.message?.content ?? '' });
}
`,
            },
          ],
        },
      ],
    },
    // Invalid because new Response(JSON.stringify(result)) sends the completion.
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
}
`,
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId: 'raw',
          line: 6, column: 23, endLine: 6, endColumn: 45,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  return new Response(JSON.stringify({ text: result.choices[0]?.message?.content ?? '' }), { headers: { 'content-type': 'application/json' } });
}
`,
            },
          ],
        },
      ],
    },
    // Invalid because a message object carries tool calls and refusals, not only text (TypeScript: `!`, satisfies).
    {
      code: `
import { NextResponse } from 'next/server';
import OpenAI from 'openai';
const openai = new OpenAI();
export const POST = async (req: Request): Promise<Response> => {
  const { prompt } = (await req.json()) as { prompt: string };
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
  return NextResponse.json({ message: completion.choices[0]!.message } satisfies object);
};
`,
      filename: 'app/api/chat/route.ts',
      errors: [{ messageId: 'rawPart', line: 8, column: 28, endLine: 8, endColumn: 88, suggestions: [] }],
    },
    // Invalid because res.json({ answer: message }) sends the message object.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.json({ answer: completion.choices[0].message });
});
`,
      errors: [{ messageId: 'rawPart', line: 8, column: 12, endLine: 8, endColumn: 53, suggestions: [] }],
    },
    // Invalid because token usage and the request id go out beside the text.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.json({ text: completion.choices[0].message.content, usage: completion.usage, id: completion.id });
});
`,
      errors: [{ messageId: 'rawPart', line: 8, column: 12, endLine: 8, endColumn: 103, suggestions: [] }],
    },
    // Invalid because usage is destructured from an aliased, destructured CommonJS client's result.
    {
      code: `
const express = require('express');
const { OpenAI } = require('openai');
const client = new OpenAI();
const router = express.Router();
router.post('/ask', async (req, res) => {
  const { choices, usage } = await client.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.json({ text: choices[0].message.content, usage });
});
module.exports = router;
`,
      ...cjs,
      errors: [{ messageId: 'rawPart', line: 8, column: 12, endLine: 8, endColumn: 55, suggestions: [] }],
    },
    // Invalid because a whole choice, taken by array destructuring, is sent.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const ai = new OpenAI();
app.post('/ask', async (req, res) => {
  const c = await ai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  const [first] = c.choices;
  res.json(first);
});
`,
      errors: [{ messageId: 'rawPart', line: 9, column: 12, endLine: 9, endColumn: 17, suggestions: [] }],
    },
    // Invalid because the completion is stringified into a template literal.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const ai = new OpenAI();
app.post('/ask', async (req, res) => {
  const c = await ai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.send(\`Result: \${JSON.stringify(c)}\`);
});
`,
      errors: [{ messageId: 'raw', line: 8, column: 12, endLine: 8, endColumn: 42, suggestions: [] }],
    },
    // Invalid because Anthropic content blocks include tool_use blocks, not only text.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
app.post('/chat', async (req, res) => {
  const msg = await anthropic.messages.create({ model: 'claude', max_tokens: 100, messages: [] });
  res.json({ content: msg.content });
});
`,
      errors: [{ messageId: 'rawPart', line: 8, column: 12, endLine: 8, endColumn: 36, suggestions: [] }],
    },
    // Invalid because raw OpenAI stream chunks are written to the response.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/chat', async (req, res) => {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages: [], stream: true });
  for await (const chunk of stream) res.write(JSON.stringify(chunk));
  res.end();
});
`,
      errors: [{ messageId: 'rawChunk', line: 8, column: 47, endLine: 8, endColumn: 68, suggestions: [] }],
    },
    // Invalid because raw Anthropic stream events are forwarded as server-sent events.
    {
      code: `
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const anthropic = new Anthropic();
app.post('/a', async (req, res) => {
  const stream = anthropic.messages.stream({ model: 'claude', max_tokens: 10, messages: [] });
  for await (const event of stream) res.write(\`data: \${JSON.stringify(event)}\\n\\n\`);
  res.end();
});
`,
      errors: [{ messageId: 'rawChunk', line: 8, column: 47, endLine: 8, endColumn: 83, suggestions: [] }],
    },
    // Invalid because a same-file helper returns the whole completion.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
async function ask(prompt: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}
app.post('/chat', async (req, res) => {
  const c = await ask(req.body.prompt);
  res.json(c);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 11, column: 12, endLine: 11, endColumn: 13,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
async function ask(prompt: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}
app.post('/chat', async (req, res) => {
  const c = await ask(req.body.prompt);
  res.json({ text: c.choices[0]?.message?.content ?? '' });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because a response helper sends what it is given; no rewrite there, other callers share it.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
function send(res, data) { res.json(data); }
app.post('/chat', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  send(res, c);
});
`,
      errors: [{ messageId: 'raw', line: 6, column: 37, endLine: 6, endColumn: 41, suggestions: [] }],
    },
    // Invalid because a promise callback sends the completion.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/t', (req, res) => {
  openai.chat.completions.create({ model: 'x', messages: [] }).then((r) => res.json(r));
});
`,
      errors: [{ messageId: 'raw', line: 7, column: 85, endLine: 7, endColumn: 86, suggestions: [] }],
    },
    // Invalid because a LangChain AIMessage carries tool calls and usage metadata.
    {
      code: `
import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
const app = express();
const llm = new ChatOpenAI({ model: 'gpt-4o' });
app.post('/lc', async (req, res) => {
  const msg = await llm.invoke(req.body.q);
  res.json(msg);
});
`,
      errors: [
        {
          messageId: 'raw',
          line: 8, column: 12, endLine: 8, endColumn: 15,
          suggestions: [
            {
              messageId: 'sendText',
              output: `
import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
const app = express();
const llm = new ChatOpenAI({ model: 'gpt-4o' });
app.post('/lc', async (req, res) => {
  const msg = await llm.invoke(req.body.q);
  res.json({ text: msg.content });
});
`,
            },
          ],
        },
      ],
    },
    // Invalid because a cast does not change what is sent; no rewrite inside the cast.
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
app.post('/t', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'x', messages: [] });
  res.json(r as unknown);
});
`,
      errors: [{ messageId: 'raw', line: 8, column: 12, endLine: 8, endColumn: 24, suggestions: [] }],
    },
  ],
});
