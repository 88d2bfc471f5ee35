import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json({ limit: '100kb' }));
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

app.post('/api/chat', requireUser, async (req, res) => {
  try {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 400,
      messages: [
        { role: 'system', content: 'You are a concise assistant for Acme customers.' },
        { role: 'user', content: String(req.body.message ?? '') },
      ],
    });
    res.json({ text: completion.choices[0]?.message?.content ?? '' });
  } catch (err) {
    req.log?.error({ status: err.status }, 'openai failed');
    res.status(502).json({ error: 'The assistant is unavailable.' });
  }
});

app.listen(3000);
