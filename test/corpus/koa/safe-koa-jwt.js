import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
import bodyParser from 'koa-bodyparser';
import Anthropic from '@anthropic-ai/sdk';

const app = new Koa();
const router = new Router({ prefix: '/api' });
const anthropic = new Anthropic();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    ctx.body = { error: ctx.status === 401 ? 'unauthorized' : 'internal error' };
    ctx.app.emit('error', err, ctx);
  }
});
app.use(bodyParser());
app.use(jwt({ secret: process.env.JWT_SECRET }));

router.post('/ask', async (ctx) => {
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 400,
    messages: [{ role: 'user', content: ctx.request.body.question }],
  });
  const block = msg.content.find((b) => b.type === 'text');
  ctx.body = { text: block ? block.text : '' };
});

app.use(router.routes());
app.listen(3000);
