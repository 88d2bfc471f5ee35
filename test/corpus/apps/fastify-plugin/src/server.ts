import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { chatPlugin, openPlugin } from './plugins/index.js';

const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? '' });

app.register(async (secured) => {
  secured.addHook('preHandler', async (request) => {
    await request.jwtVerify();
  });
  secured.register(chatPlugin);
});
app.register(openPlugin);

app.listen({ port: 3000 });
