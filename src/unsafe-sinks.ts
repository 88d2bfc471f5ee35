/**
 * Places where a value stops being data: code execution (`eval`, `new Function`, `vm`), a shell command or the program
 * to run (`child_process`), an SQL string, a file path (`fs`, `res.sendFile`), a redirect, the URL of an outgoing
 * request, and HTML a handler builds and sends. Modules are found through their imports (ESM and CommonJS, aliases
 * and destructuring); response objects through the framework adapters' parameter roles.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { boundOnce, propertyName, skipTS, staticString, variableOf } from './ast.js';
import { importSourceOf } from './frameworks/common.js';
import type { FileModel } from './contract.js';
import { fixesOrigin } from './flow/allow-list.js';
import { REDIRECT_CALLS } from './frameworks/registry.js';
import { CALL, CONSTRUCT, ESM, trackerOf } from './references.js';
import type { Node, UnsafeKind, UnsafeSink } from './types.js';

/** Which arguments of a traced call are sinks: their indexes, or `url` for an options object's `url` too. */
interface Spec {
  readonly kind: UnsafeKind;
  readonly args: readonly number[] | 'all';
  /** child_process calls that run a shell when their options say `shell: true`: every argument is then shell text. */
  readonly shellOption?: boolean;
  /** The argument may be an options object with the URL in `url` (axios, got, `http.request`). */
  readonly urlOption?: boolean;
}

const c = (spec: Spec): Record<symbol, unknown> => ({ [CALL]: spec });
const cn = (spec: Spec): Record<symbol, unknown> => ({ [CALL]: spec, [CONSTRUCT]: spec });

const SHELL: Spec = { kind: 'shell', args: [0] };
const PROGRAM: Spec = { kind: 'program', args: [0], shellOption: true };
const CHILD_PROCESS = {
  exec: c(SHELL), execSync: c(SHELL),
  spawn: c(PROGRAM), spawnSync: c(PROGRAM), execFile: c(PROGRAM), execFileSync: c(PROGRAM), fork: c(PROGRAM),
};
const CODE: Spec = { kind: 'code', args: [0] };
const VM = {
  runInNewContext: c(CODE), runInThisContext: c(CODE), runInContext: c(CODE), compileFunction: c(CODE),
  Script: { [CONSTRUCT]: CODE },
};
const P1: Spec = { kind: 'path', args: [0] };
const P2: Spec = { kind: 'path', args: [0, 1] };
const FS_FUNCTIONS = {
  readFile: c(P1), readFileSync: c(P1), writeFile: c(P1), writeFileSync: c(P1), appendFile: c(P1), appendFileSync: c(P1),
  createReadStream: c(P1), createWriteStream: c(P1), unlink: c(P1), unlinkSync: c(P1), rm: c(P1), rmSync: c(P1),
  rmdir: c(P1), rmdirSync: c(P1), mkdir: c(P1), mkdirSync: c(P1), readdir: c(P1), readdirSync: c(P1), open: c(P1),
  openSync: c(P1), truncate: c(P1), chmod: c(P1), rename: c(P2), renameSync: c(P2), copyFile: c(P2),
  copyFileSync: c(P2), cp: c(P2), cpSync: c(P2), symlink: c(P2), symlinkSync: c(P2),
  // fs-extra
  outputFile: c(P1), outputFileSync: c(P1), readJson: c(P1), readJsonSync: c(P1), writeJson: c(P1), writeJsonSync: c(P1),
  remove: c(P1), removeSync: c(P1), copy: c(P2), move: c(P2),
};
const FS = { ...FS_FUNCTIONS, promises: FS_FUNCTIONS };
const URL_ARG: Spec = { kind: 'url', args: [0], urlOption: true };
const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const HTTP_CLIENT = { [CALL]: URL_ARG, ...Object.fromEntries(HTTP_VERBS.map((m) => [m, c(URL_ARG)])) };
const NODE_HTTP = { get: c(URL_ARG), request: c(URL_ARG) };
const REDIRECT: Spec = { kind: 'redirect', args: [0] };

