import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
import { verifyJwt } from './jwt.js';

const app = express();
app.use(express.json());
const anthropic = new Anthropic();

app.post('/ask', async (req, res) => {
  const token = req.headers.authorization?.replace(/^Bearer /, '');
  const user = token ? await verifyJwt(token) : null;
  if (!user) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  const message = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 500,
    system: 'Answer questions about the Acme product catalogue.',
    messages: [{ role: 'user', content: req.body.question }],
  });
  const text = message.content.filter((b) => b.type === 'text').map((b) => b.text).join('');
  res.json({ text });
});

app.listen(3000);
