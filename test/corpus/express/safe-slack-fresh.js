const express = require('express');
const crypto = require('crypto');
const OpenAI = require('openai');

const app = express();
const openai = new OpenAI();
const FIVE_MINUTES = 5 * 60;

function isFresh(timestamp) {
  const age = Math.floor(Date.now() / 1000) - Number(timestamp);
  return Number.isFinite(age) && Math.abs(age) <= FIVE_MINUTES;
}

function fromSlack(req) {
  const timestamp = req.get('x-slack-request-timestamp') || '';
  if (!isFresh(timestamp)) return false;
  const expected = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET || '').update(`v0:${timestamp}:${req.body}`).digest('hex');
  const given = req.get('x-slack-signature') || '';
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

app.post('/slack/commands', express.raw({ type: '*/*' }), async (req, res) => {
  if (!fromSlack(req)) return res.sendStatus(401);
  const text = new URLSearchParams(req.body.toString('utf8')).get('text') || '';
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: text }] });
  res.json({ response_type: 'ephemeral', text: r.choices[0].message.content });
});

app.listen(3000);
