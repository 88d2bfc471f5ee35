import { Hono } from 'hono';
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = new Hono();

app.post('/chat', async (c) => { // expect: llm-leak/require-auth-for-llm-route
  const { messages, system } = await c.req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 800,
    system, // expect: llm-leak/no-untrusted-system-prompt
    messages, // expect: llm-leak/no-untrusted-system-prompt
  });
  return result.toTextStreamResponse();
});

app.onError((err, c) => c.json({ error: err.message }, 500)); // expect: llm-leak/no-error-details-to-client

export default app;
