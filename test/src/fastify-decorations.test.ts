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
import { clearProjectCache, parseCount } from '../../src/project/index.js';

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

  it('a subfolder of routes/ prefixes its routes (dirNameRoutePrefix), options.prefix before it', () => {
    const app = APP.replace("'routes'), options: { ...opts }", "'routes'), options: { prefix: '/api' }");
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': app, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/routes/v1/openai.ts': ROUTE }, '{}');
    const messages = lintProjectFile(dir, 'src/app/routes/v1/openai.ts', ['require-auth-for-llm-route']);
    expect(messages.map((m) => m.line)).toEqual([3]);
    expect(messages[0]!.message).toContain('GET /api/v1/openai');
  });

  it('a client decorated as is: fastify.openai.chat.completions.create() in a route file the app imports and registers', () => {
    const dir = project({
      'app.js': `import Fastify from 'fastify';
import openaiPlugin from './plugins/openai.js';
const app = Fastify();
app.register(openaiPlugin);
app.register(import('./routes/chat.js'), { prefix: '/v1' });
app.listen({ port: 3000 });
`,
      'plugins/openai.js': `import fp from 'fastify-plugin';
import OpenAI from 'openai';
export default fp(async (fastify) => {
  fastify.decorate('openai', new OpenAI());
});
`,
      'routes/chat.js': `export default async function chat(fastify) {
  fastify.post('/chat', async (request) => {
    const r = await fastify.openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: request.body.q }] });
    return r;
  });
}
`,
    });
    expect(lint(dir, 'routes/chat.js')).toEqual(['2 llm-leak/require-auth-for-llm-route', '3 llm-leak/require-output-limit', '4 llm-leak/no-raw-llm-response']);
  });

  it('a decorated client bound first: `const { openai } = fastify` and `const openai = request.server.openai`', () => {
    const app = `import Fastify from 'fastify';
import openaiPlugin from './plugins/openai.js';
const app = Fastify();
app.register(openaiPlugin);
app.register(import('./routes/chat.js'), { prefix: '/v1' });
app.listen({ port: 3000 });
`;
    const plugin = `import fp from 'fastify-plugin';
import OpenAI from 'openai';
export default fp(async (fastify) => {
  fastify.decorate('openai', new OpenAI());
});
`;
    for (const read of ['const { openai } = fastify;', 'const openai = request.server.openai;']) {
      const dir = project({
        'app.js': app,
        'plugins/openai.js': plugin,
        'routes/chat.js': `export default async function chat(fastify) {
  fastify.post('/chat', async (request) => {
    ${read}
    const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 50, messages: [{ role: 'user', content: request.body.q }] });
    return r;
  });
}
`,
      });
      expect(lint(dir, 'routes/chat.js')).toEqual(['2 llm-leak/require-auth-for-llm-route', '5 llm-leak/no-raw-llm-response']);
    }
  });

  it('the app file itself: a route on the app reads the decoration of a plugin it registers', () => {
    const dir = project({
      'server.js': `import Fastify from 'fastify';
import ai from './plugins/ai.js';
const app = Fastify();
app.register(ai);
app.post('/ask', async (request) => ({ answer: await app.ai.ask(request.body.q) }));
app.listen({ port: 3000 });
`,
      'plugins/ai.js': `import fp from 'fastify-plugin';
import OpenAI from 'openai';
const client = new OpenAI();
export default fp(async (fastify) => {
  fastify.decorate('ai', {
    async ask(q) {
      const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 50, messages: [{ role: 'user', content: q }] });
      return r.choices[0].message.content;
    },
  });
});
`,
    });
    expect(lint(dir, 'server.js')).toEqual(['5 llm-leak/require-auth-for-llm-route']);
  });

  it('this.openai in a handler written as a function, in a plugin file that imports nothing (CommonJS, autoloaded)', () => {
    const dir = project({
      'app.js': `const path = require('node:path');
const AutoLoad = require('@fastify/autoload');
module.exports = async function (fastify, opts) {
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'plugins') });
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes') });
};
`,
      'server.js': `const Fastify = require('fastify');
const app = Fastify();
app.register(require('./app.js'));
app.listen({ port: 3000 });
`,
      'plugins/ai.js': `const fp = require('fastify-plugin');
const OpenAI = require('openai');
const client = new OpenAI();
async function ask(q) {
  const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 50, messages: [{ role: 'user', content: q }] });
  return r.choices[0].message.content;
}
module.exports = fp(async function (fastify) {
  fastify.decorate('ai', { ask });
});
`,
      'routes/root.js': `module.exports = async function (fastify, opts) {
  fastify.post('/ask', async function (request, reply) {
    return { answer: await this.ai.ask(request.body.q) };
  });
};
`,
    }, '{}');
    expect(lint(dir, 'routes/root.js')).toEqual(['2 llm-leak/require-auth-for-llm-route']);
  });
});

