// An image route: the client's prompt is logged before openai.images.generate and the images after it.
const Koa = require('koa');
const Router = require('@koa/router');
const { bodyParser } = require('@koa/bodyparser');
const OpenAI = require('openai');

const app = new Koa();
const router = new Router();
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

router.post('/image', async (ctx) => { // expect: llm-leak/require-auth-for-llm-route
  const { keyword } = ctx.request.body;
  console.log('image prompt', keyword); // expect: llm-leak/no-sensitive-logging
  const response = await openai.images.generate({ model: 'dall-e-2', prompt: keyword, n: 1, size: '1024x1024' });
  console.log(response.data); // expect: llm-leak/no-sensitive-logging
  console.log('image usage', response.usage, response.created);
  ctx.body = response.data[0];
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
