/**
 * Apps and routers handed to functions (issue 11 item 3): `function chatEndpoints(app) { app.post(...) }` exported
 * from endpoints/chat.js and called as `chatEndpoints(apiRouter)` by the entry. The parameter is that router in
 * endpoints/chat.js: its routes are routes, with the mount path and the auth in front of the router it was handed.
 * Decided from the calls (the project map, or a call in the same file), never from the parameter's name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lintProjectFile, projectMaker } from '../helpers.js';
import { clearProjectCache } from '../../src/project/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-app-params-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearProjectCache());

const project = projectMaker(root);
const CJS = '{"type":"commonjs"}';
const RULES = ['require-auth-for-llm-route', 'no-raw-llm-response', 'no-error-details-to-client'];

/** "line rule: message start" for each report on `file` of the project `dir`. */
function lint(dir: string, file: string): string[] {
  const messages = lintProjectFile(dir, file, RULES);
  // require-auth: the route as reported, and whether it names the mount that leaves it open.
  const route = (msg: string): string => `: ${msg.split(' calls a model')[0]}${/ is mounted at /.test(msg) ? ' (mounted)' : ''}`;
  return messages.map((m) => `${m.line} ${m.ruleId ?? m.message}${m.ruleId === 'llm-leak/require-auth-for-llm-route' ? route(m.message) : ''}`);
}

/** endpoints/chat.js: a CommonJS function registering a model route on the app or router it is handed. */
const CHAT_CJS = (guard = '', middleware = '') => `const OpenAI = require('openai');
const openai = new OpenAI();
${guard}
function chatEndpoints(app) {
  if (!app) return;
  app.post('/chat', ${middleware}async (req, res) => {
    try {
      const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
      res.json(c);
    } catch (e) {
      res.status(500).json({ error: e.message });
    }
  });
}
module.exports = { chatEndpoints };
`;

const REPORTS = [
  '6 llm-leak/require-auth-for-llm-route: POST /api/chat (mounted)',
  '9 llm-leak/no-raw-llm-response',
  '11 llm-leak/no-error-details-to-client',
];

/** index.js: an Express entry that hands `apiRouter` to chatEndpoints after the lines `setup`. */
const ENTRY_CJS = (setup: string, call = 'chatEndpoints(apiRouter);') => `const express = require('express');
const { expressjwt } = require('express-jwt');
const { chatEndpoints } = require('./endpoints/chat');
const requireAuth = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] });
const app = express();
const apiRouter = express.Router();
${setup}
${call}
app.listen(3000);
`;

