import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const stripeKey = process.env.STRIPE_SECRET_KEY;

app.post('/billing-help', requireUser, async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 400,
    messages: [
      { role: 'system', content: 'Help the user with billing questions.' },
      { role: 'user', content: `Key for lookups: ${stripeKey}. Question: ${req.body.q}` }, // expect: llm-leak/no-secrets-in-prompt
    ],
  });
  res.json({ a: r.choices[0].message.content });
});

app.listen(3000);
