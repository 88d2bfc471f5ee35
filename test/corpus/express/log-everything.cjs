const express = require('express');
const debug = require('debug')('app:chat');
const bunyan = require('bunyan');
const OpenAI = require('openai');
const { requireAuth } = require('./auth');

const log = bunyan.createLogger({ name: 'chat' });
const app = express();
app.use(express.json());
const openai = new OpenAI();

app.use((req, res, next) => {
  debug('%s %s cookie=%s', req.method, req.url, req.headers.cookie); // expect: llm-leak/no-sensitive-logging
  next();
});

app.post('/chat', requireAuth, async (req, res) => {
  const messages = [{ role: 'user', content: req.body.text }];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages });
  const text = completion.choices[0].message.content;
  log.info({ user: req.user.id, text }, 'reply'); // expect: llm-leak/no-sensitive-logging
  res.json({ text });
});

app.post('/login', (req, res) => {
  log.info('login attempt', req.body.password); // expect: llm-leak/no-sensitive-logging
  res.sendStatus(501);
});

app.listen(3000);
