import express from 'express';
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const model = new ChatAnthropic({ model: 'claude-3-5-haiku-latest', maxTokens: 500 });

app.post('/explain', requireUser, async (req, res) => {
  const prompt = ChatPromptTemplate.fromMessages([
    ['system', 'Explain concepts simply.'],
    ['human', '{question}'],
  ]);
  const chain = prompt.pipe(model);
  const message = await chain.invoke({ question: req.body.question });
  res.json(message); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
