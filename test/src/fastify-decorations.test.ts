/**
 * Fastify decorations of other modules (issue 11): a plugin module attaches a model client or a model-calling object
 * with `fastify.decorate(name, value)`, and a route file of the same app uses it as `fastify.<name>`,
 * `request.server.<name>`, `reply.server.<name>` or `this.<name>`. Plugins found through `@fastify/autoload` dirs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { lintProjectFile, projectMaker } from '../helpers.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache } from '../../src/project/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-decorations-'));
afterAll(() => (process.env.KEEP ? console.log('ROOT', root) : fs.rmSync(root, { recursive: true, force: true })));
beforeEach(() => clearProjectCache());

const project = projectMaker(root);
const RULES = ['require-auth-for-llm-route', 'no-raw-llm-response', 'require-output-limit'];

function lint(dir: string, file: string): string[] {
  return lintProjectFile(dir, file, RULES, new Linter({ cwd: dir, configType: 'flat' })).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
}

/** The fastify-cli layout: main.ts registers app.ts, which autoloads plugins/ and routes/. */
const MAIN = `import Fastify from 'fastify';
import { app } from './app/app';
const server = Fastify({ logger: true });
server.register(app);
server.listen({ port: 3000 });
`;
const APP = `import * as path from 'path';
import AutoLoad from '@fastify/autoload';
export async function app(fastify, opts) {
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'plugins'), options: { ...opts } });
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes'), options: { ...opts } });
}
`;
const OPENAI_PLUGIN = `import OpenAI from 'openai';
import fastifyPlugin from 'fastify-plugin';
const openai = new OpenAI();
export default fastifyPlugin(async function (fastify) {
  const sendMessage = async (userMessage: string) => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 100, messages: [{ role: 'user', content: userMessage }] });
    return completion.choices[0].message.content;
  };
  const decoration = { client: openai, sendMessage };
  fastify.decorate('openai', decoration);
});
`;
const ROUTE = `import { FastifyInstance, FastifyRequest } from 'fastify';
export default async function (fastify: FastifyInstance) {
  fastify.get('/openai', openAiController);
}
export const openAiController = async (request: FastifyRequest) => {
  const fastify = request.server;
  const userMessage = request.query['query'];
  const answer = await fastify.openai.sendMessage(userMessage);
  return { message: \`\${answer}\` };
};
`;

describe('a decoration of an autoloaded plugin', () => {
  it('request.server.openai.sendMessage() in an autoloaded route file', () => {
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual(['3 llm-leak/require-auth-for-llm-route']);
  });
});
