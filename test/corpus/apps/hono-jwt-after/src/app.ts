import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import chat from './routes/chat.js';

const app = new Hono();
app.route('/api', chat);
// Hono runs middleware in registration order too: this comes after the sub-app's routes.
app.use('/api/*', jwt({ secret: process.env.JWT_SECRET ?? '' }));

export default app;
