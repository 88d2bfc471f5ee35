import { join } from 'node:path';
import Fastify from 'fastify';
import AutoLoad from '@fastify/autoload';

const app = Fastify({ logger: true });
// Support plugins first (decorations), then the routes, each folder prefixing its files' routes.
app.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins') });
app.register(AutoLoad, { dir: join(import.meta.dirname, 'routes'), options: { prefix: '/api' } });
app.listen({ port: 3000 });
