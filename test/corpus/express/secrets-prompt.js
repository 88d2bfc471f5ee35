import express from 'express';
import OpenAI from 'openai';
import { authenticate } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/sql-helper', authenticate, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 700,
    messages: [
      {
        role: 'system',
        content: `You write SQL for our Postgres. Connection string: ${process.env.DATABASE_URL}`, // expect: llm-leak/no-secrets-in-prompt
      },
      { role: 'user', content: req.body.question },
    ],
  });
  res.json({ sql: completion.choices[0].message.content });
});

app.listen(3000);
