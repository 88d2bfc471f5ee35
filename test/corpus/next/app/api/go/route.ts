import OpenAI from 'openai';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';

const openai = new OpenAI();
const DESTINATIONS = ['/billing', '/settings', '/help'];

async function pick(question: string) {
  const response = await openai.responses.create({ model: 'gpt-4o-mini', input: `Which page answers: ${question}`, max_output_tokens: 20 });
  return response.output_text.trim();
}

export async function GET(req: Request) {
  const session = await getServerSession();
  if (!session) return new Response(null, { status: 401 });
  const q = new URL(req.url).searchParams.get('q') ?? '';
  const page = await pick(q);
  redirect(page); // expect: llm-leak/no-unsafe-llm-output
}

export async function POST(req: Request) {
  const session = await getServerSession();
  if (!session) return new Response(null, { status: 401 });
  const { q } = await req.json();
  const page = await pick(String(q));
  if (!DESTINATIONS.includes(page)) redirect('/help');
  redirect(page);
}
