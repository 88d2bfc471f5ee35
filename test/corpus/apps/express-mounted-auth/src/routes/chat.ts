import { Router } from 'express';
import OpenAI from 'openai';

const openai = new OpenAI();
const router = Router();

router.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ reply: completion.choices[0]?.message?.content ?? '' });
});

export default router;
