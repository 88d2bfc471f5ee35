const express = require('express');
const Groq = require('groq-sdk');

const app = express();
app.use(express.json());
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });

function checkKey(req, res, next) {
  const key = req.header('x-api-key');
  if (!key || key !== process.env.SERVICE_KEY) { // expect: llm-leak/timing-safe-compare
    return res.status(401).end();
  }
  next();
}

app.post('/classify', checkKey, async (req, res) => {
  const completion = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_tokens: 20,
    messages: [{ role: 'user', content: `Label as spam or ham: ${req.body.text}` }],
  });
  res.json({ label: completion.choices[0].message.content });
});

app.listen(3000);
