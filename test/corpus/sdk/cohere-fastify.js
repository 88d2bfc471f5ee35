import Fastify from 'fastify';
import { CohereClientV2 } from 'cohere-ai';

const app = Fastify({ logger: true });
const cohere = new CohereClientV2({ token: process.env.CO_API_KEY });

app.post('/v2/answer', async (request, reply) => { // expect: llm-leak/require-auth-for-llm-route
  const res = await cohere.chat({
    model: 'command-a-03-2025',
    maxTokens: 300,
    messages: [{ role: 'user', content: request.body.question }],
  });
  request.log.info(res.message, 'cohere reply'); // expect: llm-leak/no-sensitive-logging
  return reply.send(res); // expect: llm-leak/no-raw-llm-response
});

app.listen({ port: 3000 });
