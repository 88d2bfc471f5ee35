import express from 'express';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

app.post('/api/chat', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 400,
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json(completion); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
