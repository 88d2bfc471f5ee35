import express from 'express';
import OpenAI from 'openai';
import fs from 'fs';

const openai = new OpenAI();
const router = express.Router();

const getDataset = async (scope) => {
  const files = fs.readdirSync(`./dataset/${scope}`);
  const dataset = [];
  return Promise.allSettled(files.map((f) => fs.promises.readFile(`./dataset/${scope}/${f}`, 'utf8')))
    .then((results) => {
      results.forEach((r) => {
        if (r.status === 'fulfilled') dataset.push({ role: 'system', content: r.value });
      });
      return dataset;
    })
    .catch(() => []);
};

router.get('/test', (req, res) => { // expect: llm-leak/no-llm-debug-route
  getDataset('internal').then((r) => res.send(r));
});

router.get('/scopes', (req, res) => {
  res.json({ scopes: fs.readdirSync('./dataset') });
});

router.post('/', async (req, res) => { // expect: llm-leak/require-auth-for-llm-route
  const dataset = await getDataset(String(req.body.scope));
  const c = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 400,
    messages: [...dataset, { role: 'user', content: String(req.body.question) }],
  });
  res.json({ text: c.choices[0].message.content });
});

export default router;
