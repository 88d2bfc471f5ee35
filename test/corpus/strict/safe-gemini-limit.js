import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'koa-jwt';
import { GoogleGenAI } from '@google/genai';

const app = new Koa();
const router = new Router();
const ai = new GoogleGenAI({});

app.use(jwt({ secret: process.env.JWT_SECRET }));

router.post('/tips', async (ctx) => {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: `Three tips about ${ctx.request.body.topic}`,
    config: { maxOutputTokens: 200 },
  });
  ctx.body = { text: response.text };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
