const express = require('express');
const crypto = require('crypto');
const OpenAI = require('openai');

const app = express();
app.use(express.json());
const openai = new OpenAI();
const SIGNING_KEY = 'whsec_live_5f3c2a9d8e7b6a1f'; // expect: llm-leak/no-hardcoded-credentials

app.post('/hooks/form', async (req, res) => {
  const hmac = crypto.createHmac('sha256', SIGNING_KEY);
  hmac.update(req.body); // expect: llm-leak/hmac-over-raw-body
  const digest = hmac.digest('hex');
  if (!req.get('x-form-signature') || !crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(req.get('x-form-signature')))) { // expect: llm-leak/timing-safe-compare, llm-leak/require-hmac-timestamp
    return res.sendStatus(401);
  }
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 120,
    messages: [{ role: 'user', content: `Reply to this form: ${req.body.message}` }],
  });
  res.json({ reply: r.choices[0].message.content });
});

app.listen(3000);
