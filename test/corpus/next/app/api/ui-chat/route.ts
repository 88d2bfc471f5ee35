import { convertToModelMessages, streamText, type UIMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
import { auth } from '@/auth';

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });
  const { messages }: { messages: UIMessage[] } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    system: 'You are the Acme support assistant.',
    messages: convertToModelMessages(messages), // expect: llm-leak/no-untrusted-system-prompt
    maxOutputTokens: 800,
  });
  return result.toUIMessageStreamResponse();
}
