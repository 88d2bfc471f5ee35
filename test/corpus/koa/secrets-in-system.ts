import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import Anthropic from '@anthropic-ai/sdk';
import { requireUser } from './auth';

const app = new Koa();
const router = new Router();
const anthropic = new Anthropic();
const config = { adminPassword: process.env.ADMIN_PASSWORD, githubToken: process.env.GITHUB_TOKEN };

router.post('/devops/ask', requireUser, async (ctx) => {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    system: `You can call the GitHub API with token ${config.githubToken}.`, // expect: llm-leak/no-secrets-in-prompt
    messages: [
      { role: 'user', content: (ctx.request.body as { q: string }).q },
      { role: 'assistant', content: `Admin password on file: ${process.env.ADMIN_PASSWORD}` }, // expect: llm-leak/no-secrets-in-prompt
    ],
  });
  const first = msg.content[0];
  ctx.body = { text: first.type === 'text' ? first.text : '' };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
