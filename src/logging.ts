/** Finds logger calls: console, pino, winston, bunyan, log4js, debug, request/framework loggers, settings names. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberChain, skipTS, variableOf } from './ast.js';
import type { FileModel } from './contract.js';
import { CALL, ESM, READ, trackerOf } from './references.js';
import type { FileContext, LoggerCall, Node } from './types.js';
import { LOG_OWNERS } from './frameworks/registry.js';
import { importSourceOf } from './frameworks/common.js';
import { constructsOnlyLocalClients } from './llm/local-clients.js';

const LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'silly', 'verbose', 'http', 'notice', 'critical', 'alert', 'emerg', 'dir', 'table'];
const levelMap = (): Record<string, { [CALL]: true }> =>
  Object.fromEntries(LEVELS.map((l) => [l, { [CALL]: true as const }]));

/** Modules whose factory call returns a logger object (`pino()`, `winston.createLogger()`, ...). */
const winston = {
  createLogger: { [CALL]: 'winston' },
  ...Object.fromEntries(LEVELS.map((l) => [l, { [READ]: 'winston-direct' }])),
};
// [ESM] makes named imports resolve to members and a default import to `default` (which is module.exports here).
const FACTORIES: Record<string, Record<string | symbol, unknown>> = {
  pino: { [ESM]: true, [CALL]: 'pino', default: { [CALL]: 'pino' }, pino: { [CALL]: 'pino' } },
  winston: { [ESM]: true, ...winston, default: winston },
  bunyan: { [ESM]: true, createLogger: { [CALL]: 'bunyan' }, default: { [CALL]: 'bunyan', createLogger: { [CALL]: 'bunyan' } } },
  log4js: { [ESM]: true, getLogger: { [CALL]: 'log4js' }, default: { getLogger: { [CALL]: 'log4js' } } },
  debug: { [ESM]: true, [CALL]: 'debug-factory', default: { [CALL]: 'debug-factory' } },
};

/** Objects conventionally holding a framework's logger: `req.log`, `request.log`, `ctx.log`, `fastify.log`, `app.log`, `app.logger`. */
const FRAMEWORK_LOG_OWNERS = new Set([...LOG_OWNERS, 'app', 'server']);

/** React's state and effect hooks: they run only where a component renders in the browser. */
const CLIENT_HOOKS = new Set(['useState', 'useEffect', 'useReducer', 'useRef', 'useLayoutEffect']);

/**
 * A React client component: a `'use client'` module, or one that imports a state or effect hook from `react`. Its
 * console is the browser's. (A server component calls no such hook, and a Next.js route handler imports none.)
 */
function isClientComponent(file: FileContext): boolean {
  const first = file.ast.body[0];
  if (first?.type === AST_NODE_TYPES.ExpressionStatement && first.directive === 'use client') return true;
  for (const stmt of file.ast.body) {
    if (stmt.type !== AST_NODE_TYPES.ImportDeclaration || stmt.source.value !== 'react') continue;
    for (const spec of stmt.specifiers) {
      if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.imported.type === AST_NODE_TYPES.Identifier && CLIENT_HOOKS.has(spec.imported.name)) return true;
    }
  }
  return false;
}

/**
 * A script run by hand against a server on this machine, not server code: it exports nothing and registers no route,
 * so no module of the server can use it (it is outside the server's module graph), and every model client it makes is
 * pointed at a loopback `baseURL` (it is a client of a locally served API, such as the app's own OpenAI-compatible
 * one). Its console is the terminal of whoever runs it, showing what they sent and what came back.
 */
function isLocalClientScript(file: FileContext, model: FileModel): boolean {
  if (exportsSomething(file) || !constructsOnlyLocalClients(file)) return false;
  return model.routes.length === 0 && model.sinks.length === 0 && model.llmCalls.every((c) => c.provider !== 'http');
}

/** `export ...`, `module.exports = ...`, `exports.x = ...`. */
function exportsSomething(file: FileContext): boolean {
  for (const stmt of file.ast.body) {
    if (
      stmt.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      stmt.type === AST_NODE_TYPES.ExportAllDeclaration ||
      stmt.type === AST_NODE_TYPES.TSExportAssignment
    ) {
      return true;
    }
  }
  return file.index.assignments.some((a) => {
    const chain = memberChain(skipTS(a.left));
    return chain !== undefined && (chain[0] === 'exports' || (chain[0] === 'module' && chain[1] === 'exports'));
  });
}

