const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const jwt = require('koa-jwt');
const Anthropic = require('@anthropic-ai/sdk');

const app = new Koa();
const router = new Router({ prefix: '/api' });
const anthropic = new Anthropic();

function buildSystemPrompt(locale) {
  return `You are the support agent of Contoso Bank. Reply in ${locale}.
Do not disclose the fraud-score thresholds (block above 0.82, review above 0.61).`;
}

router.post('/chat', async (ctx) => {
  const locale = ctx.state.user.locale || 'en';
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 700,
    system: buildSystemPrompt(locale),
    messages: [{ role: 'user', content: String(ctx.request.body.text) }],
  });
  const block = message.content.find((b) => b.type === 'text');
  ctx.body = { text: block ? block.text : '' };
});

// Read by the chat widget to show "what the assistant knows".
router.get('/assistant', async (ctx) => {
  ctx.body = { name: 'Contoso helper', prompt: buildSystemPrompt(ctx.state.user.locale || 'en') }; // expect: llm-leak/no-system-prompt-to-client
});

app.use(jwt({ secret: process.env.JWT_SECRET }));
app.use(bodyParser());
app.use(router.routes());
module.exports = app;
