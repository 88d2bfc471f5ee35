import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Every route of the app is behind this hook: autoload registers plugins/ before routes/, on the app itself.
export default fp(async function authPlugin(fastify) {
  fastify.register(jwt, { secret: process.env.JWT_SECRET ?? '' });
  fastify.decorate('authenticate', async function (request: FastifyRequest, reply: FastifyReply) {
    await request.jwtVerify();
  });
  fastify.addHook('onRequest', fastify.authenticate);
});
