import fp from 'fastify-plugin';
import OpenAI from 'openai';

const openai = new OpenAI();

async function ask(question: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0]?.message?.content ?? '';
}

declare module 'fastify' {
  interface FastifyInstance {
    ai: { ask: typeof ask };
  }
}

// fastify-plugin: the decoration belongs to the app, so every route file sees `fastify.ai`.
export default fp(async function aiPlugin(fastify) {
  fastify.decorate('ai', { ask });
});
