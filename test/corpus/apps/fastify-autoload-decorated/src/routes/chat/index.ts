import type { FastifyInstance } from 'fastify';

export default async function chatRoutes(fastify: FastifyInstance) {
  fastify.post('/', async function (request) { // expect: llm-leak/require-auth-for-llm-route
    const { question } = request.body as { question: string };
    return { answer: await this.ai.ask(String(question)) };
  });
}
