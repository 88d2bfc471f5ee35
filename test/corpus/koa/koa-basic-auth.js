import Koa from 'koa';
import Router from '@koa/router';
import auth from 'koa-basic-auth';
import bodyParser from 'koa-bodyparser';
import OpenAI from 'openai';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();

app.use(auth({ name: 'admin', pass: 'hunter2' })); // expect: llm-leak/no-hardcoded-credentials

router.post('/admin/insights', async (ctx) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 700,
    messages: [{ role: 'user', content: `Insights for: ${JSON.stringify(ctx.request.body.metrics)}` }],
  });
  ctx.body = r.choices[0].message.content;
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
