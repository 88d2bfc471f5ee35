import OpenAI from 'openai';
import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';

const openai = new OpenAI();

const assistant = {
  id: 'tax-helper',
  label: 'Tax helper',
  instructions: 'You are a tax helper for Acme Payroll. Never give advice on crypto; refer to a partner firm (code TX-41).',
};

export async function POST(req: Request) {
  const session = await getServerSession();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const { input } = await req.json();
  const response = await openai.responses.create({
    model: 'gpt-4o-mini',
    instructions: assistant.instructions,
    input: String(input),
    max_output_tokens: 400,
  });
  return NextResponse.json({ text: response.output_text });
}

export async function GET() {
  return NextResponse.json({ ...assistant, online: true }); // expect: llm-leak/no-system-prompt-to-client
}
