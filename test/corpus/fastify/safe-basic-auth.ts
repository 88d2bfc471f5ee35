import Fastify from 'fastify';
import fastifyBasicAuth from '@fastify/basic-auth';
import { timingSafeEqual } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';

const app = Fastify();
const anthropic = new Anthropic();
const expectedUser = Buffer.from(process.env.OPS_USER ?? '');
const expectedPass = Buffer.from(process.env.OPS_PASS ?? '');

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

await app.register(fastifyBasicAuth, {
  authenticate: true,
  async validate(username, password) {
    const okUser = same(Buffer.from(username), expectedUser);
    const okPass = same(Buffer.from(password), expectedPass);
    if (!(okUser && okPass)) throw new Error('Unauthorized');
  },
});

app.addHook('onRequest', app.basicAuth);

app.post('/ops/summary', async (request) => {
  const { log } = request.body as { log: string };
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 400,
    messages: [{ role: 'user', content: `Summarize this incident log:\n${log}` }],
  });
  const text = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  return { text };
});

await app.listen({ port: 3000 });
