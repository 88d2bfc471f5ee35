const express = require('express');
const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');
const { requireAuth } = require('./auth');

const app = express();
app.use(express.json());
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });

app.post('/titan', requireAuth, async (req, res) => {
  const out = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        messages: [{ role: 'user', content: req.body.text }],
      }),
    }),
  );
  const payload = JSON.parse(new TextDecoder().decode(out.body));
  res.json({ text: payload.content[0].text });
});

app.listen(3000);
