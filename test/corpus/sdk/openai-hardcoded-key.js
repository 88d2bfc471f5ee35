import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth.js';

const openai = new OpenAI({ apiKey: 'sk-proj-3xAmPlEk3yD0N0tUs3abcdefghijklmnopqrstuv' }); // expect: llm-leak/no-hardcoded-credentials

const app = express();
app.use(express.json());

app.post('/ask', requireUser, async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: req.body.q }],
  });
  res.json({ a: r.choices[0].message.content });
});

app.listen(3000);
