// examples/vulnerable's chatbot, hardened: see README.md for what changed and why.
import express from 'express';
import OpenAI from 'openai';
import { safeEqual } from './security.js';
import { webhookRouter } from './webhook.js';

// Refuse to start without credentials: there is no default login.
if (!process.env.BASIC_USER || !process.env.BASIC_PASS) {
  throw new Error('BASIC_USER and BASIC_PASS must be set in the environment');
}
const BASIC_USER = process.env.BASIC_USER;
const BASIC_PASS = process.env.BASIC_PASS;

const app = express();
// Keep the exact request bytes: the webhook's HMAC is computed over them, not over a re-serialised body.
app.use(
  express.json({
    limit: '16kb',
    verify: (req, _res, buf) => {
      req.rawBody = buf;
    },
  }),
);

// The SDK reads OPENAI_API_KEY from the environment and throws when it is missing.
const client = new OpenAI();

function requireBasicAuth(req, res, next) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.get('Authorization') ?? '');
  if (match) {
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      // Check both parts every time, so the response time does not tell which one was wrong.
      const userOk = safeEqual(decoded.slice(0, colon), BASIC_USER);
      const passOk = safeEqual(decoded.slice(colon + 1), BASIC_PASS);
      if (userOk && passOk) {
        return next();
      }
    }
  }
  res.set('WWW-Authenticate', 'Basic realm="chat", charset="UTF-8"');
  return res.status(401).json({ error: 'Authentication required' });
}

const SYSTEM_PROMPT = 'You are the support assistant of Acme Corp. Answer briefly.';

app.post('/chat', requireBasicAuth, async (req, res) => {
  const { prompt } = req.body;
  if (typeof prompt !== 'string' || prompt.length === 0) {
    return res.status(400).json({ error: 'prompt must be a non-empty string' });
  }
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 500,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: prompt },
    ],
  });
  // Only the generated text leaves the server: no ids, usage, tool calls or system prompt echoes.
  return res.json({ text: completion.choices[0]?.message?.content ?? '' });
});

// The chat widget's settings: what it shows, never the system prompt the model is given.
app.get('/assistant', (req, res) => {
  res.json({ name: 'Acme support', greeting: 'How can I help?' });
});

app.use('/hooks', webhookRouter);

// Clients get a generic message; the details go to the server log only.
app.use((err, req, res, _next) => {
  console.error('request failed', req.method, req.path, err);
  res.status(500).json({ error: 'Internal server error' });
});

app.listen(process.env.PORT ?? 3000);
