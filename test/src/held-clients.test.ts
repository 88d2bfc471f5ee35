/**
 * Model clients held in an object another module exports (issue 11): an object literal, or a config object an
 * immediately-called function builds, with the client at a key the importer reads; and a router exported as the
 * result of its own registration call. Real folders on disk, linted through ESLint's Linter, so the project map reads
 * the other modules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache } from '../../src/project/index.js';
import { lintProjectFile, projectMaker } from '../helpers.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-held-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearProjectCache());

const project = projectMaker(root);
const RULES = ['no-raw-llm-response', 'no-sensitive-logging', 'require-auth-for-llm-route'];

function lint(dir: string, file: string): string[] {
  return lintProjectFile(dir, file, RULES).map((m) => `${m.line} ${m.ruleId?.replace('llm-leak/', '') ?? m.message}`);
}

const PKG = '{ "name": "held", "type": "module" }\n';
const CLIENT = `new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }))`;

/** A Koa route reading the client at `call` (`serverCfg.openai.createChatCompletion`). */
function route(imports: string, call: string): string {
  return [
    `import Router from 'koa-router';`,
    imports,
    `const router = new Router();`,
    `router.post('/completions', async (ctx) => {`,
    `  const response = await ${call}({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: ctx.request.body.msg }] });`,
    `  console.log(response.data.choices[0].message.content);`,
    `  ctx.body = { data: response.data.choices[0].message };`,
    `});`,
    `export default router;`,
    ``,
  ].join('\n');
}

const FOUND = ['4 require-auth-for-llm-route', '6 no-sensitive-logging', '7 no-raw-llm-response'];

/** config/index.js: a config object an immediately-called function builds, holding `client` at `openai`. */
function iifeConfig(imports: string, client: string): string {
  return [imports, `export const serverCfg = (() => {`, `  const self = {};`, `  self.openai = ${client};`, `  self.log = console;`, `  return self;`, `})();`, ``].join('\n');
}

describe('a client held in an object of another module', () => {
  it('is found in an exported object literal (ESM) and in module.exports (CommonJS)', () => {
    const dir = project({
      'package.json': PKG,
      'config/index.js': `import { Configuration, OpenAIApi } from 'openai';\nexport const serverCfg = { openai: ${CLIENT}, name: 'chat' };\n`,
      'routes/chat.js': route(`import { serverCfg } from '../config/index.js';`, 'serverCfg.openai.createChatCompletion'),
    });
    expect(lint(dir, 'routes/chat.js')).toEqual(FOUND);
    const cjs = project({
      'package.json': '{ "name": "held-cjs" }\n',
      'config.js': `const { Configuration, OpenAIApi } = require('openai');\nconst clients = { openai: ${CLIENT} };\nmodule.exports = { clients };\n`,
      'chat.js': route(`const { clients } = require('./config');`, 'clients.openai.createChatCompletion').replace(`import Router from 'koa-router';`, `const Router = require('koa-router');`).replace('export default router;', 'module.exports = router;'),
    });
    expect(lint(cjs, 'chat.js')).toEqual(FOUND);
  });

  it('is found in a config object an immediately-called function builds', () => {
    const dir = project({
      'package.json': PKG,
      'config/index.js': iifeConfig(`import { Configuration, OpenAIApi } from 'openai';`, CLIENT),
      'routes/chat.js': route(`import { serverCfg } from '../config/index.js';`, 'serverCfg.openai.createChatCompletion'),
    });
    expect(lint(dir, 'routes/chat.js')).toEqual(FOUND);
  });

  it('is not taken from another key of the object, nor from an object whose methods are what callers use', () => {
    // `serverCfg.other` holds no client: a call on it is no model call.
    const other = project({
      'package.json': PKG,
      'config/index.js': `import { Configuration, OpenAIApi } from 'openai';\nexport const serverCfg = { openai: ${CLIENT}, other: { createChatCompletion: async () => ({ data: {} }) } };\n`,
      'routes/chat.js': route(`import { serverCfg } from '../config/index.js';`, 'serverCfg.other.createChatCompletion'),
    });
    expect(lint(other, 'routes/chat.js')).toEqual([]);
    // `{ client, ask }`: the summary keeps `ask`, the method that reaches the model, as it did before.
    const service = project({
      'package.json': PKG,
      'services/ai.js': [
        `import OpenAI from 'openai';`,
        `const client = new OpenAI();`,
        `async function ask(q) {`,
        `  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });`,
        `  return r;`,
        `}`,
        `export const ai = { client, ask };`,
        ``,
      ].join('\n'),
      'routes/chat.js': [
        `import Router from 'koa-router';`,
        `import { ai } from '../services/ai.js';`,
        `const router = new Router();`,
        `router.post('/completions', async (ctx) => {`,
        `  const r = await ai.ask(ctx.request.body.msg);`,
        `  ctx.body = r;`,
        `});`,
        `export default router;`,
        ``,
      ].join('\n'),
    });
    expect(lint(service, 'routes/chat.js')).toEqual(['4 require-auth-for-llm-route', '6 no-raw-llm-response']);
  });
});

