const express = require('express');
const OpenAI = require('openai');

const openai = new OpenAI();
const router = express.Router();

router.post('/prompt', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route, llm-leak/no-llm-debug-route
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ text: completion.choices[0].message.content });
});

module.exports = router;
