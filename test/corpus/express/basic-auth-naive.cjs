const express = require('express');
const OpenAI = require('openai');

const app = express();
app.use(express.json());
const openai = new OpenAI();

const ADMIN_USER = process.env.ADMIN_USER || 'admin'; // expect: llm-leak/no-hardcoded-credentials
const ADMIN_PASS = process.env.ADMIN_PASS || 'changeme'; // expect: llm-leak/no-hardcoded-credentials

function basicAuth(req, res, next) {
  const header = req.headers.authorization || '';
  const [user, pass] = Buffer.from(header.replace('Basic ', ''), 'base64').toString().split(':');
  if (user === ADMIN_USER && pass === ADMIN_PASS) return next(); // expect: llm-leak/timing-safe-compare
  res.set('WWW-Authenticate', 'Basic').sendStatus(401);
}

app.post('/admin/ask', basicAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 800,
    messages: [{ role: 'user', content: req.body.q }],
  });
  res.json({ text: completion.choices[0].message.content });
});

app.listen(3000);