describe('route shapes', () => {
  it('options objects (one that names itself too) and hook arrays: the handler in them is still found, nothing loops', () => {
    const route = `export default async function (fastify) {
  const opts = { config: opts, onRequest: [async function (request) { request.log.info('x'); }] };
  fastify.get('/openai', opts, async function (request) {
    return { m: await this.openai.sendMessage(String(request.query.q)) };
  });
}
`;
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/routes/openai.js': route }, '{}');
    expect(lint(dir, 'src/app/routes/openai.js')).toEqual(['3 llm-leak/require-auth-for-llm-route']);
  });
});

describe('decorations a route does not reach a model through', () => {
  it('a decorated object whose methods call no model, from a plugin that has a client', () => {
    const plugin = OPENAI_PLUGIN.replace("const decoration = { client: openai, sendMessage };", "void sendMessage;\n  const decoration = { sendMessage: async (m: string) => m.toUpperCase() };");
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/openai.ts': plugin, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual([]);
  });

  it('a plugin not wrapped in fastify-plugin: its decoration stays inside it (encapsulation)', () => {
    const plugin = OPENAI_PLUGIN.replace('export default fastifyPlugin(async function (fastify) {', 'export default (async function (fastify) {');
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/openai.ts': plugin, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual([]);
  });

  it('one name decorated by two plugins, one calling no model: unknown, not guessed', () => {
    const other = `import fp from 'fastify-plugin';
export default fp(async (fastify) => {
  fastify.decorate('openai', { sendMessage: async (m: string) => m });
});
`;
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/plugins/stub.ts': other, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual([]);
  });

  it('a route file of another app of the project does not see this app\'s decorations', () => {
    // server.ts (an entry candidate of other/routes.ts too) decorates its app; other/main.ts's app has no decoration.
    const dir = project({
      'server.ts': `import Fastify from 'fastify';\nimport ai from './plugins/openai';\nconst app = Fastify();\napp.register(ai);\napp.listen({ port: 1 });\n`,
      'plugins/openai.ts': OPENAI_PLUGIN,
      'other/main.ts': `import Fastify from 'fastify';\nimport routes from './routes';\nconst app = Fastify();\napp.register(routes);\napp.listen({ port: 2 });\n`,
      'other/routes.ts': ROUTE,
    }, '{}');
    expect(lint(dir, 'other/routes.ts')).toEqual([]);
  });
});

describe('auth added by an autoloaded plugin', () => {
  const AUTH_PLUGIN = `import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
export default fp(async function (fastify) {
  fastify.register(jwt, { secret: process.env.JWT_SECRET });
  fastify.decorate('authenticate', async function (request, reply) {
    await request.jwtVerify();
  });
  fastify.addHook('onRequest', fastify.authenticate);
});
`;

  it('an fp plugin of plugins/ adding an onRequest hook that verifies a JWT guards the routes of routes/', () => {
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/auth.ts': AUTH_PLUGIN, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual([]);
  });

  it('the same hook in a plugin not wrapped in fastify-plugin guards only its own routes', () => {
    const auth = AUTH_PLUGIN.replace('export default fp(async function (fastify) {', 'export default (async function (fastify) {');
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/auth.ts': auth, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual(['3 llm-leak/require-auth-for-llm-route']);
  });

  it('a hook that only logs guards nothing', () => {
    const hook = AUTH_PLUGIN.replace('await request.jwtVerify();', 'request.log.info(request.url);');
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, 'src/app/plugins/auth.ts': hook, 'src/app/plugins/openai.ts': OPENAI_PLUGIN, 'src/app/routes/openai.ts': ROUTE }, '{}');
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual(['3 llm-leak/require-auth-for-llm-route']);
  });
});

describe('cost', () => {
  it('each module of the app is parsed once: twelve decorating plugins, a route file reading one decoration', () => {
    const plugins: Record<string, string> = {};
    for (let i = 0; i < 12; i++) plugins[`src/app/plugins/p${i}.ts`] = OPENAI_PLUGIN.replace("decorate('openai'", `decorate('ai${i}'`);
    const dir = project({ 'src/main.ts': MAIN, 'src/app/app.ts': APP, ...plugins, 'src/app/routes/openai.ts': ROUTE.replace('fastify.openai.', 'fastify.ai7.') }, '{}');
    const before = parseCount();
    expect(lint(dir, 'src/app/routes/openai.ts')).toEqual(['3 llm-leak/require-auth-for-llm-route']);
    // main.ts, app.ts and the twelve plugins: one parse each. The route file, which the walk reaches too, is read
    // from its lint's own parse.
    expect(parseCount() - before).toBe(14);
  });
});

