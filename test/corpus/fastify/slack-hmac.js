import Fastify from 'fastify';
import crypto from 'node:crypto';
import OpenAI from 'openai';

const app = Fastify({ logger: true });
const openai = new OpenAI();

function slackSignature(request) {
  const ts = request.headers['x-slack-request-timestamp'];
  const base = `v0:${ts}:${JSON.stringify(request.body)}`;
  return 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update(base).digest('hex'); // expect: llm-leak/hmac-over-raw-body
}

app.post('/slack/events', async (request, reply) => {
  const given = request.headers['x-slack-signature'];
  if (slackSignature(request) != given) return reply.code(401).send(); // expect: llm-leak/timing-safe-compare, llm-leak/require-hmac-timestamp
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: request.body.event.text }],
  });
  return { text: r.choices[0].message.content };
});

app.listen({ port: 3000 });
