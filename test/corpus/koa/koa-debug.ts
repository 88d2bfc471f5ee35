import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import OpenAI from 'openai';
import { requireUser } from './auth';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();
const systemPrompt = 'You are Ada, the internal HR assistant. Salary bands are confidential.';

router.post('/hr/ask', requireUser, async (ctx) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 500,
    messages: [{ role: 'system', content: systemPrompt }, { role: 'user', content: ctx.request.body.q }],
  });
  ctx.body = { answer: r.choices[0].message.content };
});

router.get('/dev/system-prompt', (ctx) => { // expect: llm-leak/no-llm-debug-route
  ctx.body = { systemPrompt }; // expect: llm-leak/no-system-prompt-to-client
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
