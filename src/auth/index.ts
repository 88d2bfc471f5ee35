/** Recognises authentication: auth middleware (known packages, behaviour, settings, names) and inline guards. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, findProperty, isFunction, propertyName, resolveFunction, skipTS, staticString, variableOf } from '../ast.js';
import type { FileModel } from '../contract.js';
import type { AuthEvidence, FunctionNode, Middleware, Node } from '../types.js';
import { createBehaviour, type Behaviour } from './behaviour.js';
import { createGuard } from './guard.js';
import { AUTH_COMBINATORS, PLUGIN_AUTH_DECORATORS, KNOWN_MODULES, NOT_AUTH_PLUGINS, isAuthLikeName, type KnownInfo } from './known.js';
import { pathsOf } from '../flow/paths.js';
import { importSourceOf } from '../frameworks/common.js';

export interface AuthAnalysis {
  /** Whether a middleware authenticates the request. */
  middleware(mw: Middleware): AuthEvidence | undefined;
  /** A credential check in `fn` that ends the request on failure and runs on every path before `target`. */
  guardBefore(fn: FunctionNode, target: Node): AuthEvidence | undefined;
  /** What `fn` checks when it reads a credential and throws without a good one (a helper its callers call first). */
  throwsOnBadCredential(fn: FunctionNode): string | undefined;
}

/**
 * What a middleware value is: auth (with evidence), known not to be auth (a known package, or visible code that
 * checks nothing), or unknown (with the names the last-resort heuristic may look at).
 */
type Verdict =
  | { readonly kind: 'auth'; readonly evidence: AuthEvidence }
  | { readonly kind: 'no' }
  | { readonly kind: 'unknown'; readonly names: readonly string[] };

const NO: Verdict = { kind: 'no' };
const unknown = (...names: (string | undefined)[]): Verdict => ({
  kind: 'unknown',
  names: names.filter((n): n is string => !!n),
});

