import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { requireAuth } from './auth';

const app = express();
app.use(express.json());
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });

app.post('/classify', requireAuth, async (req, res) => {
  const result = await llm.invoke([
    new SystemMessage('Classify the sentiment as positive, negative or neutral.'),
    new HumanMessage(String(req.body.text)),
  ]);
  res.json({ label: result.content });
});

app.listen(3000);
