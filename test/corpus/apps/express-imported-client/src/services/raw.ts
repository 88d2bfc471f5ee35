import OpenAI from 'openai';

const client = new OpenAI();

export async function askRaw(prompt: string) {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: prompt }],
  });
  return completion;
}

export async function summarise(text: string) {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 100,
    messages: [{ role: 'user', content: `Summarise: ${text}` }],
  });
  return { ok: true, summary: completion.choices[0]?.message?.content ?? '', error: null };
}
