import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import OpenAI from 'openai';
import { z } from 'zod';

const fastify = Fastify({ logger: true });
const openai = new OpenAI();
fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
fastify.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

const Loose = z.object({ messages: z.array(z.object({ role: z.string(), content: z.string() })) });
const Strict = z.object({ messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })) });

fastify.post('/chat', async (request) => {
  const body = Loose.parse(request.body);
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 500, messages: body.messages }); // expect: llm-leak/no-untrusted-system-prompt
  return { text: r.choices[0]?.message?.content ?? '' };
});

fastify.post('/chat/strict', async (request) => {
  const { messages } = Strict.parse(request.body);
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'system', content: 'Answer briefly.' }, ...messages],
  });
  return { text: r.choices[0]?.message?.content ?? '' };
});

fastify.listen({ port: 3000 });
