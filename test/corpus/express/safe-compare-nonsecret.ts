import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth';
import pino from 'pino';

const logger = pino();
const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/chat/:mode', requireUser, async (req, res) => {
  const mode = req.params.mode === 'short' ? 'short' : 'long';
  if (req.body.model !== undefined && req.body.model !== 'gpt-4o-mini') {
    return res.status(400).json({ error: 'unsupported model' });
  }
  logger.info({ mode, userId: req.user?.id, requestId: req.get('x-request-id') }, 'chat request');
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: mode === 'short' ? 100 : 600,
    messages: [{ role: 'user', content: String(req.body.q) }],
  });
  logger.info({ finish: r.choices[0].finish_reason, tokens: r.usage?.total_tokens }, 'chat done');
  res.json({ text: r.choices[0].message.content });
});

app.listen(3000);
