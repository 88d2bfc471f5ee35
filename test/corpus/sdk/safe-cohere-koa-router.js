import Koa from 'koa';
import Router from 'koa-router';
import bodyParser from 'koa-bodyparser';
import { CohereClient } from 'cohere-ai';
import { requireAuth } from './auth.js';

const app = new Koa();
const router = new Router({ prefix: '/api' });
const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });

router.use(requireAuth);

router.post('/answer', async (ctx) => {
  const response = await cohere.chat({ model: 'command-r', maxTokens: 200, message: ctx.request.body.q });
  ctx.body = { text: response.text };
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());
app.listen(3000);
