import { join } from 'node:path';
import Fastify from 'fastify';
import AutoLoad from '@fastify/autoload';

const app = Fastify();
app.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins') });
app.register(AutoLoad, { dir: join(import.meta.dirname, 'routes') });
app.listen({ port: 3000 });
