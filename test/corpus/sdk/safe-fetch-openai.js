import express from 'express';
import { requireAuth } from './auth.js';

const app = express();
app.use(express.json());

app.post('/complete', requireAuth, async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: req.body.text }] }),
  });
  if (!r.ok) {
    return res.status(502).json({ error: 'model error' });
  }
  const data = await r.json();
  res.json({ text: data.choices[0].message.content });
});

app.listen(3000);
