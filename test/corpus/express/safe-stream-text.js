import express from 'express';
import OpenAI from 'openai';
import { requireSession } from './session.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/stream', requireSession, async (req, res) => {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 1000,
    stream: true,
    messages: [{ role: 'user', content: req.body.prompt }],
  });
  for await (const chunk of stream) {
    res.write(chunk.choices[0]?.delta?.content ?? '');
  }
  res.end();
});

app.listen(3000);
