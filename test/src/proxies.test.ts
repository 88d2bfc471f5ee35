/**
 * Provider proxies (issue 11): a model request to a configurable base URL whose default is another module's
 * constant, rewritten in a `let`, passed through a URL helper of another module, from a handler a Next.js route file
 * dispatches to. Real folders on disk, linted through ESLint's Linter, so the project map reads the other modules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache } from '../../src/project/index.js';
import { lintProjectFile, projectMaker } from '../helpers.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-proxies-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearProjectCache());

const project = projectMaker(root);
const RULES = ['no-error-details-to-client', 'require-auth-for-llm-route', 'no-raw-llm-response'];

/** "line rule" for each report on `file`. */
function lint(dir: string, file: string): string[] {
  return lintProjectFile(dir, file, RULES).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
}

const CONSTANTS = `export const OPENAI_BASE_URL = 'https://api.openai.com';\nexport const DOCS_URL = 'https://example.com/docs';\n`;
const GATEWAY = `export function gatewayUrl(fetchUrl: string) {\n  const parts = fetchUrl.split('/');\n  if (parts[2] === 'gateway.ai.cloudflare.com') return parts.slice(0, 7).concat(parts.slice(-2)).join('/');\n  return fetchUrl;\n}\n`;

/** common.ts: the request helper, with the URL's pieces as given. */
function common(base: string, wrap: (url: string) => string, rewrite = 'baseUrl = `https://${baseUrl}`;'): string {
  return [
    `import { NextRequest } from 'next/server';`,
    `import { OPENAI_BASE_URL, DOCS_URL } from '../constant';`,
    `import { gatewayUrl } from '../utils/gateway';`,
    `export async function requestOpenai(req: NextRequest) {`,
    `  const path = req.nextUrl.pathname.replaceAll('/api/openai/', '');`,
    `  let baseUrl = process.env.BASE_URL || ${base};`,
    `  if (!baseUrl.startsWith('http')) ${rewrite}`,
    `  if (baseUrl.endsWith('/')) baseUrl = baseUrl.slice(0, -1);`,
    `  const fetchUrl = ${wrap('`${baseUrl}/${path}`')};`,
    `  return fetch(fetchUrl, { method: req.method, headers: { Authorization: req.headers.get('Authorization') ?? '' }, body: req.body });`,
    `}`,
    ``,
  ].join('\n');
}

const OPENAI = [
  `import { NextRequest, NextResponse } from 'next/server';`,
  `import { requestOpenai } from './common';`,
  `export async function handle(req: NextRequest, { params }: { params: { path: string[] } }) {`,
  `  try {`,
  `    return await requestOpenai(req);`,
  `  } catch (e) {`,
  `    return NextResponse.json({ error: String(e) });`,
  `  }`,
  `}`,
  ``,
].join('\n');

/** A handler that forwards any other provider's request itself, to a base URL the caller may choose. */
const PROXY = [
  `import { NextRequest } from 'next/server';`,
  `import { OPENAI_BASE_URL } from './../constant';`,
  `export async function handle(req: NextRequest) {`,
  `  const base = req.headers.get('x-base-url') || OPENAI_BASE_URL;`,
  `  return fetch(\`\${base}\${req.nextUrl.pathname}\`, { method: req.method, body: req.body });`,
  `}`,
  ``,
].join('\n');

const ROUTE = [
  `import { NextRequest } from 'next/server';`,
  `import { handle as openaiHandler } from '../../openai';`,
  `import { handle as proxyHandler } from '../../proxy';`,
  `async function handle(req: NextRequest, { params }: { params: { provider: string; path: string[] } }) {`,
  `  switch (params.provider) {`,
  `    case 'openai':`,
  `      return openaiHandler(req, { params });`,
  `    default:`,
  `      return proxyHandler(req);`,
  `  }`,
  `}`,
  `export const POST = handle;`,
  ``,
].join('\n');

function proxyApp(commonText: string): string {
  return project({
    'app/constant.ts': CONSTANTS,
    'app/utils/gateway.ts': GATEWAY,
    'app/api/common.ts': commonText,
    'app/api/openai.ts': OPENAI,
    'app/api/proxy.ts': PROXY,
    'app/api/[provider]/[...path]/route.ts': ROUTE,
  });
}

describe('a Next.js provider proxy', () => {
  it('finds the model request through the imported base URL, the let rewritten from itself and the URL helper', () => {
    const dir = proxyApp(common('OPENAI_BASE_URL', (u) => `gatewayUrl(${u})`));
    // The dispatched handler sends the caught error; its lack of auth is the route file's to answer for.
    expect(lint(dir, 'app/api/openai.ts')).toEqual(['7 llm-leak/no-error-details-to-client']);
    // The route file dispatches to the proxy with no check in front (the request helper three modules down is past
    // what the route's summaries read; the proxy two down is not).
    expect(lint(dir, 'app/api/[provider]/[...path]/route.ts')).toEqual(['12 llm-leak/require-auth-for-llm-route']);
    // The helper relays the client's body and hands back the provider's answer, and is no route of its own.
    expect(lint(dir, 'app/api/common.ts')).toEqual([]);
  });

  it('is no model request when the constant names another host', () => {
    const dir = proxyApp(common('DOCS_URL', (u) => `gatewayUrl(${u})`));
    expect(lint(dir, 'app/api/openai.ts')).toEqual([]);
  });

  it('is not known when the let is given a value from elsewhere', () => {
    const dir = proxyApp(common('OPENAI_BASE_URL', (u) => `gatewayUrl(${u})`, 'baseUrl = await (await fetch(DOCS_URL)).text();'));
    expect(lint(dir, 'app/api/openai.ts')).toEqual([]);
  });

  it('is not known through a helper that does not hand its argument back', () => {
    const dir = project({
      'app/constant.ts': CONSTANTS,
      'app/utils/gateway.ts': `export function gatewayUrl(fetchUrl: string) {\n  return 'https://audit.example.com/log?u=' + encodeURIComponent(fetchUrl.length.toString());\n}\n`,
      'app/api/common.ts': common('OPENAI_BASE_URL', (u) => `gatewayUrl(${u})`),
      'app/api/openai.ts': OPENAI,
    });
    expect(lint(dir, 'app/api/openai.ts')).toEqual([]);
  });

  it('reads the imported constant in the route file itself (Hono-free, a plain App Router route)', () => {
    const dir = project({
      'app/constant.ts': CONSTANTS,
      'app/api/chat/route.ts': [
        `import { NextRequest, NextResponse } from 'next/server';`,
        `import { OPENAI_BASE_URL } from '../../constant';`,
        `export async function POST(req: NextRequest) {`,
        `  const { question } = await req.json();`,
        `  try {`,
        `    const r = await fetch(\`\${OPENAI_BASE_URL}/v1/chat/completions\`, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] }) });`,
        `    return NextResponse.json(await r.json());`,
        `  } catch (e: any) {`,
        `    return NextResponse.json({ error: e.message }, { status: 500 });`,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(lint(dir, 'app/api/chat/route.ts')).toEqual([
      '3 llm-leak/require-auth-for-llm-route',
      '7 llm-leak/no-raw-llm-response',
      '9 llm-leak/no-error-details-to-client',
    ]);
  });
});
