import type { FastifyInstance } from 'fastify';

export default async function chatRoutes(fastify: FastifyInstance) {
  fastify.post('/chat', async (request) => {
    const { question } = request.body as { question: string };
    return { answer: await fastify.ai.ask(String(question)) };
  });
}