describe('a router exported as its own registration call', () => {
  const app = (auth: boolean) => [
    `import Koa from 'koa';`,
    `import chat from './routes/chat.js';`,
    `import { requireUser } from './auth.js';`,
    `const app = new Koa();`,
    ...(auth ? [`app.use(requireUser);`] : []),
    `app.use(chat.routes());`,
    `app.listen(3000);`,
    ``,
  ].join('\n');
  const AUTH = `export async function requireUser(ctx, next) {\n  const token = ctx.headers.authorization;\n  if (!token || token !== process.env.API_TOKEN) { ctx.status = 401; return; }\n  await next();\n}\n`;
  const CHAT = [
    `import Router from 'koa-router';`,
    `import OpenAI from 'openai';`,
    `const openai = new OpenAI();`,
    `const router = new Router();`,
    `export default router.post('/completions', async (ctx) => {`,
    `  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ctx.request.body.msg }] });`,
    `  ctx.body = { text: r.choices[0].message.content };`,
    `});`,
    ``,
  ].join('\n');

  it('is mounted where the app mounts it: behind the app-wide auth, or open without it', () => {
    const behind = project({ 'package.json': PKG, 'app.js': app(true), 'auth.js': AUTH, 'routes/chat.js': CHAT });
    expect(lint(behind, 'routes/chat.js')).toEqual([]);
    const open = project({ 'package.json': PKG, 'app.js': app(false), 'auth.js': AUTH, 'routes/chat.js': CHAT });
    expect(lint(open, 'routes/chat.js')).toEqual(['5 require-auth-for-llm-route']);
  });
});

describe('a client in a field of another module\'s class', () => {
  const PROVIDER = [
    `import { Configuration, OpenAIApi } from 'openai';`,
    `export default class Openai {`,
    `  constructor(opts = {}) {`,
    `    this.openai = new OpenAIApi(new Configuration({ apiKey: opts.key }));`,
    `  }`,
    `}`,
    ``,
  ].join('\n');

  it('is found where an instance hands its field on (`new Openai(...).openai`), through a config object', () => {
    const dir = project({
      'package.json': PKG,
      'lib/openai.js': PROVIDER,
      'config/index.js': iifeConfig(`import Openai from '../lib/openai.js';`, 'new Openai({ key: process.env.OPENAI_API_KEY }).openai'),
      'routes/chat.js': route(`import { serverCfg } from '../config/index.js';`, 'serverCfg.openai.createChatCompletion'),
    });
    expect(lint(dir, 'routes/chat.js')).toEqual(FOUND);
  });

  it('does not make an instance handed to a helper a model call, nor what is read off it a prompt', () => {
    const dir = project({
      'package.json': PKG,
      'lib/openai.js': PROVIDER.replace('export default class Openai {', 'export default class Openai {\n  async ask(q) {\n    const r = await this.openai.createChatCompletion({ model: \'gpt-3.5-turbo\', messages: [{ role: \'user\', content: q }] });\n    return r.data.choices[0].message.content;\n  }'),
      'lib/abort.js': `export function abortOnDisconnect(res, connector) {\n  connector.signal = new AbortController().signal;\n  return connector;\n}\n`,
      'routes/chat.js': [
        `import Router from 'koa-router';`,
        `import Openai from '../lib/openai.js';`,
        `import { abortOnDisconnect } from '../lib/abort.js';`,
        `import { requireUser } from '../lib/auth.js';`,
        `const router = new Router();`,
        `router.post('/completions', requireUser, async (ctx) => {`,
        `  const connector = new Openai({ key: process.env.OPENAI_API_KEY });`,
        `  abortOnDisconnect(ctx.res, connector);`,
        `  console.log(\`using \${connector.constructor.name}\`);`,
        `  ctx.body = { text: await connector.ask(String(ctx.request.body.msg).slice(0, 2000)) };`,
        `});`,
        `export default router;`,
        ``,
      ].join('\n'),
      'lib/auth.js': `export async function requireUser(ctx, next) {\n  if (ctx.headers.authorization !== process.env.API_TOKEN) { ctx.status = 401; return; }\n  await next();\n}\n`,
    });
    expect(lint(dir, 'routes/chat.js')).toEqual([]);
  });
});

