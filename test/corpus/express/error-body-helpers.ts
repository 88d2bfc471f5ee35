import express, { type NextFunction, type Request, type Response } from 'express';
import OpenAI from 'openai';
import passport from 'passport';
import { formatError } from './format';

const app = express();
app.use(express.json());
app.use(passport.authenticate('jwt', { session: false }));
const openai = new OpenAI();

function sendErrorResponse(res: Response, statusCode: number, message: string) {
  res.status(statusCode).json(formatError(message));
}

app.post('/v1/chat/completions', async (req, res) => {
  try {
    const out = await openai.chat.completions.create({
      model: 'gpt-4o',
      max_tokens: 600,
      messages: [{ role: 'user', content: String(req.body.question) }],
    });
    res.json({ text: out.choices[0].message.content });
  } catch (error) {
    const errorMessage = error instanceof Error ? error.message : 'An error occurred';
    sendErrorResponse(res, 500, errorMessage); // expect: llm-leak/no-error-details-to-client
  }
});

app.use((err: Error & { statusCode?: number }, req: Request, res: Response, _next: NextFunction) => {
  const statusCode = err.statusCode || 500;
  const displayedError = {
    statusCode,
    success: false,
    message: err.message,
    stack: process.env.NODE_ENV === 'development' ? err.stack : {},
  };
  res.status(statusCode).json(displayedError); // expect: llm-leak/no-error-details-to-client
});

app.listen(3000);
