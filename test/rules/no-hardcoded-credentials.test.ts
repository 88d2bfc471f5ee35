import rule from '../../rules/no-hardcoded-credentials.js';
import { cjs, ruleTester } from '../helpers.js';

const hardcoded = 'hardcoded' as const;

ruleTester().run('no-hardcoded-credentials', rule, {
  valid: [
    // Valid because the signing secret's fallback is another environment variable, not a literal (Express helper).
    {
      code: `import jwt from 'jsonwebtoken';
export const verifyToken = (token, secret) => jwt.verify(token, secret || process.env.JWT_SECRET);`,
    },
    // Valid because a word with no digit and no key shape, as the API key of a keyless local model server, grants nothing.
    {
      code: `import OpenAI from 'openai';
const local = new OpenAI({ baseURL: process.env.LLM_URL, apiKey: process.env.OPENAI_API_KEY || 'not-used' });
const other = new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: process.env.OLLAMA_API_KEY ?? 'ollama' });`,
    },
    // Valid because the fallback is the apiKey option a client presents to a local model server, whatever the
    // variable is called (an auth token env, a local const).
    {
      code: `import OpenAI from 'openai';
const token = process.env.LMSTUDIO_KEY;
const a = new OpenAI({ baseURL: process.env.OLLAMA_URL, apiKey: process.env.IMAGE_GEN_OLLAMA_AUTH_TOKEN || 'ollama' });
const b = new OpenAI({ baseURL: process.env.LMSTUDIO_URL, apiKey: token || 'not-used' });`,
    },
    // Valid because a Firebase web config's apiKey identifies the project to browsers by design; it is no model key.
    {
      code: `const firebaseConfig = {
  apiKey: 'AIzaSyDTHCh3zY33u47WqfBQrmUINYuFe68_0H1',
  authDomain: 'demo-app.firebaseapp.com',
  projectId: 'demo-app',
  appId: '1:1234567890:web:abc123',
};
export default firebaseConfig;`,
    },
    // Valid because the credential comes from the environment with no fallback.
    `import basicAuth from 'express-basic-auth';
app.use(basicAuth({ users: { [process.env.BASIC_USER]: process.env.BASIC_PASS } }));`,
    // Valid because PORT, HOST, LOG_LEVEL, NODE_ENV, MODEL and NEXTAUTH_URL are not secrets.
    `const port = process.env.PORT || '3000';
const host = process.env.HOST ?? '0.0.0.0';
const level = process.env.LOG_LEVEL || 'info';
const env = process.env.NODE_ENV || 'development';
const model = process.env.MODEL ?? 'gpt-4o-mini';
const url = process.env.NEXTAUTH_URL || 'http://localhost:3000';`,
    // Valid because an empty string fallback ships no credential.
    `const key = process.env.OPENAI_API_KEY || '';
const pass = process.env.BASIC_PASS ?? \`\`;`,
    // Valid because the fallback is another environment read.
    `const key = process.env.OPENAI_API_KEY || process.env.OPENAI_KEY;`,
    // Valid because a key prefix, a cache key and a primary key name are lookup keys, not secrets.
    `const prefix = process.env.REDIS_KEY_PREFIX || 'app:';
const cacheKey = process.env.CACHE_KEY || 'llm-cache';
const pk = process.env.PRIMARY_KEY ?? 'id';`,
    // Valid because words after the credential word describe it: a TTL, a secret's name in a vault, a header name.
    `const ttl = process.env.TOKEN_TTL || '3600';
const secretName = process.env.JWT_SECRET_NAME || 'prod/jwt';
const header = process.env.API_KEY_HEADER || 'x-api-key';`,
    // Valid because NEXT_PUBLIC_ values ship to the browser by design.
    `const key = process.env.NEXT_PUBLIC_SITE_KEY || 'pk_live_123';`,
    // Valid because USER alone is the shell's user name, not a login for the app.
    `const who = process.env.USER || 'unknown';`,
    // Valid because a ternary on a secret that yields flags is not a fallback for it.
    `const mode = process.env.ADMIN_TOKEN ? 'token' : 'open';`,
    // Valid because 'sk-test' is too short to be a key.
    `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'sk-test' });`,
    // Valid because a documentation placeholder has no digits and is no real key.
    `const example = 'sk-your-openai-api-key-goes-here';`,
    // Valid because words that merely contain sk- are not keys.
    `const slug = 'task-management-board-for-teams-2024';`,
    // Valid because the HMAC key is read from the environment.
    `import { createHmac } from 'node:crypto';
const sig = createHmac('sha256', process.env.WEBHOOK_SECRET).update(raw).digest('hex');`,
    // Valid because the koa-basic-auth credentials come from the environment.
    {
      code: `const auth = require('koa-basic-auth');
app.use(auth({ name: process.env.ADMIN_USER, pass: process.env.ADMIN_PASS }));`,
      ...cjs,
    },
    // Valid because the @fastify/basic-auth validate callback compares against environment values.
    `import fastifyBasicAuth from '@fastify/basic-auth';
import { timingSafeEqual } from 'node:crypto';
async function validate(username, password) {
  if (username !== process.env.BASIC_USER || password !== process.env.BASIC_PASS) throw new Error('Unauthorized');
}
fastify.register(fastifyBasicAuth, { validate, authenticate: true });`,
    // Valid because a literal compared outside an auth package's validator is timing-safe-compare's concern, not a credential map.
    `function check(user: string) { return user === 'admin'; }`,
    // Valid because the hono bearer token is read from the environment.
    `import { bearerAuth } from 'hono/bearer-auth';
app.use('/api/*', bearerAuth({ token: process.env.API_TOKEN! }));`,
    // KNOWN MISS: a credential assembled at run time (concatenation, Buffer.from) is not a literal the rule can see.
    `import { createHmac } from 'node:crypto';
const key = 'whsec_' + 'abc123';
createHmac('sha256', key);`,
    // KNOWN MISS: a connection string with a password in it is not recognised.
    `const url = process.env.DATABASE_URL || 'postgres://admin:hunter2@db.internal:5432/app';`,
  ],
  invalid: [
    // Invalid because the literal becomes the jsonwebtoken secret whenever the caller passes no secret, as a literal
    // fallback of an environment variable does (a TypeScript helper of an Express app).
    {
      code: `import jwt from 'jsonwebtoken';
export const verifyToken = (token: string, secret: string) => jwt.verify(token, secret || 'your_jwt_secret');`,
      errors: [{ messageId: hardcoded, line: 2, column: 91, endLine: 2, endColumn: 108 }],
    },
    // Invalid because either branch of a conditional HMAC key, and a ?? fallback, is the key when chosen (Koa, CommonJS).
    {
      code: `const crypto = require('crypto');
function sign(body, key, dev) {
  const a = crypto.createHmac('sha256', key ?? 'local-webhook-secret').update(body).digest('hex');
  const b = crypto.createHmac('sha256', dev ? 'dev-secret' : key).update(body).digest('hex');
  return a + b;
}
module.exports = { sign };`,
      ...cjs,
      errors: [
        { messageId: hardcoded, line: 3, column: 48, endLine: 3, endColumn: 70 },
        { messageId: hardcoded, line: 4, column: 47, endLine: 4, endColumn: 59 },
      ],
    },
    // Invalid because an API key fallback with a real key's shape ships that key, local server or not.
    {
      code: `const key = process.env.OPENAI_API_KEY || 'sk-proj-abcdefghijklmnop12345';`,
      errors: [{ messageId: hardcoded, line: 1, column: 43, endLine: 1, endColumn: 74 }],
    },
    // Invalid because the same Google key shape given to the Gemini SDK is a model API key, not a Firebase config.
    {
      code: `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI('AIzaSyDTHCh3zY33u47WqfBQrmUINYuFe68_0H1');
const config = { apiKey: 'AIzaSyDTHCh3zY33u47WqfBQrmUINYuFe68_0H2', projectId: 'p' };`,
      errors: [
        { messageId: hardcoded, line: 2, column: 38, endLine: 2, endColumn: 79 },
        { messageId: hardcoded, line: 3, column: 26, endLine: 3, endColumn: 67 },
      ],
    },
    // Invalid because a fallback with a digit given as the apiKey option looks like a shared dev key.
    {
      code: `const c = new OpenAI({ apiKey: process.env.LLM_TOKEN || 'dev-key-123' });`,
      errors: [{ messageId: hardcoded, line: 1, column: 57, endLine: 1, endColumn: 70 }],
    },
    // Invalid because the Basic Auth password falls back to a literal.
    {
      code: `const pass = process.env.BASIC_PASS || 'secret';`,
      errors: [{ messageId: hardcoded, line: 1, column: 40, endLine: 1, endColumn: 48 }],
    },
    // Invalid because the login name falls back to a literal, half of a shipped login.
    {
      code: `const user = process.env.BASIC_USER || 'admin';`,
      errors: [{ messageId: hardcoded, line: 1, column: 40, endLine: 1, endColumn: 47 }],
    },
    // Invalid because 'changeme' is still a password that ships with the source.
    {
      code: `const token = process.env.ADMIN_TOKEN ?? 'changeme';`,
      errors: [{ messageId: hardcoded, line: 1, column: 42, endLine: 1, endColumn: 52 }],
    },
    // Invalid because a destructuring default is a fallback too (TypeScript).
    {
      code: `const { API_KEY = 'dev-key-123', PORT = '3000' }: Record<string, string | undefined> = process.env;`,
      errors: [{ messageId: hardcoded, line: 1, column: 19, endLine: 1, endColumn: 32 }],
    },
    // Invalid because the env read goes through a local const before the fallback.
    {
      code: `const raw = process.env.JWT_SECRET;
const secret = raw || 'jwt-dev-secret';`,
      errors: [{ messageId: hardcoded, line: 2, column: 23, endLine: 2, endColumn: 39 }],
    },
    // Invalid because destructured env reads with a later fallback ship the literal (CommonJS).
    {
      code: `const { SESSION_SECRET } = process.env;
module.exports = { secret: SESSION_SECRET || 'keyboard cat' };`,
      ...cjs,
      errors: [{ messageId: hardcoded, line: 2, column: 46, endLine: 2, endColumn: 60 }],
    },
    // Invalid because the ternary and negated ternary forms are fallbacks, and the bracket read counts.
    {
      code: `const a = process.env.DB_PASSWORD ? process.env.DB_PASSWORD : 'postgres';
const b = !process.env['SMTP_PASS'] ? 'mailpass' : process.env['SMTP_PASS'];`,
      errors: [
        { messageId: hardcoded, line: 1, column: 63, endLine: 1, endColumn: 73 },
        { messageId: hardcoded, line: 2, column: 39, endLine: 2, endColumn: 49 },
      ],
    },
    // Invalid because the last literal of a chain of env reads is the fallback; the literal lives in a const.
    {
      code: `const DEFAULT_SECRET = 'supersecret';
const s = process.env.HMAC_SECRET || process.env.LEGACY_SECRET || DEFAULT_SECRET;`,
      errors: [{ messageId: hardcoded, line: 1, column: 24, endLine: 1, endColumn: 37 }],
    },
    // Invalid because an alias of process.env and node:process are env reads too.
    {
      code: `import process from 'node:process';
const env = process.env;
const key = env.ADMIN_TOKEN ?? 'placeholder';`,
      errors: [{ messageId: hardcoded, line: 3, column: 32, endLine: 3, endColumn: 45 }],
    },
    // Invalid because express-basic-auth's users map holds a literal password (Express).
    {
      code: `import express from 'express';
import basicAuth from 'express-basic-auth';
const app = express();
app.use(basicAuth({ users: { admin: 'supersecret' }, challenge: true }));`,
      errors: [{ messageId: hardcoded, line: 4, column: 37, endLine: 4, endColumn: 50 }],
    },
    // Invalid because the users map is defined in a const and the authorizer compares literals (CommonJS).
    {
      code: `const basicAuth = require('express-basic-auth');
const users = { ops: 'letmein' };
app.use(basicAuth({ users }));
app.use(basicAuth({ authorizer: (u, p) => basicAuth.safeCompare(u, 'root') & basicAuth.safeCompare(p, 'toor') }));`,
      ...cjs,
      errors: [
        { messageId: hardcoded, line: 2, column: 22, endLine: 2, endColumn: 31 },
        { messageId: hardcoded, line: 4, column: 68, endLine: 4, endColumn: 74 },
        { messageId: hardcoded, line: 4, column: 103, endLine: 4, endColumn: 109 },
      ],
    },
    // Invalid because koa-basic-auth is given literal name and pass (Koa).
    {
      code: `import Koa from 'koa';
import auth from 'koa-basic-auth';
const app = new Koa();
app.use(auth({ name: 'admin', pass: 'secret' }));`,
      errors: [
        { messageId: hardcoded, line: 4, column: 22, endLine: 4, endColumn: 29 },
        { messageId: hardcoded, line: 4, column: 37, endLine: 4, endColumn: 45 },
      ],
    },
    // Invalid because the @fastify/basic-auth validate callback compares with literals (Fastify).
    {
      code: `import Fastify from 'fastify';
import fastifyBasicAuth from '@fastify/basic-auth';
const fastify = Fastify();
async function validate(username: string, password: string) {
  if (username !== 'admin' || password !== 'hunter2') throw new Error('Unauthorized');
}
fastify.register(fastifyBasicAuth, { validate, authenticate: true });`,
      errors: [
        { messageId: hardcoded, line: 5, column: 20, endLine: 5, endColumn: 27 },
        { messageId: hardcoded, line: 5, column: 44, endLine: 5, endColumn: 53 },
      ],
    },
    // Invalid because the HMAC key is a literal, directly and through a const.
    {
      code: `import crypto from 'node:crypto';
const WEBHOOK_KEY = 'whsec_abc123';
const a = crypto.createHmac('sha256', 'my-signing-key').update(body).digest('hex');
const b = crypto.createHmac('sha256', WEBHOOK_KEY).update(body).digest('hex');`,
      errors: [
        { messageId: hardcoded, line: 2, column: 21, endLine: 2, endColumn: 35 },
        { messageId: hardcoded, line: 3, column: 39, endLine: 3, endColumn: 55 },
      ],
    },
    // Invalid because an OpenAI key is written into the client constructor.
    {
      code: `import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: 'sk-proj-4fJ9kQ2xLm8Rt7Vb3Nc1Pw6Zs0Yh5Ud' });`,
      errors: [{ messageId: hardcoded, line: 2, column: 37, endLine: 2, endColumn: 78 }],
    },
    // Invalid because an Anthropic key sits in a const (CommonJS).
    {
      code: `const Anthropic = require('@anthropic-ai/sdk');
const KEY = 'sk-ant-api03-Zx81kLm2Qw9Er4Ty7Ui0Op3As6Df5Gh';
const client = new Anthropic({ apiKey: KEY });`,
      ...cjs,
      errors: [{ messageId: hardcoded, line: 2, column: 13, endLine: 2, endColumn: 59 }],
    },
    // Invalid because a key is written into an Authorization header of a fetch to a model API.
    {
      code: `await fetch('https://api.openai.com/v1/chat/completions', {
  headers: { Authorization: 'Bearer sk-4fJ9kQ2xLm8Rt7Vb3Nc1Pw6Zs0Yh5Ud' },
});`,
      errors: [{ messageId: hardcoded, line: 2, column: 29, endLine: 2, endColumn: 72 }],
    },
    // Invalid because a template literal holding a key is a literal too.
    {
      code: 'const headers = { Authorization: `Bearer gsk_8aK2mP9qR4tV7wX1yZ3bC5dE` };',
      errors: [{ messageId: hardcoded, line: 1, column: 34, endLine: 1, endColumn: 71 }],
    },
    // Invalid because a key right after a template's placeholder is in the template's text (the file's text is read
    // for a key before its tokens are).
    {
      code: 'const url = `${base}?key=${"x"}xai-8aK2mP9qR4tV7wX1yZ3bC5dE`;',
      errors: [{ messageId: hardcoded, line: 1, column: 13 }],
    },
    // Invalid because a Google key is given to the Gemini client.
    {
      code: `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI('AIzaSyD4x9Kq2Lm8Rt7Vb3Nc1Pw6Zs0Yh5UdQe7');`,
      errors: [{ messageId: hardcoded, line: 2, column: 38, endLine: 2, endColumn: 79 }],
    },
    // Invalid because hono's basicAuth, bearerAuth and jwt get literal credentials (Hono).
    {
      code: `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('/admin/*', basicAuth({ username: 'admin', password: 'pass123' }));
app.use('/api/*', bearerAuth({ token: 'static-token' }));
app.use('/chat/*', jwt({ secret: 'it-is-very-secret' }));`,
      errors: [
        { messageId: hardcoded, line: 6, column: 43, endLine: 6, endColumn: 50 },
        { messageId: hardcoded, line: 6, column: 62, endLine: 6, endColumn: 71 },
        { messageId: hardcoded, line: 7, column: 39, endLine: 7, endColumn: 53 },
        { messageId: hardcoded, line: 8, column: 34, endLine: 8, endColumn: 53 },
      ],
    },
    // Invalid because koa-jwt and express-jwt are given literal secrets.
    {
      code: `import koaJwt from 'koa-jwt';
import { expressjwt } from 'express-jwt';
router.use(koaJwt({ secret: 'shared-secret' }));
app.use(expressjwt({ secret: 'shhhhh', algorithms: ['HS256'] }));`,
      errors: [
        { messageId: hardcoded, line: 3, column: 29, endLine: 3, endColumn: 44 },
        { messageId: hardcoded, line: 4, column: 30, endLine: 4, endColumn: 38 },
      ],
    },
    // Invalid because jsonwebtoken signs with a literal secret, and express-session signs cookies with one.
    {
      code: `const jwt = require('jsonwebtoken');
const session = require('express-session');
const token = jwt.sign({ sub: user.id }, 'jwt-secret');
app.use(session({ secret: 'keyboard cat', resave: false }));`,
      ...cjs,
      errors: [
        { messageId: hardcoded, line: 3, column: 42, endLine: 3, endColumn: 54 },
        { messageId: hardcoded, line: 4, column: 27, endLine: 4, endColumn: 41 },
      ],
    },
    // Invalid because @fastify/jwt is registered with a literal secret (Fastify plugin options).
    {
      code: `import fastifyJwt from '@fastify/jwt';
fastify.register(fastifyJwt, { secret: 'supersecret' });`,
      errors: [{ messageId: hardcoded, line: 2, column: 40, endLine: 2, endColumn: 53 }],
    },
  ],
});
