import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import Stripe from 'stripe';
import OpenAI from 'openai';

const app = Fastify();
const openai = new OpenAI();
const stripe = new Stripe(process.env.STRIPE_KEY ?? '');

app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

// Stripe's header is parsed by hand: t= is signed with the body but never held up against the clock.
app.post('/billing/stripe', async (request, reply) => {
  const items = String(request.headers['stripe-signature'] ?? '').split(',');
  const t = items.find((p) => p.startsWith('t='))?.slice(2) ?? '';
  const v1 = items.find((p) => p.startsWith('v1='))?.slice(3) ?? '';
  const expected = createHmac('sha256', process.env.STRIPE_WEBHOOK_SECRET ?? '').update(`${t}.${request.body}`).digest('hex');
  if (v1.length !== expected.length || !timingSafeEqual(Buffer.from(v1), Buffer.from(expected))) return reply.code(400).send(); // expect: llm-leak/require-hmac-timestamp
  const event = JSON.parse(String(request.body));
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 120,
    messages: [{ role: 'user', content: `Write a thank-you line for invoice ${event.data?.object?.number}` }],
  });
  return { note: r.choices[0].message.content };
});

// The SDK checks t= against its five-minute tolerance itself.
app.post('/billing/stripe-sdk', async (request, reply) => {
  const event = stripe.webhooks.constructEvent(request.body as Buffer, String(request.headers['stripe-signature']), process.env.STRIPE_WEBHOOK_SECRET ?? '');
  return reply.send({ received: event.id });
});

app.listen({ port: 3000 });
