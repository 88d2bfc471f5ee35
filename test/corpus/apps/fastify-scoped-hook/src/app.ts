import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import chatRoutes from './routes/chat.js';
import publicRoutes from './routes/public.js';

const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? '' });

app.register(async (scope) => {
  scope.addHook('onRequest', async (request) => {
    await request.jwtVerify();
  });
  scope.register(chatRoutes, { prefix: '/api' });
});

// A sibling scope: the hook above does not reach it.
app.register(publicRoutes, { prefix: '/public' });

app.listen({ port: 3000 });
