import express from 'express';
import { InferenceClient } from '@huggingface/inference';

const app = express();
app.use(express.json());
const client = new InferenceClient(process.env.HF_TOKEN);

app.post('/chat', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await client.chatCompletion({
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    max_tokens: 512,
    messages: [
      { role: 'system', content: `You are ${req.body.persona}.` }, // expect: llm-leak/no-untrusted-system-prompt
      { role: 'user', content: req.body.message },
    ],
  });
  res.json(completion.choices[0].message); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
