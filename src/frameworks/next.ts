/** Next.js route handlers (`export async function POST`) and pages-router API routes (`export default function handler`). */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { credential, mod, verifier } from '../auth/trace.js';
import type { Node } from '../types.js';
import type { FrameworkAdapter } from './adapter.js';
import { assignRoles, importSourceOf, makeRoute, resolveHandler, wrapperMiddleware, type Collector } from './common.js';
import { REQUEST, RESPONSE_SEND } from './request.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const ROUTE_FILE = /(^|[\\/])route\.[cm]?[jt]sx?$/;
const PAGES_API = /(^|[\\/])pages[\\/]api[\\/]/;

/** Finds Next.js App Router handlers and pages/api handlers. */
export function analyzeNext(col: Collector): void {
  const { file } = col;
  const filename = file.filename?.replace(/\\/g, '/');
  const appRoute = (!!filename && ROUTE_FILE.test(filename)) || file.imports.has('next/server');
  // Without a file name, a default-exported (req, res) handler in a file that imports from 'next' (NextApiRequest).
  const pagesApi = filename ? PAGES_API.test(filename) : file.imports.has('next');

  const dispatched: { stmt: Node; fn: TSESTree.FunctionDeclaration }[] = [];
  for (const stmt of file.ast.body) {
    if (appRoute && stmt.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const d = stmt.declaration;
      if (d?.type === AST_NODE_TYPES.FunctionDeclaration && d.id && METHODS.has(d.id.name)) {
        add(stmt, d.id.name, d);
      } else if (d?.type === AST_NODE_TYPES.VariableDeclaration) {
        // export const POST = async (req) => ... / export const POST = withAuth(async (req) => ...)
        for (const decl of d.declarations) {
          if (decl.id.type === AST_NODE_TYPES.Identifier && METHODS.has(decl.id.name) && decl.init) add(stmt, decl.id.name, decl.init);
        }
      } else if (!d && !stmt.source) {
        // export { handler as POST }
        for (const spec of stmt.specifiers) {
          const name = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
          if (METHODS.has(name)) add(stmt, name, spec.local as Node);
        }
      }
      if (d?.type === AST_NODE_TYPES.FunctionDeclaration && d.id && !METHODS.has(d.id.name) && takesRequest(d)) dispatched.push({ stmt, fn: d });
    }
    if (pagesApi && stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const decl = stmt.declaration as Node;
      const { fn } = resolveHandler(file, decl);
      // A pages/api handler takes (req, res).
      if (fn && (filename || fn.params.length === 2)) add(stmt, 'ALL', decl, true);
    }
  }

  // export async function handle(req: NextRequest, ...) that no method export of the file is: a handler a route file
  // dispatches to (`case ApiPath.Anthropic: return anthropicHandler(req, { params })`), at a path that file decides.
  for (const { stmt, fn } of dispatched) if (!col.handlerFns.has(fn)) add(stmt, 'ALL', fn, false, true);

  /** Its first parameter is declared a `NextRequest` of next/server: only a request can be handed to it. */
  function takesRequest(fn: TSESTree.FunctionDeclaration): boolean {
    const p = fn.params[0];
    const type = p?.type === AST_NODE_TYPES.Identifier ? p.typeAnnotation?.typeAnnotation : undefined;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
    const source = importSourceOf(file, type.typeName);
    return source?.specifier === 'next/server' && source.name === 'NextRequest';
  }

  function add(registration: Node, method: string, expr: Node, pages = false, dispatched = false): void {
    const resolved = resolveHandler(file, expr);
    if (resolved.fn) {
      assignRoles(col, resolved.fn, pages ? ['req', 'res'] : ['req'], 'next');
      col.handlerFns.set(resolved.fn, 'next');
    }
    const path = filename && !dispatched ? (pages ? pagesPath(filename) : appPath(filename)) : undefined;
    const route = makeRoute('next', method, path, registration, resolved.fn, wrapperMiddleware(file, resolved.wrappers), false);
    col.routes.push(dispatched ? { ...route, dispatched: true } : route);
  }
}

/** `src/app/api/(chat)/chat/route.ts` → `/api/chat`. */
function appPath(filename: string): string | undefined {
  const m = /(?:^|\/)app\/(.*?)\/?route\.[cm]?[jt]sx?$/.exec(filename);
  if (!m) return undefined;
  const segments = m[1]!.split('/').filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return `/${segments.join('/')}`;
}

/** `pages/api/chat/index.ts` → `/api/chat`. */
function pagesPath(filename: string): string | undefined {
  const m = /(?:^|\/)pages\/(api\/.*)\.[cm]?[jt]sx?$/.exec(filename);
  if (!m) return undefined;
  return `/${m[1]!.replace(/\/index$/, '')}`;
}

/** The Next.js adapter: routes come from file names and exports, not registrations. */
export const next: FrameworkAdapter = {
  id: 'next',
  modules: { names: ['next'], prefixes: ['next/'] },
  routeFile: new RegExp(`${ROUTE_FILE.source}|${PAGES_API.source}`),
  handlerRoles: ['req'],
  analyze: analyzeNext,
  // pages/api handlers take (req, res) with Express-like response methods.
  controllerParams: { res: 'res' },
  requestCalls: { 'next/headers': { cookies: 'cookies', headers: 'headers' } },
  redirectCalls: { 'next/navigation': ['redirect', 'permanentRedirect'], 'next/server': ['NextResponse.redirect'] },
  request: { req: REQUEST },
  sinks: { response: { label: 'res', send: RESPONSE_SEND }, webResponses: true, responseClasses: { 'next/server': 'NextResponse' } },
  // Route handlers read `await request.json()`; pages/api parses `req.body` by itself.
  bodyParsers: { parsedOnly: true },
  // NextResponse.json(x, { status: 401 }); redirect() of next/navigation throws.
  refusals: { methods: { json: 'statusInit1', redirect: 'auth' }, calls: ['redirect'] },
  auth: {
    modules: {
      // Session getters of Next.js auth libraries.
      'next-auth': mod({ getServerSession: credential('next-auth getServerSession') }),
      'next-auth/next': mod({ getServerSession: credential('next-auth getServerSession') }),
      'next-auth/react': mod({ getSession: credential('next-auth getSession') }),
      // `await auth.protect()` throws (redirects or 404s) when no user is signed in.
      '@clerk/nextjs/server': mod({
        auth: { ...credential('@clerk/nextjs auth'), protect: verifier('@clerk/nextjs auth.protect()') },
        currentUser: credential('@clerk/nextjs currentUser'),
      }),
    },
  },
  typedRoles: [{ names: ['NextRequest'], packages: ['next'], role: 'req' }],
};