/** Builds the auth analysis of one file; every answer is memoised. */
export function createAuthAnalysis(model: FileModel): AuthAnalysis {
  const file = model.file;
  const sourceCode = file.sourceCode;
  const behaviour: Behaviour = createBehaviour(model);
  const guard = createGuard(behaviour, () => pathsOf(file.ast), file.sourceCode);
  const verdicts = new Map<Node, Verdict>();
  const settingNames = file.settings.authMiddleware;
  let decorations: Map<string, Node> | undefined;

  /** `fastify.decorate('authenticate', fn)` anywhere in the file, by decorator name (last one wins). */
  const decorated = (name: string): Node | undefined => {
    if (!decorations) {
      decorations = new Map();
      for (const call of file.index.calls) {
        const callee = skipTS(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'decorate') continue;
        const [key, value] = call.arguments;
        const k = key && staticString(key);
        if (k && value) decorations.set(k, value);
      }
    }
    return decorations.get(name);
  };

  const settingsMatch = (name: string | undefined): boolean => {
    if (!name) return false;
    const last = name.slice(name.lastIndexOf('.') + 1);
    return settingNames.some((s) => s === name || (!s.includes('.') && s === last));
  };

  /**
   * A wrapper that builds auth middleware per request and hands it its own arguments, e.g. Hono on Workers
   * `(c, next) => bearerAuth({ token: c.env.TOKEN })(c, next)` or `(req, res, next) => basicAuth({...})(req, res, next)`.
   * Sound only when its continuation is used nowhere else: then no path reaches the route without the auth
   * middleware (a `if (skip) return next()` branch disqualifies it).
   */
  const wrapperVerdict = (fn: FunctionNode, depth: number): Verdict | undefined => {
    const n = fn.params.length;
    const last = fn.params[n - 1];
    if (n < 2 || last?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const declared = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
    const vars = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? declared.find((v) => v.identifiers[0] === p) : undefined));
    const refs = vars[n - 1]?.references ?? [];
    if (refs.length !== 1) return undefined;
    const call = refs[0]!.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== n || call.arguments[n - 1] !== refs[0]!.identifier) return undefined;
    if (enclosingFunction(call) !== fn) return undefined;
    const forwarded = call.arguments.every((a, i) => a.type === AST_NODE_TYPES.Identifier && !!vars[i] && variableOf(sourceCode, a) === vars[i]);
    if (!forwarded) return undefined;
    const inner = classify(call.callee, depth + 1);
    return inner.kind === 'auth' ? inner : undefined;
  };

  /** Evidence from a function of this file: it reads a credential and refuses the request without it. */
  const functionVerdict = (fn: FunctionNode, depth = 0): Verdict => {
    const w = wrapperVerdict(fn, depth);
    if (w) return w;
    const s = behaviour.summary(fn);
    if (s.verifier) return auth(fn, s.verifier.named ? 'name' : s.verifier.webhook ? 'webhook' : 'behaviour', `verifies ${s.verifier.label}`);
    if (s.cred && (s.refuses || s.conditionalNext || (s.cred.webhook && s.badRequest))) {
      const how = s.cred.named ? 'name' : s.cred.webhook ? 'webhook' : 'behaviour';
      return auth(fn, how, `checks ${s.cred.label} and refuses the request without it`);
    }
    return NO;
  };

  const auth = (node: Node, how: AuthEvidence['how'], description: string): Verdict => ({
    kind: 'auth',
    evidence: { node, how, description },
  });

  /** A known package reference at this node. */
  const knownVerdict = (node: Node, info: KnownInfo): Verdict | undefined => {
    switch (info.kind) {
      case 'auth':
        // express-openid-connect: auth({ authRequired: false }) only attaches the session.
        if (info.check === 'eocAuth' && optionFalse(node, 'authRequired')) return NO;
        // passport.authenticate('anonymous') lets everyone through.
        if (info.check === 'passport' && node.type === AST_NODE_TYPES.CallExpression && anonymousStrategy(node.arguments[0])) return NO;
        return auth(node, 'package', info.label);
      case 'webhook':
        return auth(node, 'webhook', info.label);
      case 'notAuth':
        return NO;
      default:
        return undefined;
    }
  };

  const anonymousStrategy = (arg: Node | undefined): boolean => {
    if (!arg) return false;
    const a = skipTS(arg);
    if (a.type === AST_NODE_TYPES.ArrayExpression) return a.elements.some((e) => !!e && staticString(e) === 'anonymous');
    return staticString(a) === 'anonymous';
  };

  /** `auth({ authRequired: false })`, also through a local `const config = {...}`. */
  const optionFalse = (call: Node, key: string): boolean => {
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) return false;
    let obj: Node = skipTS(call.arguments[0]);
    if (obj.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(sourceCode, obj);
      const decl = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
      if (decl?.type === AST_NODE_TYPES.VariableDeclarator && decl.init) obj = skipTS(decl.init);
    }
    if (obj.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const p = findProperty(obj, key);
    const v = p && skipTS(p.value);
    return v?.type === AST_NODE_TYPES.Literal && v.value === false;
  };

  /** The module an import binding or `require()` destructuring comes from. */
  const moduleOf = (v: Scope.Variable): string | undefined => {
    const def = v.defs[0];
    if (!def) return undefined;
    if (String(def.type) === 'ImportBinding') {
      const decl = def.parent as TSESTree.ImportDeclaration | null;
      return typeof decl?.source?.value === 'string' ? decl.source.value : undefined;
    }
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = skipTS(def.node.init);
      if (
        init.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier &&
        init.callee.name === 'require' &&
        init.arguments[0]
      ) {
        return staticString(init.arguments[0]);
      }
    }
    return undefined;
  };

  const isKnownModule = (m: string): boolean =>
    m in KNOWN_MODULES || NOT_AUTH_PLUGINS.has(m) || m in PLUGIN_AUTH_DECORATORS;

  /** A value returned by a same-file factory: `const requireRole = (r) => (req, res, next) => {...}`. */
  const returnedValue = (fn: FunctionNode): Node | undefined => {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
    for (const ret of file.index.returns) {
      if (ret.range[0] < fn.range[0]) continue;
      if (ret.range[0] > fn.range[1]) break;
      if (ret.argument && enclosingFunction(ret) === fn) return ret.argument;
    }
    return undefined;
  };

  const classify = (raw: Node, depth = 0): Verdict => {
    const node = skipTS(raw);
    const hit = verdicts.get(node);
    if (hit) return hit;
    if (depth > 20) return unknown();
    verdicts.set(node, unknown()); // cycle guard
    const v = classifyUncached(node, depth);
    verdicts.set(node, v);
    return v;
  };

  const classifyUncached = (node: Node, depth: number): Verdict => {
    const name = behaviour.calleeName(node.type === AST_NODE_TYPES.CallExpression ? node.callee : node);
    if (settingNames.length > 0 && settingsMatch(name)) return auth(node, 'settings', `${name} is named in settings['llm-leak'].authMiddleware`);
    const info = behaviour.known.get(node);
    const k = info && knownVerdict(node, info);
    if (k) return k;
    if (isFunction(node)) return functionVerdict(node, depth);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const v = variableOf(sourceCode, node);
        if (!v || v.defs.length !== 1) return unknown(node.name);
        const def = v.defs[0]!;
        const from = moduleOf(v);
        // A known package's export used as is (not called): no evidence, and its name proves nothing.
        if (from !== undefined && isKnownModule(from)) return NO;
        if (from !== undefined) {
          // Another module of the project: its code decides (module summary), else only its name is left.
          const source = importSourceOf(file, node);
          const checks = source && source.name !== '*' ? model.importedAuth(source.specifier, source.name) : undefined;
          // A router of that module's routes: its name proves nothing (`router.use(authRoutes)`, the login routes).
          if (checks === null) return NO;
          return checks ? auth(node, 'behaviour', `${node.name} (${checks}, in ${source!.specifier})`) : unknown(node.name);
        }
        if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return functionVerdict(def.node, depth);
        if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.node.id === v.identifiers[0]) {
          if (v.references.some((r) => r.isWrite() && !r.init)) return unknown(node.name);
          const inner = classify(def.node.init, depth + 1);
          // `const requireAuth = makeGuard()` with makeGuard unresolvable: both names are evidence for the heuristic.
          return inner.kind === 'unknown' ? unknown(node.name, ...inner.names) : inner;
        }
        return unknown(node.name);
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTS(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const method = propertyName(callee);
          // jwt({...}).unless({ path: [...] }): still auth for the other paths.
          if (method === 'unless') {
            const inner = classify(callee.object, depth + 1);
            if (inner.kind === 'auth') return inner;
          }
          // fastify.auth([fastify.verifyJWT, fastify.basicAuth]) from @fastify/auth
          const combinator = Object.keys(AUTH_COMBINATORS).find((p) => AUTH_COMBINATORS[p] === method && file.imports.has(p));
          if (combinator && node.arguments[0]?.type === AST_NODE_TYPES.ArrayExpression) {
            for (const el of node.arguments[0].elements) {
              if (!el || el.type === AST_NODE_TYPES.SpreadElement) continue;
              const inner = classify(el, depth + 1);
              if (inner.kind === 'auth') return auth(node, inner.evidence.how === 'name' ? 'name' : 'package', `${combinator} with ${inner.evidence.description}`);
              // Unknown members are auth by name (documented heuristic).
              if (inner.kind === 'unknown' && inner.names.some(isAuthLikeName)) return auth(node, 'name', `${combinator} with ${inner.names[0]}`);
            }
            return NO;
          }
        }
        if (callee.type === AST_NODE_TYPES.Identifier) {
          const v = variableOf(sourceCode, callee);
          const from = v && moduleOf(v);
          if (from !== undefined && isKnownModule(from)) return NO;
        }
        // A same-file factory: classify what it returns.
        const factory = resolveFunction(sourceCode, callee);
        if (factory) {
          const ret = returnedValue(factory);
          if (!ret) return NO;
          const inner = classify(ret, depth + 1);
          return inner.kind === 'unknown' ? unknown(name, ...inner.names) : inner;
        }
        return unknown(name);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const key = propertyName(node);
        if (key !== undefined) {
          // fastify.basicAuth after registering @fastify/basic-auth.
          for (const [plugin, decorators] of Object.entries(PLUGIN_AUTH_DECORATORS)) {
            if (decorators.includes(key) && file.imports.has(plugin)) return auth(node, 'package', `${plugin} (${key})`);
          }
          // fastify.authenticate decorated in this file.
          const value = decorated(key);
          if (value && value !== node) return classify(value, depth + 1);
        }
        return unknown(name);
      }
      case AST_NODE_TYPES.ArrayExpression: {
        const names: string[] = [];
        for (const el of node.elements) {
          if (!el || el.type === AST_NODE_TYPES.SpreadElement) continue;
          const inner = classify(el, depth + 1);
          if (inner.kind === 'auth') return inner;
          if (inner.kind === 'unknown') names.push(...inner.names);
        }
        return names.length > 0 ? unknown(...names) : NO;
      }
      default:
        return unknown();
    }
  };

  const middleware = (mw: Middleware): AuthEvidence | undefined => {
    let v = classify(mw.node);
    // The adapters resolved the middleware to a function of this file (e.g. a decorated hook): behaviour decides.
    if (v.kind === 'unknown' && mw.fn) v = classify(mw.fn);
    if (v.kind === 'auth') return v.evidence;
    if (v.kind === 'no') return undefined;
    // Last resort: an unresolvable middleware whose name says auth (see isAuthLikeName).
    const named = v.names.find(isAuthLikeName);
    return named ? { node: mw.node, how: 'name', description: `${named} (by name; its code is not in this file)` } : undefined;
  };

  const throwsOnBadCredential = (fn: FunctionNode): string | undefined => {
    const s = behaviour.summary(fn);
    return s.cred && (s.throws || s.verifier) ? (s.verifier ?? s.cred).label : undefined;
  };
  return { middleware, guardBefore: guard, throwsOnBadCredential };
}
