const express = require('express');
const openai = require('../lib/client.cjs');
const { complete } = require('../services/legacy.cjs');

const router = express.Router();

router.post('/chat', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ reply: completion.choices[0]?.message?.content ?? '' });
});

router.post('/complete', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const completion = await complete(String(req.body.prompt));
  res.send(completion); // expect: llm-leak/no-raw-llm-response
});

module.exports = router;
