import express from 'express';
import OpenAI from 'openai';
import { requireApiKey } from './keys.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/chat', requireApiKey, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 256,
    messages: [{ role: 'user', content: req.body.message }],
  });
  const reply = completion.choices[0].message;
  res.json({ reply, usage: completion.usage }); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
