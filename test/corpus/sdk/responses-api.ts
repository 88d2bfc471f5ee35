import express from 'express';
import OpenAI from 'openai';
import { requireUser } from './auth';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/agent', requireUser, async (req, res) => {
  const response = await openai.responses.create({
    model: 'gpt-4.1',
    instructions: `You are an agent for tenant ${req.query.tenant}.`, // expect: llm-leak/no-untrusted-system-prompt
    input: req.body.input,
    max_output_tokens: 800,
  });
  res.json({ output: response.output }); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
