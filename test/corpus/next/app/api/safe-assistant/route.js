import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { currentUser } from '@clerk/nextjs/server';

export async function POST(req) {
  const user = await currentUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  const { question } = await req.json();
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 400,
    system: 'Answer in plain English. Keep it short.',
    prompt: question,
  });
  return Response.json({ text });
}
