const express = require('express');
const { Pool } = require('pg');
const OpenAI = require('openai');
const { requireUser } = require('./auth.js');

const app = express();
app.use(express.json());
const pool = new Pool();
const client = new OpenAI();

async function ask(content) {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 300, messages: [{ role: 'user', content }] });
  return r.choices[0].message.content;
}

app.post('/reports/query', requireUser, async (req, res) => {
  const sql = await ask(`Write one PostgreSQL SELECT for: ${String(req.body.question)}`);
  const { rows } = await pool.query(sql); // expect: llm-leak/no-unsafe-llm-output
  res.json({ rows });
});

app.post('/reports/by-region', requireUser, async (req, res) => {
  const region = await ask(`Which sales region is this about? ${String(req.body.question)}`);
  const { rows } = await pool.query(`SELECT * FROM sales WHERE region = '${region}'`); // expect: llm-leak/no-unsafe-llm-output
  res.json({ rows });
});

app.post('/reports/by-region-safe', requireUser, async (req, res) => {
  const region = await ask(`Which sales region is this about? ${String(req.body.question)}`);
  const { rows } = await pool.query('SELECT * FROM sales WHERE region = $1', [region]);
  const top = await ask('How many rows should the report show?');
  const limited = await pool.query(`SELECT * FROM sales ORDER BY total DESC LIMIT ${parseInt(top, 10)}`);
  res.json({ rows, top: limited.rows });
});

app.listen(3000);
