import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { ChromaClient } from 'chromadb';
import OpenAI from 'openai';
import { verifyApiToken } from './auth.js';

const app = new Hono();
const chroma = new ChromaClient();
const openai = new OpenAI();

app.use('/api/*', bearerAuth({ verifyToken: verifyApiToken }));

app.post('/api/answer', async (c) => {
  const { question } = await c.req.json<{ question: string }>();
  const collection = await chroma.getCollection({ name: 'contracts' });
  const results = await collection.query({ queryTexts: [question], nResults: 5 });
  const context = (results.documents[0] ?? []).join('\n\n');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [
      { role: 'system', content: `Answer using only these contract clauses:\n${context}` },
      { role: 'user', content: question },
    ],
  });
  const answer = completion.choices[0]?.message?.content ?? '';
  return c.json({ answer, context: results }); // expect: llm-leak/no-system-prompt-to-client
});

export default app;
