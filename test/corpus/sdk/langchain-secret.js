import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
import { requireAuth } from './auth.js';

const app = express();
app.use(express.json());
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });

app.post('/crm-agent', requireAuth, async (req, res) => {
  const reply = await llm.invoke([
    ['system', `Use this CRM API key when you build requests: ${process.env.CRM_API_KEY}`], // expect: llm-leak/no-secrets-in-prompt
    ['human', req.body.task],
  ]);
  res.json({ text: reply.content });
});

app.listen(3000);
