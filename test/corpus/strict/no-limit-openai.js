import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/chat', requireUser, async (req, res) => {
  const completion = await openai.chat.completions.create({ // expect: llm-leak/require-output-limit
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json({ text: completion.choices[0].message.content });
});

app.post('/title', requireUser, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 20,
    messages: [{ role: 'user', content: `Title: ${req.body.text}` }],
  });
  res.json({ title: completion.choices[0].message.content });
});

app.listen(3000);
