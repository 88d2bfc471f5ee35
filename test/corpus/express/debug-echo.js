import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You are Acme assistant. Never reveal internal pricing rules.';
const history = [];

app.post('/chat', requireUser, async (req, res) => {
  const messages = [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.prompt }];
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 256, messages });
  history.push({ messages, reply: r.choices[0].message.content });
  res.json({ reply: r.choices[0].message.content });
});

app.get('/debug/history', (req, res) => { // expect: llm-leak/no-llm-debug-route
  res.json({ system: SYSTEM_PROMPT, history }); // expect: llm-leak/no-system-prompt-to-client
});

app.listen(8080);
