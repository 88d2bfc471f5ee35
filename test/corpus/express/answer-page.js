import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
import escapeHtml from 'escape-html';
import { marked } from 'marked';
import { requireUser } from './auth.js';

const app = express();
const anthropic = new Anthropic();

async function answer(question) {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 600,
    messages: [{ role: 'user', content: question }],
  });
  return msg.content[0].type === 'text' ? msg.content[0].text : '';
}

app.get('/answer', requireUser, async (req, res) => {
  const text = await answer(String(req.query.q ?? ''));
  res.send(`<!doctype html><main><h1>Answer</h1><div>${text}</div></main>`); // expect: llm-leak/no-unsafe-llm-output
});

app.get('/answer-safe', requireUser, async (req, res) => {
  const text = await answer(String(req.query.q ?? ''));
  res.send(`<!doctype html><main><h1>Answer</h1><div>${escapeHtml(text)}</div></main>`);
});

app.get('/answer-text', requireUser, async (req, res) => {
  const text = await answer(String(req.query.q ?? ''));
  res.type('text/plain').send(text);
});

app.get('/answer-md', requireUser, async (req, res) => {
  const text = await answer(String(req.query.q ?? ''));
  const html = marked.parse(text); // expect: llm-leak/no-unsafe-llm-output
  res.send(`<!doctype html><main>${html}</main>`);
});

app.get('/next-step', requireUser, async (req, res) => {
  const text = await answer(`Which page should the user visit next? ${String(req.query.q ?? '')}`);
  res.redirect(text.trim()); // expect: llm-leak/no-unsafe-llm-output
});

app.get('/next-article', requireUser, async (req, res) => {
  const slug = await answer(`Pick an article slug for: ${String(req.query.q ?? '')}`);
  res.redirect(`/articles/${encodeURIComponent(slug.trim())}`);
});

app.listen(3000);
