import { Hono } from 'hono';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = new Hono();
const EARLIEST = 1_700_000_000;

// The timestamp is signed and checked, but against a fixed date, not the clock: a captured request stays valid.
app.post('/hooks/crm', async (c) => {
  const raw = await c.req.text();
  const ts = Number(c.req.header('x-timestamp'));
  if (!Number.isInteger(ts) || ts < EARLIEST) return c.text('bad timestamp', 400);
  const mac = createHmac('sha256', process.env.CRM_SECRET ?? '').update(`${ts}.${raw}`).digest('hex');
  const sig = c.req.header('x-signature') ?? '';
  if (sig.length !== mac.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(mac))) return c.text('bad signature', 401); // expect: llm-leak/require-hmac-timestamp
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 200, prompt: `Summarize: ${raw.slice(0, 2000)}` });
  return c.json({ text });
});

export default app;