/** Logger calls of the file, in source order. */
export function findLoggerCalls(file: FileContext, model: FileModel): LoggerCall[] {
  const out = new Map<Node, LoggerCall>();
  const add = (node: TSESTree.CallExpression, logger: string): void => {
    if (!out.has(node)) out.set(node, { node, logger, args: node.arguments });
  };
  const tracker = trackerOf(file);

  // A React client component's console is the browser's, a hand-run local client's is its user's terminal: the
  // person reading it sees only their own data there.
  if (!isClientComponent(file) && !isLocalClientScript(file, model)) {
    for (const { node } of tracker.iterateGlobalReferences({ console: levelMap() } as never)) {
      if (node.type === AST_NODE_TYPES.CallExpression) add(node as TSESTree.CallExpression, 'console');
    }
  }

  // Logger objects made by a factory: remember the variables that hold them.
  const loggerVars = new Map<unknown, string>();
  const debugFns = new Set<unknown>();
  const visitFactory = (node: Node, info: unknown): void => {
    if (info === 'winston-direct') {
      const call = node.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === node) add(call, 'winston');
      return;
    }
    const holder = declaredVariable(file, node);
    if (!holder) return;
    if (info === 'debug-factory') debugFns.add(holder);
    else loggerVars.set(holder, String(info));
  };
  for (const { node, info } of tracker.iterateEsmReferences(FACTORIES as never)) visitFactory(node as Node, info);
  for (const { node, info } of tracker.iterateCjsReferences(FACTORIES as never)) visitFactory(node as Node, info);

  const settingsNames = new Set(file.settings.loggers);
  for (const call of file.index.calls) {
    const callee = skipTS(call.callee);
    // debug('app')('x') held in a variable: `const log = debug('app'); log(secret)`
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(file.sourceCode, callee);
      if (v && debugFns.has(v)) add(call, 'debug');
      else if (settingsNames.has(callee.name)) add(call, 'custom');
      continue;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const chain = memberChain(callee);
    if (!chain || chain.length < 2) continue;
    const method = chain[chain.length - 1]!;
    const dotted = chain.join('.');
    const owner = chain.slice(0, -1).join('.');
    if (settingsNames.has(dotted) || settingsNames.has(owner) || settingsNames.has(chain[0]!)) {
      if (settingsNames.has(dotted) || LEVELS.includes(method)) add(call, 'custom');
      continue;
    }
    if (!LEVELS.includes(method)) continue;
    // logger.info(...) on a variable made by a logger factory, also through `.child()`.
    const root = rootIdentifier(callee.object);
    if (root) {
      const v = variableOf(file.sourceCode, root);
      const kind = v && loggerVars.get(v);
      if (kind) {
        add(call, kind);
        continue;
      }
    }
    // req.log.info / request.log.warn / ctx.log / fastify.log / app.logger
    if (chain.length === 3 && (chain[1] === 'log' || chain[1] === 'logger')) {
      const ownerId = skipTS((callee.object as TSESTree.MemberExpression).object);
      const role = ownerId.type === AST_NODE_TYPES.Identifier ? model.paramRoleOf(ownerId) : undefined;
      if (role || FRAMEWORK_LOG_OWNERS.has(chain[0]!) || chain[0] === 'this') {
        add(call, role === 'req' || role === 'ctx' || chain[0] === 'req' || chain[0] === 'request' || chain[0] === 'ctx' ? 'request-logger' : 'framework-logger');
        continue;
      }
    }
    // Documented last-resort heuristic: an object named `logger` or `log` with a level method is a logger, also as a
    // member of an object another module of the project exports (`serverCfg.log.debug(...)` of a config module).
    if (chain.length === 2 && (chain[0] === 'logger' || chain[0] === 'log')) add(call, 'named-logger');
    else if (chain.length === 3 && (chain[1] === 'log' || chain[1] === 'logger') && projectImport(file, model, callee)) add(call, 'named-logger');
  }
  return [...out.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The root of `a.log.info` is a binding imported from another module of the project (not a package). */
function projectImport(file: FileContext, model: FileModel, callee: TSESTree.MemberExpression): boolean {
  const root = rootIdentifier(callee.object);
  const source = root && importSourceOf(file, root);
  return !!source && model.isProjectModule(source.specifier);
}

/** The variable a factory result is stored in: `const log = pino()`, `const log = pino().child({})`. */
function declaredVariable(file: FileContext, node: Node): unknown {
  let n: Node = node;
  // Climb through `.child({...})` and `await`.
  for (;;) {
    const p = n.parent;
    if (!p) return undefined;
    if (p.type === AST_NODE_TYPES.MemberExpression && p.object === n) {
      const call = p.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === p) {
        n = call;
        continue;
      }
      return undefined;
    }
    if (p.type === AST_NODE_TYPES.VariableDeclarator && p.init === n && p.id.type === AST_NODE_TYPES.Identifier) {
      return variableOf(file.sourceCode, p.id);
    }
    if (
      p.type === AST_NODE_TYPES.TSAsExpression ||
      p.type === AST_NODE_TYPES.TSNonNullExpression ||
      p.type === AST_NODE_TYPES.AwaitExpression
    ) {
      n = p;
      continue;
    }
    return undefined;
  }
}

function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let n = skipTS(node);
  for (;;) {
    if (n.type === AST_NODE_TYPES.Identifier) return n;
    if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTS(n.object);
    else if (n.type === AST_NODE_TYPES.CallExpression) n = skipTS(n.callee);
    else return undefined;
  }
}
