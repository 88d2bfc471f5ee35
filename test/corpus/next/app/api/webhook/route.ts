import { createHmac } from 'node:crypto';
import OpenAI from 'openai';

const openai = new OpenAI();

export async function POST(req: Request) {
  const body = await req.json();
  const signature = req.headers.get('x-webhook-signature') ?? '';
  const mac = createHmac('sha256', process.env.HOOK_SECRET!).update(JSON.stringify(body)).digest('hex'); // expect: llm-leak/hmac-over-raw-body
  if (mac !== signature) return new Response('bad signature', { status: 401 }); // expect: llm-leak/timing-safe-compare, llm-leak/require-hmac-timestamp
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 100,
    messages: [{ role: 'user', content: `One-line summary of event ${body.type}` }],
  });
  console.info('webhook', signature, r.choices[0].message.content); // expect: llm-leak/no-sensitive-logging
  return new Response(null, { status: 204 });
}
