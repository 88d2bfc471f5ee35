/**
 * Error details across modules (issue 12): helpers of another module that hand an argument back, services that
 * return a caught error in a result field, and error middleware written apart from the app. Real folders on disk,
 * linted through ESLint's Linter as a lint run would, so the project map reads the other modules' facts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearProjectCache } from '../../src/project/index.js';
import { withModel, projectMaker } from '../helpers.js';
import { errorFlowsOf } from '../../src/flow/error-details.js';
import { exportsOf } from '../../src/project/facts.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-errors-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearProjectCache());

/** A fresh project folder with these files. */
const project = projectMaker(root);

/** "line: reported text" for each report of no-error-details-to-client on `file`. */
function lint(dir: string, file: string): string[] {
  const abs = path.join(dir, file);
  const text = fs.readFileSync(abs, 'utf8');
  const messages = new Linter({ cwd: dir, configType: 'flat' }).verify(
    text,
    [
      {
        files: ['**/*.{ts,js}'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
        plugins: { 'llm-leak': plugin as never },
        rules: { 'llm-leak/no-error-details-to-client': 'error' },
      },
    ],
    abs,
  );
  return messages.map((m) => `${m.line}: ${m.ruleId ? text.split('\n')[m.line - 1]!.slice(m.column - 1, m.endColumn! - 1) : m.message}`);
}

const RESPONSE = `export default {
  ok: (data: any) => ({ success: true, data }),
  error: (data: any) => {
    return { success: false, data };
  },
};
`;

describe('helpers of other modules', () => {
  it('a helper that writes its second argument into the response it is given (an SSE chunk writer)', () => {
    const dir = project({
      'helpers/chunks.js': `function safeJSONStringify(x) {\n  try { return JSON.stringify(x); } catch { return '{}'; }\n}\nexport function writeResponseChunk(response, data) {\n  if (response.writableEnded) return;\n  response.write(\`data: \${safeJSONStringify(data)}\\n\\n\`);\n}\nexport function logChunk(logger, data) {\n  logger.info(data.id);\n}\n`,
      'app.js': `import express from 'express';\nimport OpenAI from 'openai';\nimport { writeResponseChunk, logChunk } from './helpers/chunks.js';\nconst openai = new OpenAI();\nconst app = express();\napp.post('/chat', async (request, response) => {\n  try {\n    const c = await openai.chat.completions.create({ model: 'm', messages: [] });\n    writeResponseChunk(response, { text: c.choices[0].message.content });\n  } catch (e) {\n    logChunk(console, { id: 1, error: e.message });\n    writeResponseChunk(response, { type: 'abort', error: e.message });\n    writeResponseChunk(response, { type: 'abort', error: 'The model call failed.' });\n  }\n});\napp.listen(3000);\n`,
    });
    expect(lint(dir, 'app.js')).toEqual(['12: e.message']);
  });

  it('follows an error message through a response helper that hands its argument back (Koa error middleware, no koa import)', () => {
    const dir = project({
      'src/util/response.ts': RESPONSE,
      'src/middleware/handlers.ts': `import response from '../util/response';
export const errorHandler = async (ctx: any, next: any) => {
  try {
    await next();
  } catch (ex: any) {
    ctx.logger.error(ex.message);
    ctx.body = response.error(ex.message);
  }
};
`,
    });
    expect(lint(dir, 'src/middleware/handlers.ts')).toEqual(['7: ex.message']);
  });

  it('stays silent on a helper of another module that keeps only a classifying field, and on one it cannot read', () => {
    const dir = project({
      'src/errors.ts': `export function toPublicError(err: any) {
  return { message: 'The request failed', code: err.code };
}
`,
      'src/handlers.ts': `import { toPublicError } from './errors';
import { report } from 'some-package';
export const errorHandler = async (ctx: any, next: any) => {
  try { await next(); } catch (e: any) {
    ctx.body = toPublicError(e);
    ctx.body = report(e);
  }
};
`,
    });
    expect(lint(dir, 'src/handlers.ts')).toEqual([]);
  });

  it('follows a provider that returns the helper-wrapped Bedrock error to the method handed ctx', () => {
    const dir = project({
      'src/util/response.ts': RESPONSE,
      'src/providers/claude.ts': `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import WebResponse from '../util/response';
export default class Claude {
  client = new BedrockRuntimeClient({});
  async chat(input: any, ctx: any) {
    ctx.body = await this.chatSync(input);
  }
  async chatSync(input: any) {
    try {
      const r = await this.client.send(new InvokeModelCommand(input));
      return WebResponse.ok(JSON.parse(new TextDecoder().decode(r.body)).content[0].text);
    } catch (e: any) {
      return WebResponse.error(e.message);
    }
  }
}
`,
    });
    expect(lint(dir, 'src/providers/claude.ts')).toEqual(['13: e.message']);
  });
});

describe('services that return a caught error', () => {
  const SERVICE = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function generateAIResponse(message: string) {
  try {
    const r = await openai.responses.create({ model: 'gpt-4o', input: message });
    return { success: true, content: r.output_text };
  } catch (error: any) {
    return { success: false, content: 'Sorry, something went wrong.', error: error.message };
  }
}
`;

  it('reports the error field of a model service result sent by a controller handed res (no express import)', () => {
    const dir = project({
      'services/aiService.ts': SERVICE,
      'controllers/chat.ts': `import { generateAIResponse } from '../services/aiService';
export const sendMessage = async (req: any, res: any) => {
  const aiResponse = await generateAIResponse(req.body.message);
  res.status(200).json({
    reply: aiResponse.content,
    aiError: aiResponse.success ? null : aiResponse.error,
  });
};
`,
    });
    expect(lint(dir, 'controllers/chat.ts')).toEqual(['6: aiResponse.error']);
  });

  it('stays silent when the controller sends only the generated content', () => {
    const dir = project({
      'services/aiService.ts': SERVICE,
      'controllers/chat.ts': `import { generateAIResponse } from '../services/aiService';
export const sendMessage = async (req: any, res: any) => {
  const aiResponse = await generateAIResponse(req.body.message);
  res.status(aiResponse.success ? 200 : 502).json({ reply: aiResponse.content });
};
`,
    });
    expect(lint(dir, 'controllers/chat.ts')).toEqual([]);
  });
});

describe('helpers handed the caught error', () => {
  const DETAILS = `export function getAiErrorDetails(error: unknown): { message: string; status: number } {
  if (error instanceof SyntaxError) return { message: 'Invalid request body.', status: 400 };
  if (error instanceof Error) return { message: error.message || 'Unavailable.', status: 500 };
  return { message: 'Unavailable.', status: 500 };
}
export function classify(error: any): { message: string; status: number } {
  return { message: 'The model is unavailable.', status: error.status ?? 500 };
}
`;
  const ROUTE = (send: string): string => `import OpenAI from 'openai';
import { NextResponse } from 'next/server';
import { getAiErrorDetails, classify } from '../../../lib/errors';
const openai = new OpenAI();
function errorResponse(message: string, status: number) {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain' } });
}
export async function POST(request: Request) {
  try {
    const { q } = await request.json();
    const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
    return NextResponse.json({ reply: c.choices[0].message.content });
  } catch (error) {
    ${send}
  }
}
`;

  it("Next.js: the message field of an imported helper's result, which holds the error's message it is handed", () => {
    const dir = project({
      'lib/errors.ts': DETAILS,
      'app/api/chat/route.ts': ROUTE(`const details = getAiErrorDetails(error);
    return NextResponse.json({ error: details.message }, { status: details.status });`),
    });
    expect(lint(dir, 'app/api/chat/route.ts')).toEqual(['15: details.message']);
  });

  it('Next.js: the same, handed to a same-file helper that makes the Response (reported where the route hands it over)', () => {
    const dir = project({
      'lib/errors.ts': DETAILS,
      'app/api/chat/route.ts': ROUTE(`const details = getAiErrorDetails(error);
    return errorResponse(details.message, details.status);`),
    });
    expect(lint(dir, 'app/api/chat/route.ts')).toEqual(['15: details.message']);
  });

  it('Next.js: a helper that keeps only the status of the error it is handed sends no detail, directly or through the same-file helper', () => {
    const dir = project({
      'lib/errors.ts': DETAILS,
      'app/api/chat/route.ts': ROUTE(`const details = classify(error);
    if (details.status === 429) return errorResponse(details.message, 429);
    return NextResponse.json({ error: details.message }, { status: details.status });`),
    });
    expect(lint(dir, 'app/api/chat/route.ts')).toEqual([]);
  });
});

describe('a let given a service result in one of several branches', () => {
  const SERVICE = `const OpenAI = require('openai');
const openai = new OpenAI();
exports.chat = async (ctx, options) => {
  try {
    const r = await openai.chat.completions.create(options);
    return { content: r.choices[0].message.content };
  } catch (error) {
    return error;
  }
};
exports.fixed = async () => ({ content: 'no model for this one' });
`;

  it('Koa (CommonJS): the caught error a service returns, given to a let in a switch and sent as ctx.body.data', () => {
    const dir = project(
      {
        'service/ai.js': SERVICE,
        'controllers/ai.js': `const service = require('../service/ai');
exports.createCompletion = async (ctx) => {
  const { options } = ctx.request.body;
  let response;
  switch (options.model) {
    case 'gpt-4o':
      response = await service.chat(ctx, options);
      break;
    default:
      response = { msg: 'unknown model', status: 400 };
  }
  ctx.body = { data: response };
};
`,
        'routes/ai.js': `const Router = require('@koa/router');\nconst { createCompletion } = require('../controllers/ai');\nconst router = new Router();\nrouter.post('/completion', createCompletion);\nmodule.exports = router;\n`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'controllers/ai.js')).toEqual(['12: response']);
  });

  it('Express: a let given only results that hold no error detail, and one accumulated with +=, are not read as a detail', () => {
    const dir = project(
      {
        'service/ai.js': SERVICE,
        'controllers/ai.js': `const express = require('express');
const service = require('../service/ai');
const router = express.Router();
router.post('/fixed', async (req, res) => {
  let response = { content: '' };
  if (req.body.fixed) response = await service.fixed();
  res.json({ data: response });
});
router.post('/joined', async (req, res) => {
  let text = '';
  for (const o of req.body.list) text += (await service.chat(null, o)).content;
  res.json({ text });
});
module.exports = router;
`,
      },
      '{"type":"commonjs"}',
    );
    expect(lint(dir, 'controllers/ai.js')).toEqual([]);
  });
});

describe('handlers the project map registers', () => {
  it('reads a controller another module registers by the roles the registration gives (request, response), and a local body it sends', () => {
    const dir = project({
      'app.js': `import express from 'express';\nimport * as chat from './controllers/chat.js';\nconst app = express();\napp.post('/chat', chat.reply);\napp.listen(3000);\n`,
      'controllers/chat.js': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function reply(request, response) {\n  try {\n    const c = await openai.chat.completions.create({ model: 'm', messages: [] });\n    response.json({ text: c.choices[0].message.content });\n  } catch (e) {\n    const body = { ok: false, error: e.message };\n    response.status(500).json(body);\n  }\n}\nexport function summary(res) {\n  return res.items.length;\n}\n`,
    });
    expect(lint(dir, 'controllers/chat.js')).toEqual(['9: body']);
  });
});

describe('module error facts', () => {
  it('records the arguments a result carries and the fields that hold a caught error', () => {
    const code = `export const format = (e) => \`failed: \${e}\`;
export function safe(e) { return { message: 'failed', status: e.status }; }
export default {
  wrap(data) { return { ok: false, data }; },
  fixed() { return { ok: false }; },
};
export async function call(fn) {
  try { return { ok: true, value: await fn() }; } catch (err) { return { ok: false, error: err.message, code: err.code }; }
}`;
    const flows = withModel(code, (m) => Object.fromEntries(errorFlowsOf(m, exportsOf(m.file).exports)));
    expect(flows).toEqual({
      format: { carries: [{ index: 0, fields: [''] }], errorFields: [] },
      'default.wrap': { carries: [{ index: 0, fields: ['data'] }], errorFields: [] },
      call: { carries: [], errorFields: ['error'] },
    });
  });
});
