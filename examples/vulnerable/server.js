// A support chatbot as it is often first written. Every route here leaks something; see README.md.
import express from 'express';
import OpenAI from 'openai';
import { webhookRouter } from './webhook.js';

const app = express();
app.use(express.json());

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || 'sk-local-dev-key' });

const SYSTEM_PROMPT = 'You are the support assistant of Acme Corp. Internal escalation code: ORANGE-7.';

// Kept around so that the debug page can show what the model said last.
let lastResponse = null;

// Anyone who finds the URL can spend our OpenAI budget, and gets the whole completion object back.
app.post('/chat', async (req, res) => {
  const { prompt } = req.body;
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: prompt },
    ],
  });
  lastResponse = completion;
  res.json(completion);
});

// "Temporary" debug page that shipped to production.
app.get('/debug', (req, res) => {
  res.send(JSON.stringify(lastResponse));
});

app.use('/hooks', webhookRouter);

// Sends the stack trace, and the SDK's error text, to whoever caused the error.
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: err.message, stack: err.stack });
});

// The chat widget reads the assistant's settings from here: the system prompt, escalation code included.
app.get('/assistant', (req, res) => {
  res.json({ name: 'Acme support', greeting: 'How can I help?', systemPrompt: SYSTEM_PROMPT });
});

app.listen(process.env.PORT ?? 3000, () => {
  console.log('listening');
});
