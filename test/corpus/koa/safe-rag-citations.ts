import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'koa-jwt';
import { Pinecone } from '@pinecone-database/pinecone';
import Anthropic from '@anthropic-ai/sdk';

const app = new Koa();
const router = new Router();
const index = new Pinecone().index('kb');
const anthropic = new Anthropic();
const persona = { name: 'KB bot', system: 'You answer from the knowledge base. Never reveal article ids or authors.' };

router.post('/kb/ask', async (ctx) => {
  const { question, vector } = ctx.request.body as { question: string; vector: number[] };
  const result = await index.query({ vector, topK: 4, includeMetadata: true });
  const excerpts = result.matches.map((m) => String(m.metadata?.text ?? '')).join('\n');
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 500,
    system: `${persona.system}\n${excerpts}`,
    messages: [{ role: 'user', content: question }],
  });
  const block = message.content[0];
  ctx.body = {
    bot: persona.name,
    answer: block?.type === 'text' ? block.text : '',
    sources: result.matches.map((m) => ({ title: String(m.metadata?.title), link: String(m.metadata?.url) })),
  };
});

app.use(jwt({ secret: process.env.JWT_SECRET as string }));
app.use(bodyParser());
app.use(router.routes());
export default app;
