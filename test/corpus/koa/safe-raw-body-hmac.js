import Koa from 'koa';
import Router from '@koa/router';
import getRawBody from 'raw-body';
import crypto from 'node:crypto';
import OpenAI from 'openai';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();

function verify(raw, signature) {
  const expected = crypto.createHmac('sha256', process.env.HOOK_SECRET).update(raw).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(String(signature ?? ''));
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

router.post('/hooks/crm', async (ctx) => {
  const raw = await getRawBody(ctx.req);
  if (!verify(raw, ctx.get('x-crm-signature'))) ctx.throw(401, 'bad signature');
  const event = JSON.parse(raw.toString());
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 100,
    messages: [{ role: 'user', content: `Next action for lead ${event.lead.name}?` }],
  });
  await saveNote(event.lead.id, r.choices[0].message.content);
  ctx.status = 204;
});

async function saveNote() {}

app.use(router.routes());
app.listen(3000);
