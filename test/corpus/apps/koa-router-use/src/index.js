import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
import chat from './routes/chat.js';
import open from './routes/open.js';

const app = new Koa();
const api = new Router({ prefix: '/api' });
api.use('/open', open.routes());
// jwt runs for chat and for every router mounted on api after this line, not for /api/open above.
api.use(jwt({ secret: process.env.JWT_SECRET }), chat.routes());
app.use(api.routes());
app.listen(3000);
