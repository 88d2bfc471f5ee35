import express, { type NextFunction, type Request, type Response } from 'express';
import OpenAI from 'openai';
import { requireAuth } from './middleware/auth';
import { logger } from './logger';

const app = express();
app.use(express.json());
app.use(requireAuth);
const openai = new OpenAI();

app.post('/rewrite', async (req, res, next) => {
  try {
    const out = await openai.chat.completions.create({
      model: 'gpt-4o',
      max_tokens: 600,
      messages: [{ role: 'user', content: `Rewrite more clearly:\n${req.body.text}` }],
    });
    res.json({ text: out.choices[0].message.content });
  } catch (e) {
    next(e);
  }
});

app.use((err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
  logger.error({ name: err.name, status: err.status }, 'request failed');
  res.status(err.status ?? 500).json({ error: 'Something went wrong.' });
});

app.listen(3000);
