import Fastify from 'fastify';
import OpenAI from 'openai';

const fastify = Fastify({ logger: true });
const openai = new OpenAI();

fastify.post<{ Body: { prompt: string } }>('/chat', async (request) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: request.body.prompt }],
  });
  request.log.info({ completion }, 'model replied'); // expect: llm-leak/no-sensitive-logging
  return completion; // expect: llm-leak/no-raw-llm-response
});

await fastify.listen({ port: 3000 });
