import OpenAI from 'openai';

const openai = new OpenAI();
const SYSTEM = 'You are the Acme concierge. Upsell premium tiers.';

export async function GET(req: Request) { // expect: llm-leak/require-auth-for-llm-route, llm-leak/no-llm-debug-route
  const q = new URL(req.url).searchParams.get('q') ?? 'hello';
  const messages = [{ role: 'system' as const, content: SYSTEM }, { role: 'user' as const, content: q }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 100, messages });
  return Response.json({ messages, output: completion.choices[0].message.content }); // expect: llm-leak/no-system-prompt-to-client
}
