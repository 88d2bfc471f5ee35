import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const llm = new ChatOpenAI({ model: 'gpt-4o-mini' });

app.post('/rewrite', requireUser, async (req, res) => {
  const reply = await llm.invoke(`Rewrite politely: ${req.body.text}`); // expect: llm-leak/require-output-limit
  res.json({ text: reply.content });
});

app.listen(3000);
