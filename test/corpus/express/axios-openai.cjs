const express = require('express');
const axios = require('axios');

const app = express();
app.use(express.json());

async function ask(prompt) {
  const { data } = await axios.post(
    'https://api.openai.com/v1/chat/completions',
    { model: 'gpt-4o-mini', max_tokens: 300, messages: [{ role: 'user', content: prompt }] },
    { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } },
  );
  return data;
}

app.post('/ask', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  try {
    const data = await ask(req.body.prompt);
    res.json({ answer: data.choices[0].message.content });
  } catch (err) {
    res.status(502).json(err.response.data); // expect: llm-leak/no-error-details-to-client
  }
});

app.listen(3000);
