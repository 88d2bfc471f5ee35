const express = require('express');
const { AzureOpenAI } = require('openai');
const { DefaultAzureCredential, getBearerTokenProvider } = require('@azure/identity');
const { requireUser } = require('./auth');

const azureADTokenProvider = getBearerTokenProvider(new DefaultAzureCredential(), 'https://cognitiveservices.azure.com/.default');
const client = new AzureOpenAI({ azureADTokenProvider, apiVersion: '2024-10-21', deployment: 'gpt-4o' });

const app = express();
app.use(express.json());

app.post('/azure/ask', requireUser, async (req, res) => {
  try {
    const result = await client.chat.completions.create({
      model: 'gpt-4o',
      max_tokens: 400,
      messages: [{ role: 'user', content: req.body.q }],
    });
    res.json({ answer: result.choices[0].message.content });
  } catch (err) {
    console.error('azure openai failed', err.code);
    res.status(503).json({ error: 'try again later' });
  }
});

app.listen(3000);
