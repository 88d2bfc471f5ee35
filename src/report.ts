/** Shared pieces of how reports read and where they sit. */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction } from './ast.js';
import type { LlmCall, Origin, Route } from './types.js';
import { joinPath } from './frameworks/common.js';
import { providerDisplayName } from './llm/sdks.js';
import type { ProjectMount } from './types.js';

/**
 * Where a route report sits: the head of the registration (`app.post('/chat'`, `fastify.route({`,
 * `export async function POST`) rather than the whole handler, so the squiggle stays on one line.
 */
export function registrationLoc(route: Route): TSESTree.SourceLocation {
  const reg = route.registration;
  const start = reg.loc.start;
  if (reg.type === AST_NODE_TYPES.CallExpression) {
    const first = reg.arguments[0];
    // Stop after the path (`app.post('/chat'`), never inside a handler or options: `app.route('/x').post(async (req) => {`.
    const pathLike = first && first.type !== AST_NODE_TYPES.ObjectExpression && first.type !== AST_NODE_TYPES.ArrayExpression &&
      first.type !== AST_NODE_TYPES.CallExpression && first.type !== AST_NODE_TYPES.SpreadElement && !isFunction(first);
    const end = pathLike && first.loc.start.line === start.line ? first.loc.end : reg.callee.loc.end;
    return { start, end };
  }
  if (reg.type === AST_NODE_TYPES.ExportNamedDeclaration || reg.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    const decl = reg.declaration;
    if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) return { start, end: decl.id.loc.end };
    if (decl?.type === AST_NODE_TYPES.VariableDeclaration && decl.declarations[0]) {
      return { start, end: decl.declarations[0].id.loc.end };
    }
    if (decl?.type === AST_NODE_TYPES.FunctionDeclaration) return { start, end: decl.loc.start };
  }
  return reg.loc;
}

/** A route's full path under a mount from another file (undefined when either is not static). */
export function mountedPath(mount: ProjectMount, route: Route): string | undefined {
  return mount.path === undefined || route.path === undefined ? undefined : joinPath(mount.path, route.path) || '/';
}

/** "/api in app.ts": where another file mounts a router, the file relative to the cwd. */
export function describeMount(mount: ProjectMount, cwd: string): string {
  const rel = path.relative(cwd, mount.file);
  const file = (rel && !rel.startsWith('..') ? rel : mount.file).split(path.sep).join('/');
  return `${mount.path === undefined ? 'a computed path' : mount.path || '/'} in ${file}`;
}

/** "POST /chat" or "POST route" when the path is not static. */
export function describeRoute(route: Route): string {
  return route.path === undefined ? `${route.method} route` : `${route.method} ${route.path}`;
}

/** A short noun phrase for what a value is, for messages. */
export function describeOrigin(origin: Origin): string {
  switch (origin.kind) {
    case 'llm':
      return origin.text ? 'model output' : `the ${origin.call.resultLabel}`;
    case 'prompt':
      return 'the prompt sent to the model';
    case 'tool':
      return 'a tool argument the model chose';
    case 'secret':
      return `the secret ${origin.name}`;
    case 'digest':
      return origin.keyed ? 'a computed HMAC digest' : 'a computed hash';
    case 'error':
      return 'the error';
    case 'system':
      return origin.lists > 0 ? 'a message list holding the system prompt' : 'the system prompt';
    case 'retrieved':
      return `documents retrieved from ${origin.store}`;
    case 'request':
      switch (origin.part) {
        case 'headers':
          return origin.name ? `the ${origin.name} header` : 'the request headers';
        case 'cookies':
          return origin.name ? `the ${origin.name} cookie` : 'the request cookies';
        case 'auth':
          return 'the request credentials';
        case 'session':
          return 'the session';
        case 'rawBody':
          return 'the raw request body';
        case 'body':
          return 'the request body';
        default:
          return `request ${origin.part}`;
      }
  }
}

/** The provider's display name: "OpenAI", "Anthropic", "model API". */
export function providerName(call: LlmCall): string {
  return providerDisplayName(call.provider);
}

/** The display name of a provider id (a module summary's). */
export function providerLabel(provider: string): string {
  return providerDisplayName(provider as LlmCall['provider']);
}

/** The phrase with its first letter capitalised, to open a report sentence. */
export function sentence(phrase: string): string {
  return phrase.length === 0 ? phrase : phrase[0]!.toUpperCase() + phrase.slice(1);
}
