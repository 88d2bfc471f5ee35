import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
import { errorHandler } from './middleware/errors.js';
import chat from './controllers/chat.js';

const app = new Koa();
const router = new Router();
app.use(errorHandler);
app.use(jwt({ secret: process.env.JWT_SECRET }));
router.post('/v1/chat', chat.completions);
app.use(router.routes());
app.listen(3000);
