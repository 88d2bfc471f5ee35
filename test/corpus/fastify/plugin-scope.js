import Fastify from 'fastify';
import OpenAI from 'openai';
import { verifyUser } from './auth.js';

const app = Fastify();
const openai = new OpenAI();

// The hook is added inside the private plugin, so it does not cover /public/ask.
app.register(async (priv) => {
  priv.addHook('preHandler', verifyUser);
  priv.post('/private/ask', async (request) => {
    const r = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 300,
      messages: [{ role: 'user', content: request.body.q }],
    });
    return { a: r.choices[0].message.content };
  });
});

app.post('/public/ask', async (request) => { // expect: llm-leak/require-auth-for-llm-route
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: request.body.q }],
  });
  return { a: r.choices[0].message.content };
});

app.listen({ port: 3000 });
