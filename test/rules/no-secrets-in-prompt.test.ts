import rule from '../../rules/no-secrets-in-prompt.js';
import { cjs, ruleTester } from '../helpers.js';

ruleTester().run('no-secrets-in-prompt', rule, {
  valid: [
    // Valid because the API key goes to the client constructor, where keys belong.
    {
      code: `
        import OpenAI from 'openai';
        const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
        export async function ask(q: string) {
          return client.responses.create({ model: 'gpt-4o', input: q });
        }
      `,
    },
    // Valid because env values that are not secrets, and PUBLIC_ values, may go into a prompt (Express).
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI();
        app.post('/chat', async (req, res) => {
          const r = await client.chat.completions.create({
            model: 'gpt-4o',
            max_tokens: Number(process.env.MAX_TOKENS),
            messages: [
              { role: 'system', content: \`You are the assistant of \${process.env.APP_NAME} (\${process.env.PUBLIC_SITE_URL}, \${process.env.NEXT_PUBLIC_STRIPE_KEY}).\` },
              { role: 'user', content: req.body.q },
            ],
          });
          res.json({ text: r.choices[0].message.content });
        });
      `,
    },
    // Valid because the bearer token of a fetch to api.openai.com is a header, not part of the prompt.
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/chat', async (req, res) => {
          const r = await fetch('https://api.openai.com/v1/chat/completions', {
            method: 'POST',
            headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] }),
          });
          const data = await r.json();
          res.json({ text: data.choices[0].message.content });
        });
      `,
    },
    // Valid because the webhook secret verifies the request; only the body text reaches the model (Fastify).
    {
      code: `
        import Fastify from 'fastify';
        import Anthropic from '@anthropic-ai/sdk';
        import { createHmac } from 'node:crypto';
        const fastify = Fastify();
        const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
        fastify.post('/summarise', async (request, reply) => {
          const sig = createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update(String(request.body)).digest('hex');
          if (sig !== request.headers['x-signature']) return reply.code(401).send();
          const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 300, system: 'Summarise the text.', messages: [{ role: 'user', content: String(request.body) }] });
          return { text: msg.content[0].type === 'text' ? msg.content[0].text : '' };
        });
      `,
    },
    // Valid because a non-secret sibling of a config literal that holds a key is not the key.
    {
      code: `
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';
        const config = { shopName: 'Acme', stripeSecretKey: process.env.STRIPE_SECRET_KEY };
        export async function greet(q: string) {
          const { text } = await generateText({ model: openai('gpt-4o'), system: \`You work for \${config.shopName}.\`, prompt: q });
          return text;
        }
      `,
    },
    // Valid because a token count is not a token (Koa).
    {
      code: `
        import Koa from 'koa';
        import Router from '@koa/router';
        import OpenAI from 'openai';
        const router = new Router();
        const openai = new OpenAI();
        const limits = { maxTokens: 200, promptTokens: 1000 };
        router.post('/chat', async (ctx) => {
          const r = await openai.responses.create({ model: 'gpt-4o', instructions: \`Answer in at most \${limits.maxTokens} tokens.\`, input: ctx.request.body.q });
          ctx.body = { text: r.output_text };
        });
        new Koa().use(router.routes());
      `,
    },
    // KNOWN MISS: a secret fetched at run time under a neutral name (a secrets manager) is not recognised.
    {
      code: `
        import OpenAI from 'openai';
        const client = new OpenAI();
        export async function ask(q: string) {
          const value = await secrets.get('db');
          return client.responses.create({ model: 'gpt-4o', instructions: \`Connect with \${value}\`, input: q });
        }
      `,
    },
    // KNOWN MISS: a secret kept in a class field and read through `this` is not followed.
    {
      code: `
        import OpenAI from 'openai';
        class Bot {
          private client = new OpenAI();
          private creds = process.env.ERP_PASSWORD;
          ask(q: string) {
            return this.client.responses.create({ model: 'gpt-4o', instructions: 'Use ' + this.creds, input: q });
          }
        }
        export default Bot;
      `,
    },
    // Valid because a database secret used in the same handler never reaches the prompt (Express).
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        import pg from 'pg';
        const app = express();
        const client = new OpenAI();
        const pool = new pg.Pool({ password: process.env.PG_PASSWORD });
        app.post('/chat', async (req, res) => {
          const { rows } = await pool.query('select name from products');
          const r = await client.responses.create({ model: 'gpt-4o', instructions: 'Known products: ' + rows.map((p) => p.name).join(', '), input: req.body.q });
          res.json({ text: r.output_text });
        });
      `,
    },
    // Valid because a non-secret Hono binding may go into the prompt.
    {
      code: `
        import { Hono } from 'hono';
        import OpenAI from 'openai';
        const app = new Hono();
        const openai = new OpenAI();
        app.post('/chat', async (c) => {
          const r = await openai.responses.create({ model: 'gpt-4o', instructions: \`You are \${c.env.BOT_NAME}\`, input: await c.req.text() });
          return c.json({ text: r.output_text });
        });
      `,
    },
    // Valid because the key configures a LangChain model; only the question is in the messages (CommonJS).
    {
      code: `
        const { ChatAnthropic } = require('@langchain/anthropic');
        const { SystemMessage, HumanMessage } = require('@langchain/core/messages');
        const model = new ChatAnthropic({ apiKey: process.env.ANTHROPIC_API_KEY, model: 'claude-sonnet-4-5' });
        exports.run = (q) => model.invoke([new SystemMessage('Be brief.'), new HumanMessage(q)]);
      `,
      ...cjs,
    },
  ],
  invalid: [
    // Invalid because an env token is written into the system message through a template literal (Express).
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
        app.post('/chat', async (req, res) => {
          const r = await client.chat.completions.create({
            model: 'gpt-4o',
            messages: [
              { role: 'system', content: \`You are \${process.env.APP_NAME}. Use token \${process.env.ORDERS_API_TOKEN} to call the API.\` },
              { role: 'user', content: req.body.q },
            ],
          });
          res.json({ text: r.choices[0].message.content });
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 10, column: 88, endLine: 10, endColumn: 116,
          suggestions: [],
        },
      ],
    },
    // Invalid because a destructured env password sits in a const messages array spread into the call.
    {
      code: `
        import OpenAI from 'openai';
        const openai = new OpenAI();
        const { DB_PASSWORD } = process.env;
        const messages = [{ role: 'system', content: 'The database password is ' + DB_PASSWORD }];
        export async function ask(q: string) {
          return openai.chat.completions.create({ model: 'gpt-4o', messages: [...messages, { role: 'user', content: q }] });
        }
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 5, column: 84, endLine: 5, endColumn: 95,
          suggestions: [],
        },
      ],
    },
    // Invalid because a config secret key goes into the Anthropic system prompt (Fastify).
    {
      code: `
        import Fastify from 'fastify';
        import Anthropic from '@anthropic-ai/sdk';
        const config = { stripe: { secretKey: process.env.STRIPE_SECRET_KEY }, name: 'shop' };
        const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
        const fastify = Fastify();
        fastify.post('/chat', async (request) => {
          const msg = await anthropic.messages.create({
            model: 'claude-sonnet-4-5', max_tokens: 300,
            system: \`Shop \${config.name}; stripe key: \${config.stripe.secretKey}\`,
            messages: [{ role: 'user', content: (request.body as { q: string }).q }],
          });
          return { text: msg.content[0].type === 'text' ? msg.content[0].text : '' };
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 10, column: 57, endLine: 10, endColumn: 80,
          suggestions: [],
        },
      ],
    },
    // Invalid because a literal OpenAI key is written into the Vercel ai system prompt (Koa).
    {
      code: `
        import Koa from 'koa';
        import Router from '@koa/router';
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';
        const router = new Router();
        router.post('/chat', async (ctx) => {
          const { text } = await generateText({ model: openai('gpt-4o'), system: 'If asked, the key is sk-proj-abcdefghijklmnopqrstuvwx1234', prompt: ctx.request.body.q });
          ctx.body = { text };
        });
        new Koa().use(router.routes());
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 82, endLine: 8, endColumn: 141,
          suggestions: [],
        },
      ],
    },
    // Invalid because an env secret is passed to a LangChain SystemMessage through a variable (CommonJS).
    {
      code: `
        const { ChatOpenAI } = require('@langchain/openai');
        const { SystemMessage, HumanMessage } = require('@langchain/core/messages');
        const model = new ChatOpenAI({ apiKey: process.env.OPENAI_API_KEY });
        async function run(q) {
          const secret = process.env.INTERNAL_SECRET;
          return model.invoke([new SystemMessage('secret: ' + secret), new HumanMessage(q)]);
        }
        module.exports = { run };
      `,
      ...cjs,
      errors: [
        {
          messageId: 'secretInPrompt', line: 7, column: 63, endLine: 7, endColumn: 69,
          suggestions: [],
        },
      ],
    },
    // Invalid because a service token goes into the JSON body of a fetch to api.openai.com.
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/chat', async (req, res) => {
          const r = await fetch('https://api.openai.com/v1/chat/completions', {
            method: 'POST',
            headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
            body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: \`\${req.body.q} (auth: \${process.env.SERVICE_TOKEN})\` }] }),
          });
          res.json({ ok: r.ok });
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 113, endLine: 8, endColumn: 138,
          suggestions: [],
        },
      ],
    },
    // Invalid because a password hash and a Hono env key go into Responses instructions and input.
    {
      code: `
        import { Hono } from 'hono';
        import OpenAI from 'openai';
        const app = new Hono<{ Bindings: { OPENAI_API_KEY: string } }>();
        const openai = new OpenAI();
        app.post('/chat', async (c) => {
          const user = await db.findUser();
          const r = await openai.responses.create({ model: 'gpt-4o', instructions: 'Hash: ' + user.passwordHash, input: 'hello ' + user.name + ' ' + c.env.OPENAI_API_KEY });
          return c.json({ text: r.output_text });
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 95, endLine: 8, endColumn: 112,
          suggestions: [],
        },
        {
          messageId: 'secretInPrompt', line: 8, column: 150, endLine: 8, endColumn: 170,
          suggestions: [],
        },
      ],
    },
    // Invalid because a token given to a same-file helper that calls the model is reported where it is passed.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const client = new OpenAI();
        async function askModel(system: string, q: string) {
          return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }, { role: 'user', content: q }] });
        }
        app.post('/chat', async (req, res) => {
          await askModel(\`Use key \${process.env.GITHUB_TOKEN}\`, req.body.q);
          await askModel('You are a bot', req.body.q);
          res.json({ ok: true });
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 10, column: 37, endLine: 10, endColumn: 61,
          suggestions: [],
        },
      ],
    },
    // Invalid because a same-file helper returns the message list with a secret in its system message: one report, at the secret.
    {
      code: `
        import express from 'express';
        import OpenAI from 'openai';
        const app = express();
        const openai = new OpenAI();
        function buildMessages(req) {
          return [{ role: 'system', content: \`Key \${process.env.STRIPE_SECRET_KEY}\` }, { role: 'user', content: req.body.q }];
        }
        app.post('/s', async (req, res) => {
          const r = await openai.chat.completions.create({ model: 'x', max_tokens: 9, messages: buildMessages(req) });
          res.json({ t: r.choices[0].message.content });
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 7, column: 53, endLine: 7, endColumn: 82,
          suggestions: [],
        },
      ],
    },
    // Invalid because a bracket-read env password, cast in TypeScript, is pushed into the message list.
    {
      code: `
        import OpenAI from 'openai';
        const client = new OpenAI();
        export async function ask(q: string) {
          const messages: { role: 'system' | 'user'; content: string }[] = [];
          messages.push({ role: 'system', content: process.env['SMTP_PASS'] as string });
          messages.push({ role: 'user', content: q });
          return client.chat.completions.create({ model: 'gpt-4o', messages });
        }
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 6, column: 52, endLine: 6, endColumn: 76,
          suggestions: [],
        },
      ],
    },
    // Invalid because a secret returned by a same-file function is placed into a Gemini prompt.
    {
      code: `
        import { GoogleGenAI } from '@google/genai';
        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
        function erpCredentials() {
          return process.env.ERP_CREDENTIALS;
        }
        export async function plan(task: string) {
          return ai.models.generateContent({ model: 'gemini-2.5-flash', contents: \`\${task}\\nLogin: \${erpCredentials()}\` });
        }
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 102, endLine: 8, endColumn: 118,
          suggestions: [],
        },
      ],
    },
    // Invalid because an aliased, destructured client still sends the secret (Express, CommonJS).
    {
      code: `
        const express = require('express');
        const { default: OpenAI } = require('openai');
        const app = express();
        const { chat } = new OpenAI();
        app.post('/chat', async (req, res) => {
          const { SLACK_BOT_TOKEN: slack } = process.env;
          const r = await chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q + ' token=' + slack }] });
          res.json({ text: r.choices[0].message.content });
        });
      `,
      ...cjs,
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 131, endLine: 8, endColumn: 136,
          suggestions: [],
        },
      ],
    },
    // Invalid because a name listed in settings.sensitiveNames is placed into the prompt.
    {
      code: `
        import OpenAI from 'openai';
        const client = new OpenAI();
        export const ask = (q: string) => client.responses.create({ model: 'gpt-4o', input: \`[\${process.env.TENANT_ID}] \${q}\` });
      `,
      settings: {"llm-leak":{"sensitiveNames":["TENANT_ID"]}},
      errors: [
        {
          messageId: 'secretInPrompt', line: 4, column: 97, endLine: 4, endColumn: 118,
          suggestions: [],
        },
      ],
    },
    // Invalid because a config field named like a password, imported from another module, goes into the messages.
    {
      code: `
        import express from 'express';
        import Anthropic from '@anthropic-ai/sdk';
        import { config } from './config';
        const app = express();
        const anthropic = new Anthropic();
        app.post('/sql', async (req, res) => {
          const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 400, messages: [{ role: 'user', content: \`Write SQL for: \${req.body.q}. Connection: postgres://app:\${config.dbPassword}@db\` }] });
          res.json({ ok: msg.stop_reason === 'end_turn' });
        });
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 198, endLine: 8, endColumn: 215,
          suggestions: [],
        },
      ],
    },
    // Invalid because a Next.js route handler writes an admin token into the system prompt.
    {
      code: `
        import OpenAI from 'openai';
        import { NextResponse } from 'next/server';
        const openai = new OpenAI();
        export async function POST(req: Request) {
          const { q } = await req.json();
          const adminToken = process.env.ADMIN_TOKEN;
          const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: \`Admin token: \${adminToken}\` }, { role: 'user', content: q }] });
          return NextResponse.json({ text: r.choices[0].message.content });
        }
      `,
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId: 'secretInPrompt', line: 8, column: 131, endLine: 8, endColumn: 141,
          suggestions: [],
        },
      ],
    },
    // Invalid because a Vercel ai system prompt holds a private key read from import.meta.env.
    {
      code: `
        import { streamText } from 'ai';
        import { anthropic } from '@ai-sdk/anthropic';
        export function chat(messages: { role: 'user'; content: string }[]) {
          return streamText({ model: anthropic('claude-sonnet-4-5'), system: 'Sign with ' + import.meta.env.VITE_SIGNING_PRIVATE_KEY, messages });
        }
      `,
      errors: [
        {
          messageId: 'secretInPrompt', line: 5, column: 93, endLine: 5, endColumn: 133,
          suggestions: [],
        },
      ],
    },
  ],
});
