import express from 'express';
import Groq from 'groq-sdk';
import { clerkMiddleware, requireAuth } from '@clerk/express';

const app = express();
app.use(express.json());
app.use(clerkMiddleware());
const groq = new Groq();

app.post('/fast-answer', requireAuth(), async (req, res) => {
  const completion = await groq.chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    max_completion_tokens: 256,
    messages: [{ role: 'user', content: req.body.q }],
  });
  res.json({ answer: completion.choices[0]?.message?.content ?? '' });
});

app.listen(3000);
