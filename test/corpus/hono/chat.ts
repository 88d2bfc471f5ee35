import { Hono } from 'hono';
import OpenAI from 'openai';

const app = new Hono();
const openai = new OpenAI();

app.post('/api/chat', async (c) => { // expect: llm-leak/require-auth-for-llm-route
  const { prompt } = await c.req.json<{ prompt: string }>();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: prompt }],
  });
  return c.json(completion); // expect: llm-leak/no-raw-llm-response
});

export default app;
