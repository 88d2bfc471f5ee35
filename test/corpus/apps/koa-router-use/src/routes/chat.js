import Router from '@koa/router';
import OpenAI from 'openai';

const openai = new OpenAI();
const router = new Router();

router.post('/chat', async (ctx) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: String(ctx.request.body.message) }],
  });
  ctx.body = { reply: completion.choices[0].message.content };
});

export default router;
