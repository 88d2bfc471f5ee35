// Code written for the openai v3 shape (`.data.choices[0].text`) run on a v4 client: it reads text or undefined.
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import OpenAI from 'openai';

const fastify = Fastify({ logger: true });
const openai = new OpenAI();
await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
fastify.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

fastify.post<{ Body: string }>('/ask', async (req) => {
  const processed: any = await openai.chat.completions.create({
    model: 'gpt-3.5-turbo',
    max_tokens: 200,
    messages: [
      { role: 'system', content: 'Summarise the JSON document in three sentences.' },
      { role: 'user', content: req.body },
    ],
  });
  return { response: processed.data.choices[0].text };
});

await fastify.listen({ port: 3000 });
