import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import OpenAI from 'openai';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();

router.post('/chat', async (ctx) => { // expect: llm-leak/require-auth-for-llm-route
  const { message } = ctx.request.body;
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: message }],
  });
  ctx.body = completion.choices[0]; // expect: llm-leak/no-raw-llm-response
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
