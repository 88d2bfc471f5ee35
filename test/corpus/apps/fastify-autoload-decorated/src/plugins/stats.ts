import fp from 'fastify-plugin';

let served = 0;

export default fp(async function statsPlugin(fastify) {
  fastify.decorate('stats', { count: () => ++served });
});
