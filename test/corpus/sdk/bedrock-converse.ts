import express from 'express';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const app = express();
app.use(express.json());
const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

app.post('/bedrock/chat', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const command = new ConverseCommand({
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    system: [{ text: req.body.systemPrompt }], // expect: llm-leak/no-untrusted-system-prompt
    messages: [{ role: 'user', content: [{ text: req.body.message }] }],
    inferenceConfig: { maxTokens: 400 },
  });
  const response = await bedrock.send(command);
  res.json(response); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
