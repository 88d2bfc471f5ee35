import Anthropic from '@anthropic-ai/sdk';
import { auth } from '@/auth';

const anthropic = new Anthropic();

export async function POST(request: Request) {
  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });
  const { text } = await request.json();
  try {
    const msg = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 600,
      messages: [{ role: 'user', content: `Summarize for ${session.user.name}: ${text}` }],
    });
    return Response.json({ summary: msg.content[0].type === 'text' ? msg.content[0].text : '', usage: msg.usage }); // expect: llm-leak/no-raw-llm-response
  } catch (e) {
    return Response.json({ error: String(e) }, { status: 500 }); // expect: llm-leak/no-error-details-to-client
  }
}
