import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { cookies } from 'next/headers';

export async function POST(req: Request) { // expect: llm-leak/require-auth-for-llm-route
  const token = (await cookies()).get('session')?.value;
  if (!token) return new Response(null, { status: 401 });
  const { prompt, persona } = await req.json();
  console.log('prompt from client:', prompt); // expect: llm-leak/no-sensitive-logging
  const result = streamText({
    model: openai('gpt-4o'),
    maxOutputTokens: 1200,
    system: `Act as ${persona}.`, // expect: llm-leak/no-untrusted-system-prompt
    prompt,
  });
  return result.toUIMessageStreamResponse();
}
