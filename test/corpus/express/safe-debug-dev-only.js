import express from 'express';
import OpenAI from 'openai';
import { requireAdmin, requireUser } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You are a helpful assistant for Acme.';

app.post('/chat', requireUser, async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.q }],
  });
  res.json({ text: r.choices[0].message.content });
});

if (process.env.NODE_ENV !== 'production') {
  app.get('/debug/prompt', requireAdmin, (req, res) => {
    res.json({ system: SYSTEM_PROMPT });
  });
}

app.get('/debug/health', (req, res) => {
  res.json({ ok: true, uptime: process.uptime() });
});

app.listen(3000);