const MODULES: Record<string, unknown> = {
  child_process: CHILD_PROCESS, 'node:child_process': CHILD_PROCESS,
  vm: VM, 'node:vm': VM,
  fs: FS, 'node:fs': FS, 'fs/promises': FS_FUNCTIONS, 'node:fs/promises': FS_FUNCTIONS, 'fs-extra': FS, 'graceful-fs': FS,
  axios: HTTP_CLIENT, got: HTTP_CLIENT, ky: HTTP_CLIENT, 'node-fetch': HTTP_CLIENT, superagent: HTTP_CLIENT,
  undici: { fetch: c(URL_ARG), request: c(URL_ARG) },
  http: NODE_HTTP, 'node:http': NODE_HTTP, https: NODE_HTTP, 'node:https': NODE_HTTP,
  shelljs: { exec: c(SHELL) },
  execa: {
    execaCommand: c(SHELL), execaCommandSync: c(SHELL),
    execa: c(PROGRAM), execaSync: c(PROGRAM), execaNode: c(PROGRAM),
  },
};
// Framework modules' redirect functions (Next.js `redirect()`, `NextResponse.redirect`), from the adapters.
for (const [module, names] of Object.entries(REDIRECT_CALLS)) {
  const entry = (MODULES[module] ??= {}) as Record<string, unknown>;
  for (const name of names) {
    const keys = name.split('.');
    let at = entry;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]!] = c(REDIRECT);
  }
}
/** Markdown renderers that pass the HTML inside their input through (marked has no sanitiser): their result is HTML. */
const MARKDOWN = { marked: { [CALL]: true, parse: { [CALL]: true }, marked: { [CALL]: true, parse: { [CALL]: true } } } };
const ESM_MARKDOWN = { marked: { [ESM]: true, ...MARKDOWN.marked, default: MARKDOWN.marked } };

/** The same for imports: named imports are the members, a default import is the CommonJS module itself. */
const ESM_MODULES = Object.fromEntries(
  Object.entries(MODULES).map(([k, v]) => [k, { [ESM]: true, ...(v as object), default: v }]),
);
const GLOBALS: Record<string, unknown> = {
  eval: c(CODE),
  Function: cn({ kind: 'code', args: 'all' }),
  fetch: c(URL_ARG),
  Response: { redirect: c(REDIRECT) },
};

/** Methods that run the SQL text of their first argument (pg, mysql, sqlite, better-sqlite3, knex, Sequelize, postgres). */
const SQL_METHODS = new Set(['query', 'execute', 'raw', 'exec', 'all', 'get', 'run', 'each', 'prepare', 'unsafe', '$queryRawUnsafe', '$executeRawUnsafe']);
/** Methods that run their argument as SQL whatever it looks like. */
const RAW_SQL = new Set(['$queryRawUnsafe', '$executeRawUnsafe', 'unsafe']);
/** Packages whose clients run SQL text: a receiver made from one is a database handle whatever its name. */
const DB_PACKAGES = /^(?:pg|pg-pool|mysql2?(?:\/promise)?|mariadb|better-sqlite3|sqlite3?|knex|sequelize|@prisma\/client|postgres|mssql|oracledb|@neondatabase\/serverless|@vercel\/postgres|@libsql\/client|duckdb)$/;
/**
 * Receivers named as a database handle: the last resort for a query written whole by the model (`db.query(sql)`),
 * when where the receiver came from is not known (a parameter, a field, another module's export).
 */
const DB_NAME = /^(?:db|pool|conn|connection|database|knex|sequelize|prisma|pg|mysql|sqlite|client)$|(?:Db|DB|Pool|Connection|Database)$/;
/**
 * SQL statements written as text around the value. A select list must be names, `*` or calls (`SELECT id, name FROM`,
 * `SELECT COUNT(*) FROM`), so a prompt such as "select the best answer from the list" is not taken for SQL.
 */
const NAME = '[\\w."`()*]+(?:\\s+as\\s+\\w+)?';
const SQL_TEXT = new RegExp(
  `\\b(?:select\\s+(?:distinct\\s+)?${NAME}(?:\\s*,\\s*${NAME})*\\s+from\\s+[\\w."\`]+|insert\\s+into\\s+[\\w."\`]+|update\\s+[\\w."\`]+\\s+set\\s+[\\w."\`]+\\s*=|delete\\s+from\\s+[\\w."\`]+|(?:create|alter|drop)\\s+table|where\\s+[\\w."\`]+\\s*(?:=|<|>|like\\b|in\\b))`,
  'i',
);
/** An HTML tag in text. */
const HTML_TEXT = /<\/?[a-z][\w:-]*[\s>/]/i;

