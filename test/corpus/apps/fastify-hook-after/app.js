import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import chatRoutes from './routes/chat.js';

const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? '' });
app.register(chatRoutes, { prefix: '/v1' });
// Fastify hooks apply to the whole scope, whatever the order: the routes above are covered.
app.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

app.listen({ port: 3000 });
