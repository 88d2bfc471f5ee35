/** Where credentials get written into source: env fallbacks, auth package options, HMAC keys, model API keys. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calledName, isFunction, propertyName, resolveFunction, skipTS, variableOf } from './ast.js';
import { cryptoCalls } from './crypto.js';
import { CALL, ESM, READ, trackerOf } from './references.js';
import type { FileContext, FunctionNode, Node } from './types.js';
import { LITERAL_KEY_PATTERNS, literalKeyLabel } from './flow/origin-secrets.js';
import type { CredentialOptions } from './frameworks/adapter.js';
import { frameworkAuth } from './frameworks/registry.js';

/**
 * Whether an environment variable name holds a credential or a login. The name's last word decides, so the
 * words after a credential word can make it a description of one (`TOKEN_TTL`, `SECRET_NAME`, `KEY_PREFIX`):
 * - a credential word: KEY, TOKEN, SECRET, PASS, PASSWORD, PWD, PASSPHRASE, CREDENTIAL(S), SALT, or a word ending
 *   in KEY/TOKEN/SECRET/PASSWORD (`APIKEY`); encoding words after it are skipped (`JWT_SECRET_B64`);
 * - a login word, USER/USERNAME/LOGIN, which is half of a login, but not alone (`USER` is the shell's user);
 * - KEY after a word that makes it a lookup key or a public key: CACHE_KEY, PRIMARY_KEY, IDEMPOTENCY_KEY, SITE_KEY;
 * - a count (`MAX_TOKENS`, `MIN_PASSWORD`) is a number;
 * - never a name with PUBLIC/PUBLISHABLE in it (`NEXT_PUBLIC_*` ships to the browser by design).
 */
export function isCredentialEnvName(name: string): boolean {
  const w = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (w.some((x) => x.includes('PUBLIC') || x === 'PUBLISHABLE')) return false;
  while (w.length > 1 && ENCODING_WORDS.has(w[w.length - 1]!)) w.pop();
  const last = w[w.length - 1];
  if (!last) return false;
  // MAX_TOKEN, MIN_PASSWORD: a number about the credential.
  if (COUNT_WORDS.has(w[w.length - 2] ?? '')) return false;
  if (LOGIN_WORDS.has(last)) return w.length > 1;
  if (last === 'KEY' || last === 'KEYS') return !LOOKUP_KEY_WORDS.has(w[w.length - 2] ?? '');
  return CREDENTIAL_WORDS.has(last) || /.(KEY|TOKEN|SECRET|PASSWORD)$/.test(last);
}

const CREDENTIAL_WORDS = new Set(['TOKEN', 'SECRET', 'SECRETS', 'PASS', 'PASSWORD', 'PASSWD', 'PWD', 'PASSPHRASE', 'CREDENTIAL', 'CREDENTIALS', 'SALT', 'PEPPER']);
const COUNT_WORDS = new Set(['MAX', 'MIN', 'NUM']);
const LOGIN_WORDS = new Set(['USER', 'USERNAME', 'LOGIN']);
const ENCODING_WORDS = new Set(['B64', 'BASE64', 'HEX', 'PEM', 'RAW']);
/** Words before KEY that make it a lookup key or a public identifier rather than a secret. */
const LOOKUP_KEY_WORDS = new Set(['CACHE', 'PRIMARY', 'PARTITION', 'SORT', 'ROUTING', 'IDEMPOTENCY', 'FOREIGN', 'STORAGE', 'LOCK', 'REDIS', 'SITE', 'QUEUE', 'OBJECT']);

/**
 * Model API key shapes: OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), OpenRouter (sk-or-v1-), Google (AIza),
 * Groq (gsk_), xAI (xai-), Hugging Face (hf_). Global, to look at every match in a string.
 */
export const MODEL_KEY =
  /(?<![\w-])(?:sk-(?:proj-|ant-(?:api\d\d-)?|or-v1-)?[A-Za-z0-9_-]{20,512}|AIza[0-9A-Za-z_-]{35}|gsk_[A-Za-z0-9]{20,512}|xai-[A-Za-z0-9]{20,512}|hf_[A-Za-z0-9]{30,512})/g;

/**
 * MODEL_KEY anywhere in a file's text: a string or template token matching it is a substring of the text with the same
 * character before it (a quote, a backtick or a brace), so a text without a match has no such token.
 */
const MODEL_KEY_IN_TEXT = new RegExp(MODEL_KEY.source);

