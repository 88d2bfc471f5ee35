// Scenario B, hardened: the partner's HMAC covers a timestamp and the raw request bytes; the timestamp must be recent,
// and the signature is compared in constant time, before the body is used.
import { createHash, createHmac } from 'node:crypto';
import express from 'express';
import escapeHtml from 'escape-html';
import OpenAI from 'openai';
import { safeEqual } from './security.js';

// Refuse to start without the shared secret: there is no default key.
if (!process.env.WEBHOOK_SECRET) {
  throw new Error('WEBHOOK_SECRET must be set in the environment');
}
const WEBHOOK_SECRET = process.env.WEBHOOK_SECRET;

const client = new OpenAI();

export const webhookRouter = express.Router();

// A signed request older (or newer) than this is refused, so a captured one cannot be replayed later.
const MAX_AGE_SECONDS = 5 * 60;

function verifySignature(req, res, next) {
  const signature = req.get('X-Signature') ?? '';
  const timestamp = req.get('X-Timestamp') ?? '';
  if (!req.rawBody) {
    return res.status(400).json({ error: 'Expected a JSON body' });
  }
  if (!/^\d+$/.test(timestamp) || Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > MAX_AGE_SECONDS) {
    return res.status(401).json({ error: 'Stale or missing timestamp' });
  }
  // The partner signs `<timestamp>.<raw body>`; req.rawBody holds the exact bytes it sent (see express.json's verify
  // option in server.js).
  const expected = createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.`).update(req.rawBody).digest('hex');
  if (!safeEqual(signature, expected)) {
    return res.status(401).json({ error: 'Invalid signature' });
  }
  return next();
}

webhookRouter.post('/ask', verifySignature, async (req, res) => {
  const { prompt } = req.body;
  if (typeof prompt !== 'string' || prompt.length === 0) {
    return res.status(400).json({ error: 'prompt must be a non-empty string' });
  }
  // Log a SHA-256 fingerprint of the prompt (to correlate requests), never the prompt or the signature.
  const promptSha256 = createHash('sha256').update(prompt).digest('hex');
  console.info('webhook /ask', { promptSha256 });
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [{ role: 'user', content: prompt }],
  });
  const answer = completion.choices[0]?.message?.content ?? '';
  // The partner embeds the answer in its page: escaped, so markup the model writes is shown as text, never run.
  if (req.query.format === 'html') return res.send(`<div class="answer">${escapeHtml(answer)}</div>`);
  return res.json({ answer });
});
