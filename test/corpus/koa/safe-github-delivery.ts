import Koa from 'koa';
import Router from '@koa/router';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createClient } from 'redis';
import bodyParser from 'koa-bodyparser';
import OpenAI from 'openai';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();
const redis = createClient();

// GitHub signs the body alone; each X-GitHub-Delivery id is recorded once, so a replayed delivery is refused.
router.post('/hooks/github', async (ctx) => {
  const raw = ctx.request.rawBody;
  const expected = 'sha256=' + createHmac('sha256', process.env.GH_WEBHOOK_SECRET ?? '').update(raw).digest('hex');
  const given = String(ctx.get('x-hub-signature-256'));
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) ctx.throw(401);
  const first = await redis.set(`gh-delivery:${ctx.get('x-github-delivery')}`, '1', { NX: true, EX: 86400 });
  if (!first) ctx.throw(409, 'delivery already processed');
  const event = JSON.parse(raw);
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: `Summarize this pull request title: ${event.pull_request?.title}` }],
  });
  ctx.body = { summary: r.choices[0].message.content };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