/** Response methods that redirect: Express `res.redirect`, Fastify `reply.redirect`, Koa `ctx.redirect`, Hono `c.redirect`. */
const REDIRECT_ROLES = new Set(['res', 'ctx', 'honoContext']);
/** Response methods that send a file from disk. */
const FILE_METHODS = new Set(['sendFile', 'download', 'sendfile']);
const HEADER_METHODS = new Set(['setHeader', 'set', 'header', 'append']);

/** Every unsafe sink of the file, in source order. */
export function unsafeSinksOf(model: FileModel): UnsafeSink[] {
  const file = model.file;
  const out: UnsafeSink[] = [];
  const add = (node: Node | undefined, kind: UnsafeKind, call: Node): void => {
    if (node && node.type !== AST_NODE_TYPES.SpreadElement) out.push({ node, kind, call });
  };
  const tracker = trackerOf(file);
  const found: { node: Node; info: unknown }[] = [];
  try {
    for (const r of tracker.iterateEsmReferences(ESM_MODULES as never)) found.push(r as never);
    for (const r of tracker.iterateCjsReferences(MODULES as never)) found.push(r as never);
    for (const r of tracker.iterateGlobalReferences(GLOBALS as never)) found.push(r as never);
  } catch {
    // Defensive: an odd module shape only loses sinks.
  }
  const seen = new Set<Node>();
  for (const { node, info } of found) {
    if (seen.has(node) || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) continue;
    seen.add(node);
    // `fetch(url)` to a model API is a model call, not a request the model chose.
    if (model.llmCallOf(node)) continue;
    const spec = info as Spec;
    const args = node.arguments as readonly Node[];
    const shell = spec.shellOption && args.some((a) => shellOption(a));
    args.forEach((a, i) => {
      // With `shell: true` the program and its arguments are one shell line.
      // `axios({ url })`: the options object is judged by its URL below, not whole.
      if (spec.urlOption && i === 0 && skipTS(a).type === AST_NODE_TYPES.ObjectExpression) return;
      if (spec.args === 'all' || spec.args.includes(i)) add(a, shell ? 'shell' : spec.kind, node);
      else if (shell && a.type === AST_NODE_TYPES.ArrayExpression) for (const e of a.elements) add(e ?? undefined, 'shell', node);
    });
    if (spec.urlOption && args[0]) add(urlProperty(args[0]), 'url', node);
  }
  for (const call of file.index.calls) {
    const callee = skipTS(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = propertyName(callee);
    if (!method) continue;
    const arg0 = call.arguments[0] as Node | undefined;
    if (SQL_METHODS.has(method) && arg0 && !seen.has(call) && sqlArgument(model, callee, method, arg0)) add(arg0, 'sql', call);
    const role = rootRole(model, callee.object);
    if (!role) continue;
    if (method === 'redirect' && REDIRECT_ROLES.has(role)) {
      // `res.redirect(301, url)` (Express), `reply.redirect(url, 301)` (Fastify 5): the argument that is not a status.
      add(call.arguments.find((a) => !isNumberLiteral(a)) as Node | undefined, 'redirect', call);
    } else if (method === 'location' && role === 'res') {
      add(arg0, 'redirect', call);
    } else if (HEADER_METHODS.has(method) && arg0 && staticString(arg0)?.toLowerCase() === 'location') {
      add(call.arguments[1] as Node | undefined, 'redirect', call);
    } else if (FILE_METHODS.has(method) && role === 'res') {
      add(arg0, 'path', call);
    }
  }
  const markdown = new Set<Node>();
  try {
    for (const it of [tracker.iterateEsmReferences(ESM_MARKDOWN as never), tracker.iterateCjsReferences(MARKDOWN as never)]) {
      for (const r of it) markdown.add(r.node as Node);
    }
  } catch {
    // Defensive, as above.
  }
  // HTML built from text and sent: `res.send(`<p>${answer}</p>`)`; Hono's `c.html(x)` sends HTML whatever x is.
  for (const sink of model.sinks) {
    // JSON bodies and Hono's `c.text(x)` are not HTML whatever they hold.
    if (/json$/i.test(sink.kind) || /\.text$/.test(sink.kind)) continue;
    if (/\.html$/.test(sink.kind) || HTML_TEXT.test(staticText(model, sink.node))) add(sink.node, 'html', sink.node);
    // Markdown rendered to HTML and sent: what the renderer was given is the HTML's source.
    if (markdown.size === 0) continue;
    for (const leaf of [sink.node, ...model.leafValues(sink.node)]) {
      const call = rendered(model, leaf, markdown);
      if (call) add(call.arguments[0] as Node | undefined, 'html', call);
    }
  }
  return out.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** `{ shell: true }` (or any value but `false`) in a child_process options object. */
function shellOption(a: Node): boolean {
  const o = skipTS(a);
  if (o.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return o.properties.some(
    (p) =>
      p.type === AST_NODE_TYPES.Property &&
      propertyName(p) === 'shell' &&
      !(p.value.type === AST_NODE_TYPES.Literal && (p.value.value === false || p.value.value === null)),
  );
}

/** `axios({ url })`, `got({ url })`, `http.request({ host })`: the options object's URL or host. */
function urlProperty(a: Node): Node | undefined {
  const o = skipTS(a);
  if (o.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const p of o.properties) {
    if (p.type === AST_NODE_TYPES.Property && ['url', 'baseURL', 'host', 'hostname', 'prefixUrl'].includes(propertyName(p) ?? '')) return p.value as Node;
  }
  return undefined;
}

/**
 * Whether `db.method(arg)` runs `arg` as SQL: a method that always does (`$queryRawUnsafe`), a string built with SQL
 * text around values, or (by the receiver's name, a last resort) a whole query a handle such as `db` or `pool` runs.
 */
function sqlArgument(model: FileModel, callee: TSESTree.MemberExpression, method: string, arg: Node): boolean {
  if (RAW_SQL.has(method)) return true;
  const a = skipTS(arg);
  if (a.type === AST_NODE_TYPES.TaggedTemplateExpression || a.type === AST_NODE_TYPES.ObjectExpression || a.type === AST_NODE_TYPES.Literal) return false;
  if (SQL_TEXT.test(staticText(model, a)) && builtText(model, a)) return true;
  if (!['query', 'execute', 'raw', 'exec'].includes(method)) return false;
  const recv = skipTS(callee.object);
  const made = madeFrom(model, recv);
  if (made !== undefined) return DB_PACKAGES.test(made);
  const name = recv.type === AST_NODE_TYPES.Identifier ? recv.name : recv.type === AST_NODE_TYPES.MemberExpression ? propertyName(recv) : undefined;
  return !!name && DB_NAME.test(name);
}

/**
 * The package a receiver was imported from or made by (`knex`, `new Pool()` of 'pg', `mysql.createPool()`, through
 * `await` and local bindings); undefined when that is not known here, or it is one of the project's own modules.
 */
function madeFrom(model: FileModel, node: Node, depth = 0): string | undefined {
  const n = skipTS(node);
  if (depth > 4) return undefined;
  if (n.type === AST_NODE_TYPES.AwaitExpression) return madeFrom(model, n.argument, depth + 1);
  if (n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) {
    let root = skipTS(n.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTS(root.object);
    return madeFrom(model, root, depth + 1);
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
  const source = importSourceOf(model.file, n);
  if (source) return model.isProjectModule(source.specifier) ? undefined : source.specifier;
  const init = boundOnce(model.file.sourceCode, n);
  return init ? madeFrom(model, init, depth + 1) : undefined;
}

/** Whether a value is text put together from parts (a template with values, a `+` chain), directly or through a const. */
function builtText(model: FileModel, n: Node, depth = 0): boolean {
  const x = skipTS(n);
  if (x.type === AST_NODE_TYPES.TemplateLiteral) return x.expressions.length > 0;
  if (x.type === AST_NODE_TYPES.BinaryExpression) return x.operator === '+';
  if (x.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const init = boundOnce(model.file.sourceCode, x);
    // A `let` built up with `+=` is built too.
    if (!init) return (variableOf(model.file.sourceCode, x)?.references ?? []).some((r) => r.isWrite() && !r.init);
    return builtText(model, init, depth + 1);
  }
  return false;
}

/**
 * The static text an expression is made of: string literals and template parts, through `+`, conditionals and the
 * initialisers (and `+=` additions) of the variables it names. For telling SQL and HTML from other text.
 */
export function staticText(model: FileModel, node: Node): string {
  const parts: string[] = [];
  const seen = new Set<Node>();
  const visit = (raw: Node, depth: number): void => {
    const n = skipTS(raw);
    if (seen.has(n) || depth > 4 || parts.length > 200) return;
    seen.add(n);
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof n.value === 'string') parts.push(n.value);
        break;
      case AST_NODE_TYPES.TemplateLiteral:
        for (const q of n.quasis) parts.push(q.value.cooked ?? q.value.raw);
        for (const e of n.expressions) visit(e, depth + 1);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') {
          visit(n.left as Node, depth);
          visit(n.right, depth);
        }
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        visit(n.consequent, depth + 1);
        visit(n.alternate, depth + 1);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        visit(n.left, depth + 1);
        visit(n.right, depth + 1);
        break;
      case AST_NODE_TYPES.Identifier: {
        const v = variableOf(model.file.sourceCode, n);
        if (!v || v.defs.length !== 1) break;
        const def = v.defs[0]!;
        if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) visit(def.node.init, depth + 1);
        for (const r of v.references) {
          const p = r.identifier.parent;
          if (r.isWrite() && !r.init && p?.type === AST_NODE_TYPES.AssignmentExpression && p.left === r.identifier) visit(p.right, depth + 1);
        }
        break;
      }
      default:
        break;
    }
  };
  visit(node, 0);
  return parts.join(' ');
}

/** The role of the variable at the root of `res.status(302).redirect`-style chains. */
function rootRole(model: FileModel, obj: Node): string | undefined {
  let n = skipTS(obj);
  for (let i = 0; i < 8; i++) {
    if (n.type === AST_NODE_TYPES.CallExpression) n = skipTS(n.callee);
    else if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTS(n.object);
    else break;
  }
  return n.type === AST_NODE_TYPES.Identifier ? model.paramRoleOf(n) : undefined;
}

const isNumberLiteral = (a: Node): boolean => a.type === AST_NODE_TYPES.Literal && typeof a.value === 'number';

/**
 * Placeholder for a part the server chose before the model's (a base URL from config): taken to be a whole origin,
 * so `${BASE}${path}` keeps the server's host. Static text is read as written (`'https://api.x.com' + v` is not).
 */
const SERVER_PART = 'srv://server/';

/**
 * Whether the start of a URL is fixed before the first part `carries` says came from the model: `https://api.x/q/${v}`,
 * `/items/${v}`, `${BASE}${v}`. Not `${v}`, `//${v}`, `https://${v}` or `new URL(v, base)` (an absolute `v` wins).
 */
export function originFixed(model: FileModel, node: Node, carries: (n: Node) => boolean, depth = 0): boolean {
  const n = skipTS(node);
  if (depth > 3) return false;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = boundOnce(model.file.sourceCode, n);
    return init ? originFixed(model, init, carries, depth + 1) : !carries(n);
  }
  if (n.type === AST_NODE_TYPES.NewExpression && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'URL' && n.arguments[0]) {
    return originFixed(model, n.arguments[0], carries, depth + 1);
  }
  if (n.type !== AST_NODE_TYPES.TemplateLiteral && !(n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+')) return !carries(n);
  let prefix = '';
  for (const part of textParts(n)) {
    if (typeof part === 'string') prefix += part;
    else if (carries(part)) return fixesOrigin(prefix);
    else prefix += staticString(part, model.file.sourceCode.getScope(part) as never) ?? SERVER_PART;
  }
  return true;
}

/** A template or `+` chain as its text and value parts, in order. */
function textParts(n: Node): (string | Node)[] {
  const x = skipTS(n);
  if (x.type === AST_NODE_TYPES.TemplateLiteral) {
    const out: (string | Node)[] = [];
    x.quasis.forEach((q, i) => {
      out.push(q.value.cooked ?? q.value.raw);
      const e = x.expressions[i];
      if (e) out.push(e);
    });
    return out;
  }
  if (x.type === AST_NODE_TYPES.BinaryExpression && x.operator === '+') return [...textParts(x.left as Node), ...textParts(x.right)];
  if (x.type === AST_NODE_TYPES.Literal && typeof x.value === 'string') return [x.value];
  return [x];
}

/** The markdown renderer call a value is, directly or through a const (`const html = marked.parse(text)`). */
function rendered(model: FileModel, node: Node, calls: ReadonlySet<Node>, depth = 0): TSESTree.CallExpression | undefined {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.AwaitExpression) return rendered(model, n.argument, calls, depth);
  if (n.type === AST_NODE_TYPES.CallExpression) return calls.has(n) ? n : undefined;
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 2) return undefined;
  const init = boundOnce(model.file.sourceCode, n);
  return init ? rendered(model, init, calls, depth + 1) : undefined;
}
