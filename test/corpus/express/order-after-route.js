import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();

// Registered before the auth middleware: Express runs middleware in order, so this route is open.
app.post('/quick-ask', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 150,
    messages: [{ role: 'user', content: req.body.q }],
  });
  res.json({ a: r.choices[0].message.content });
});

app.use(requireUser);

app.post('/ask', async (req, res) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 150,
    messages: [{ role: 'user', content: req.body.q }],
  });
  res.json({ a: r.choices[0].message.content });
});

app.listen(3000);
