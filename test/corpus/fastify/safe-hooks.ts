import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import OpenAI from 'openai';

const app = Fastify({ logger: true });
const openai = new OpenAI();

await app.register(fastifyJwt, { secret: process.env.JWT_SECRET! });

app.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

app.post<{ Body: { question: string } }>('/ask', async (request) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: request.body.question }],
  });
  request.log.info({ tokens: completion.usage?.total_tokens }, 'answered');
  return { answer: completion.choices[0].message.content };
});

await app.listen({ port: 3000 });