/** A key-shaped match that is a real key: random keys hold digits; `sk-your-openai-key-goes-here` does not. */
function looksLikeModelKey(text: string): boolean {
  for (const m of text.matchAll(MODEL_KEY)) if (/\d/.test(m[0].slice(4))) return true;
  return false;
}

/**
 * Auth packages and which options of their setup call hold credentials. `users` is a map of name → password;
 * `validators` are callbacks whose literal comparisons are hard-coded credentials.
 */
type AuthPackageEntry = CredentialOptions;

/** Generic packages here; the auth packages a framework owns come from its adapter (`auth.credentialOptions`). */
const AUTH_PACKAGES: Record<string, readonly AuthPackageEntry[]> = {
  ...frameworkAuth.credentialOptions,
  // Signing secrets: a token or cookie signed with a published key can be forged by anyone.
  jsonwebtoken: [{ path: ['sign'], args: [1] }, { path: ['verify'], args: [1] }],
  'cookie-parser': [{ path: [], args: [0] }],
};

/** A hard-coded credential literal with what it is. */
export interface CredentialLiteral {
  readonly node: Node;
  readonly what: string;
}

/** Every credential literal in the file, each reported once. */
export function credentialLiterals(file: FileContext): CredentialLiteral[] {
  const out = new Map<Node, CredentialLiteral>();
  const add = (node: Node | undefined, what: string): void => {
    if (node && isNonEmptyString(node) && !out.has(node)) out.set(node, { node, what });
  };
  const { sourceCode } = file;

  // process.env.API_PASS || 'secret', ?? 'admin', env ? env : 'x', const { X = 'x' } = process.env
  for (const { name, fallback } of envFallbacks(file)) {
    const literal = literalBehind(sourceCode, fallback);
    if (literal && isApiKeyPlaceholder(name, literal)) continue;
    add(literal, `a fallback for ${name}`);
  }

  // Auth package options.
  const tracker = trackerOf(file);
  for (const [module, entries] of Object.entries(AUTH_PACKAGES)) {
    for (const entry of entries) {
      const leaf: Record<string | symbol, unknown> = entry.plugin ? { [READ]: entry } : { [CALL]: entry };
      let map: Record<string, unknown> = leaf;
      for (const key of [...entry.path].reverse()) map = { [key]: map };
      const trace = { [module]: entry.path.length === 0 ? { [ESM]: true, ...leaf, default: leaf } : { [ESM]: true, ...map, default: map } };
      const refs = [...tracker.iterateEsmReferences(trace as never), ...tracker.iterateCjsReferences(trace as never)];
      for (const { node } of refs) {
        const call = node as Node;
        if (call.type === AST_NODE_TYPES.CallExpression) {
          for (const i of entry.args ?? []) {
            const arg = call.arguments[i];
            if (arg) for (const lit of literalsBehind(sourceCode, arg)) add(lit, `the ${module} signing secret`);
          }
        }
        const found = entry.plugin ? pluginUses(file, call).map(pluginOptions) : [firstObjectArg(sourceCode, call)];
        for (const options of found) if (options) credentialOptions(file, module, entry, options, add);
      }
    }
  }

  // createHmac('sha256', 'literal') or a const holding one.
  for (const hmac of cryptoCalls(file).createHmac) {
    const key = hmac.arguments[1];
    if (key && key.type !== AST_NODE_TYPES.SpreadElement) for (const lit of literalsBehind(sourceCode, key)) add(lit, 'an HMAC signing key');
  }

  // Literal model API keys anywhere: client options, headers, constants. One scan of the text first: most files hold
  // none, and their tokens are not read.
  for (const token of MODEL_KEY_IN_TEXT.test(sourceCode.text) ? (sourceCode.ast.tokens ?? []) : []) {
    if ((token.type === 'String' || token.type === 'Template') && looksLikeModelKey(token.value)) {
      const node = sourceCode.getNodeByRangeIndex(token.range[0]);
      if (node && (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateElement)) {
        const target = node.type === AST_NODE_TYPES.TemplateElement ? (node.parent as Node) : node;
        if (isFirebaseWebConfigKey(target)) continue;
        const label = literalKeyLabel(token.value);
        if (!out.has(target)) out.set(target, { node: target, what: label ? `an ${label}`.replace(/^an (?=[^AEIOU])/, 'a ') : 'a model API key' });
      }
    }
  }
  return [...out.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * `process.env.OPENAI_API_KEY || 'not-used'`, `?? 'ollama'`: an API key the server presents to a keyless local model
 * server (Ollama, vLLM, LM Studio) needs some value, and a word with no digit and no key shape grants nothing. A
 * password or token the server checks (`ADMIN_TOKEN || 'changeme'`) is still reported, and so is any fallback
 * holding a digit (`'dev-key-123'`) or a key's prefix (`'sk-local-dev-key'`), which is how keys and shared dev keys look.
 */
function isApiKeyPlaceholder(envName: string, literal: Node): boolean {
  if (!/API_?KEY$/i.test(envName.replace(/([a-z0-9])([A-Z])/g, '$1_$2')) && !presentedAsApiKey(literal)) return false;
  const text = literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' ? literal.value : undefined;
  // `'sk-local-dev-key'` is written as a key: the author meant one to be there.
  return text !== undefined && !/\d/.test(text) && !LITERAL_KEY_PATTERNS.some((k) => text.startsWith(k.hint));
}

/**
 * `new OpenAI({ apiKey: process.env.OLLAMA_AUTH_TOKEN || 'ollama' })`: the fallback is the `apiKey` option itself, a
 * key the server presents to a model server whatever the variable is called.
 */
function presentedAsApiKey(literal: Node): boolean {
  let n: Node = literal;
  while (n.parent && (n.parent.type === AST_NODE_TYPES.LogicalExpression || n.parent.type === AST_NODE_TYPES.ConditionalExpression)) n = n.parent;
  const prop = n.parent;
  return prop?.type === AST_NODE_TYPES.Property && prop.value === n && /^api_?key$/i.test(propertyName(prop) ?? '');
}

/** Keys of a Firebase web app config besides `apiKey`: an object holding them is that config. */
const FIREBASE_CONFIG_KEYS = ['authDomain', 'projectId', 'messagingSenderId', 'appId', 'storageBucket'];

/**
 * `const firebaseConfig = { apiKey: 'AIza…', authDomain, projectId, appId }`: a Firebase web config's key identifies
 * the project to the browser SDK and ships in every web client by design; it is not a model API key. Decided from
 * the object's shape (an `apiKey` beside at least two other Firebase config keys), not from a variable name.
 */
function isFirebaseWebConfigKey(literal: Node): boolean {
  const prop = literal.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== literal || propertyName(prop) !== 'apiKey') return false;
  const obj = prop.parent;
  if (obj?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const keys = new Set(obj.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined)));
  return FIREBASE_CONFIG_KEYS.filter((k) => keys.has(k)).length >= 2;
}

