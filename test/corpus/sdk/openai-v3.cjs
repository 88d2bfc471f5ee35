const express = require('express');
const { Configuration, OpenAIApi } = require('openai');

const app = express();
app.use(express.json());
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));

app.post('/api/generate', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  try {
    const completion = await openai.createChatCompletion({
      model: 'gpt-3.5-turbo',
      max_tokens: 300,
      messages: [{ role: 'user', content: req.body.prompt }],
    });
    res.status(200).json(completion.data); // expect: llm-leak/no-raw-llm-response
  } catch (error) {
    res.status(500).json({ error: error.response.data }); // expect: llm-leak/no-error-details-to-client
  }
});

app.listen(3000);
