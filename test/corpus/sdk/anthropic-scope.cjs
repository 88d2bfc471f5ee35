// A client of a package of Anthropic's npm scope other than @anthropic-ai/sdk is an Anthropic client.
const express = require('express');
const AnthropicBedrock = require('@anthropic-ai/bedrock-sdk');

const app = express();
app.use(express.json());
const anthropic = new AnthropicBedrock({ awsRegion: process.env.AWS_REGION });

app.post('/api/claude', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  try {
    const message = await anthropic.messages.create({
      model: 'anthropic.claude-sonnet-4-5',
      max_tokens: 1200,
      system: req.body.persona, // expect: llm-leak/no-untrusted-system-prompt
      messages: req.body.messages,
    });
    console.log('claude replied', message.content); // expect: llm-leak/no-sensitive-logging
    res.json(message); // expect: llm-leak/no-raw-llm-response
  } catch (error) {
    res.status(500).json({ error: error.message }); // expect: llm-leak/no-error-details-to-client
  }
});

app.listen(3000);