/** The literal credentials in one auth package's options: literal keys, a users map, validator comparisons. */
function credentialOptions(
  file: FileContext,
  module: string,
  entry: AuthPackageEntry,
  options: TSESTree.ObjectExpression,
  add: (node: Node | undefined, what: string) => void,
): void {
  const { sourceCode } = file;
  for (const key of entry.literalKeys ?? []) {
    const v = valueOf(options, key);
    if (v) add(literalBehind(sourceCode, v), `the ${key} option of ${module}`);
  }
  for (const key of entry.maps ?? []) {
    const v = valueOf(options, key);
    const m = v && objectBehind(sourceCode, v);
    for (const p of m?.properties ?? []) {
      if (p.type === AST_NODE_TYPES.Property) add(literalBehind(sourceCode, p.value), `a password in the ${module} users map`);
    }
  }
  for (const key of entry.validators ?? []) {
    const v = valueOf(options, key);
    const fn = v && (isFunction(v) ? v : resolveFunction(sourceCode, v));
    if (fn) for (const lit of literalComparisons(file, fn)) add(lit, `a credential compared in the ${module} ${key} callback`);
  }
}

function isNonEmptyString(node: Node): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string' && n.value.length > 0;
  return n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0 && (n.quasis[0]?.value.cooked ?? '').length > 0;
}

/** The env reads of a file: `process.env` (global, or imported from node:process), and local aliases of it. */
function envObjects(file: FileContext): Node[] {
  const tracker = trackerOf(file);
  const env = { env: { [READ]: true } };
  const mod = { [ESM]: true, ...env, default: env };
  const out = [
    ...tracker.iterateGlobalReferences({ process: env } as never),
    ...tracker.iterateEsmReferences({ process: mod, 'node:process': mod } as never),
    ...tracker.iterateCjsReferences({ process: mod, 'node:process': mod } as never),
  ].map((r) => r.node as Node);
  // const env = process.env; env.API_KEY || 'x'
  for (const node of [...out]) {
    const p = node.parent;
    if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === node && p.id.type === AST_NODE_TYPES.Identifier) {
      for (const ref of file.sourceCode.getDeclaredVariables(p)[0]?.references ?? []) {
        if (ref.isRead()) out.push(ref.identifier as Node);
      }
    }
  }
  return out;
}

