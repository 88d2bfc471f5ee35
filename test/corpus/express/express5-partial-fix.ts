import express from 'express';
import OpenAI from 'openai';
import rateLimit from 'express-rate-limit';
import { requireAuth } from './auth';

const app = express();
app.use(express.json());
const openai = new OpenAI();

// The team added auth to /chat but forgot the newer /v2 route, which only has a rate limiter.
app.post('/chat', requireAuth, async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json({ text: r.choices[0].message.content });
});

app.post('/v2/chat', rateLimit({ windowMs: 60_000, limit: 20 }), async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json({ text: r.choices[0].message.content, id: r.id, model: r.model }); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
