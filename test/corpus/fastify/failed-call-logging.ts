// The body of a failed model API response is the provider's error and may be logged; the request handed whole to
// the model and a connection string masked by a replace show the other sides of the same line.
import Fastify from 'fastify';
import { verifyApiKey } from './keys';

const app = Fastify({ logger: true });
app.addHook('preHandler', verifyApiKey);
app.log.info(`db at ${process.env.DATABASE_URL?.replace(/\/\/.*@/, '//***:***@')}`);

app.post('/ask', async (request, reply) => {
  const { question } = request.body as { question: string };
  const payload = { model: 'gpt-4o-mini', max_tokens: 300, messages: [{ role: 'user', content: question }] };
  request.log.debug(payload); // expect: llm-leak/no-sensitive-logging
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (!res.ok) {
    const error = await res.json().catch(() => ({}));
    request.log.error({ status: res.status, error }, 'model call failed');
    return reply.code(502).send({ error: 'upstream error' });
  }
  const data = await res.json();
  return { text: data.choices[0].message.content };
});