describe('routers mounted by a loop over a namespace import', () => {
  const ROUTES = `export { default as chat } from './chat.js';\nexport { default as health } from './health.js';\n`;
  const HEALTH = `import Router from 'koa-router';\nconst router = new Router();\nrouter.get('/health', (ctx) => { ctx.body = 'ok'; });\nexport default router;\n`;
  const CHAT = route(`import { Configuration, OpenAIApi } from 'openai';\nconst openai = ${CLIENT};`, 'openai.createChatCompletion');
  const AUTH = `export async function requireUser(ctx, next) {\n  if (ctx.headers.authorization !== process.env.API_TOKEN) { ctx.status = 401; return; }\n  await next();\n}\n`;
  const app = (auth: boolean, loop: string) => [
    `import Koa from 'koa';`,
    `import * as routes from './routes/index.js';`,
    `import { requireUser } from './auth.js';`,
    `const app = new Koa();`,
    ...(auth ? [`app.use(requireUser);`] : []),
    loop,
    `app.listen(3000);`,
    ``,
  ].join('\n');
  const LOOPS = [
    `Object.keys(routes).forEach((k) => {\n  app.use(routes[k].routes()).use(routes[k].allowedMethods());\n});`,
    `for (const k in routes) app.use(routes[k].routes());`,
    `Object.values(routes).forEach((r) => app.use(r.routes()));`,
    `for (const r of Object.values(routes)) app.use(r.routes());`,
  ];

  it.each(LOOPS)('follows %s to every export, behind the app-wide auth or not', (loop) => {
    const files = { 'package.json': PKG, 'auth.js': AUTH, 'routes/index.js': ROUTES, 'routes/chat.js': CHAT, 'routes/health.js': HEALTH };
    expect(lint(project({ ...files, 'app.js': app(true, loop) }), 'routes/chat.js')).toEqual(['7 no-sensitive-logging', '8 no-raw-llm-response']);
    expect(lint(project({ ...files, 'app.js': app(false, loop) }), 'routes/chat.js')).toEqual(['5 require-auth-for-llm-route', '7 no-sensitive-logging', '8 no-raw-llm-response']);
  });

  it('does not take a loop over another object for one over the namespace', () => {
    const files = { 'package.json': PKG, 'auth.js': AUTH, 'routes/index.js': ROUTES, 'routes/chat.js': CHAT, 'routes/health.js': HEALTH };
    const other = `const others = { a: 1 };\nObject.keys(others).forEach((k) => app.use(routes[k].routes()));`;
    // The chat router's mount is not known: the route is reported with the weaker message, as before.
    const got = lintProjectFile(project({ ...files, 'app.js': app(true, other) }), 'routes/chat.js', RULES);
    expect(got.find((m) => m.ruleId === 'llm-leak/require-auth-for-llm-route')?.message).toMatch(/no app entry was found/);
  });
});

