import { Hono } from 'hono';
import OpenAI from 'openai';

const openai = new OpenAI();
const chat = new Hono();

chat.post('/chat', async (c) => { // expect: llm-leak/require-auth-for-llm-route
  const { message } = await c.req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: String(message) }],
  });
  return c.json({ reply: completion.choices[0]?.message?.content ?? '' });
});

export default chat;
