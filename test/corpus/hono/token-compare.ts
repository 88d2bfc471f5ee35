import { Hono } from 'hono';
import OpenAI from 'openai';

const app = new Hono();
const openai = new OpenAI();

app.use('/v1/*', async (c, next) => {
  const auth = c.req.header('Authorization');
  if (auth !== `Bearer ${process.env.SERVICE_TOKEN}`) { // expect: llm-leak/timing-safe-compare
    return c.json({ error: 'unauthorized' }, 401);
  }
  await next();
});

app.post('/v1/complete', async (c) => {
  const { prompt } = await c.req.json();
  try {
    const r = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', max_tokens: 100, prompt });
    return c.json({ text: r.choices[0].text });
  } catch (e) {
    return c.json({ error: e instanceof Error ? e.message : 'error' }, 500); // expect: llm-leak/no-error-details-to-client
  }
});

export default app;