describe('a router handed to an exported function by the entry', () => {
  it('Invalid because the router is mounted with no auth: the routes are found, with the mount path (CommonJS)', () => {
    const dir = project({ 'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')).toEqual(REPORTS);
  });

  it('Valid because auth is mounted in front of the router it is handed (require-auth is silent; the other leaks stay)', () => {
    const dir = project({ 'index.js': ENTRY_CJS(`app.use('/api', requireAuth, apiRouter);`), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')).toEqual(REPORTS.slice(1));
  });

  it('Valid because the router uses auth before the call', () => {
    const dir = project({ 'index.js': ENTRY_CJS(`apiRouter.use(requireAuth);\napp.use('/api', apiRouter);`), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')).toEqual(REPORTS.slice(1));
  });

  it('Invalid because the auth is registered on the app after the router is mounted', () => {
    const dir = project({ 'index.js': ENTRY_CJS(`app.use('/api', apiRouter);\napp.use(requireAuth);`), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')).toEqual(REPORTS);
  });

  it('Valid because the function passes auth middleware per route', () => {
    const guard = `const { expressjwt } = require('express-jwt');\nconst requireAuth = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] });`;
    const dir = project({ 'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`), 'endpoints/chat.js': CHAT_CJS(guard, '[requireAuth], ') }, CJS);
    expect(lint(dir, 'endpoints/chat.js').map((r) => r.replace(/^\d+/, ''))).toEqual([' llm-leak/no-raw-llm-response', ' llm-leak/no-error-details-to-client']);
  });

  it('Invalid because the app itself is handed over (no prefix)', () => {
    const dir = project({ 'index.js': ENTRY_CJS('', 'chatEndpoints(app);'), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')[0]).toBe('6 llm-leak/require-auth-for-llm-route: POST /chat (mounted)');
  });

  it('Valid because nothing in the project calls the function: the parameter is not known to be an app', () => {
    const dir = project({ 'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`, ''), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')).toEqual([]);
  });

  it('Valid because the function is handed something that is not an app or router', () => {
    const dir = project({ 'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`, 'chatEndpoints({ post() {} });'), 'endpoints/chat.js': CHAT_CJS() }, CJS);
    expect(lint(dir, 'endpoints/chat.js')).toEqual([]);
  });

  it('Valid because the function handed the router registers no model route', () => {
    const dir = project(
      {
        'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`),
        'endpoints/chat.js': `function chatEndpoints(app) {\n  app.get('/ping', (req, res) => res.json({ ok: true }));\n}\nmodule.exports = { chatEndpoints };\n`,
      },
      CJS,
    );
    expect(lint(dir, 'endpoints/chat.js')).toEqual([]);
  });

  it('Invalid through a chain: the entry hands the router to a function of another module that hands it on', () => {
    const dir = project(
      {
        'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`, 'developerEndpoints(app, apiRouter);').replace(
          "const { chatEndpoints } = require('./endpoints/chat');",
          "const { developerEndpoints } = require('./endpoints/api');",
        ),
        'endpoints/api/index.js': `const { chatEndpoints } = require('../chat');\nfunction developerEndpoints(app, router) {\n  if (!router) return;\n  chatEndpoints(router);\n}\nmodule.exports = { developerEndpoints };\n`,
        'endpoints/chat.js': CHAT_CJS(),
      },
      CJS,
    );
    expect(lint(dir, 'endpoints/chat.js')).toEqual(REPORTS);
  });

  it('Valid through a chain: the middle function puts auth on the router before handing it on', () => {
    const dir = project(
      {
        'index.js': ENTRY_CJS(`app.use('/api', apiRouter);`, 'developerEndpoints(app, apiRouter);').replace(
          "const { chatEndpoints } = require('./endpoints/chat');",
          "const { developerEndpoints } = require('./endpoints/api');",
        ),
        'endpoints/api/index.js': `const { expressjwt } = require('express-jwt');\nconst { chatEndpoints } = require('../chat');\nfunction developerEndpoints(app, router) {\n  router.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));\n  chatEndpoints(router);\n}\nmodule.exports = { developerEndpoints };\n`,
        'endpoints/chat.js': CHAT_CJS(),
      },
      CJS,
    );
    expect(lint(dir, 'endpoints/chat.js')).toEqual(REPORTS.slice(1));
  });

  it('Invalid in ESM: `export function chatRoutes(router)` handed a router mounted at /v1', () => {
    const dir = project({
      'src/app.ts': `import express from 'express';\nimport { chatRoutes } from './routes/chat.js';\nconst app = express();\nconst v1 = express.Router();\napp.use('/v1', v1);\nchatRoutes(v1);\napp.listen(3000);\n`,
      'src/routes/chat.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport function chatRoutes(router) {\n  router.post('/chat', async (req, res) => {\n    const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });\n    res.json({ text: c.choices[0].message.content });\n  });\n}\n`,
    });
    expect(lint(dir, 'src/routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route: POST /v1/chat (mounted)']);
  });

  it('Valid in ESM: the same, with auth in front of the mount', () => {
    const dir = project({
      'src/app.ts': `import express from 'express';\nimport { expressjwt } from 'express-jwt';\nimport { chatRoutes } from './routes/chat.js';\nconst app = express();\nconst v1 = express.Router();\napp.use('/v1', expressjwt({ secret: process.env.S, algorithms: ['HS256'] }), v1);\nchatRoutes(v1);\napp.listen(3000);\n`,
      'src/routes/chat.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport function chatRoutes(router) {\n  router.post('/chat', async (req, res) => {\n    const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });\n    res.json({ text: c.choices[0].message.content });\n  });\n}\n`,
    });
    expect(lint(dir, 'src/routes/chat.ts')).toEqual([]);
  });
});

describe('an app handed to a function of the same file', () => {
  const SAME = (setup: string) => `const express = require('express');
const { expressjwt } = require('express-jwt');
const OpenAI = require('openai');
const openai = new OpenAI();
function routes(app) {
  app.post('/chat', async (req, res) => {
    const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
    res.json({ text: c.choices[0].message.content });
  });
}
const app = express();
${setup}
app.listen(3000);
`;

  it('Invalid because `routes(app)` is called with no auth in front', () => {
    const dir = project({ 'server.js': SAME('routes(app);') }, CJS);
    expect(lint(dir, 'server.js')).toEqual(['6 llm-leak/require-auth-for-llm-route: POST /chat']);
  });

  it('Valid because auth is used on the app before the call, though the function is written above it', () => {
    const dir = project({ 'server.js': SAME(`app.use(expressjwt({ secret: process.env.S, algorithms: ['HS256'] }));\nroutes(app);`) }, CJS);
    expect(lint(dir, 'server.js')).toEqual([]);
  });

  it('Invalid because the auth is used only after the call', () => {
    const dir = project({ 'server.js': SAME(`routes(app);\napp.use(expressjwt({ secret: process.env.S, algorithms: ['HS256'] }));`) }, CJS);
    expect(lint(dir, 'server.js')).toHaveLength(1);
  });

  it('Valid because the function is never called with an app (a parameter named `app` alone says nothing)', () => {
    const dir = project({ 'server.js': SAME('') }, CJS);
    expect(lint(dir, 'server.js')).toEqual([]);
  });
});

describe('other registration-order frameworks', () => {
  const KOA_ROUTES = `import OpenAI from 'openai';
const openai = new OpenAI();
export function chatRoutes(router) {
  router.post('/chat', async (ctx) => {
    const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ctx.request.body.q }] });
    ctx.body = { text: c.choices[0].message.content };
  });
}
`;
  const KOA_APP = (auth: string) => `import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
import { chatRoutes } from './routes.js';
const app = new Koa();
const router = new Router({ prefix: '/api' });
${auth}
chatRoutes(router);
app.use(router.routes());
app.listen(3000);
`;

  it('Invalid because a Koa router handed to chatRoutes has no auth', () => {
    const dir = project({ 'src/app.js': KOA_APP(''), 'src/routes.js': KOA_ROUTES });
    expect(lint(dir, 'src/routes.js')).toEqual(['4 llm-leak/require-auth-for-llm-route: POST /api/chat (mounted)']);
  });

  it('Valid because the Koa router uses koa-jwt before the call', () => {
    const dir = project({ 'src/app.js': KOA_APP('router.use(jwt({ secret: process.env.S }));'), 'src/routes.js': KOA_ROUTES });
    expect(lint(dir, 'src/routes.js')).toEqual([]);
  });
});

describe('a Fastify instance handed to a function (called directly, not registered)', () => {
  const ROUTES = `import OpenAI from 'openai';
const openai = new OpenAI();
export function chatRoutes(fastify) {
  fastify.post('/chat', async (request) => {
    const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: request.body.q }] });
    return { text: c.choices[0].message.content };
  });
}
`;
  const APP = (hook: string) => `import Fastify from 'fastify';
import { chatRoutes } from './routes.js';
const app = Fastify();
${hook}
chatRoutes(app);
app.listen({ port: 3000 });
`;
  const HOOK = `app.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== 'Bearer ' + process.env.TOKEN) return reply.code(401).send();
});`;

  it('Invalid because the instance has no auth hook', () => {
    const dir = project({ 'src/app.js': APP(''), 'src/routes.js': ROUTES });
    expect(lint(dir, 'src/routes.js')).toEqual(['4 llm-leak/require-auth-for-llm-route: POST /chat (mounted)']);
  });

  it('Valid because the instance has an auth hook', () => {
    const dir = project({ 'src/app.js': APP(HOOK), 'src/routes.js': ROUTES });
    expect(lint(dir, 'src/routes.js')).toEqual([]);
  });

  it('Invalid in one file: `chatRoutes(app)` with no hook; valid with one', () => {
    const same = (hook: string) => `${ROUTES.replace('export function', 'function')}${APP(hook).replace("import { chatRoutes } from './routes.js';\n", '')}`;
    expect(lint(project({ 'src/server.js': same('') }), 'src/server.js')).toEqual(['4 llm-leak/require-auth-for-llm-route: POST /chat']);
    expect(lint(project({ 'src/server.js': same(HOOK) }), 'src/server.js')).toEqual([]);
  });
});
