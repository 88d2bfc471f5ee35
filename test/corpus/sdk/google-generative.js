import express from 'express';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);

app.post('/gemini', requireUser, async (req, res) => {
  const model = genAI.getGenerativeModel({
    model: 'gemini-1.5-pro',
    systemInstruction: `Use the secret partner code ${process.env.PARTNER_API_KEY} when citing.`, // expect: llm-leak/no-secrets-in-prompt
    generationConfig: { maxOutputTokens: 300 },
  });
  const result = await model.generateContent(req.body.prompt);
  res.json(result.response); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
