import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import v1 from './v1/index.js';

const app = new Hono();
app.use('*', jwt({ secret: process.env.JWT_SECRET ?? '' }));
app.route('/v1', v1);

export default app;
