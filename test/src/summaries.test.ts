/**
 * Module summaries (issue 11): a route file that uses a client, a client factory or a model function exported by
 * another file of the project is analysed as if the call were written there. Real folders on disk, linted with the
 * plugin's rules through ESLint's Linter as a lint run would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { lintProjectFile, projectMaker } from '../helpers.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache, parseCount, setOneShotRun } from '../../src/project/index.js';
import { getModel } from '../../src/model.js';
import { opCounts, opsSince } from '../../src/counters.js';
import tsParser from '@typescript-eslint/parser';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-summaries-'));
afterAll(() => process.env.KEEP ? console.log("ROOT", root) : fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearProjectCache());

/** A fresh project folder with these files. */
const project = projectMaker(root);

const RULES = ['require-auth-for-llm-route', 'no-raw-llm-response', 'require-output-limit', 'no-secrets-in-prompt', 'no-sensitive-logging'];

/** "line rule" for each report on `file` of the project `dir`. */
function lint(dir: string, file: string, linter = new Linter({ cwd: dir, configType: 'flat' }), rules = RULES): string[] {
  return lintProjectFile(dir, file, rules, linter).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
}

const ROUTE = (imports: string, call: string, send = 'res.json({ answer })'): string =>
  `import express from 'express';
${imports}
const router = express.Router();
router.post('/chat', async (req, res) => {
  const answer = ${call};
  ${send};
});
export default router;
`;

