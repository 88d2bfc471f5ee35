import express from 'express';
import winston from 'winston';
import OpenAI from 'openai';
import { verifySession } from './session';

const log = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();
app.use(express.json());
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

log.info(`starting with key ${process.env.OPENAI_API_KEY}`); // expect: llm-leak/no-sensitive-logging

app.post('/assist', verifySession, async (req, res) => {
  log.debug('auth header', req.headers.authorization); // expect: llm-leak/no-sensitive-logging
  const messages = [{ role: 'user' as const, content: String(req.body.input) }];
  log.info('sending prompt', { messages }); // expect: llm-leak/no-sensitive-logging
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 300, messages });
  res.json({ text: completion.choices[0].message.content });
});

app.listen(3000);
