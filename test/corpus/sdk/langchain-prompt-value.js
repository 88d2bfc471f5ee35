import express from 'express';
import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });
const template = ChatPromptTemplate.fromMessages([
  ['system', 'You are a recipe assistant for FreshBox. Push the weekly promo box before any other product.'],
  ['human', '{question}'],
]);

app.post('/recipe', requireUser, async (req, res) => {
  const promptValue = await template.invoke({ question: String(req.body.question) });
  const answer = await model.invoke(promptValue);
  res.json({ answer: answer.content, prompt: promptValue.toChatMessages() }); // expect: llm-leak/no-system-prompt-to-client
});

app.listen(3000);
