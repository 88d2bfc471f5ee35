import express from 'express';
import crypto from 'node:crypto';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/webhooks/orders', async (req, res) => {
  const signature = req.get('x-signature');
  const expected = crypto
    .createHmac('sha256', process.env.WEBHOOK_SECRET)
    .update(JSON.stringify(req.body)) // expect: llm-leak/hmac-over-raw-body
    .digest('hex');
  if (signature !== expected) return res.sendStatus(401); // expect: llm-leak/timing-safe-compare
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: `Write a thank-you note for order ${req.body.id}` }],
  });
  console.log('note for', req.body.id, r.choices[0].message.content); // expect: llm-leak/no-sensitive-logging
  res.sendStatus(204);
});

app.listen(4000);
