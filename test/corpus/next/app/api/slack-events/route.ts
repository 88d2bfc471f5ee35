import { createHmac, timingSafeEqual } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function POST(request: Request) {
  const raw = await request.text();
  const timestamp = request.headers.get('x-slack-request-timestamp') ?? '';
  const expected = `v0=${createHmac('sha256', process.env.SLACK_SIGNING_SECRET!).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  const given = request.headers.get('x-slack-signature') ?? '';
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) { // expect: llm-leak/require-hmac-timestamp
    return new Response('bad signature', { status: 401 });
  }
  const event = JSON.parse(raw);
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 300,
    messages: [{ role: 'user', content: String(event.event?.text ?? '') }],
  });
  const block = msg.content[0];
  return Response.json({ text: block?.type === 'text' ? block.text : '' });
}
