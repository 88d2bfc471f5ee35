import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'koa-jwt';
import { GoogleGenAI } from '@google/genai';

const app = new Koa();
const router = new Router();
const ai = new GoogleGenAI({});

app.use(jwt({ secret: process.env.JWT_SECRET! }));

router.post('/story', async (ctx) => {
  const body = ctx.request.body as { theme: string };
  const response = await ai.models.generateContent({ model: 'gemini-2.5-pro', contents: `A story about ${body.theme}` }); // expect: llm-leak/require-output-limit
  ctx.body = { text: response.text };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
