/**
 * Type-aware rule cases: linted with `projectService` against test/fixtures/typed (the code of each case stands in
 * for test/fixtures/typed/file.ts). The model wrappers live in test/fixtures/typed/llm.ts, out of sight of the
 * syntactic analysis; only the checker knows what they return.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noRawLlmResponse from '../../rules/no-raw-llm-response.js';
import noSensitiveLogging from '../../rules/no-sensitive-logging.js';
import requireAuth from '../../rules/require-auth-for-llm-route.js';
import { ruleTester } from '../helpers.js';

const typed = new RuleTester({
  languageOptions: {
    globals: { process: 'readonly', console: 'readonly' },
    parserOptions: {
      projectService: true,
      tsconfigRootDir: path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/typed'),
    },
  },
});

// Express controller, defined apart from its registration, with parameter names the name heuristic does not know.
const expressController = `
import type { Request, Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  const completion = await ask(request.body.prompt);
  response.json(completion);
}
`;

typed.run('no-raw-llm-response (typed)', noRawLlmResponse, {
  valid: [
    // Valid because only the generated text of the wrapper's completion goes out.
    {
      code: `
import type { Request, Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  const completion = await ask(request.body.prompt);
  response.json({ answer: completion.choices[0]?.message?.content ?? '' });
}
`,
    },
    // Valid because the project's own ChatCompletionLike only shares a shape with the SDK's type.
    {
      code: `
import type { Request, Response } from 'express';
import { cached } from './llm.js';
export async function chat(request: Request, response: Response) {
  response.json(await cached(request.body.key));
}
`,
    },
    // Valid because a type named ChatCompletion declared in the project is not openai's.
    {
      code: `
import type { Request, Response } from 'express';
interface ChatCompletion { choices: string[] }
declare function lookup(key: string): Promise<ChatCompletion>;
export async function chat(request: Request, response: Response) {
  response.json(await lookup(request.body.key));
}
`,
    },
    // Valid because the web Response of a plain function is not Express's response.
    {
      code: `
import { ask } from './llm.js';
export async function relay(out: { json(x: unknown): void }, prompt: string) {
  out.json(await ask(prompt));
}
`,
    },
  ],
  invalid: [
    // Invalid because the wrapper returns the whole completion and the typed controller sends it.
    {
      code: expressController,
      errors: [
        {
          messageId: 'raw',
          data: { what: 'OpenAI completion' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 27,
          suggestions: [{ messageId: 'sendText', data: { accessor: "choices[0]?.message?.content ?? ''" }, output: expressController.replace('json(completion)', "json({ text: completion.choices[0]?.message?.content ?? '' })") }],
        },
      ],
    },
    // Invalid because the inferred ChatCompletion & WithRequestID is the completion too (Fastify types).
    {
      code: `
import type { FastifyReply, FastifyRequest } from 'fastify';
import { askInferred } from './llm.js';
export async function chat(request: FastifyRequest<{ Body: { prompt: string } }>, out: FastifyReply) {
  const completion = await askInferred(request.body.prompt);
  return out.send(completion);
}
`,
      errors: [
        {
          messageId: 'raw',
          data: { what: 'OpenAI completion' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'sendText',
              data: { accessor: "choices[0]?.message?.content ?? ''" },
              output: `
import type { FastifyReply, FastifyRequest } from 'fastify';
import { askInferred } from './llm.js';
export async function chat(request: FastifyRequest<{ Body: { prompt: string } }>, out: FastifyReply) {
  const completion = await askInferred(request.body.prompt);
  return out.send({ text: completion.choices[0]?.message?.content ?? '' });
}
`,
            },
          ],
        },
      ],
    },
    // Invalid because the OpenAI Responses result goes out whole (Hono context by type, inferred wrapper type).
    {
      code: `
import type { Context } from 'hono';
import { respond } from './llm.js';
export const chat = async (context: Context) => {
  const response = await respond(await context.req.text());
  return context.json(response);
};
`,
      errors: [
        {
          messageId: 'raw',
          data: { what: 'OpenAI response' },
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'sendText',
              data: { accessor: 'output_text' },
              output: `
import type { Context } from 'hono';
import { respond } from './llm.js';
export const chat = async (context: Context) => {
  const response = await respond(await context.req.text());
  return context.json({ text: response.output_text });
};
`,
            },
          ],
        },
      ],
    },
    // Invalid because the handler's type comes from its variable's annotation (Express RequestHandler).
    {
      code: `
import type { RequestHandler } from 'express';
import { ask } from './llm.js';
export const chat: RequestHandler = async (request, response) => {
  response.send(await ask(request.body.prompt));
};
`,
      errors: [
        {
          messageId: 'raw',
          data: { what: 'OpenAI completion' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'sendText',
              data: { accessor: "choices[0]?.message?.content ?? ''" },
              output: `
import type { RequestHandler } from 'express';
import { ask } from './llm.js';
export const chat: RequestHandler = async (request, response) => {
  response.send({ text: (await ask(request.body.prompt)).choices[0]?.message?.content ?? '' });
};
`,
            },
          ],
        },
      ],
    },
    // Invalid because a method of an exported object returns the completion (Koa context by type).
    {
      code: `
import type { Context } from 'koa';
import { llm } from './llm.js';
export async function chat(context: Context) {
  context.body = await llm.complete(String(context.request.body));
}
`,
      errors: [
        {
          messageId: 'raw',
          data: { what: 'OpenAI completion' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'sendText',
              data: { accessor: "choices[0]?.message?.content ?? ''" },
              output: `
import type { Context } from 'koa';
import { llm } from './llm.js';
export async function chat(context: Context) {
  context.body = { text: (await llm.complete(String(context.request.body))).choices[0]?.message?.content ?? '' };
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// The same controller without type information: the wrapper's result is out of sight, so nothing is reported.
ruleTester().run('no-raw-llm-response (same code, untyped)', noRawLlmResponse, {
  valid: [{ code: expressController }],
  invalid: [],
});

typed.run('require-auth-for-llm-route (typed)', requireAuth, {
  valid: [
    // Valid because the typed controller refuses requests without a credential before the model call.
    {
      code: `
import express, { type Request, type Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  if (request.get('authorization') !== process.env.API_TOKEN) return response.status(401).end();
  const completion = await ask(request.body.prompt);
  response.json({ answer: completion.choices[0]?.message?.content });
}
const router = express.Router();
router.post('/chat', chat);
`,
    },
    // Valid because the imported helper returns a project type, not a model result.
    {
      code: `
import express, { type Request, type Response } from 'express';
import { cached } from './llm.js';
export async function chat(request: Request, response: Response) {
  const hit = await cached(request.body.key);
  response.json({ answer: hit.choices[0]?.message.content });
}
const router = express.Router();
router.post('/chat', chat);
`,
    },
  ],
  invalid: [
    // Invalid because the controller reaches a model through the imported wrapper and nothing checks a credential.
    {
      code: `
import express, { type Request, type Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  const completion = await ask(request.body.prompt);
  response.json({ answer: completion.choices[0]?.message?.content });
}
const router = express.Router();
router.post('/chat', chat);
`,
      errors: [{ messageId: 'unauthenticated', data: { route: 'POST /chat', provider: 'OpenAI' }, line: 9, column: 1, endLine: 9, endColumn: 20 }],
    },
  ],
});

typed.run('no-sensitive-logging (typed)', noSensitiveLogging, {
  valid: [
    // Valid because token usage is metadata, and logs are where it belongs.
    {
      code: `
import type { Request, Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  const completion = await ask(request.body.prompt);
  console.info('tokens', completion.usage?.total_tokens);
  response.end();
}
`,
    },
  ],
  invalid: [
    // Invalid because the text the wrapper's model generated goes to the log.
    {
      code: `
import type { Request, Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  const completion = await ask(request.body.prompt);
  console.log('answer', completion.choices[0]?.message?.content);
  response.end();
}
`,
      errors: [
        {
          messageId: 'sensitiveLog',
          data: { logger: 'console.log', what: 'model output' },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'logHash',
              output: `
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { ask } from './llm.js';
export async function chat(request: Request, response: Response) {
  const completion = await ask(request.body.prompt);
  console.log('answer', createHash('sha256').update(JSON.stringify(completion.choices[0]?.message?.content) ?? '').digest('hex'));
  response.end();
}
`,
            },
          ],
        },
      ],
    },
  ],
});
