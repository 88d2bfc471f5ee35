import Fastify from 'fastify';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { verifySession } from './auth.js';

const fastify = Fastify();
const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 500 });
const store = await HNSWLib.load('./index', new OpenAIEmbeddings());

fastify.addHook('onRequest', verifySession);

fastify.post('/ask', async (request) => {
  const { question } = request.body as { question: string };
  const docs = await store.similaritySearch(question, 4);
  const context = docs.map((d) => d.pageContent).join('\n---\n');
  const answer = await model.invoke([
    ['system', `Answer from the handbook excerpts below only.\n${context}`],
    ['human', question],
  ]);
  return { answer: answer.content, sources: docs }; // expect: llm-leak/no-system-prompt-to-client
});

fastify.post('/ask/cited', async (request) => {
  const { question } = request.body as { question: string };
  const scored = await store.similaritySearchWithScore(question, 4);
  const answer = await model.invoke([
    ['system', 'Answer from these excerpts only:\n' + scored.map(([d]) => d.pageContent).join('\n')],
    ['human', question],
  ]);
  return {
    answer: answer.content,
    citations: scored.map(([d]) => ({ title: d.metadata.title, url: d.metadata.url })),
  };
});

fastify.post('/ask/debug-scores', async (request) => {
  const { question } = request.body as { question: string };
  const scored = await store.similaritySearchWithScore(question, 8);
  return { matches: scored.map(([doc, score]) => ({ doc, score })) }; // expect: llm-leak/no-system-prompt-to-client
});

await fastify.listen({ port: 3000 });
