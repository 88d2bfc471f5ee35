const express = require('express');
const { OpenAI } = require('openai');
const logger = require('pino')();

const router = express.Router();
const client = new OpenAI();

router.post('/summarize', async (req, res, next) => { // expect: llm-leak/require-auth-for-llm-route
  try {
    logger.info({ body: req.body }, 'summarize request'); // expect: llm-leak/no-sensitive-logging
    const out = await client.chat.completions.create({
      model: 'gpt-4o',
      max_tokens: 300,
      messages: [
        { role: 'system', content: 'Summarize the text in three bullet points.' },
        { role: 'user', content: req.body.text },
      ],
    });
    res.send({ summary: out.choices[0].message.content });
  } catch (err) {
    res.status(500).json({ error: err.message }); // expect: llm-leak/no-error-details-to-client
  }
});

module.exports = router;
