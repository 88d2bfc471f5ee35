const express = require('express');
const Groq = require('groq-sdk');
const { Mistral } = require('@mistralai/mistralai');
const { requireAuth } = require('./auth');

const app = express();
app.use(express.json());
app.use(requireAuth);
const groq = new Groq();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

app.post('/groq', async (req, res) => {
  const c = await groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: req.body.q }] }); // expect: llm-leak/require-output-limit
  res.json({ a: c.choices[0].message.content });
});

app.post('/mistral', async (req, res) => {
  const c = await mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: req.body.q }] }); // expect: llm-leak/require-output-limit
  res.json({ a: c.choices[0].message.content });
});

app.post('/mistral-short', async (req, res) => {
  const c = await mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 64, messages: [{ role: 'user', content: req.body.q }] });
  res.json({ a: c.choices[0].message.content });
});

app.listen(3000);
