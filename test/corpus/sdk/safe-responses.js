import express from 'express';
import OpenAI from 'openai';
import { authenticate } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/agent', authenticate, async (req, res) => {
  const response = await openai.responses.create({
    model: 'gpt-4.1-mini',
    instructions: 'You are a travel planner. Reply in under 200 words.',
    input: String(req.body.input),
    max_output_tokens: 500,
  });
  res.json({ text: response.output_text });
});

app.listen(3000);
