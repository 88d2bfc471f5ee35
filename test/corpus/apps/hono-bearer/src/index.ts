import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import chat from './routes/chat.js';
import open from './routes/open.js';

const app = new Hono();
app.use('/api/*', bearerAuth({ token: process.env.API_TOKEN ?? '' }));
app.route('/api', chat);
app.route('/open', open);

export default app;
