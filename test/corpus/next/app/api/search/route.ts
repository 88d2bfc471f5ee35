import { ChatOpenAI } from '@langchain/openai';
import { SystemMessage, HumanMessage } from '@langchain/core/messages';

const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 400 });

export async function POST(req: Request) { // expect: llm-leak/require-auth-for-llm-route
  const { query, instructions } = await req.json();
  const result = await llm.invoke([
    new SystemMessage(`Search assistant. ${instructions}`), // expect: llm-leak/no-untrusted-system-prompt
    new HumanMessage(query),
  ]);
  return Response.json(result); // expect: llm-leak/no-raw-llm-response
}
