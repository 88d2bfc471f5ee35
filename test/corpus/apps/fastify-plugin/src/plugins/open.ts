import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import OpenAI from 'openai';

const openai = new OpenAI();

async function chatRoutes(fastify: FastifyInstance) {
  fastify.post('/open-chat', async (request) => { // expect: llm-leak/require-auth-for-llm-route
    const body = request.body as { message: string };
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 500,
      messages: [{ role: 'user', content: body.message }],
    });
    return { reply: completion.choices[0]?.message?.content ?? '' };
  });
}

export default fp(chatRoutes);
