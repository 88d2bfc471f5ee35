import express from 'express';
import crypto from 'node:crypto';
import OpenAI from 'openai';

const app = express();
const openai = new OpenAI();

// Slack signs `v0:<timestamp>:<body>`, but the timestamp is only read, never compared with the clock.
function fromSlack(req: express.Request): boolean {
  const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
  const expected = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET ?? '').update(`v0:${timestamp}:${req.body}`).digest('hex');
  const given = String(req.headers['x-slack-signature'] ?? '');
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected)); // expect: llm-leak/require-hmac-timestamp
}

app.post('/slack/events', express.raw({ type: 'application/json' }), async (req, res) => {
  if (!fromSlack(req)) return res.sendStatus(401);
  const event = JSON.parse(req.body.toString('utf8'));
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: String(event.event?.text ?? '') }],
  });
  res.json({ text: r.choices[0].message.content });
});

app.listen(3000);
