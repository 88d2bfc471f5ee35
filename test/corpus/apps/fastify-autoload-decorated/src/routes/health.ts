import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(fastify: FastifyInstance) {
  fastify.get('/health', async (request) => ({ ok: true, served: request.server.stats.count() }));
}
