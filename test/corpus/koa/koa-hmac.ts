import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { createHmac, timingSafeEqual } from 'node:crypto';
import OpenAI from 'openai';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();

router.post('/hooks/github', async (ctx) => {
  const sig = String(ctx.get('x-hub-signature-256'));
  const digest = 'sha256=' + createHmac('sha256', process.env.GH_SECRET!).update(JSON.stringify(ctx.request.body)).digest('hex'); // expect: llm-leak/hmac-over-raw-body
  if (!timingSafeEqual(Buffer.from(sig), Buffer.from(digest))) ctx.throw(401); // expect: llm-leak/timing-safe-compare, llm-leak/require-hmac-timestamp
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: `Summarize this PR: ${ctx.request.body.pull_request.title}` }],
  });
  ctx.body = { ok: true, summary: r.choices[0].message.content };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
