import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { requireAuth } from './auth';

const app = express();
app.use(express.json());
const anthropic = new Anthropic();
const openai = new OpenAI();

app.post('/claude', requireAuth, async (req, res) => {
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 300,
    messages: [{ role: 'user', content: req.body.q }],
  });
  const block = msg.content[0];
  res.json({ text: block.type === 'text' ? block.text : '' });
});

app.post('/gpt', requireAuth, async (req, res) => {
  const r = await openai.responses.create({ model: 'gpt-4.1-mini', input: req.body.q, max_output_tokens: 300 });
  res.json({ text: r.output_text });
});

app.listen(3000);
