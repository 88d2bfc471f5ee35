import express, { type Request, type Response } from 'express';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

function buildMessages(req: Request) {
  const persona = req.body.persona ?? 'a helpful support agent';
  return [
    { role: 'system' as const, content: `You are ${persona} for Acme.` }, // expect: llm-leak/no-untrusted-system-prompt
    { role: 'user' as const, content: String(req.body.question) },
  ];
}

app.post('/support', async (req: Request, res: Response) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 512,
    messages: buildMessages(req),
  });
  res.json({ answer: completion.choices[0]?.message?.content ?? '' });
});

export default app;
