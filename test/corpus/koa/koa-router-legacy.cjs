const Koa = require('koa');
const Router = require('koa-router');
const bodyParser = require('koa-bodyparser');
const { CohereClient } = require('cohere-ai');

const app = new Koa();
const router = new Router();
const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message, stack: err.stack }; // expect: llm-leak/no-error-details-to-client
  }
});

router.post('/rerank-answer', async (ctx) => { // expect: llm-leak/require-auth-for-llm-route
  const response = await cohere.chat({
    model: 'command-r',
    maxTokens: 300,
    message: ctx.request.body.question,
  });
  ctx.body = { text: response.text };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
