import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = new Hono();
app.use('/ai/*', bearerAuth({ token: process.env.API_TOKEN! }));

app.post('/ai/answer', async (c) => {
  const { question } = await c.req.json();
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: question }); // expect: llm-leak/require-output-limit
  return c.json({ text });
});

app.post('/ai/stream', async (c) => {
  const { question } = await c.req.json();
  const result = streamText({ model: openai('gpt-4o'), prompt: question }); // expect: llm-leak/require-output-limit
  return result.toTextStreamResponse();
});

export default app;
