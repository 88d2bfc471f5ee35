import express from 'express';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = express();
app.use(express.json());

app.post('/generate', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const result = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 500,
    system: req.body.system, // expect: llm-leak/no-untrusted-system-prompt
    prompt: req.body.prompt,
  });
  res.json(result); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
