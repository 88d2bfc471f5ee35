import express from 'express';
import { InferenceClient } from '@huggingface/inference';
import { requireAuth } from './middleware/auth';

const app = express();
app.use(express.json());
const hf = new InferenceClient(process.env.HF_TOKEN);

app.post('/summarise', requireAuth, async (req, res) => {
  const out = await hf.textGeneration({
    model: 'mistralai/Mistral-7B-Instruct-v0.3',
    inputs: `Summarise:\n${req.body.text}`,
    parameters: { max_new_tokens: 200 },
  });
  res.json({ summary: out.generated_text });
});

app.listen(3000);
