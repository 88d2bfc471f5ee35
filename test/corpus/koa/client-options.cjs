const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const jwt = require('koa-jwt');
const { Configuration, OpenAIApi } = require('openai');

const app = new Koa();
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
app.use(bodyParser());
app.use(jwt({ secret: process.env.JWT_SECRET }));

app.use(async (ctx) => {
  const { chat_param } = ctx.request.body;
  if (!chat_param) {
    ctx.body = 'hi';
    return;
  }
  const completion = await openai.createChatCompletion(chat_param); // expect: llm-leak/no-untrusted-system-prompt
  ctx.body = { text: completion.data.choices[0].message.content };
});

app.listen(3000);
