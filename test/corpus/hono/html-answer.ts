import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { html, raw } from 'hono/html';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import DOMPurify from 'isomorphic-dompurify';
import { verifyApiToken } from './auth.js';

const app = new Hono();
app.use('/api/*', bearerAuth({ verifyToken: verifyApiToken }));

app.get('/api/explain', async (c) => {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 400, prompt: c.req.query('topic') ?? '' });
  return c.html(text); // expect: llm-leak/no-unsafe-llm-output
});

app.get('/api/explain-safe', async (c) => {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 400, prompt: c.req.query('topic') ?? '' });
  return c.html(`<article>${DOMPurify.sanitize(text)}</article>`);
});

app.get('/api/explain-template', async (c) => {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 400, prompt: c.req.query('topic') ?? '' });
  // hono/html's tagged template escapes what it interpolates.
  return c.html(html`<article>${text}</article>`);
});

export default app;