describe('a client handed to a helper of another module', () => {
  it('makes a model call of the hand-off, whose arguments are not the prompt', () => {
    const dir = project({
      'package.json': PKG,
      'lib/abort.js': `export function abortOnDisconnect(res, client) {\n  res.on('close', () => client.abort?.());\n  return client;\n}\n`,
      'server.js': [
        `import express from 'express';`,
        `import OpenAI from 'openai';`,
        `import { abortOnDisconnect } from './lib/abort.js';`,
        `const app = express();`,
        `const openai = new OpenAI();`,
        `app.post('/stream', (req, res) => {`,
        `  abortOnDisconnect(res, openai);`,
        `  console.log('client', openai.baseURL, 'status', res.statusCode);`,
        `  res.end();`,
        `});`,
        `app.listen(3000);`,
        ``,
      ].join('\n'),
    });
    // The route reaches a model through the helper (no auth in front of it); its log holds no prompt.
    expect(lint(dir, 'server.js')).toEqual(['6 require-auth-for-llm-route']);
  });
});

describe('response methods the app\'s middleware installs', () => {
  const RESPONSE = [
    `const codes = { Success: 200, CallServiceError: 500 };`,
    `module.exports = () => {`,
    `  const send = function (code, data) {`,
    `    this.status = codes[code] ?? 500;`,
    `    this.body = code === 'Success' ? { data } : { error: data };`,
    `  };`,
    `  const log = (...args) => console.log(...args);`,
    `  const mailer = { send: (text) => console.log('mail', text) };`,
    `  return async (ctx, next) => {`,
    `    ctx.send = send.bind(ctx);`,
    `    ctx.note = log;`,
    `    ctx.notify = (text) => mailer.send(text);`,
    `    await next();`,
    `  };`,
    `};`,
    ``,
  ].join('\n');
  const APP = (use: string) => [
    `const Koa = require('koa');`,
    `const resMsg = require('./lib/response');`,
    `const chat = require('./routes/chat');`,
    `const app = new Koa();`,
    use,
    `app.use(chat.routes());`,
    `app.listen(3000);`,
    ``,
  ].join('\n');
  const CHAT = [
    `const Router = require('koa-router');`,
    `const { Configuration, OpenAIApi } = require('openai');`,
    `const openai = ${CLIENT};`,
    `const router = new Router();`,
    `router.post('/completions', async (ctx) => {`,
    `  try {`,
    `    const response = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: String(ctx.request.body.msg).slice(0, 2000) }] });`,
    `    if (response.status !== 200) return ctx.send('CallServiceError', response.statusText);`,
    `    ctx.send('Success', { data: response.data.choices[0].message });`,
    `  } catch (e) {`,
    `    ctx.note('chat failed', e.stack);`,
    `    ctx.notify(e.stack);`,
    `    ctx.send('CallServiceError', e.stack);`,
    `  }`,
    `});`,
    `module.exports = router;`,
    ``,
  ].join('\n');
  const PKG_CJS = '{ "name": "responders" }\n';
  const RAW_RULES = ['no-raw-llm-response', 'no-error-details-to-client'];
  const lintSends = (dir: string): string[] => lintProjectFile(dir, 'routes/chat.js', RAW_RULES).map((m) => `${m.line} ${m.ruleId?.replace('llm-leak/', '')}`);
  /** An Express app applying `lib/<mw>.js`, and its chat router whose handler body (after the completion) is `body`. */
  const expressApp = (mw: string, middleware: string, body: readonly string[]): Record<string, string> => ({
    'package.json': PKG_CJS,
    [`lib/${mw}.js`]: middleware,
    'app.js': `const express = require('express');\nconst ${mw} = require('./lib/${mw}');\nconst chat = require('./routes/chat');\nconst app = express();\napp.use(${mw});\napp.use('/api', chat);\napp.listen(3000);\n`,
    'routes/chat.js': [
      `const express = require('express');`,
      `const OpenAI = require('openai');`,
      `const openai = new OpenAI();`,
      `const router = express.Router();`,
      `router.post('/chat', async (req, res) => {`,
      ...body,
      `});`,
      `module.exports = router;`,
      ``,
    ].join('\n'),
  });
  const COMPLETION = `const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.body.q).slice(0, 2000) }] });`;

  it('sends the arguments of ctx.send when the app applies the middleware that installs it (Koa)', () => {
    const dir = project({ 'package.json': PKG_CJS, 'lib/response.js': RESPONSE, 'app.js': APP('app.use(resMsg());'), 'routes/chat.js': CHAT });
    // The completion's message and the error's stack; not the HTTP status text, nor what `note` (a logger) or
    // `notify` (a mailer's `send`, not the response's) is given.
    expect(lintSends(dir)).toEqual(['9 no-raw-llm-response', '13 no-error-details-to-client']);
  });

  it('does not take ctx.send for a sink when the app does not apply that middleware', () => {
    const dir = project({ 'package.json': PKG_CJS, 'lib/response.js': RESPONSE, 'app.js': APP('// responses are set by hand'), 'routes/chat.js': CHAT });
    expect(lintSends(dir)).toEqual([]);
  });

  it('sends the argument of res.success installed by an Express middleware', () => {
    const respond = `module.exports = function respond(req, res, next) {\n  res.success = (data) => res.json({ ok: true, data });\n  next();\n};\n`;
    expect(lintSends(project(expressApp('respond', respond, [`  ${COMPLETION}`, `  res.success(completion);`])))).toEqual(['7 no-raw-llm-response']);
  });

  it('reads res.success from the middleware on the route\'s way, not from a sibling router that applies it', () => {
    const respond = `module.exports = function respond(req, res, next) {\n  res.success = (data) => res.json({ ok: true, data });\n  next();\n};\n`;
    const files = expressApp('respond', respond, [`  ${COMPLETION}`, `  res.success(completion);`]);
    // admin.js applies respond to its own requests only; app.js no longer applies it to every route.
    files['app.js'] = `const express = require('express');\nconst admin = require('./routes/admin');\nconst chat = require('./routes/chat');\nconst app = express();\napp.use('/admin', admin);\napp.use('/api', chat);\napp.listen(3000);\n`;
    files['routes/admin.js'] = `const express = require('express');\nconst respond = require('../lib/respond');\nconst router = express.Router();\nrouter.use(respond);\nrouter.get('/ping', (req, res) => res.success('pong'));\nmodule.exports = router;\n`;
    expect(lintSends(project(files))).toEqual([]);
    // Applied by the chat router itself, it is on the way.
    const chat = files['routes/chat.js']!;
    files['routes/chat.js'] = chat.replace(`const router = express.Router();`, `const respond = require('../lib/respond');\nconst router = express.Router();\nrouter.use(respond);`);
    expect(lintSends(project(files))).toEqual(['9 no-raw-llm-response']);
    // Required where it is applied.
    files['routes/chat.js'] = chat.replace(`const router = express.Router();`, `const router = express.Router();\nrouter.use(require('../lib/respond'));`);
    expect(lintSends(project(files))).toEqual(['8 no-raw-llm-response']);
  });

  it("sends the argument of res['success'] installed by an Express middleware (a computed member)", () => {
    const respond = `module.exports = function respond(req, res, next) {\n  res['success'] = (data) => res.json({ ok: true, data });\n  next();\n};\n`;
    expect(lintSends(project(expressApp('respond', respond, [`  ${COMPLETION}`, `  res.success(completion);`])))).toEqual(['7 no-raw-llm-response']);
  });

  it('reports once where a middleware wraps res.json itself', () => {
    const timing = `module.exports = function timing(req, res, next) {\n  res.json = (body) => { res.set('x-time', String(Date.now())); return res.type('json').send(JSON.stringify(body)); };\n  next();\n};\n`;
    const body = [`  try {`, `    ${COMPLETION}`, `    res.json(completion);`, `  } catch (e) {`, `    res.status(500).json({ error: e.message });`, `  }`];
    expect(lintSends(project(expressApp('timing', timing, body)))).toEqual(['8 no-raw-llm-response', '10 no-error-details-to-client']);
  });
});
