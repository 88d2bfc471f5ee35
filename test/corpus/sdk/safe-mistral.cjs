const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { Mistral } = require('@mistralai/mistralai');
const passport = require('koa-passport');

const app = new Koa();
const router = new Router();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

router.post('/code-review', passport.authenticate('bearer', { session: false }), async (ctx) => {
  const res = await mistral.chat.complete({
    model: 'codestral-latest',
    maxTokens: 600,
    messages: [
      { role: 'system', content: 'Review the code for bugs.' },
      { role: 'user', content: ctx.request.body.code },
    ],
  });
  ctx.body = { review: res.choices[0].message.content };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
