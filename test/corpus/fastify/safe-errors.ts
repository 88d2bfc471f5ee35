import Fastify from 'fastify';
import OpenAI from 'openai';
import { verifyApiKey } from './keys';

const app = Fastify({ logger: true });
const openai = new OpenAI();

app.addHook('preHandler', verifyApiKey);

app.post('/embed-and-answer', async (request, reply) => {
  const { q } = request.body as { q: string };
  try {
    const r = await openai.responses.create({ model: 'gpt-4.1-mini', input: q, max_output_tokens: 400 });
    return { text: r.output_text };
  } catch (err) {
    request.log.error({ code: (err as { code?: string }).code }, 'responses call failed');
    return reply.code(502).send({ error: 'upstream error' });
  }
});

app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send({ error: 'internal error' });
});

await app.listen({ port: 3000 });