describe('a client exported by another module', () => {
  it('ESM: `export const openai = new OpenAI()` in lib/openai.ts, imported with a .js specifier', () => {
    const dir = project({
      'lib/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'routes/chat.ts': ROUTE(
        `import { openai } from '../lib/openai.js';`,
        `await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'user', content: req.body.q }] })`,
        'res.json(answer)',
      ),
    });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
  });

  it('a default export, and a namespace import', () => {
    const dir = project({
      'lib/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';\nexport default new Anthropic();\n`,
      'lib/all.ts': `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport { client };\n`,
      'routes/a.ts': ROUTE(
        `import anthropic from '../lib/anthropic.js';`,
        `await anthropic.messages.create({ model: 'x', max_tokens: 10, messages: [{ role: 'user', content: req.body.q }] })`,
        'res.json(answer)',
      ),
      'routes/b.ts': ROUTE(
        `import * as ai from '../lib/all.js';`,
        `(await ai.client.chat.completions.create({ model: 'x', max_tokens: 5, messages: [] })).choices[0].message.content`,
      ),
    });
    expect(lint(dir, 'routes/a.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    expect(lint(dir, 'routes/b.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('CommonJS: `module.exports = new OpenAI()` and a destructured require of `exports.llm`', () => {
    const dir = project(
      {
        'lib/openai.js': `const OpenAI = require('openai');\nmodule.exports = new OpenAI();\n`,
        'lib/more.js': `const OpenAI = require('openai');\nexports.llm = new OpenAI();\n`,
        'routes/chat.js': `const express = require('express');
const openai = require('../lib/openai');
const { llm } = require('../lib/more');
const router = express.Router();
router.post('/a', async (req, res) => {
  res.json(await openai.chat.completions.create({ model: 'x', max_tokens: 5, messages: [] }));
});
router.post('/b', async (req, res) => {
  const c = await llm.chat.completions.create({ model: 'x', messages: [] });
  res.json({ text: c.choices[0].message.content });
});
module.exports = router;
`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual([
      '5 llm-leak/require-auth-for-llm-route',
      '6 llm-leak/no-raw-llm-response',
      '8 llm-leak/require-auth-for-llm-route',
      '9 llm-leak/require-output-limit',
    ]);
  });

  it('a client factory: `export function getOpenAI() { return client }`', () => {
    const dir = project({
      'lib/openai.ts': `import OpenAI from 'openai';\nlet client: OpenAI | undefined;\nexport function getOpenAI() {\n  client ??= new OpenAI();\n  return client;\n}\nexport const make = () => new OpenAI();\n`,
      'routes/chat.ts': ROUTE(
        `import { getOpenAI, make } from '../lib/openai.js';`,
        `await getOpenAI().chat.completions.create({ model: 'x', max_tokens: 5, messages: [] }); await make().responses.create({ model: 'x', max_output_tokens: 5, input: 'hi' })`,
        'res.json(answer)',
      ),
    });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
  });

  it('a LangChain model exported with its setup options: the limit set there is unknown, not missing', () => {
    const dir = project({
      'lib/llm.ts': `import { ChatOpenAI } from '@langchain/openai';\nexport const llm = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 100 });\n`,
      'routes/chat.ts': ROUTE(`import { llm } from '../lib/llm.js';`, `(await llm.invoke(req.body.q)).content`),
    });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });
});

describe('a model function exported by another module', () => {
  const SERVICE = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(prompt: string) {
  const c = await openai.chat.completions.create({ model: 'x', max_tokens: 50, messages: [{ role: 'user', content: prompt }] });
  return c.choices[0].message.content;
}
export const askRaw = async (prompt: string) => {
  const completion = await openai.chat.completions.create({ model: 'x', max_tokens: 50, messages: [{ role: 'user', content: prompt }] });
  return completion;
};
export function unrelated(x: string) { return x.trim(); }
export async function store(prompt: string) {
  const c = await openai.chat.completions.create({ model: 'x', max_tokens: 50, messages: [{ role: 'user', content: prompt }] });
  await save(c.id);
  return { saved: true, at: Date.now() };
}
async function save(id: string) { return id; }
`;

  it('returning text: the route calls a model, but sending the answer is not a raw response', () => {
    const dir = project({ 'services/ai.ts': SERVICE, 'routes/chat.ts': ROUTE(`import { ask } from '../services/ai.js';`, 'await ask(req.body.q)', 'res.json({ answer })') });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('returning the whole completion: sending it is a raw response', () => {
    const dir = project({ 'services/ai.ts': SERVICE, 'routes/chat.ts': ROUTE(`import { askRaw } from '../services/ai.js';`, 'req.body.q', 'res.json(await askRaw(answer))') });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
  });

  it('returning one part of the completion through a service in between: the part is what is sent (CommonJS, Koa)', () => {
    const LLM = `const OpenAI = require('openai');
const client = new OpenAI();
async function generateResponse(messages) {
  const response = await client.chat.completions.create({ model: 'x', max_tokens: 50, messages });
  return response.choices[0].message;
}
module.exports = { generateResponse };
`;
    const CHAT = `const { generateResponse } = require('./llm.js');
exports.reply = async function reply(text) {
  const message = await generateResponse([{ role: 'user', content: text }]);
  return message;
};
`;
    const controller = (send: string): string => `const Router = require('@koa/router');
const { reply } = require('../services/chat.js');
const router = new Router();
router.post('/chat', async (ctx) => {
  const message = await reply(ctx.request.body.q);
  ctx.body = ${send};
});
module.exports = router;
`;
    const pkg = '{"type":"commonjs"}';
    const whole = project({ 'services/llm.js': LLM, 'services/chat.js': CHAT, 'routes/chat.js': controller('{ message }') }, pkg);
    const messages = lintProjectFile(whole, 'routes/chat.js', ['no-raw-llm-response']);
    expect(messages.map((m) => `${m.line} ${m.message}`)).toEqual([
      '6 The choices[0].message of the OpenAI completion is sent to the client; send only the generated text.',
    ]);
    // Its text is the generated text.
    const text = project({ 'services/llm.js': LLM, 'services/chat.js': CHAT, 'routes/chat.js': controller('{ text: message.content }') }, pkg);
    expect(lint(text, 'routes/chat.js', undefined, ['no-raw-llm-response'])).toEqual([]);
    // Two different parts returned on two paths: nothing known of the value.
    const mixed = LLM.replace('return response.choices[0].message;', 'return messages.length > 1 ? response.choices[0].message : response.usage;');
    const either = project({ 'services/llm.js': mixed, 'services/chat.js': CHAT, 'routes/chat.js': controller('{ message }') }, pkg);
    expect(lint(either, 'routes/chat.js', undefined, ['no-raw-llm-response'])).toEqual([]);
  });

  it('returning something else: the route calls a model, and its value is no model result', () => {
    const dir = project({
      'services/ai.ts': SERVICE,
      'routes/chat.ts': ROUTE(`import { store } from '../services/ai.js';`, 'await store(req.body.q)', 'console.log(answer); res.json(answer)'),
    });
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    expect(lint(dir, 'routes/chat.ts', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route']);
    const text = project({
      'services/ai.ts': SERVICE,
      'routes/chat.ts': ROUTE(`import { ask } from '../services/ai.js';`, 'await ask(req.body.q)', 'console.log(answer); res.json(answer)'),
    });
    // The same route with a function that returns generated text: logging it is reported.
    expect(lint(text, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-sensitive-logging']);
  });

  it('a function that calls no model is no model call; neither is a call through a namespace of one', () => {
    const dir = project({
      'services/ai.ts': SERVICE,
      'routes/chat.ts': ROUTE(`import * as ai from '../services/ai.js';`, `ai.unrelated(req.body.q)`, 'res.json({ answer, raw: await ai.askRaw(answer) })'),
      'routes/other.ts': ROUTE(`import { unrelated } from '../services/ai.js';`, `unrelated(req.body.q)`),
    });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    expect(lint(dir, 'routes/other.ts')).toEqual([]);
  });

  it('CommonJS: `module.exports = { ask }` required whole and destructured', () => {
    const dir = project(
      {
        'services/ai.js': `const OpenAI = require('openai');
const openai = new OpenAI();
async function ask(prompt) {
  const c = await openai.chat.completions.create({ model: 'x', max_tokens: 50, messages: [{ role: 'user', content: prompt }] });
  return c;
}
module.exports = { ask };
`,
        'routes/chat.js': `const express = require('express');
const ai = require('../services/ai');
const { ask } = require('../services/ai');
const router = express.Router();
router.post('/a', async (req, res) => res.json(await ai.ask(req.body.q)));
router.post('/b', async (req, res) => res.json(await ask(req.body.q)));
module.exports = router;
`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual([
      '5 llm-leak/require-auth-for-llm-route',
      '5 llm-leak/no-raw-llm-response',
      '6 llm-leak/require-auth-for-llm-route',
      '6 llm-leak/no-raw-llm-response',
    ]);
  });
});

describe('objects and service classes exported by another module', () => {
  it('an instance of a service class that keeps its client in a field, and an object of functions', () => {
    const dir = project({
      'services/ai.ts': `import OpenAI from 'openai';
class AiService {
  private client = new OpenAI();
  async ask(q: string) {
    const c = await this.client.chat.completions.create({ model: 'x', max_tokens: 9, messages: [{ role: 'user', content: q }] });
    return c;
  }
  name() { return 'ai'; }
}
export const aiService = new AiService();
const openai = new OpenAI();
async function text(q: string) {
  const c = await openai.chat.completions.create({ model: 'x', max_tokens: 9, messages: [{ role: 'user', content: q }] });
  return c.choices[0].message.content;
}
export const helpers = { text, async plain(x: string) { return x; } };
`,
      'routes/a.ts': ROUTE(`import { aiService } from '../services/ai.js';`, 'await aiService.ask(req.body.q)', 'res.json(answer)'),
      'routes/b.ts': ROUTE(`import { helpers } from '../services/ai.js';`, 'await helpers.text(req.body.q)', 'res.json(answer)'),
      'routes/c.ts': ROUTE(`import { aiService, helpers } from '../services/ai.js';`, 'aiService.name() + await helpers.plain(req.body.q)', 'res.json(answer)'),
    });
    expect(lint(dir, 'routes/a.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    expect(lint(dir, 'routes/b.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
    expect(lint(dir, 'routes/c.ts')).toEqual([]);
  });

  it('CommonJS: `module.exports = new AiService()`', () => {
    const dir = project(
      {
        'services/ai.js': `const OpenAI = require('openai');
class AiService {
  constructor() { this.client = new OpenAI(); }
  async ask(q) {
    const c = await this.client.chat.completions.create({ model: 'x', max_tokens: 9, messages: [{ role: 'user', content: q }] });
    return c.choices[0].message.content;
  }
}
module.exports = new AiService();
`,
        'routes/chat.js': `const express = require('express');
const ai = require('../services/ai');
const router = express.Router();
router.post('/a', async (req, res) => res.json({ answer: await ai.ask(req.body.q) }));
module.exports = router;
`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });
});

describe('what stays unknown', () => {
  it('an import that does not resolve and a third-party package stay silent; a barrel re-export is followed', () => {
    const dir = project({
      'node_modules/ai-helpers/package.json': JSON.stringify({ name: 'ai-helpers', main: 'index.js' }),
      'node_modules/ai-helpers/index.js': `const OpenAI = require('openai');\nexports.ask = async (p) => new OpenAI().chat.completions.create({ messages: [] });\n`,
      'lib/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'lib/index.ts': `export { openai } from './openai.js';\n`,
      'routes/a.ts': ROUTE(`import { ask } from '../services/missing.js';`, 'await ask(req.body.q)', 'res.json(answer)'),
      'routes/b.ts': ROUTE(`import { ask } from 'ai-helpers';`, 'await ask(req.body.q)', 'res.json(answer)'),
      'routes/c.ts': ROUTE(`import { openai } from '../lib/index.js';`, `await openai.chat.completions.create({ messages: [] })`, 'res.json(answer)'),
    });
    for (const f of ['routes/a.ts', 'routes/b.ts']) expect(lint(dir, f), f).toEqual([]);
    // lib/index.ts passes lib/openai.ts's client on: the summary is the defining module's.
    expect(lint(dir, 'routes/c.ts')).toEqual([
      '4 llm-leak/require-auth-for-llm-route',
      '5 llm-leak/require-output-limit',
      '6 llm-leak/no-raw-llm-response',
    ]);
  });

  it('two modules that import each other: each level reads the one below, and the lint ends', () => {
    const dir = project({
      'a.ts': `import OpenAI from 'openai';\nimport { b } from './b.js';\nexport const client = new OpenAI();\nexport async function a(q: string) { return b(q); }\n`,
      'b.ts': `import express from 'express';
import { client, a } from './a.js';
export async function b(q: string) { return (await client.chat.completions.create({ model: 'x', max_tokens: 5, messages: [{ role: 'user', content: q }] })); }
export const again = a;
const router = express.Router();
router.post('/b', async (req, res) => res.json(await b(req.body.q)));
export default router;
`,
      'routes/chat.ts': ROUTE(`import { a } from '../a.js';\nimport { b } from '../b.js';`, 'await b(req.body.q)', 'res.json(await a(answer))'),
    });
    // Linted, b.ts sees a.ts's client (one level): its route calls a model and sends the whole completion.
    expect(lint(dir, 'b.ts')).toEqual(['6 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    // From the route, b (level 2) calls a's client (level 1), and a (level 2) returns what b (level 1, a's client
    // read at level 0) returns: the whole completion, sent. Levels strictly fall: the lint ends.
    expect(lint(dir, 'routes/chat.ts')).toEqual(['5 llm-leak/require-auth-for-llm-route', '7 llm-leak/no-raw-llm-response']);
    expect(lint(dir, 'a.ts')).toEqual([]);
  });
});

describe('through several modules', () => {
  const CLIENT = `const OpenAI = require('openai');\nmodule.exports = new OpenAI();\n`;
  const SERVICE = `const openai = require('../config/openai');\nexports.ask = async (q) => {\n  const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return r.choices[0].message.content;\n};\n`;
  const ROUTER = (use: string): string =>
    `const express = require('express');\nconst chat = require('${use}');\nconst router = express.Router();\nrouter.post('/chat', async (req, res) => {\n  const text = await chat.reply(req.body.q);\n  res.json({ text });\n});\nmodule.exports = router;\n`;

  it('route → service → client (CommonJS, two levels): the route calls a model', () => {
    const dir = project(
      {
        'config/openai.js': CLIENT,
        'services/ai.js': SERVICE,
        'routes/chat.js': ROUTER('../services/ai').replace('chat.reply', 'chat.ask'),
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('route → controller → service → the module that makes the client (the layered app): the route calls a model', () => {
    const dir = project(
      {
        'config/openai.js': CLIENT,
        'services/ai.js': SERVICE,
        'controllers/chat.js': `const { ask } = require('../services/ai');\nexports.reply = (q) => ask(q);\n`,
        'routes/chat.js': ROUTER('../controllers/chat'),
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('a service that calls the model and returns a document of a database model module still reaches the model', () => {
    const dir = project(
      {
        'config/openai.js': CLIENT,
        'models/course.js': `const mongoose = require('mongoose');\nmodule.exports = mongoose.model('Course', new mongoose.Schema({ title: String }));\n`,
        'services/course.js': `const openai = require('../config/openai');\nconst Course = require('../models/course');\nexports.generate = async (topic) => {\n  const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: topic }] });\n  const course = new Course({ title: r.choices[0].message.content });\n  await course.save();\n  return course;\n};\n`,
        'controllers/course.js': `const courseService = require('../services/course');\nexports.generate = async (req, res, next) => {\n  try {\n    res.json({ course: await courseService.generate(req.body.topic) });\n  } catch (e) {\n    next(e);\n  }\n};\n`,
        'routes/course.js': `const express = require('express');\nconst courseController = require('../controllers/course');\nconst router = express.Router();\nrouter.post('/generate', courseController.generate);\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/course.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('ESM, as an app generator lays it out: a route registers the controller\'s handler, the client in lib/', () => {
    const dir = project({
      'lib/openai.js': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'services/ai.js': `import { openai } from '../lib/openai.js';\nexport async function ask(q) {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return c.choices[0].message.content;\n}\n`,
      'controllers/chat.js': `import { ask } from '../services/ai.js';\nexport async function reply(req, res) {\n  res.json({ text: await ask(req.body.q) });\n}\n`,
      'routes/chat.js': `import express from 'express';\nimport * as chat from '../controllers/chat.js';\nconst router = express.Router();\nrouter.post('/chat', chat.reply);\nexport default router;\n`,
    });
    expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('one module more than the bound: a service calling a helper module\'s model function, its client its own', () => {
    const dir = project(
      {
        // The model is called in a function of lib/ai.js: read at the third hop for its clients only.
        'lib/ai.js': `const OpenAI = require('openai');\nconst openai = new OpenAI();\nexports.complete = async (q) => (await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] })).choices[0].message.content;\n`,
        'services/ai.js': `const { complete } = require('../lib/ai');\nexports.ask = (q) => complete(q);\n`,
        'controllers/chat.js': `const { ask } = require('../services/ai');\nexports.reply = (q) => ask(q);\n`,
        'routes/chat.js': ROUTER('../controllers/chat'),
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual([]);
  });

  it('a module none of whose imports hands out a client is built once for the client level and the one below', () => {
    const dir = project(
      {
        'config/limits.js': `exports.limit = 2000;\n`,
        'services/ai.js': `const OpenAI = require('openai');\nconst { limit } = require('../config/limits');\nconst openai = new OpenAI();\nexports.ask = async (q) => (await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: String(q).slice(0, limit) }] })).choices[0].message.content;\n`,
        'routes/chat.js': ROUTER('../services/ai').replace('chat.reply', 'chat.ask'),
      },
      '{"type":"commonjs"}',
    );
    const before = opCounts();
    expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
    const { parses, builds } = opsSince(before);
    // services/ai.js: parsed once, built at level 0 and at the level the route reads (2); level 1 is level 0's facts.
    expect({ parses, builds }).toEqual({ parses: 1, builds: 2 });
  });

  it('barrels that `export *` from each other end, and the defining module is found', () => {
    const dir = project({
      'lib/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'lib/a.ts': `export * from './b.js';\nexport * from './openai.js';\n`,
      'lib/b.ts': `export * from './a.js';\n`,
      'routes/chat.ts': ROUTE(`import { openai } from '../lib/b.js';`, `await openai.chat.completions.create({ model: 'x', max_tokens: 5, messages: [] })`, 'res.json({ answer: answer.choices[0].message.content })'),
    });
    expect(lint(dir, 'routes/chat.ts')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  describe('a module asked at two levels is parsed once', () => {
    // services/ai.js makes its own client and imports a project module, so its levels are built apart.
    const ai = `const OpenAI = require('openai');\nconst { model } = require('../config/models');\nconst openai = new OpenAI();\nexports.ask = async (q) => {\n  const r = await openai.chat.completions.create({ model, max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return r.choices[0].message.content;\n};\n`;
    /** routes/chat.js reads services/ai.js at the top level (2); routes/other.js reads it through the controller, at 1. */
    const app = (controller: string): string =>
      project(
        {
          'config/models.js': `exports.model = 'gpt-4o';\n`,
          'services/ai.js': ai,
          'routes/chat.js': ROUTER('../services/ai').replace('chat.reply', 'chat.ask'),
          'controllers/chat.js': controller,
          'routes/other.js': ROUTER('../controllers/chat'),
        },
        '{"type":"commonjs"}',
      );
    const found = ['4 llm-leak/require-auth-for-llm-route'];

    it('asked at the top level first: the levels below come with that parse', () => {
      // A controller with a model signal of its own, so it is parsed: the only parse of the second lint.
      const dir = app(`const OpenAI = require('openai');\nconst { ask } = require('../services/ai');\nexports.reply = (q) => ask(q);\n`);
      const linter = new Linter({ cwd: dir, configType: 'flat' });
      expect(lint(dir, 'routes/chat.js', linter)).toEqual(found);
      const before = parseCount();
      expect(lint(dir, 'routes/other.js', linter)).toEqual(found);
      expect(parseCount() - before).toBe(1);
    });

    it('asked at a lower level first: in a one-shot run the parse is kept for the level above', () => {
      const dir = app(`const { ask } = require('../services/ai');\nexports.reply = (q) => ask(q);\n`);
      const linter = new Linter({ cwd: dir, configType: 'flat' });
      const parses = (): number => {
        expect(lint(dir, 'routes/other.js', linter)).toEqual(found);
        const before = parseCount();
        expect(lint(dir, 'routes/chat.js', linter)).toEqual(found);
        return parseCount() - before;
      };
      setOneShotRun(true);
      try {
        expect(parses()).toBe(0);
      } finally {
        setOneShotRun(undefined);
      }
      // A long-lived process keeps a lint's parses for that lint only: services/ai.js is parsed again in the next.
      clearProjectCache();
      expect(parses()).toBe(1);
    });
  });

  it('a module whose summary can say nothing is not parsed for it: no model signal in it, nor in what it passes on', () => {
    const dir = project(
      {
        'config/openai.js': CLIENT,
        'services/ai.js': SERVICE,
        // Imports a project module, but neither it nor that module can reach a model: its summary is empty.
        'utils/format.js': `const { limit } = require('./limits');\nexports.clip = (s) => String(s).slice(0, limit);\n`,
        'utils/limits.js': `exports.limit = 2000;\n`,
        // Passes services/ai.js on: read for it (the service reaches the client one level down).
        'services/index.js': `const { ask } = require('./ai');\nmodule.exports = { ask };\n`,
        'routes/chat.js': ROUTER('../services/index').replace('chat.reply', 'chat.ask').replace("const express = require('express');", "const express = require('express');\nconst { clip } = require('../utils/format');").replace('res.json({ text })', 'res.json({ text: clip(text) })'),
      },
      '{"type":"commonjs"}',
    );
    const before = parseCount();
    expect(lint(dir, 'routes/chat.js')).toEqual(['5 llm-leak/require-auth-for-llm-route']);
    // services/index.js, services/ai.js and config/openai.js for the summaries; utils/format.js only for what `clip`
    // hands back of the model output it is given (its error-flow facts), not for a summary; never utils/limits.js.
    expect(parseCount() - before).toBe(4);
  });

  describe('a module below the asked one counts by what its own summary holds, not by its text', () => {
    // Names a model host in a constant (a model signal in its text) and exports no model client or call.
    const CONSTANTS = `exports.OPENAI_BASE = 'https://api.openai.com/v1';\nexports.ask = async (q) => String(q);\n`;
    const ASKING = `const OpenAI = require('openai');\nexports.OPENAI_BASE = 'https://api.openai.com/v1';\nexports.ask = async (q) => {\n  const r = await new OpenAI().chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return r.choices[0].message.content;\n};\n`;
    const files = {
      'config/constants.js': CONSTANTS,
      // A barrel every module imports.
      'config/index.js': `module.exports = require('./constants');\n`,
      'utils/format.js': `const { ask } = require('../config');\nexports.clip = async (q) => (await ask(q)).slice(0, 100);\n`,
      'routes/chat.js': ROUTER('../utils/format').replace('chat.reply', 'chat.clip'),
    };

    it('a constants module naming a model host: read once for its own summary, and what imports it is not parsed', () => {
      const dir = project(files, '{"type":"commonjs"}');
      const before = parseCount();
      expect(lint(dir, 'routes/chat.js')).toEqual([]);
      // config/constants.js alone (its summary is empty): not utils/format.js nor the barrel, which its text would have let through.
      expect(parseCount() - before).toBe(1);
    });

    it('when that module starts calling a model, the route sees it on the next lint in the same process, and not after it stops', () => {
      const dir = project(files, '{"type":"commonjs"}');
      const linter = new Linter({ cwd: dir, configType: 'flat' });
      expect(lint(dir, 'routes/chat.js', linter)).toEqual([]);
      fs.writeFileSync(path.join(dir, 'config/constants.js'), ASKING);
      expect(lint(dir, 'routes/chat.js', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route']);
      fs.writeFileSync(path.join(dir, 'config/constants.js'), CONSTANTS);
      expect(lint(dir, 'routes/chat.js', linter)).toEqual([]);
    });

    it('barrels passing each other on: nothing parsed while none holds a model; a model added below is found', () => {
      const constants = `export const OPENAI_BASE = 'https://api.openai.com/v1';\nexport async function ask(q: string) { return q; }\n`;
      const dir = project({
        'lib/constants.ts': constants,
        'lib/a.ts': `export * from './b.js';\nexport * from './constants.js';\n`,
        'lib/b.ts': `export * from './a.js';\nexport const limit = 5;\n`,
        'lib/format.ts': `import { ask } from './b.js';\nexport async function clip(q: string) { return (await ask(q)).slice(0, 100); }\n`,
        'routes/chat.ts': ROUTE(`import { clip } from '../lib/format.js';`, 'await clip(req.body.q)'),
      });
      const linter = new Linter({ cwd: dir, configType: 'flat' });
      const before = parseCount();
      expect(lint(dir, 'routes/chat.ts', linter)).toEqual([]);
      expect(parseCount() - before).toBe(1);
      fs.writeFileSync(
        path.join(dir, 'lib/constants.ts'),
        `import OpenAI from 'openai';\nexport const OPENAI_BASE = 'https://api.openai.com/v1';\nexport async function ask(q: string) {\n  const r = await new OpenAI().chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return r.choices[0].message.content ?? '';\n}\n`,
      );
      expect(lint(dir, 'routes/chat.ts', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route']);
    });

    it('a whole-project lint parses the constants module once, not once per importer', () => {
      const importers = Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`routes/r${i}.js`, ROUTER('../utils/format').replace('chat.reply', 'chat.clip').replace("'/chat'", `'/r${i}'`)]),
      );
      const dir = project({ ...files, ...importers }, '{"type":"commonjs"}');
      const linter = new Linter({ cwd: dir, configType: 'flat' });
      const before = parseCount();
      for (let i = 0; i < 20; i++) expect(lint(dir, `routes/r${i}.js`, linter)).toEqual([]);
      expect(parseCount() - before).toBe(1);
    });
  });

  it('`module.exports = require(\'./ai\')` passes every export of the module on', () => {
    const dir = project(
      {
        'config/openai.js': CLIENT,
        'services/ai.js': SERVICE,
        'services/index.js': `module.exports = require('./ai');\n`,
        'routes/chat.js': ROUTER('../services/index').replace('chat.reply', 'chat.ask'),
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('a change two modules away reaches the route on the next lint in the same process', () => {
    const dir = project(
      {
        'config/openai.js': CLIENT,
        'services/ai.js': SERVICE,
        'routes/chat.js': ROUTER('../services/ai').replace('chat.reply', 'chat.ask'),
      },
      '{"type":"commonjs"}',
    );
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    expect(lint(dir, 'routes/chat.js', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route']);
    // The client module now exports a plain object: services/ai.js is unchanged, its summary must not be.
    fs.writeFileSync(path.join(dir, 'config/openai.js'), `module.exports = { chat: { completions: { create: async (o) => o } } };\n`);
    expect(lint(dir, 'routes/chat.js', linter)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'config/openai.js'), CLIENT);
    expect(lint(dir, 'routes/chat.js', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });
});

describe('a handler written in another module (controllers)', () => {
  const CONTROLLER = `const OpenAI = require('openai');\nconst openai = new OpenAI();\nexports.reply = async (req, res) => {\n  const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] });\n  res.json({ text: r.choices[0].message.content });\n};\n`;
  const cjs = '{"type":"commonjs"}';

  it('Express: `app.post(path, reply)` with the controller imported, its client from a third module', () => {
    const dir = project(
      {
        'config/openai.js': `const { Configuration, OpenAIApi } = require('openai');\nmodule.exports = new OpenAIApi(new Configuration({ apiKey: process.env.KEY }));\n`,
        'controllers/chat.js': `const openai = require('../config/openai');\nconst reply = async (req, res) => {\n  const r = await openai.createChatCompletion({ model: 'm', max_tokens: 9, messages: [] });\n  res.json({ content: r.data.choices[0].message.content });\n};\nmodule.exports = { reply };\n`,
        'app.js': `const express = require('express');\nconst { reply } = require('./controllers/chat');\nconst app = express();\napp.post('/chat', reply);\napp.listen(3000);\n`,
      },
      cjs,
    );
    expect(lint(dir, 'app.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('Express router: `chat.reply` of a required module, wrapped in asyncHandler; auth in front of another route only', () => {
    const dir = project(
      {
        'controllers/chat.js': CONTROLLER,
        'routes/chat.js': `const express = require('express');\nconst chat = require('../controllers/chat');\nconst { requireUser } = require('../auth');\nconst asyncHandler = (fn) => (req, res, next) => fn(req, res).catch(next);\nconst router = express.Router();\nrouter.post('/open', asyncHandler(chat.reply));\nrouter.post('/closed', requireUser, chat.reply);\nmodule.exports = router;\n`,
        'auth.js': `exports.requireUser = (req, res, next) => (req.user ? next() : res.status(401).end());\n`,
      },
      cjs,
    );
    expect(lint(dir, 'routes/chat.js')).toEqual(['6 llm-leak/require-auth-for-llm-route']);
  });

  it('a controller that checks the session itself before the model call is not reported', () => {
    const dir = project(
      {
        'controllers/chat.js': CONTROLLER.replace('exports.reply = async (req, res) => {\n', 'exports.reply = async (req, res) => {\n  if (!req.user) return res.status(401).json({ error: \'login\' });\n'),
        'app.js': `const express = require('express');\nconst chat = require('./controllers/chat');\nconst app = express();\napp.post('/chat', chat.reply);\napp.listen(3000);\n`,
      },
      cjs,
    );
    expect(lint(dir, 'app.js')).toEqual([]);
  });

  it('a class instance exported as default (ESM), used by a Koa router and a Fastify app', () => {
    const controller = `import OpenAI from 'openai';\nclass ChatController {\n  client = new OpenAI();\n  async reply(ctx) {\n    const r = await this.client.chat.completions.create({ model: 'm', max_tokens: 9, messages: [] });\n    ctx.body = { text: r.choices[0].message.content };\n  }\n}\nexport default new ChatController();\n`;
    const dir = project({
      'controllers/chat.js': controller,
      'koa.js': `import Koa from 'koa';\nimport Router from '@koa/router';\nimport chat from './controllers/chat.js';\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/chat', (ctx) => chat.reply(ctx));\nrouter.post('/direct', chat.reply);\napp.use(router.routes());\napp.listen(3000);\n`,
      'fastify.js': `import Fastify from 'fastify';\nimport chat from './controllers/chat.js';\nconst app = Fastify();\napp.post('/chat', chat.reply);\napp.listen({ port: 3000 });\n`,
    });
    expect(lint(dir, 'koa.js')).toEqual(['6 llm-leak/require-auth-for-llm-route', '7 llm-leak/require-auth-for-llm-route']);
    expect(lint(dir, 'fastify.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('an imported handler that calls no model, and one whose module does not resolve, stay silent', () => {
    const dir = project(
      {
        'controllers/health.js': `exports.ping = (req, res) => res.json({ ok: true });\n`,
        'app.js': `const express = require('express');\nconst { ping } = require('./controllers/health');\nconst { reply } = require('./controllers/missing');\nconst app = express();\napp.get('/ping', ping);\napp.post('/chat', reply);\napp.listen(3000);\n`,
      },
      cjs,
    );
    expect(lint(dir, 'app.js')).toEqual([]);
  });
});

describe('a function returning an object built around generated output (issue 11)', () => {
  const service = (ret: string): string =>
    `import { generateObject, generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nimport { z } from 'zod';\nexport async function layout(data, q) {\n  const { object } = await generateObject({ model: openai('m'), maxOutputTokens: 9, schema: z.object({ title: z.string() }), prompt: q });\n  const r = await generateText({ model: openai('m'), maxOutputTokens: 9, prompt: q });\n  ${ret}\n}\n`;
  const route = `import express from 'express';\nimport { layout } from '../services/layout.js';\nconst app = express();\napp.post('/layout', async (req, res) => {\n  const result = await layout(req.body.rows, req.body.q);\n  console.log(result);\n  console.log(result.data, result.title);\n  res.json({ ok: true });\n});\nexport default app;\n`;
  const rules = ['no-sensitive-logging', 'no-raw-llm-response'];

  it('Express: the whole value logged is model output; its fields are not known to be, and it is no raw response', () => {
    const dir = project({ 'services/layout.js': service('return { data, ...object };'), 'routes/layout.js': route });
    expect(lint(dir, 'routes/layout.js', undefined, rules)).toEqual(['6 llm-leak/no-sensitive-logging']);
  });

  it('a module defining tools for a model reads its imports\' summaries: a tool logging the result whole is reported', () => {
    const tools = (define: boolean): string =>
      (define ? `import { tool } from 'ai';\nimport { z } from 'zod';\n` : `import { z } from 'zod';\n`) +
      `import { layout } from '../services/layout.js';\n` +
      (define
        ? `export const analyze = tool({\n  parameters: z.object({ q: z.string() }),\n  execute: async ({ q }) => {\n    const result = await layout([], q);\n    console.log(result);\n    return result;\n  },\n});\n`
        : `export async function analyze(q) {\n  const result = await layout([], q);\n  console.log(result);\n  return result;\n}\n`);
    const dir = project({ 'services/layout.js': service('return { data, ...object };'), 'tools/layout.js': tools(true) });
    expect(lint(dir, 'tools/layout.js', undefined, rules)).toEqual(['8 llm-leak/no-sensitive-logging']);
    // The same function in a module that imports no model tool API, and that no route, controller or framework file
    // imports: a script or a library, which reads only the model clients its imports hand out.
    const plain = project({ 'services/layout.js': service('return { data, ...object };'), 'tools/layout.js': tools(false) });
    expect(lint(plain, 'tools/layout.js', undefined, rules)).toEqual([]);
  });

  it('an object built of the result\'s usage and ids alone carries no output', () => {
    const dir = project({ 'services/layout.js': service('return { tokens: r.usage.totalTokens, id: r.response.id };'), 'routes/layout.js': route });
    expect(lint(dir, 'routes/layout.js', undefined, rules)).toEqual([]);
  });
});

describe('a module with no framework import whose functions the project registers', () => {
  it('Express: a controller registered by a router logs the prompt, sends err.message and the raw completion', () => {
    const dir = project(
      {
        'controllers/chat.js': `const OpenAI = require('openai');\nconst openai = new OpenAI();\nexports.reply = async (req, res) => {\n  console.log(req.body);\n  try {\n    const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] });\n    res.json(r);\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n};\n`,
        'routes/chat.js': `const express = require('express');\nconst chat = require('../controllers/chat');\nconst router = express.Router();\nrouter.post('/chat', chat.reply);\nmodule.exports = router;\n`,
        'app.js': `const express = require('express');\nconst app = express();\napp.use('/api', require('./routes/chat'));\napp.listen(3000);\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'controllers/chat.js', undefined, ['no-sensitive-logging', 'no-raw-llm-response', 'no-error-details-to-client'])).toEqual([
      '4 llm-leak/no-sensitive-logging',
      '7 llm-leak/no-raw-llm-response',
      '9 llm-leak/no-error-details-to-client',
    ]);
  });

  it('the same module when nothing registers it (a script, a library) is left alone', () => {
    const dir = project(
      {
        'lib/chat.js': `const OpenAI = require('openai');\nconst openai = new OpenAI();\nexports.reply = async (req, res) => {\n  console.log(req.body);\n  const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [] });\n  res.json(r);\n};\n`,
        'app.js': `const express = require('express');\nconst app = express();\napp.listen(3000);\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'lib/chat.js', undefined, ['no-sensitive-logging', 'no-raw-llm-response'])).toEqual([]);
  });

  it('Fastify: a plugin file that imports nothing from Fastify, registered with a prefix by the app', () => {
    const dir = project({
      'lib/ai.js': `import OpenAI from 'openai';\nexport default new OpenAI();\n`,
      'routes.js': `import openai from './lib/ai.js';\nexport default async (fastify) => {\n  fastify.post('/ask', async (req) => {\n    const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] });\n    return r;\n  });\n};\n`,
      'index.js': `import Fastify from 'fastify';\nimport api from './routes.js';\nconst app = Fastify();\napp.register(api, { prefix: '/api' });\nawait app.listen({ port: 3000 });\n`,
    });
    expect(lint(dir, 'routes.js', undefined, ['require-auth-for-llm-route', 'no-raw-llm-response'])).toEqual([
      '3 llm-leak/require-auth-for-llm-route',
      '5 llm-leak/no-raw-llm-response',
    ]);
  });

  it('Koa: middleware `use`d by the app from its own module', () => {
    const dir = project({
      'proxy.js': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport default async function proxy(ctx) {\n  console.log(ctx.request.body);\n  ctx.body = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [] });\n}\n`,
      'app.js': `import Koa from 'koa';\nimport proxy from './proxy.js';\nconst app = new Koa();\napp.use(proxy);\napp.listen(3000);\n`,
    });
    expect(lint(dir, 'proxy.js', undefined, ['no-sensitive-logging', 'no-raw-llm-response'])).toEqual([
      '4 llm-leak/no-sensitive-logging',
      '5 llm-leak/no-raw-llm-response',
    ]);
  });
});

describe('module resolution as the editor does it', () => {
  it("a JavaScript project's jsconfig.json `paths` (`~/controllers/chat`)", () => {
    const dir = project(
      {
        'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: './', paths: { '~/*': ['./*'] } } }),
        'controllers/chat.js': `const OpenAI = require('openai');\nconst openai = new OpenAI();\nexports.reply = async (req, res) => {\n  const r = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [] });\n  res.json({ text: r.choices[0].message.content });\n};\n`,
        'app.js': `const express = require('express');\nconst { reply } = require('~/controllers/chat');\nconst app = express();\napp.post('/chat', reply);\napp.listen(3000);\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'app.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });
});

describe('which arguments of an imported model function are the prompt', () => {
  it('only the parameters (or destructured keys) that reach the model call: a user id beside them is not a prompt', () => {
    const dir = project({
      'lib/ai.js': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask({ question, user }) {\n  await audit(user);\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: question }] });\n  return c.choices[0].message.content;\n}\nasync function audit(user) { return user; }\n`,
      'routes/chat.js': `import express from 'express';\nimport { ask } from '../lib/ai.js';\nconst router = express.Router();\nrouter.post('/chat', requireUser, async (req, res) => {\n  const answer = await ask({ question: req.body.q, user: req.user.id });\n  console.log('user', req.user.id);\n  console.log('question', req.body.q);\n  res.json({ answer });\n});\nexport default router;\n`,
    });
    expect(lint(dir, 'routes/chat.js', undefined, ['no-sensitive-logging'])).toEqual(['7 llm-leak/no-sensitive-logging']);
  });
});

describe('auth middleware written in another module', () => {
  it('a router of login routes mounted before the route is not auth, whatever its name; an auth function is', () => {
    const files = (use: string): Record<string, string> => ({
      'routes/auth.js': `const express = require('express');\nconst router = express.Router();\nrouter.post('/login', (req, res) => res.json({ ok: true }));\nmodule.exports = router;\n`,
      'middleware/requireUser.js': `const jwt = require('jsonwebtoken');\nmodule.exports = function requireUser(req, res, next) {\n  try {\n    req.user = jwt.verify(req.headers.authorization, process.env.JWT_SECRET);\n    next();\n  } catch {\n    res.status(401).end();\n  }\n};\n`,
      'app.js': `const express = require('express');\nconst OpenAI = require('openai');\nconst authRoutes = require('./routes/auth');\nconst requireUser = require('./middleware/requireUser');\nconst openai = new OpenAI();\nconst app = express();\napp.use(${use});\napp.post('/chat', async (req, res) => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] });\n  res.json({ text: c.choices[0].message.content });\n});\napp.listen(3000);\n`,
    });
    expect(lint(project(files('authRoutes'), '{"type":"commonjs"}'), 'app.js')).toEqual(['8 llm-leak/require-auth-for-llm-route']);
    expect(lint(project(files('requireUser'), '{"type":"commonjs"}'), 'app.js')).toEqual([]);
  });

  it('the same in a router another module mounts: the routes after a pathless `router.use(authRoutes)` are open', () => {
    const dir = project(
      {
        'routes/auth.js': `const express = require('express');\nconst router = express.Router();\nrouter.post('/api/login', (req, res) => res.json({ ok: true }));\nmodule.exports = router;\n`,
        'routes/voice.js': `const express = require('express');\nconst OpenAI = require('openai');\nconst openai = new OpenAI();\nconst router = express.Router();\nrouter.post('/api/transcribe', async (req, res) => {\n  const t = await openai.audio.transcriptions.create({ file: req.body.file, model: 'whisper-1' });\n  res.json({ text: t.text });\n});\nmodule.exports = router;\n`,
        'routes/index.js': `const express = require('express');\nconst router = express.Router();\nconst authRoutes = require('./auth');\nconst voice = require('./voice');\nrouter.use(authRoutes);\nrouter.use(voice);\nmodule.exports = router;\n`,
        'app.js': `const express = require('express');\nconst routes = require('./routes');\nconst app = express();\napp.use(routes);\napp.listen(3000);\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/voice.js')).toEqual(['5 llm-leak/require-auth-for-llm-route']);
  });

  const ROUTE_WITH = (mw: string, use: string): string =>
    `const express = require('express');\nconst OpenAI = require('openai');\n${use}\nconst openai = new OpenAI();\nconst router = express.Router();\nrouter.post('/chat', ${mw}, async (req, res) => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: String(req.body.q) }] });\n  res.json({ text: c.choices[0].message.content });\n});\nmodule.exports = router;\n`;
  // Reads the Authorization header and refuses without it; lets everyone through when no token is configured.
  const CHECKS = `async function validatedRequest(request, response, next) {\n  if (!process.env.AUTH_TOKEN) { next(); return; }\n  const auth = request.header('Authorization');\n  const token = auth ? auth.split(' ')[1] : null;\n  if (!token || token !== process.env.AUTH_TOKEN) {\n    response.status(401).json({ error: 'No auth token found.' });\n    return;\n  }\n  next();\n}\nmodule.exports = { validatedRequest };\n`;

  it('is judged by its code: a credential check that refuses counts whatever its name', () => {
    const dir = project(
      {
        'utils/middleware/validatedRequest.js': CHECKS,
        'routes/chat.js': ROUTE_WITH('validatedRequest', "const { validatedRequest } = require('../utils/middleware/validatedRequest');"),
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual([]);
  });

  it('through a barrel, and ESM', () => {
    const dir = project({
      'middleware/check.ts': CHECKS.replace('module.exports = { validatedRequest };', 'export { validatedRequest };').replace('async function validatedRequest(request, response, next)', 'async function validatedRequest(request: any, response: any, next: () => void)'),
      'middleware/index.ts': `export * from './check.js';\n`,
      'routes/chat.ts': ROUTE_WITH('validatedRequest', "import { validatedRequest } from '../middleware/index.js';").replace("const express = require('express');", "import express from 'express';").replace("const OpenAI = require('openai');", "import OpenAI from 'openai';").replace('module.exports = router;', 'export default router;'),
    });
    expect(lint(dir, 'routes/chat.ts')).toEqual([]);
  });

  it('a middleware of another module that checks nothing and has no auth-like name is not auth', () => {
    const dir = project(
      {
        'utils/middleware/validatedRequest.js': `function validatedRequest(request, response, next) {\n  request.startedAt = Date.now();\n  next();\n}\nmodule.exports = { validatedRequest };\n`,
        'routes/chat.js': ROUTE_WITH('validatedRequest', "const { validatedRequest } = require('../utils/middleware/validatedRequest');"),
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js')).toEqual(['6 llm-leak/require-auth-for-llm-route']);
  });
});

describe('no stale answers', () => {
  const app = (): string =>
    project({
      'lib/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'routes/chat.ts': ROUTE(
        `import { openai } from '../lib/openai.js';`,
        `await openai.chat.completions.create({ model: 'x', max_tokens: 5, messages: [] })`,
        'res.json(answer)',
      ),
    });

  it('a changed lib/openai.ts changes the importing file\'s findings on the next lint in the same process', () => {
    const dir = app();
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    expect(lint(dir, 'routes/chat.ts', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    // Now `openai` is a plain object: no model call in the route. A different size, so the cache sees the change.
    fs.writeFileSync(path.join(dir, 'lib/openai.ts'), `export const openai = { chat: { completions: { create: async (o: unknown) => o } } };\n`);
    expect(lint(dir, 'routes/chat.ts', linter)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'lib/openai.ts'), `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`);
    expect(lint(dir, 'routes/chat.ts', linter)).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
  });

  it('a one-shot run (`eslint .`) reads the project as it was when the run started; the next run sees the change', () => {
    const dir = app();
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    const found = ['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response'];
    setOneShotRun(true);
    try {
      expect(lint(dir, 'routes/chat.ts', linter)).toEqual(found);
      fs.writeFileSync(path.join(dir, 'lib/openai.ts'), `export const openai = { chat: { completions: { create: async (o: unknown) => o } } };\n`);
      // Not one stat of lib/openai.ts again in this run: it is still the module the run started with.
      expect(lint(dir, 'routes/chat.ts', linter)).toEqual(found);
      clearProjectCache(); // The next run.
      expect(lint(dir, 'routes/chat.ts', linter)).toEqual([]);
    } finally {
      setOneShotRun(undefined);
    }
  });
});

describe('the files a lint depended on (the CLI\'s --cache stamp)', () => {
  it('include the modules a barrel passes on, though none was parsed: a change there could add a model call', () => {
    const dir = project({
      'lib/index.ts': `export * from './a.js';\nexport * from './b.js';\n`,
      'lib/a.ts': `export const greet = (s: string) => 'hi ' + s;\n`,
      'lib/b.ts': `export const shout = (s: string) => s.toUpperCase();\n`,
      'routes/chat.ts': ROUTE(`import { greet } from '../lib/index.js';`, 'greet(req.body.q)'),
    });
    let files: string[] = [];
    const rule = {
      create: (context: never) => ({
        'Program:exit'() {
          const model = getModel(context);
          void model.llmCalls; // Asks for the imports' summaries.
          files = [...model.projectFiles].map((f) => path.relative(dir, f)).sort();
        },
      }),
    };
    const file = path.join(dir, 'routes/chat.ts');
    const parsed = parseCount();
    new Linter({ cwd: dir, configType: 'flat' }).verify(
      fs.readFileSync(file, 'utf8'),
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { t: { rules: { deps: rule as never } } }, rules: { 't/deps': 'error' } }],
      file,
    );
    expect(files).toEqual(expect.arrayContaining(['lib/a.ts', 'lib/b.ts', 'lib/index.ts']));
    expect(parseCount() - parsed).toBe(0);
  });
});

describe('a workspace package of the same monorepo', () => {
  it('a route calling a model function of `@acme/ai` (packages/ai, not linked, built to dist/) reaches the model', () => {
    const dir = project(
      {
        'apps/server/package.json': JSON.stringify({ name: 'server', dependencies: { '@acme/ai': '*' } }),
        'apps/server/routes/chat.js': `const express = require('express');\nconst { ask } = require('@acme/ai');\nconst router = express.Router();\nrouter.post('/chat', async (req, res) => {\n  res.json({ answer: await ask(req.body.q) });\n});\nmodule.exports = router;\n`,
        'packages/ai/package.json': JSON.stringify({ name: '@acme/ai', main: 'dist/index.js', types: 'dist/index.d.ts' }),
        'packages/ai/src/index.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(q: string) {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return c.choices[0].message.content;\n}\n`,
      },
      JSON.stringify({ private: true, workspaces: ['apps/*', 'packages/*'] }),
    );
    expect(lint(dir, 'apps/server/routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route']);
  });

  it('is a module of the project, not a package: a database handle it exports is judged by its name, as one of the app\'s own', () => {
    const route = (from: string): string =>
      `const express = require('express');\nconst OpenAI = require('openai');\nconst { db } = require('${from}');\nconst openai = new OpenAI();\nconst router = express.Router();\nrouter.post('/sql', requireUser, async (req, res) => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 99, messages: [{ role: 'user', content: req.body.q }] });\n  res.json(await db.query(c.choices[0].message.content));\n});\nmodule.exports = router;\n`;
    const dir = project(
      {
        'apps/server/package.json': JSON.stringify({ name: 'server', dependencies: { '@acme/db': '*' } }),
        'apps/server/routes/sql.js': route('@acme/db'),
        'apps/server/routes/search.js': route('search-sdk'),
        'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'src/index.js' }),
        'packages/db/src/index.js': `const { Pool } = require('pg');\nexports.db = new Pool();\n`,
      },
      JSON.stringify({ private: true, workspaces: ['apps/*', 'packages/*'] }),
    );
    expect(lint(dir, 'apps/server/routes/sql.js', undefined, ['no-unsafe-llm-output'])).toEqual(['8 llm-leak/no-unsafe-llm-output']);
    // A package's client is never a database handle by its name.
    expect(lint(dir, 'apps/server/routes/search.js', undefined, ['no-unsafe-llm-output'])).toEqual([]);
  });
});

describe('Express app.locals set by the app, read through the request', () => {
  const app = (locals: string): string =>
    `const express = require('express');\nconst OpenAI = require('openai');\nconst chat = require('./routes/chat');\nconst app = express();\n${locals}\napp.use('/api', chat);\napp.listen(3000);\n`;
  const route = `const express = require('express');\nconst router = express.Router();\nrouter.post('/chat', async (req, res) => {\n  const c = await req.app.locals.openai.chat.completions.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: req.body.q }] });\n  res.json(c);\n});\nmodule.exports = router;\n`;

  it('a client the app puts in `app.locals` is a model client where a route reads `req.app.locals`', () => {
    const dir = project({ 'index.js': app('app.locals.openai = new OpenAI();'), 'routes/chat.js': route }, '{ "name": "app" }');
    expect(lint(dir, 'routes/chat.js')).toEqual(['3 llm-leak/require-auth-for-llm-route', '5 llm-leak/no-raw-llm-response']);
  });

  it('bound first: `const openai = req.app.locals.openai` and `const { openai } = res.app.locals`', () => {
    for (const read of ['const openai = req.app.locals.openai;', 'const { openai, other } = res.app.locals;']) {
      const bound = route.replace('const c = await req.app.locals.openai.chat', `${read}\n  const c = await openai.chat`);
      const dir = project({ 'index.js': app('app.locals.openai = new OpenAI();\napp.locals.other = 1;'), 'routes/chat.js': bound }, '{ "name": "app" }');
      expect(lint(dir, 'routes/chat.js')).toEqual(['3 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    }
    // Destructured, a value that calls no model stays unknown.
    const plain = route.replace('const c = await req.app.locals.openai.chat', 'const { openai } = req.app.locals;\n  const c = await openai.chat');
    const dir = project({ 'index.js': app("app.locals.openai = { chat: { completions: { create: async (o) => o } } };"), 'routes/chat.js': plain }, '{ "name": "app" }');
    expect(lint(dir, 'routes/chat.js')).toEqual([]);
  });

  it('a client the app puts in its settings with `app.set` is read with `req.app.get` (inline, and bound first)', () => {
    for (const read of ["req.app.get('openai').chat", "(await getOpenAI(req)).chat"]) {
      const viaGet = route
        .replace('const c = await req.app.locals.openai.chat', `const c = await ${read}`)
        .replace("const router = express.Router();", "const router = express.Router();\nconst getOpenAI = async (req) => { const client = req.app.get('openai'); return client; };");
      const dir = project({ 'index.js': app("app.set('openai', new OpenAI());\napp.set('trust proxy', 1);"), 'routes/chat.js': viaGet }, '{ "name": "app" }');
      expect(lint(dir, 'routes/chat.js')).toEqual(['4 llm-leak/require-auth-for-llm-route', '6 llm-leak/no-raw-llm-response']);
    }
    // A setting of another name, or `app.locals.openai` read as a setting, is no client.
    const other = route.replace('const c = await req.app.locals.openai.chat', "const c = await req.app.get('anthropic').chat");
    const dir = project({ 'index.js': app("app.set('openai', new OpenAI());\napp.locals.anthropic = new OpenAI();"), 'routes/chat.js': other }, '{ "name": "app" }');
    expect(lint(dir, 'routes/chat.js')).toEqual([]);
  });

  it('not a value that calls no model, nor one set on a router', () => {
    const plain = project({ 'index.js': app("app.locals.openai = { chat: { completions: { create: async (o) => o } } };"), 'routes/chat.js': route }, '{ "name": "app" }');
    expect(lint(plain, 'routes/chat.js')).toEqual([]);
    const onRouter = project(
      { 'index.js': app('const r = express.Router();\nr.locals = {};\nr.locals.openai = new OpenAI();'), 'routes/chat.js': route },
      '{ "name": "app" }',
    );
    expect(lint(onRouter, 'routes/chat.js')).toEqual([]);
  });
});

describe('what is not read', () => {
  it('a router reached as a member of an imported object and only handed to `app.use` is not summarised', () => {
    const dir = project(
      {
        'lib/openai.js': `const OpenAI = require('openai');\nmodule.exports = new OpenAI();\n`,
        'controllers/chat.js': `const openai = require('../lib/openai');\nexports.reply = async (req, res) => res.json({ a: (await openai.chat.completions.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: req.body.q }] })).choices[0].message.content });\n`,
        'routes/chat.js': `const express = require('express');\nconst { reply } = require('../controllers/chat');\nconst router = express.Router();\nrouter.post('/chat', requireUser, reply);\nmodule.exports = router;\n`,
        'routes/index.js': `const chat = require('./chat');\nmodule.exports = { chat };\n`,
        'index.js': `const express = require('express');\nconst routes = require('./routes');\nconst app = express();\napp.use('/api/chat', routes.chat);\napp.listen(3000);\n`,
      },
      '{ "name": "app" }',
    );
    clearProjectCache();
    const before = opCounts();
    expect(lint(dir, 'index.js')).toEqual([]);
    // What `routes.chat` is cannot change a finding in index.js: the route module is not built at the level index.js
    // reads (the barrel and the modules its answer is read from are: 3 builds; 5 when routes.chat was looked up).
    expect(opsSince(before).builds).toBe(3);
  });

  it('a router only handed to `app.use` is not read for a summary', () => {
    const router = `const express = require('express');\nconst OpenAI = require('openai');\nconst openai = new OpenAI();\nconst router = express.Router();\nrouter.post('/chat', requireUser, async (req, res) => {\n  res.json({ a: (await openai.chat.completions.create({ model: 'm', max_tokens: 5, messages: [] })).choices[0].message.content });\n});\nmodule.exports = router;\n`;
    const dir = project(
      {
        'routes/chat.js': router,
        'index.js': `const express = require('express');\nconst chat = require('./routes/chat');\nconst app = express();\napp.use('/api', chat);\napp.listen(3000);\n`,
      },
      '{ "name": "app" }',
    );
    clearProjectCache();
    const before = parseCount();
    expect(lint(dir, 'index.js')).toEqual([]);
    // Nothing in index.js asks for the route map, and what `chat` is cannot change a finding there.
    expect(parseCount() - before).toBe(0);
  });
});

describe('where summaries are read', () => {
  it('in server code only: a script or browser bundle that logs what an imported model helper returns is left alone', () => {
    const helper = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(q) {\n  const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  return c.choices[0].message.content;\n}\n`;
    const dir = project({
      'lib/ai.js': helper,
      // No web framework: the console is the person running it.
      'scripts/topics.js': `import { ask } from '../lib/ai.js';\nconst topics = await ask('list topics');\nconsole.log('topics', topics);\n`,
      // The same call in a route: its logs are the server's.
      'routes/chat.js': `import express from 'express';\nimport { ask } from '../lib/ai.js';\nconst router = express.Router();\nrouter.post('/chat', requireUser, async (req, res) => {\n  const answer = await ask(req.body.q);\n  console.log('answer', answer);\n  res.json({ answer });\n});\nexport default router;\n`,
    });
    expect(lint(dir, 'scripts/topics.js')).toEqual([]);
    expect(lint(dir, 'routes/chat.js')).toEqual(['6 llm-leak/no-sensitive-logging']);
  });
});


describe('a service that calls the SDK on a client another module makes', () => {
  it('CommonJS: the client module is required, and the Whisper transcript logged by the service is model output', () => {
    const dir = project(
      {
        'config/openai.js': `const OpenAI = require('openai');\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nmodule.exports = openai;\n`,
        'services/voice.service.js': `const fs = require('fs');\nconst openai = require('../config/openai');\nasync function transcribe(filePath) {\n  const t = await openai.audio.transcriptions.create({ file: fs.createReadStream(filePath), model: 'whisper-1' });\n  const text = t.text.trim();\n  console.log('transcribed', text);\n  return text;\n}\nmodule.exports = { transcribe };\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'services/voice.service.js', undefined, ['no-sensitive-logging'])).toEqual(['6 llm-leak/no-sensitive-logging']);
  });

  it('ESM: a client factory of another module, and the prompt the service logs', () => {
    const dir = project({
      'lib/client.ts': `import Anthropic from '@anthropic-ai/sdk';\nexport function getClient() {\n  return new Anthropic();\n}\n`,
      'services/summary.ts': `import { getClient } from '../lib/client.js';\nexport async function summarise(text: string) {\n  const prompt = 'Summarise: ' + text;\n  console.info(prompt);\n  const m = await getClient().messages.create({ model: 'claude', max_tokens: 100, messages: [{ role: 'user', content: prompt }] });\n  return m.content;\n}\n`,
    });
    expect(lint(dir, 'services/summary.ts', undefined, ['no-sensitive-logging'])).toEqual(['4 llm-leak/no-sensitive-logging']);
  });

  it("calling another module's model function is not calling a client: a hand-run translation script is left alone", () => {
    const dir = project({
      'tools/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';\nexport function getClient() {\n  return new Anthropic();\n}\nexport async function translate(key: string) {\n  const m = await getClient().messages.create({ model: 'claude', max_tokens: 100, messages: [{ role: 'user', content: key }] });\n  return m.content;\n}\n`,
      'tools/process.ts': `import { translate } from './anthropic.js';\nexport async function processKey(key: string) {\n  const translation = await translate(key);\n  console.log(key, translation);\n  return translation;\n}\n`,
    });
    expect(lint(dir, 'tools/process.ts', undefined, ['no-sensitive-logging'])).toEqual([]);
  });

  const GEMINI = `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '');\nexport async function generate(prompt: string) {\n  const r = await genAI.getGenerativeModel({ model: 'gemini-1.5-flash' }).generateContent(prompt);\n  return r.response.text();\n}\n`;
  const PLAN_SERVICE = `import { generate } from '../lib/gemini.js';\nexport async function plan(profile: { age: number; goal: string }) {\n  const prompt = \`Make a plan for age \${profile.age}: \${profile.goal}\`;\n  console.log('prompt', prompt);\n  return generate(prompt);\n}\n`;

  it('Express (TypeScript): a service a registered controller imports logs the prompt it hands to another module\'s model function', () => {
    const dir = project({
      'lib/gemini.ts': GEMINI,
      'services/plan.ts': PLAN_SERVICE,
      'controllers/plan.ts': `import { plan } from '../services/plan.js';\nexport async function createPlan(req: any, res: any) {\n  res.json({ plan: await plan(req.body) });\n}\n`,
      'routes/plan.ts': `import { Router } from 'express';\nimport { createPlan } from '../controllers/plan.js';\nconst router = Router();\nrouter.post('/plan', createPlan);\nexport default router;\n`,
      'app.ts': `import express from 'express';\nimport plan from './routes/plan.js';\nconst app = express();\napp.use('/api', plan);\napp.listen(3000);\n`,
    });
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    expect(lint(dir, 'services/plan.ts', linter, ['no-sensitive-logging'])).toEqual(['4 llm-leak/no-sensitive-logging']);
    // The controller stops importing the service: it is a module nobody serving a route uses, and is left alone.
    fs.writeFileSync(path.join(dir, 'controllers/plan.ts'), `export async function createPlan(req: any, res: any) {\n  res.json({ plan: null });\n}\n`);
    expect(lint(dir, 'services/plan.ts', linter, ['no-sensitive-logging'])).toEqual([]);
  });

  it('Koa (CommonJS): a service of a controller the router registers logs the model output of another module\'s function', () => {
    const dir = project(
      {
        'lib/ai.js': `const OpenAI = require('openai');\nconst openai = new OpenAI();\nexports.ask = async (q) => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return c.choices[0].message.content;\n};\n`,
        'services/answer.js': `const { ask } = require('../lib/ai');\nexports.answer = async (q) => {\n  const text = await ask(q);\n  console.info('answer', text);\n  return text;\n};\n`,
        'controllers/answer.js': `const { answer } = require('../services/answer');\nexports.reply = async (ctx) => {\n  ctx.body = { text: await answer(ctx.request.body.q) };\n};\n`,
        'app.js': `const Koa = require('koa');\nconst Router = require('@koa/router');\nconst { reply } = require('./controllers/answer');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/answer', reply);\napp.use(router.routes());\napp.listen(3000);\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'services/answer.js', undefined, ['no-sensitive-logging'])).toEqual(['4 llm-leak/no-sensitive-logging']);
  });

  it('Fastify: the same service imported only by a seed script (no module that serves a route) is left alone', () => {
    const dir = project({
      'lib/gemini.ts': GEMINI,
      'services/plan.ts': PLAN_SERVICE,
      'scripts/seed.ts': `import { plan } from '../services/plan.js';\nawait plan({ age: 30, goal: 'run' });\n`,
      'app.ts': `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/health', async () => ({ ok: true }));\nawait app.listen({ port: 3000 });\n`,
    });
    expect(lint(dir, 'services/plan.ts', undefined, ['no-sensitive-logging'])).toEqual([]);
  });

  it('a module that only instantiates imported provider classes parses none of them for this question', () => {
    const provider = (name: string): string =>
      `const OpenAI = require('openai');\nclass ${name} {\n  constructor() { this.openai = new OpenAI(); }\n  async ask(q) { const c = await this.openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); return c.choices[0].message.content; }\n}\nmodule.exports = { ${name} };\n`;
    const dir = project(
      {
        'providers/a.js': provider('A'),
        'providers/b.js': provider('B'),
        'helpers.js': `function getProvider(name) {\n  const { A } = require('./providers/a');\n  const { B } = require('./providers/b');\n  const p = name === 'a' ? new A() : new B();\n  console.log('provider', p);\n  return p;\n}\nmodule.exports = { getProvider };\n`,
      },
      '{"type":"commonjs"}',
    );
    const before = parseCount();
    expect(lint(dir, 'helpers.js', undefined, ['no-sensitive-logging'])).toEqual([]);
    expect(parseCount() - before).toBe(0);
  });
});

describe('a model client handed to a function of another module', () => {
  it('Express (CommonJS): a LangChain model from a project factory handed to an imported controller makes the route an LLM route', () => {
    const dir = project(
      {
        'chatModel/index.js': `const { initChatModel } = require('langchain/chat_models/universal');\nmodule.exports = async () => initChatModel('gpt-4o', { modelProvider: 'openai' });\n`,
        'controllers/llm.js': `exports.testLLMResult = async (body, chatModel) => {\n  const r = await chatModel.invoke(body.prompt);\n  return r.content;\n};\n`,
        'routes/llm.js': `const express = require('express');\nconst controller = require('../controllers/llm');\nconst initializeChatModel = require('../chatModel');\nconst router = express.Router();\nrouter.post('/test', async (req, res) => {\n  const chatModel = await initializeChatModel();\n  const result = await controller.testLLMResult(req.body, chatModel);\n  res.json({ result });\n});\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    // The route reaches a model; the controller returns the generated text, no raw result.
    expect(lint(dir, 'routes/llm.js', undefined, ['require-auth-for-llm-route', 'no-raw-llm-response'])).toEqual(['5 llm-leak/require-auth-for-llm-route']);
  });

  it('Express (CommonJS): what the controller and its service do with the handed model is read, so a test route sending its output is a debug route', () => {
    // route -> controller(body, chatModel) -> service(prompt, chatModel) -> a helper of the service -> chatModel.invoke
    const dir = project(
      {
        'chatModel/index.js': `const { initChatModel } = require('langchain/chat_models/universal');\nmodule.exports = async () => initChatModel('gpt-4o', { modelProvider: 'openai' });\n`,
        'services/llm.js': `async function modelInvoke(prompt, chatModel) {\n  return chatModel.invoke(prompt);\n}\nconst testLLMResult = async (prompt, chatModel) => {\n  const modelResponse = await modelInvoke(prompt, chatModel);\n  return modelResponse.content;\n};\nmodule.exports = { testLLMResult };\n`,
        'controllers/llm.js': `const service = require('../services/llm');\nconst testLLMResult = async (body, chatModel) => {\n  const { prompt } = body;\n  return service.testLLMResult(prompt, chatModel);\n};\nmodule.exports = { testLLMResult };\n`,
        'routes/llm.js': `const express = require('express');\nconst controller = require('../controllers/llm');\nconst initializeChatModel = require('../chatModel');\nconst router = express.Router();\nrouter.post('/test-llm-result', async (req, res) => {\n  const chatModel = await initializeChatModel();\n  const response = await controller.testLLMResult(req.body, chatModel);\n  res.status(200).json({ message: 'LLM result fetched', data: response });\n});\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    const rules = ['require-auth-for-llm-route', 'no-llm-debug-route', 'no-raw-llm-response'];
    expect(lint(dir, 'routes/llm.js', linter, rules)).toEqual(['5 llm-leak/require-auth-for-llm-route', '5 llm-leak/no-llm-debug-route']);
    // The service stops calling the model it is handed: the route still hands a model away, but sends no known output.
    // The controller and route files are unchanged; the answer read through them must not be.
    fs.writeFileSync(path.join(dir, 'services/llm.js'), `const testLLMResult = async (prompt, chatModel) => 'ok';\nmodule.exports = { testLLMResult };\n`);
    expect(lint(dir, 'routes/llm.js', linter, rules)).toEqual(['5 llm-leak/require-auth-for-llm-route']);
  });

  it('Koa (ESM): a service that returns the whole completion of the client it is handed sends the raw result', () => {
    const dir = project({
      'services/ask.js': `export async function ask(client, q) {\n  return client.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n}\n`,
      'routes/ask.js': `import Router from '@koa/router';\nimport OpenAI from 'openai';\nimport { ask } from '../services/ask.js';\nconst openai = new OpenAI();\nconst router = new Router();\nrouter.post('/ask', async (ctx) => {\n  ctx.body = await ask(openai, ctx.request.body.q);\n});\nexport default router;\n`,
    });
    expect(lint(dir, 'routes/ask.js', undefined, ['no-raw-llm-response'])).toEqual(['7 llm-leak/no-raw-llm-response']);
  });

  it('Fastify: a function handed the client that only reads its settings reaches no model; what it returns is no model result', () => {
    const dir = project({
      'services/info.js': `export function describe(client, name) {\n  return { name, baseURL: client.baseURL };\n}\n`,
      'routes/info.js': `import Fastify from 'fastify';\nimport OpenAI from 'openai';\nimport { describe } from '../services/info.js';\nconst openai = new OpenAI();\nconst app = Fastify();\napp.get('/debug/client', async () => describe(openai, 'main'));\n`,
    });
    // Handed a client, the call still counts as reaching a model (the route is reported); its result is opaque.
    expect(lint(dir, 'routes/info.js', undefined, ['no-raw-llm-response', 'no-llm-debug-route', 'require-auth-for-llm-route'])).toEqual([
      '6 llm-leak/require-auth-for-llm-route',
    ]);
  });

  it('Koa (ESM): a client made in the route file and handed to an imported service', () => {
    const dir = project({
      'services/ask.js': `export async function ask(client, q) {\n  const c = await client.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  return c.choices[0].message.content;\n}\n`,
      'routes/ask.js': `import Router from '@koa/router';\nimport OpenAI from 'openai';\nimport { ask } from '../services/ask.js';\nconst openai = new OpenAI();\nconst router = new Router();\nrouter.post('/ask', async (ctx) => {\n  ctx.body = { answer: await ask(openai, ctx.request.body.q) };\n});\nexport default router;\n`,
    });
    expect(lint(dir, 'routes/ask.js', undefined, ['require-auth-for-llm-route'])).toEqual(['6 llm-leak/require-auth-for-llm-route']);
  });

  it("Fastify: a client handed to a package's function is not a model call of the route", () => {
    const dir = project({
      'routes/ask.js': `import Fastify from 'fastify';\nimport OpenAI from 'openai';\nimport { register } from 'some-telemetry';\nconst openai = new OpenAI();\nconst app = Fastify();\napp.post('/status', async () => {\n  register(openai);\n  return { ok: true };\n});\n`,
    });
    expect(lint(dir, 'routes/ask.js', undefined, ['require-auth-for-llm-route'])).toEqual([]);
  });
});

describe('a helper of another module that throws without a verified caller (require-auth-for-llm-route)', () => {
  const HELPERS = `import { createServerClient } from '@supabase/ssr';
import { cookies } from 'next/headers';
export async function getServerProfile() {
  const cookieStore = cookies();
  const supabase = createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { cookies: { get: (n: string) => cookieStore.get(n)?.value } });
  const user = (await supabase.auth.getUser()).data.user;
  if (!user) throw new Error('User not found');
  return { id: user.id, openai_api_key: process.env.OPENAI_API_KEY };
}
export async function getProfileOrNull() {
  const cookieStore = cookies();
  const supabase = createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { cookies: { get: (n: string) => cookieStore.get(n)?.value } });
  const user = (await supabase.auth.getUser()).data.user;
  return user ? { id: user.id } : null;
}
`;
  const ROUTE = (helper: string): string => `import OpenAI from 'openai';
import { ${helper} } from '@/lib/server/helpers';
export async function POST(request: Request) {
  const { messages } = await request.json();
  try {
    const profile = await ${helper}();
    const openai = new OpenAI();
    const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 99, messages });
    return Response.json({ text: r.choices[0].message.content, user: profile?.id });
  } catch (error: any) {
    return new Response(JSON.stringify({ message: 'failed' }), { status: 500 });
  }
}
`;
  const TSCONFIG = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } });

  it('Next.js: a route that first calls an imported helper throwing without a Supabase user is behind it', () => {
    const dir = project({ 'tsconfig.json': TSCONFIG, 'lib/server/helpers.ts': HELPERS, 'app/api/chat/route.ts': ROUTE('getServerProfile') });
    expect(lint(dir, 'app/api/chat/route.ts', undefined, ['require-auth-for-llm-route'])).toEqual([]);
  });

  it('Next.js: a helper that reads the user but returns null for an anonymous caller is no check', () => {
    const dir = project({ 'tsconfig.json': TSCONFIG, 'lib/server/helpers.ts': HELPERS, 'app/api/chat/route.ts': ROUTE('getProfileOrNull') });
    expect(lint(dir, 'app/api/chat/route.ts', undefined, ['require-auth-for-llm-route'])).toEqual(['3 llm-leak/require-auth-for-llm-route']);
  });

  const ACCOUNT = `const jwt = require('jsonwebtoken');\nexports.loadAccount = async (headers) => {\n  const token = (headers.authorization || '').slice(7);\n  const claims = jwt.verify(token, process.env.JWT_SECRET);\n  return { id: claims.sub };\n};\n`;

  it('Express (CommonJS): a handler that awaits an imported helper verifying the bearer token first is behind it', () => {
    const dir = project(
      {
        'lib/account.js': ACCOUNT,
        'routes/chat.js': `const express = require('express');\nconst OpenAI = require('openai');\nconst { loadAccount } = require('../lib/account');\nconst router = express.Router();\nconst openai = new OpenAI();\nrouter.post('/chat', async (req, res) => {\n  try {\n    await loadAccount(req.headers);\n  } catch {\n    return res.status(401).json({ error: 'unauthorized' });\n  }\n  const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 99, messages: req.body.messages });\n  res.json({ text: r.choices[0].message.content });\n});\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js', undefined, ['require-auth-for-llm-route'])).toEqual([]);
  });

  it('Fastify (ESM): a helper that throws through a same-file function it calls is a check too', () => {
    const dir = project({
      'lib/account.js': `import jwt from 'jsonwebtoken';\nfunction assertToken(token) {\n  if (!token) throw new Error('unauthorized');\n  return jwt.verify(token, process.env.JWT_SECRET);\n}\nexport async function currentAccount(headers) {\n  const claims = assertToken((headers.authorization || '').slice(7));\n  return { id: claims.sub };\n}\n`,
      'routes/chat.js': `import Fastify from 'fastify';\nimport OpenAI from 'openai';\nimport { currentAccount } from '../lib/account.js';\nconst app = Fastify();\nconst openai = new OpenAI();\napp.post('/chat', async (request) => {\n  const account = await currentAccount(request.headers);\n  const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 99, messages: request.body.messages });\n  return { text: r.choices[0].message.content, account: account.id };\n});\n`,
    });
    expect(lint(dir, 'routes/chat.js', undefined, ['require-auth-for-llm-route'])).toEqual([]);
  });

  it('Koa (CommonJS): the same helper whose error the route swallows and goes on is no check', () => {
    const dir = project(
      {
        'lib/account.js': ACCOUNT,
        'routes/chat.js': `const Router = require('@koa/router');\nconst OpenAI = require('openai');\nconst { loadAccount } = require('../lib/account');\nconst router = new Router();\nconst openai = new OpenAI();\nrouter.post('/chat', async (ctx) => {\n  let account = null;\n  try {\n    account = await loadAccount(ctx.headers);\n  } catch {\n    account = null;\n  }\n  const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 99, messages: ctx.request.body.messages });\n  ctx.body = { text: r.choices[0].message.content, account };\n});\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/chat.js', undefined, ['require-auth-for-llm-route'])).toEqual(['6 llm-leak/require-auth-for-llm-route']);
  });
});

describe('a logger another module of the project holds', () => {
  const CONFIG = `import Logger from '../lib/log4j.js';\nexport const serverCfg = { log: new Logger({ appName: 'app' }) };\n`;
  const LOGGER = `import log4js from 'log4js';\nexport default class Logger {\n  constructor(opts) { this.logger = log4js.getLogger(opts.appName); }\n  debug(...args) { this.logger.debug(...args); }\n}\n`;

  it('Koa (ESM): `serverCfg.log.debug` of a config module logs the login body it is given', () => {
    const dir = project({
      'lib/log4j.js': LOGGER,
      'config/index.js': CONFIG,
      'routes/auth.js': `import Router from 'koa-router';\nimport { serverCfg } from '../config/index.js';\nconst router = new Router();\nrouter.post('/login', async (ctx) => {\n  const params = ctx.request.body;\n  serverCfg.log.debug('[login] Request params:', params);\n  ctx.body = { ok: true };\n});\nexport default router;\n`,
    });
    expect(lint(dir, 'routes/auth.js', undefined, ['no-sensitive-logging'])).toEqual(['6 llm-leak/no-sensitive-logging']);
  });

  it("Express (ESM): the same member of a package's object is not taken for a logger, nor another member of the config", () => {
    const dir = project({
      'lib/log4j.js': LOGGER,
      'config/index.js': `${CONFIG}export const stats = { debug: (x) => x };\n`,
      'routes/auth.js': `import express from 'express';\nimport telemetry from 'some-telemetry';\nimport { serverCfg, stats } from '../config/index.js';\nconst app = express();\napp.post('/login', (req, res) => {\n  telemetry.log.debug(req.body);\n  serverCfg.metrics.debug(req.body);\n  stats.debug(req.body);\n  res.json({ ok: true });\n});\n`,
    });
    expect(lint(dir, 'routes/auth.js', undefined, ['no-sensitive-logging'])).toEqual([]);
  });
});

describe('constants of other modules (timing-safe-compare)', () => {
  it('Next.js (TypeScript): a token checked against a prefix bound to a literal in a constants module is a format check', () => {
    const dir = project({
      'app/constant.ts': `export const ACCESS_CODE_PREFIX = 'nk-';\nexport { ACCESS_CODE_PREFIX as CODE_PREFIX };\n`,
      'app/api/auth.ts': `import { NextRequest } from 'next/server';\nimport { ACCESS_CODE_PREFIX, CODE_PREFIX } from '../constant';\nexport function auth(req: NextRequest) {\n  const token = (req.headers.get('Authorization') ?? '').replaceAll('Bearer ', '').trim();\n  const isApiKey = !token.startsWith(ACCESS_CODE_PREFIX) && !token.endsWith(CODE_PREFIX);\n  return isApiKey ? { apiKey: token } : { accessCode: token.slice(3) };\n}\n`,
    });
    expect(lint(dir, 'app/api/auth.ts', undefined, ['timing-safe-compare'])).toEqual([]);
  });

  it('Express (CommonJS): a token compared with a value another module reads from the environment is still reported', () => {
    const dir = project(
      {
        'config.js': `exports.ADMIN_TOKEN = process.env.ADMIN_TOKEN;\nexports.PREFIX = 'adm_';\n`,
        'auth.js': `const express = require('express');\nconst { ADMIN_TOKEN, PREFIX } = require('./config');\nconst app = express();\napp.use((req, res, next) => {\n  const token = req.get('x-admin-token') || '';\n  if (!token.startsWith(PREFIX) || token !== ADMIN_TOKEN) return res.status(401).end();\n  next();\n});\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'auth.js', undefined, ['timing-safe-compare'])).toEqual(['6 llm-leak/timing-safe-compare']);
  });
});

describe("what another module's function hands back of the model output it is given", () => {
  const RESPONSE = `class ApiResponse {\n  constructor(success, message, data = null) {\n    this.success = success;\n    this.message = message;\n    this.data = data;\n  }\n  static success(message, data = null) {\n    return new ApiResponse(true, message, data);\n  }\n}\nmodule.exports = ApiResponse;\n`;

  it('Express (CommonJS): generated text wrapped by a static method of an imported class is still sent by a debug route', () => {
    const dir = project(
      {
        'utils/apiResponse.js': RESPONSE,
        'routes/debug.js': `const express = require('express');\nconst OpenAI = require('openai');\nconst ApiResponse = require('../utils/apiResponse');\nconst openai = new OpenAI();\nconst router = express.Router();\nrouter.post('/debug/answer', async (req, res) => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] });\n  res.json(ApiResponse.success('ok', c.choices[0].message.content));\n});\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'routes/debug.js', undefined, ['no-llm-debug-route'])).toEqual(['6 llm-leak/no-llm-debug-route']);
  });

  it('Koa (ESM): what a helper keeps of a whole completion is not known, so a debug route sending token counts is not reported', () => {
    const dir = project({
      'utils/usage.js': `export function usageOf(c) {\n  return { tokens: c.usage.total_tokens };\n}\n`,
      'routes/debug.js': `import Router from '@koa/router';\nimport OpenAI from 'openai';\nimport { usageOf } from '../utils/usage.js';\nconst openai = new OpenAI();\nconst router = new Router();\nrouter.post('/debug/usage', async (ctx) => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: 'ping' }] });\n  ctx.body = usageOf(c);\n});\nexport default router;\n`,
    });
    expect(lint(dir, 'routes/debug.js', undefined, ['no-llm-debug-route', 'no-raw-llm-response'])).toEqual([]);
  });

  it('Fastify: a helper that hands back only a status, whatever text it is given, carries nothing to the debug route', () => {
    const dir = project({
      'utils/status.js': `export function statusOf(text) {\n  return { ok: text.length > 0 };\n}\n`,
      'routes/debug.js': `import Fastify from 'fastify';\nimport OpenAI from 'openai';\nimport { statusOf } from '../utils/status.js';\nconst openai = new OpenAI();\nconst app = Fastify();\napp.get('/debug/ping', async () => {\n  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: 'ping' }] });\n  return statusOf(c.choices[0].message.content);\n});\n`,
    });
    expect(lint(dir, 'routes/debug.js', undefined, ['no-llm-debug-route'])).toEqual([]);
  });
});

describe('provider classes chosen by a factory (issue 11)', () => {
  // A provider class in its own module, a factory choosing it with `require` inside a `switch`, a service reaching
  // it through a wrapper object, and a route calling the service: four modules, CommonJS.
  const PROVIDER = `const { writeChunk } = require('../../helpers/responses');
class OpenAiProvider {
  constructor(model = null) {
    const { OpenAI } = require('openai');
    this.client = new OpenAI({ apiKey: process.env.OPEN_AI_KEY });
    this.model = model ?? 'gpt-4o';
  }
  async streamChat(messages) {
    return this.client.chat.completions.create({ model: this.model, stream: true, messages, max_tokens: 100 });
  }
  handleStream(response, stream) {
    return new Promise(async (resolve) => {
      let text = '';
      try {
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta?.content ?? '';
          writeChunk(response, { type: 'text', text });
        }
        resolve(text);
      } catch (e) {
        writeChunk(response, { type: 'abort', error: e.message });
        resolve(text);
      }
    });
  }
}
module.exports = { OpenAiProvider };
`;
  const FACTORY = `function getProvider({ provider = null } = {}) {
  switch (provider ?? process.env.PROVIDER) {
    case 'openai':
      const { OpenAiProvider } = require('../providers/openai');
      return new OpenAiProvider();
    default:
      throw new Error('unknown provider');
  }
}
async function resolveConnector({ workspace }) {
  return { connector: getProvider({ provider: workspace?.provider }), meta: null };
}
module.exports = { getProvider, resolveConnector };
`;
  const RESPONSES = `function writeChunk(response, data) {
  response.write('data: ' + JSON.stringify(data) + '\\n\\n');
}
module.exports = { writeChunk };
`;
  const SERVICE = `const { resolveConnector } = require('../helpers');
async function pick(workspace) {
  const result = await resolveConnector({ workspace });
  return { ...result, error: null };
}
async function streamChat(response, workspace, message) {
  const { connector: llm } = await pick(workspace);
  const stream = await llm.streamChat([{ role: 'user', content: message }]);
  return llm.handleStream(response, stream);
}
module.exports = { streamChat };
`;
  const ROUTE_FILE = `const { streamChat } = require('../utils/chats/stream');
const { writeChunk } = require('../utils/helpers/responses');
function chatEndpoints(app) {
  app.post('/chat', requireUser, async (request, response) => {
    try {
      await streamChat(response, request.body.workspace, request.body.message);
      response.end();
    } catch (e) {
      writeChunk(response, { type: 'abort', error: e.message });
      response.end();
    }
  });
}
module.exports = { chatEndpoints };
`;
  const files = {
    'package.json': '{ "name": "app" }',
    'utils/providers/openai/index.js': PROVIDER,
    'utils/helpers/index.js': FACTORY,
    'utils/helpers/responses.js': RESPONSES,
    'utils/chats/stream.js': SERVICE,
    'endpoints/chat.js': ROUTE_FILE,
    'index.js': `const express = require('express');\nconst { chatEndpoints } = require('./endpoints/chat');\nconst app = express();\nconst router = express.Router();\nchatEndpoints(router);\napp.use('/api', router);\napp.listen(3001);\n`,
  };

  it('a route reaching the model through the service, the factory and the provider class sends the error message', () => {
    const dir = project(files);
    expect(lint(dir, 'endpoints/chat.js', undefined, ['no-error-details-to-client'])).toEqual(['9 llm-leak/no-error-details-to-client']);
  });

  it('the provider class writes a stream error into the response it is handed', () => {
    const dir = project(files);
    expect(lint(dir, 'utils/providers/openai/index.js', undefined, ['no-error-details-to-client'])).toEqual(['21 llm-leak/no-error-details-to-client']);
  });

  it('a route calling a method of an instance its own function makes from a class required inside it', () => {
    const dir = project({
      ...files,
      'endpoints/direct.js': `const express = require('express');
const router = express.Router();
function llm() {
  const { OpenAiProvider } = require('../utils/providers/openai');
  return new OpenAiProvider();
}
router.post('/ask', async (req, res) => {
  const stream = await llm().streamChat([{ role: 'user', content: req.body.q }]);
  res.json({ ok: !!stream });
});
module.exports = router;
`,
    });
    expect(lint(dir, 'endpoints/direct.js', undefined, ['require-auth-for-llm-route'])).toEqual(['7 llm-leak/require-auth-for-llm-route']);
  });

  it('a factory choosing among classes reads only the class of the instance that is used', () => {
    const many = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`utils/providers/p${i}/index.js`, PROVIDER.replace(/OpenAiProvider/g, `P${i}`)]),
    );
    const cases = Array.from({ length: 12 }, (_, i) => `    case 'p${i}':\n      const { P${i} } = require('../providers/p${i}');\n      return new P${i}();`).join('\n');
    const dir = project({
      ...files,
      ...many,
      'utils/helpers/index.js': FACTORY.replace("    case 'openai':", `${cases}\n    case 'openai':`),
    });
    clearProjectCache();
    const before = parseCount();
    expect(lint(dir, 'endpoints/chat.js', undefined, ['no-error-details-to-client'])).toEqual(['9 llm-leak/no-error-details-to-client']);
    // The entry and the route (the route map), the service, the factory, the writer and the first class: not the
    // twelve others (eighteen parses if each case's class were read).
    expect(parseCount() - before).toBeLessThanOrEqual(6);
  });

  it('a callee not handed the response is not read for what it writes (its module is not parsed for it)', () => {
    const db = `function save(doc) { try { return doc; } catch (e) { return { error: e.message }; } }\nmodule.exports = { save };\n`;
    const withDb = ROUTE_FILE.replace("const { writeChunk }", "const { save } = require('../utils/db');\nconst { writeChunk }").replace('      await streamChat(', '      save(request.body);\n      await streamChat(');
    const count = (route: string): number => {
      const dir = project({ ...files, 'utils/db.js': db, 'endpoints/chat.js': route });
      clearProjectCache();
      const before = parseCount();
      expect(lint(dir, 'endpoints/chat.js', undefined, ['no-error-details-to-client'])).toHaveLength(1);
      return parseCount() - before;
    };
    expect(count(withDb)).toBe(count(ROUTE_FILE));
  });

  it('not when the factory builds a class that calls no model', () => {
    const dir = project({
      ...files,
      'utils/providers/openai/index.js': PROVIDER.replace("const { OpenAI } = require('openai');", "const OpenAI = class { constructor() { this.chat = { completions: { create: async () => [] } }; } };"),
    });
    expect(lint(dir, 'endpoints/chat.js', undefined, ['no-error-details-to-client'])).toEqual([]);
  });
});
