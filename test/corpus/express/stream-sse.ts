import express from 'express';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/stream', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  res.setHeader('Content-Type', 'text/event-stream');
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 1000,
    stream: true,
    messages: [{ role: 'user', content: req.body.prompt }],
  });
  for await (const chunk of stream) {
    res.write(`data: ${JSON.stringify(chunk)}\n\n`); // expect: llm-leak/no-raw-llm-response
  }
  res.end();
});

app.listen(3000);
