import express from 'express';
import OpenAI from 'openai';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const store = new MemoryVectorStore(new OpenAIEmbeddings());

const SYSTEM_PROMPT = 'You are the Acme docs assistant. Answer only from the excerpts; never mention the ticket queue.';

function buildMessages(question, excerpts) {
  return [
    { role: 'system', content: `${SYSTEM_PROMPT}\n\nExcerpts:\n${excerpts}` },
    { role: 'user', content: question },
  ];
}

app.post('/ask', requireUser, async (req, res) => {
  const question = String(req.body.question ?? '');
  const docs = await store.similaritySearch(question, 4);
  const messages = buildMessages(question, docs.map((d) => d.pageContent).join('\n'));
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 400, messages });
  res.json({
    answer: completion.choices[0]?.message?.content ?? '',
    sources: docs.map((d) => ({ title: d.metadata.title, url: d.metadata.url })),
    history: messages.slice(1),
  });
});

// The client's own conversation, sent back with the answer: it holds no message of the server's.
app.post('/chat', requireUser, async (req, res) => {
  const { messages, system } = req.body;
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 400,
    messages: [{ role: 'system', content: 'Be brief.' }, ...messages.filter((m) => m.role !== 'system')],
  });
  res.json({ messages, system, answer: completion.choices[0]?.message?.content ?? '' });
});

// A chat UI notice with the system role: it never reaches the model.
app.post('/chat/reset', requireUser, (req, res) => {
  res.json({ role: 'system', content: 'Conversation cleared.' });
});

app.listen(3000);
