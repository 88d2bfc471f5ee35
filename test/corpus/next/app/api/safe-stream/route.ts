import OpenAI from 'openai';
import { requireUser } from '@/lib/session';

const openai = new OpenAI();

export async function POST(req: Request) {
  const user = await requireUser(req);
  const { prompt } = await req.json();
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 800,
    stream: true,
    messages: [{ role: 'user', content: prompt }],
    user: user.id,
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async start(controller) {
      for await (const chunk of stream) {
        controller.enqueue(encoder.encode(chunk.choices[0]?.delta?.content ?? ''));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
