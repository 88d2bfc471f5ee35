import express from 'express';
import OpenAI from 'openai';
import passport from 'passport';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/v1/complete', passport.authenticate('jwt', { session: false }), async (req, res, next) => {
  try {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4.1-mini',
      max_tokens: 600,
      messages: req.body.messages, // expect: llm-leak/no-untrusted-system-prompt
    });
    res.json({ content: completion.choices[0].message.content });
  } catch (e) {
    next(e);
  }
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status || 500).json({ message: 'Request failed', detail: err.stack }); // expect: llm-leak/no-error-details-to-client
});

app.listen(3000);
