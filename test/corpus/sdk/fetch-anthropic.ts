import { Hono } from 'hono';

const app = new Hono();

app.post('/claude', async (c) => { // expect: llm-leak/require-auth-for-llm-route
  const { prompt } = await c.req.json();
  const r = await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: {
      'x-api-key': process.env.ANTHROPIC_API_KEY ?? '',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: prompt }] }),
  });
  const data = await r.json();
  return c.json(data); // expect: llm-leak/no-raw-llm-response
});

export default app;
