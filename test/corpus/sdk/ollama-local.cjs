const express = require('express');
const ollama = require('ollama').default;

const app = express();
app.use(express.json());

app.post('/local/chat', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const response = await ollama.chat({
    model: 'llama3.1',
    options: { num_predict: 256 },
    messages: [
      { role: 'system', content: req.body.system || 'You are helpful.' }, // expect: llm-leak/no-untrusted-system-prompt
      { role: 'user', content: req.body.prompt },
    ],
  });
  res.json(response); // expect: llm-leak/no-raw-llm-response
});

app.listen(3000);