/** Literal-or-const fallbacks of credential env reads: `env || x`, `env ?? x`, `env ? env : x`, `!env ? x : env`, `{ X = x } = process.env`. */
function* envFallbacks(file: FileContext): Generator<{ name: string; fallback: Node }> {
  for (const env of envObjects(file)) {
    const p = env.parent;
    if (p?.type === AST_NODE_TYPES.MemberExpression && p.object === env) {
      // process.env.X / process.env['X']
      const name = propertyName(p);
      if (name && isCredentialEnvName(name)) yield* fallbacksOf(file, p, name, 0);
    } else if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === env && p.id.type === AST_NODE_TYPES.ObjectPattern) {
      // const { API_KEY = 'x', BASIC_PASS: pass } = process.env
      for (const prop of p.id.properties) {
        const name = prop.type === AST_NODE_TYPES.Property ? propertyName(prop) : undefined;
        if (!name || !isCredentialEnvName(name) || prop.type !== AST_NODE_TYPES.Property) continue;
        const target = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
        if (prop.value.type === AST_NODE_TYPES.AssignmentPattern) yield { name, fallback: prop.value.right };
        if (target.type === AST_NODE_TYPES.Identifier) yield* readsOf(file, target, name, 0);
      }
    }
  }
}

/** The fallbacks given to one env read, climbing `a || b || 'x'` chains and following a local it is stored in. */
function* fallbacksOf(file: FileContext, read: Node, name: string, depth: number): Generator<{ name: string; fallback: Node }> {
  let node = read;
  for (;;) {
    let p = node.parent;
    while (p && (p.type === AST_NODE_TYPES.ChainExpression || p.type === AST_NODE_TYPES.TSAsExpression || p.type === AST_NODE_TYPES.TSNonNullExpression || p.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
      node = p;
      p = p.parent;
    }
    if (p?.type === AST_NODE_TYPES.LogicalExpression && p.operator !== '&&') {
      if (p.left === node) yield { name, fallback: p.right };
      node = p;
      continue;
    }
    // env ? env : 'x' (only when the consequent is the same variable: `env ? 'on' : 'off'` is no fallback)
    if (p?.type === AST_NODE_TYPES.ConditionalExpression && p.test === node && sameEnv(file, p.consequent, name)) {
      yield { name, fallback: p.alternate };
    }
    // !env ? 'x' : env
    const c = p?.type === AST_NODE_TYPES.UnaryExpression && p.operator === '!' ? p.parent : undefined;
    if (c?.type === AST_NODE_TYPES.ConditionalExpression && c.test === p && sameEnv(file, c.alternate, name)) {
      yield { name, fallback: c.consequent };
    }
    // const pass = process.env.BASIC_PASS; ... pass || 'x'
    if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === node && p.id.type === AST_NODE_TYPES.Identifier) {
      yield* readsOf(file, p.id, name, depth);
    }
    return;
  }
}

function* readsOf(file: FileContext, id: TSESTree.Identifier, name: string, depth: number): Generator<{ name: string; fallback: Node }> {
  if (depth >= 3) return;
  const v = variableOf(file.sourceCode, id);
  for (const ref of v?.references ?? []) {
    if (ref.isRead() && ref.identifier !== id) yield* fallbacksOf(file, ref.identifier as Node, name, depth + 1);
  }
}

function sameEnv(file: FileContext, node: Node, name: string): boolean {
  return envName(file.sourceCode, node) === name;
}

function isProcessEnv(node: Node | null | undefined): boolean {
  if (!node) return false;
  const n = skipTS(node);
  return (
    n.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(n) === 'env' &&
    ((n.object.type === AST_NODE_TYPES.Identifier && n.object.name === 'process') ||
      (n.object.type === AST_NODE_TYPES.MetaProperty))
  );
}

/**
 * The environment variable a value reads: `process.env.X`, `process.env['X']`, `import.meta.env.X`, or a local
 * bound to one (`const { X } = process.env`, `const x = process.env.X`).
 */
