import Koa from 'koa';
import jwt from 'koa-jwt';
import chat from './routes/chat.js';

const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET }));
app.use(chat.routes());
app.use(chat.allowedMethods());
app.listen(3000);
