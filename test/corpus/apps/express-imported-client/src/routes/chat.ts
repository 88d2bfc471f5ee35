import { Router } from 'express';
import { getOpenAI, openai } from '../lib/openai.js';
import { ask } from '../services/ai.js';
import { askRaw, summarise } from '../services/raw.js';

const router = Router();

router.post('/chat', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json(completion); // expect: llm-leak/no-raw-llm-response
});

router.post('/factory', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await getOpenAI().chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ reply: completion.choices[0]?.message?.content ?? '' });
});

router.post('/ask', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  res.json({ answer: await ask(String(req.body.question)) });
});

router.post('/raw', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  res.json(await askRaw(String(req.body.question))); // expect: llm-leak/no-raw-llm-response
});

router.post('/summary', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const result = await summarise(String(req.body.text));
  console.log('summary failed?', result.error);
  res.json(result);
});

export default router;
