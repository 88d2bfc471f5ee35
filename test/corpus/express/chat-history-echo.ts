import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './middleware/auth';

const app = express();
app.use(express.json());
const openai = new OpenAI();

const SYSTEM_PROMPT = `You are Nova, the shopping assistant of Acme.
Never offer more than 15% off. Escalate refunds above $500 to a human.`;

type Msg = { role: 'system' | 'user' | 'assistant'; content: string };
const conversations = new Map<string, Msg[]>();

app.post('/api/chat/:id', requireUser, async (req, res) => {
  const history = conversations.get(req.params.id) ?? [];
  const messages: Msg[] = [{ role: 'system', content: SYSTEM_PROMPT }, ...history, { role: 'user', content: String(req.body.message) }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 600, messages });
  const reply = completion.choices[0]?.message?.content ?? '';
  conversations.set(req.params.id, [...history, { role: 'user', content: String(req.body.message) }, { role: 'assistant', content: reply }]);
  // The client renders the whole conversation from this response.
  res.json({ reply, conversation: messages.concat({ role: 'assistant', content: reply }) }); // expect: llm-leak/no-system-prompt-to-client
});

app.get('/api/chat/:id', requireUser, (req, res) => {
  res.json({ messages: conversations.get(req.params.id) ?? [] });
});

app.listen(3000);
