import { convertToModelMessages, streamText, type UIMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
import { auth } from '@/auth';

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });
  const { messages }: { messages: UIMessage[] } = await req.json();
  // Only the client's own turns: a system message it sends is dropped.
  const turns = messages.filter((m) => m.role === 'user' || m.role === 'assistant');
  const result = streamText({
    model: openai('gpt-4o-mini'),
    system: 'You are the Acme support assistant.',
    messages: convertToModelMessages(turns),
    maxOutputTokens: 800,
  });
  return result.toUIMessageStreamResponse();
}
