import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import Anthropic from '@anthropic-ai/sdk';

type Env = { Bindings: { API_TOKEN: string; ANTHROPIC_API_KEY: string } };
const app = new Hono<Env>();

app.use('/api/*', async (c, next) => bearerAuth({ token: c.env.API_TOKEN })(c, next));

app.post('/api/summarize', async (c) => {
  const { text } = await c.req.json();
  const anthropic = new Anthropic({ apiKey: c.env.ANTHROPIC_API_KEY });
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Summarize:\n${text}` }],
  });
  const first = msg.content[0];
  return c.text(first.type === 'text' ? first.text : '');
});

export default app;
