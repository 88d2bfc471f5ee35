import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { execSync } from 'node:child_process';

const app = Fastify({ logger: true });
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
app.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

const DOC_HOSTS = ['docs.acme.dev', 'status.acme.dev'];

const runCommand = tool({
  description: 'Run a shell command on the build box',
  parameters: z.object({ command: z.string() }),
  execute: async ({ command }) => execSync(command, { timeout: 5000 }).toString(), // expect: llm-leak/no-unsafe-llm-output
});

const fetchPage = tool({
  description: 'Fetch a web page',
  parameters: z.object({ url: z.string() }),
  execute: async ({ url }) => (await fetch(url)).text(), // expect: llm-leak/no-unsafe-llm-output
});

const fetchDocs = tool({
  description: 'Fetch a page of the docs',
  parameters: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const target = new URL(url);
    if (!DOC_HOSTS.includes(target.hostname)) return 'That site is not allowed.';
    return (await fetch(target)).text();
  },
});

const serviceStatus = tool({
  description: 'Status of one service',
  parameters: z.object({ service: z.string() }),
  execute: async ({ service }) => {
    switch (service) {
      case 'api':
      case 'worker':
        return execSync(`systemctl is-active ${service}`).toString();
      default:
        return 'unknown service';
    }
  },
});

app.post<{ Body: { task: string } }>('/ops', async (request) => {
  const result = await generateText({
    model: openai('gpt-4o'),
    maxOutputTokens: 800,
    tools: { runCommand, fetchPage, fetchDocs, serviceStatus },
    prompt: request.body.task,
  });
  return { text: result.text };
});

await app.listen({ port: 3000 });
