import { AzureOpenAI } from 'openai';

const client = new AzureOpenAI({
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiKey: process.env.AZURE_OPENAI_KEY || 'c0ffee00c0ffee00c0ffee00c0ffee00', // expect: llm-leak/no-hardcoded-credentials
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o-mini',
});

export async function POST(request) { // expect: llm-leak/require-auth-for-llm-route
  const { text, target } = await request.json();
  const result = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [
      { role: 'system', content: `Translate into ${target}.` }, // expect: llm-leak/no-untrusted-system-prompt
      { role: 'user', content: text },
    ],
  });
  return new Response(JSON.stringify(result)); // expect: llm-leak/no-raw-llm-response
}
