const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const OpenAI = require('openai');
const { sessions } = require('./sessions');

const app = new Koa();
const router = new Router();
const openai = new OpenAI();

router.post('/complete', async (ctx) => {
  const session = await sessions.find(ctx.cookies.get('sid'));
  if (!session) {
    ctx.status = 401;
    return;
  }
  const out = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 120,
    messages: [{ role: 'user', content: `Complete: ${ctx.request.body.prefix}` }],
  });
  ctx.body = { completion: out.choices[0].message.content };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
