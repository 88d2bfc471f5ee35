import { createHmac, timingSafeEqual } from 'node:crypto';
import OpenAI from 'openai';

const openai = new OpenAI();
const TOLERANCE_MS = 5 * 60 * 1000;

export async function POST(request: Request) {
  const raw = await request.text();
  const timestamp = request.headers.get('x-webhook-timestamp') ?? '';
  const mac = createHmac('sha256', process.env.HOOK_SECRET!).update(`${timestamp}.${raw}`).digest('hex');
  const sig = request.headers.get('x-webhook-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return new Response('bad signature', { status: 401 });
  // Checked after the signature, before anything is done with the request.
  if (Math.abs(Date.now() - Number(timestamp) * 1000) > TOLERANCE_MS) return new Response('stale', { status: 401 });
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 100,
    messages: [{ role: 'user', content: `Classify: ${raw.slice(0, 1000)}` }],
  });
  return Response.json({ label: r.choices[0].message.content });
}
