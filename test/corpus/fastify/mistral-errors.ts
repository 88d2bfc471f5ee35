import Fastify from 'fastify';
import { Mistral } from '@mistralai/mistralai';
import { requireToken } from './auth';

const app = Fastify();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });

app.post('/tag', { onRequest: requireToken }, async (request, reply) => {
  const { text } = request.body as { text: string };
  try {
    const res = await mistral.chat.complete({
      model: 'mistral-small-latest',
      maxTokens: 50,
      messages: [{ role: 'user', content: `Give three tags for: ${text}` }],
    });
    return { tags: res.choices?.[0]?.message?.content };
  } catch (error) {
    return reply.status(500).send(error); // expect: llm-leak/no-error-details-to-client
  }
});

app.setErrorHandler((error, request, reply) => {
  reply.status(500).send({ message: error.message, stack: error.stack }); // expect: llm-leak/no-error-details-to-client
});

await app.listen({ port: 3000 });
