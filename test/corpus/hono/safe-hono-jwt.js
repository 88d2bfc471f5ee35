import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { GoogleGenerativeAI } from '@google/generative-ai';

const app = new Hono();
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);

app.use('/ai/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));

app.post('/ai/caption', async (c) => {
  const { description } = await c.req.json();
  const model = genAI.getGenerativeModel({
    model: 'gemini-1.5-flash',
    generationConfig: { maxOutputTokens: 60 },
  });
  const result = await model.generateContent(`Write an alt-text caption for: ${description}`);
  return c.json({ caption: result.response.text() });
});

app.onError((err, c) => {
  console.error(err.name);
  return c.json({ error: 'internal error' }, 500);
});

export default app;
