import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
import { requireAuth } from './middleware/auth';

const app = express();
app.use(express.json());
const anthropic = new Anthropic();

app.post('/api/translate', requireAuth, async (req, res) => {
  const { text, tone } = req.body;
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: `Translate the user's text. Use a ${tone} tone.`, // expect: llm-leak/no-untrusted-system-prompt
    messages: [{ role: 'user', content: text }],
  });
  res.json(msg); // expect: llm-leak/no-raw-llm-response
});

export { app };
