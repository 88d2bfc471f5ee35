import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

const app = new Hono();

app.use('/admin/*', basicAuth({ username: 'admin', password: 'supersecret' })); // expect: llm-leak/no-hardcoded-credentials

app.post('/admin/draft', async (c) => {
  const body = await c.req.json();
  const { text, usage } = await generateText({
    model: anthropic('claude-3-5-haiku-latest'),
    maxOutputTokens: 400,
    prompt: `Draft a newsletter intro about ${body.topic}`,
  });
  return c.json({ text, usage }); // expect: llm-leak/no-raw-llm-response
});

export default app;
