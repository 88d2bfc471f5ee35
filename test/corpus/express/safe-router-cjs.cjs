const express = require('express');
const OpenAI = require('openai');
const { ensureLoggedIn } = require('connect-ensure-login');

const openai = new OpenAI();
const router = express.Router();

router.use(ensureLoggedIn('/login'));

router.post('/draft', async (req, res) => {
  const { subject } = req.body;
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 250,
    messages: [
      { role: 'system', content: 'Draft a short, polite email.' },
      { role: 'user', content: `Subject: ${subject}` },
    ],
  });
  res.send(r.choices[0].message.content);
});

module.exports = router;
