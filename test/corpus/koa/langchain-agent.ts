import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'koa-jwt';
import vm from 'node:vm';
import { Sequelize, QueryTypes } from 'sequelize';
import { ChatOpenAI } from '@langchain/openai';
import { DynamicTool, tool } from '@langchain/core/tools';
import { z } from 'zod';

const app = new Koa();
const router = new Router();
const sequelize = new Sequelize(process.env.DATABASE_URL as string);
const model = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 500 });

const calculator = new DynamicTool({
  name: 'calculator',
  description: 'Evaluates an arithmetic expression',
  func: async (input: string) => String(vm.runInNewContext(input, {})), // expect: llm-leak/no-unsafe-llm-output
});

const orders = tool(
  async ({ status }: { status: string }) => {
    const rows = await sequelize.query(`SELECT id, total FROM orders WHERE status = '${status}'`, { type: QueryTypes.SELECT }); // expect: llm-leak/no-unsafe-llm-output
    return JSON.stringify(rows);
  },
  { name: 'orders', description: 'Orders by status', schema: z.object({ status: z.string() }) },
);

const ordersSafe = tool(
  async ({ status }: { status: string }) => {
    const rows = await sequelize.query('SELECT id, total FROM orders WHERE status = :status', { replacements: { status }, type: QueryTypes.SELECT });
    return JSON.stringify(rows);
  },
  { name: 'orders_safe', description: 'Orders by status', schema: z.object({ status: z.string() }) },
);

const agent = model.bindTools([calculator, orders, ordersSafe]);

router.post('/agent', async (ctx) => {
  const { task } = ctx.request.body as { task: string };
  const reply = await agent.invoke(task);
  ctx.body = { answer: reply.content };
});

router.get('/summary', async (ctx) => {
  const reply = await model.invoke(`Summarise: ${String(ctx.query.topic)}`);
  ctx.type = 'html';
  ctx.body = `<section class="summary">${reply.content}</section>`; // expect: llm-leak/no-unsafe-llm-output
});

app.use(jwt({ secret: process.env.JWT_SECRET as string }));
app.use(bodyParser());
app.use(router.routes());
export default app;