export function envName(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, depth = 0): string | undefined {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.MemberExpression && isProcessEnv(n.object)) return propertyName(n);
  if (n.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const v = variableOf(sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return envName(sourceCode, def.node.init, depth + 1);
    if (def.node.id.type === AST_NODE_TYPES.ObjectPattern && isProcessEnv(def.node.init)) {
      for (const p of def.node.id.properties) {
        if (p.type !== AST_NODE_TYPES.Property) continue;
        const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
        if (value.type === AST_NODE_TYPES.Identifier && value.name === n.name) return propertyName(p);
      }
    }
  }
  return undefined;
}

function valueOf(obj: TSESTree.ObjectExpression, key: string): Node | undefined {
  let found: Node | undefined;
  for (const p of obj.properties) {
    if (p.type === AST_NODE_TYPES.Property && propertyName(p) === key) found = skipTS(p.value);
  }
  return found;
}

function firstObjectArg(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): TSESTree.ObjectExpression | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const arg = node.arguments[0];
  return arg ? objectBehind(sourceCode, arg) : undefined;
}

/**
 * The expressions naming a plugin module: `require('@fastify/jwt')` in place, or the uses of the import or
 * require binding (ReferenceTracker reports a READ at the import, not at its uses).
 */
function pluginUses(file: FileContext, node: Node): Node[] {
  let id: TSESTree.Identifier | undefined;
  if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier || node.type === AST_NODE_TYPES.ImportSpecifier || node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
    id = node.local;
  } else if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node && node.parent.id.type === AST_NODE_TYPES.Identifier) {
    id = node.parent.id;
  } else {
    return [node];
  }
  const v = file.sourceCode.getDeclaredVariables(id.parent as Node).find((x) => x.name === id.name);
  return (v?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier as Node);
}

/** `fastify.register(plugin, { ... })`: the options of a register call that names the plugin. */
function pluginOptions(node: Node): TSESTree.ObjectExpression | undefined {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node) return undefined;
  const callee = skipTS(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'register') return undefined;
  const opts = call.arguments[1];
  return opts?.type === AST_NODE_TYPES.ObjectExpression ? opts : undefined;
}

function objectBehind(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): TSESTree.ObjectExpression | undefined {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
  if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
  const v = variableOf(sourceCode, n);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : undefined;
  return init && skipTS(init).type === AST_NODE_TYPES.ObjectExpression ? (skipTS(init) as TSESTree.ObjectExpression) : undefined;
}

/**
 * The literals a key argument can be: the one `literalBehind` finds, and those of its fallbacks (`secret ||
 * 'your_jwt_secret'`, `?? 'dev'`, either branch of `c ? key : 'dev'`), which become the key whenever the value is missing.
 */
function literalsBehind(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, depth = 0): Node[] {
  const n = skipTS(node);
  if (depth < 8 && n.type === AST_NODE_TYPES.LogicalExpression && (n.operator === '||' || n.operator === '??')) {
    return [...literalsBehind(sourceCode, n.left, depth + 1), ...literalsBehind(sourceCode, n.right, depth + 1)];
  }
  if (depth < 8 && n.type === AST_NODE_TYPES.ConditionalExpression) {
    return [...literalsBehind(sourceCode, n.consequent, depth + 1), ...literalsBehind(sourceCode, n.alternate, depth + 1)];
  }
  const literal = literalBehind(sourceCode, n);
  return literal ? [literal] : [];
}

/** A literal, or the literal a `const` holds. */
function literalBehind(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node | undefined {
  const n = skipTS(node);
  if (isNonEmptyString(n)) return n;
  if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
  const v = variableOf(sourceCode, n);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return undefined;
  const init = skipTS(def.node.init);
  return isNonEmptyString(init) ? init : undefined;
}

/** String literals compared (`===`, `!==`, `safeCompare(x, 'lit')`) with a parameter of a validate callback. */
function literalComparisons(file: FileContext, fn: FunctionNode): Node[] {
  const out: Node[] = [];
  for (const bin of file.index.binaries) {
    if (bin.range[0] < fn.range[0] || bin.range[1] > fn.range[1]) continue;
    if (!['===', '!==', '==', '!='].includes(bin.operator)) continue;
    for (const side of [bin.left, bin.right]) if (isNonEmptyString(side as Node)) out.push(skipTS(side as Node));
  }
  for (const call of file.index.calls) {
    if (call.range[0] < fn.range[0] || call.range[1] > fn.range[1]) continue;
    const name = calledName(call);
    if (name !== 'safeCompare' && name !== 'timingSafeEqual') continue;
    for (const a of call.arguments) if (isNonEmptyString(a)) out.push(skipTS(a));
  }
  return out;
}
