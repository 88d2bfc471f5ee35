import OpenAI from 'openai';
import { NextResponse } from 'next/server';

const openai = new OpenAI();

export async function POST(req: Request) { // expect: llm-leak/require-auth-for-llm-route
  const { messages } = await req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages, // expect: llm-leak/no-untrusted-system-prompt
  });
  return NextResponse.json(completion); // expect: llm-leak/no-raw-llm-response
}
