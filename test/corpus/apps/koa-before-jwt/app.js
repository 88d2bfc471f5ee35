import Koa from 'koa';
import jwt from 'koa-jwt';
import chat from './routes/chat.js';

const app = new Koa();
// Koa runs middleware in registration order: the router answers before jwt runs.
app.use(chat.routes());
app.use(jwt({ secret: process.env.JWT_SECRET }));
app.listen(3000);
