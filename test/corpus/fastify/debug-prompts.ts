import Fastify from 'fastify';
import OpenAI from 'openai';

const app = Fastify({ logger: true });
const openai = new OpenAI();
const SYSTEM = 'You are the Acme billing assistant. Refund limit: $200 without approval.';

app.get('/_debug/prompt', async () => ({ system: SYSTEM })); // expect: llm-leak/no-llm-debug-route, llm-leak/no-system-prompt-to-client

app.post('/internal/test-completion', async (request) => { // expect: llm-leak/no-llm-debug-route, llm-leak/require-auth-for-llm-route
  const body = request.body as { q: string };
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: body.q }],
  });
  return { text: completion.choices[0].message.content };
});

await app.listen({ port: 3000 });
