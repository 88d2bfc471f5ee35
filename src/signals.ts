/**
 * Cheap facts read off a file's text before any analysis: which kinds of modules it imports and whether it reads
 * the environment. Rules ask these first so that files that cannot hold their problem (most of a codebase) cost a
 * regular-expression scan, not a walk of the tree.
 */
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { LITERAL_KEY_PATTERNS, literalKeyLabel } from './flow/origin-secrets.js';
import { COMPATIBLE_HINT, MODEL_HOSTS } from './llm/hosts.js';
import { isModelModule } from './llm/sdks.js';
import { TOOL_MODULES } from './llm/tools.js';
import type { LlmLeakSettings } from './settings.js';
import { readsCredentialHeader } from './sensitive.js';
import { CONTROLLER_PARAM_TEXT, DECORATION_TEXT, isFrameworkModule, isRouteFile } from './frameworks/registry.js';
import { projectRoot } from './project/disk.js';
import { workspacePackageOf } from './project/workspaces.js';

export interface Signals {
  /** The file imports a web framework's module or plugin, or is a route by its name (src/frameworks/registry.ts). */
  readonly framework: boolean;
  /**
   * The file may call a model: it imports a model SDK, names a model API host (for fetch/axios calls, which count
   * only with a static host), names a settings llmCall, is type-checked and imports a framework, or (on disk) is
   * framework code that imports one of the project's own modules, whose summary may say it is a client or a model
   * function.
   */
  readonly llm: boolean;
  /** The file imports one of the project's own modules (relative, `#imports`, `@/`, `~/`). */
  readonly projectImport: boolean;
  /** The file imports a module that defines tools for a model (src/llm/tools.ts): their arguments are model output. */
  readonly tools: boolean;
  /**
   * The text may hold error middleware written apart from the app that registers it: a `next` parameter last in a
   * list (`(err, req, res, next)`) or `await next()` (Koa's try/catch around the rest of the chain).
   */
  readonly errorMiddleware: boolean;
  /**
   * The file imports one of the project's own modules and names a parameter as a framework's response or context
   * (`res`, `reply`, `ctx`, `c`): a controller or provider handed them by the module that registers the route.
   */
  readonly handedResponse: boolean;
  /** The file imports node:crypto and names createHmac, createHash or timingSafeEqual. */
  readonly crypto: boolean;
  /** The file reads environment variables. */
  readonly env: boolean;
  /** The file imports a package that takes credentials (auth middleware, JWT, sessions, basic-auth). */
  readonly authPackage: boolean;
  /** The text reads a credential header (`.headers.authorization`), whatever object holds it. */
  readonly credentialHeader: boolean;
  /** The text holds a string shaped like a model API key, or a name from settings.sensitiveNames. */
  readonly secretText: boolean;
}

const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;
/** Any known model API host in the text: the HTTP recogniser only counts fetch/axios calls to a static host. */
const HOST_TEXT = new RegExp(MODEL_HOSTS.map((h) => h.host.source.replace(/^\^/, '').replace(/\$$/, '')).join('|'));
/** A member of a member called, on `this` or on an identifier: `fastify.openai.ask(`, `request.server.ai.x(`, `this.ask(`. */
const DECORATION_READ = /\b(?:this|[A-Za-z_$][\w$]*\.server|[A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_$][\w$]*\s*[.(]/;
const NEXT_TEXT = /,\s*_?next\s*[:)]|\bawait\s+next\s*\(/;
const CRYPTO_CALL = /\b(?:createHmac|createHash|timingSafeEqual)\b/;
/** Literal fragments of every model host and key shape: `includes` on these is far cheaper than the regular expressions. */
const HOST_HINTS = MODEL_HOSTS.map((h) => h.hint);
const KEY_HINTS = LITERAL_KEY_PATTERNS.map((k) => k.hint);
/** One scan for any of the fragments: half the time of a `text.includes` per fragment on LibreChat's 2,084 files. */
const anyOf = (hints: readonly string[]): RegExp => new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const HOST_HINT = anyOf(HOST_HINTS);
const KEY_HINT = anyOf(KEY_HINTS);
const hasAny = (text: string, hints: RegExp): boolean => hints.test(text);
const AUTH = /(?:auth|jwt|jsonwebtoken|jose|passport|session|cookie|clerk|basic|bearer|webhooks?|svix|stripe|octokit|slack|line)/i;

/** A specifier that names a module of the project: relative, package `#imports`, the usual `@/` and `~/` aliases. */
const PROJECT_SPECIFIER = /^(?:\.{1,2}\/|#|@\/|~\/)/;

const cache = new WeakMap<object, Signals>();

/** Whether a bare specifier of the text names a package of the file's workspace (package.json `workspaces`, pnpm). */
function importsWorkspacePackage(text: string, filename: string): boolean {
  const root = projectRoot(filename, path.dirname(filename));
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1]!;
    if (!spec.startsWith('.') && !spec.startsWith('node:') && !isFrameworkModule(spec) && workspacePackageOf(root, spec)) return true;
  }
  return false;
}


/** The file's signals, computed once per file. */
export function signalsOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: LlmLeakSettings,
  filename?: string,
): Signals {
  const hit = cache.get(sourceCode.ast);
  if (hit) return hit;
  const text = sourceCode.text;
  let framework = false;
  let llm = false;
  let crypto = false;
  let authPackage = false;
  let local = false;
  let tools = false;
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1]!;
    if (!tools && Object.hasOwn(TOOL_MODULES, spec)) tools = true;
    if (!local && PROJECT_SPECIFIER.test(spec)) local = true;
    if (!framework && isFrameworkModule(spec)) framework = true;
    if (isModelModule(spec)) llm = true;
    if (spec === 'crypto' || spec === 'node:crypto') crypto = CRYPTO_CALL.test(text);
    if (AUTH.test(spec)) authPackage = true;
  }
  // File-routed frameworks (Next.js route handlers, pages/api) need no import to be routes.
  if (!framework && isRouteFile(filename)) framework = true;
  // fetch/axios to a model host, wrappers taught through settings, and typed wrappers the checker can see.
  if (!llm && ((hasAny(text, HOST_HINT) && HOST_TEXT.test(text)) || text.includes(COMPATIBLE_HINT))) llm = true;
  if (!llm && settings.llmCalls.some((name) => text.includes(name.slice(name.lastIndexOf('.') + 1)))) llm = true;
  // `@acme/ai` of the same monorepo (a workspace package) is a project import too: asked only of framework code.
  if (!local && !llm && framework && filename !== undefined && path.isAbsolute(filename)) local = importsWorkspacePackage(text, filename);
  // Only server code reads summaries (src/model.ts): library and browser files with relative imports stay cheap.
  if (!llm && local && framework && filename !== undefined && path.isAbsolute(filename)) llm = true;
  if (!llm && framework && (sourceCode.parserServices as { program?: unknown } | undefined)?.program) llm = true;
  // A module on disk may use what another module of its app decorated the instance with (`fastify.openai`): the
  // project map says (src/project/index.ts appDecorations). A plugin file need not import anything.
  if (!llm && filename !== undefined && path.isAbsolute(filename) && DECORATION_TEXT.some((t) => t.test(text)) && DECORATION_READ.test(text)) llm = true;
  const signals: Signals = {
    framework,
    llm,
    projectImport: local,
    tools,
    errorMiddleware: text.includes('next') && NEXT_TEXT.test(text),
    handedResponse: local && !framework && CONTROLLER_PARAM_TEXT.test(text),
    crypto,
    // `.env` covers process.env, import.meta.env and Hono's c.env; `'process'` covers `import { env } from 'node:process'`.
    env: (text.includes('.env') && /\.env\b/.test(text)) || (text.includes('process\'') || text.includes('process"')),
    authPackage,
    credentialHeader: readsCredentialHeader(text, settings.sensitiveNames),
    secretText: (hasAny(text, KEY_HINT) && literalKeyLabel(text) !== undefined) || settings.sensitiveNames.some((name) => text.includes(name)),
  };
  cache.set(sourceCode.ast, signals);
  return signals;
}

/**
 * Whether a module's own text could make its summary say something (a model client, a model call, a function reaching
 * one) with nothing known of its imports: it imports a model SDK, names a model API host or the OpenAI-compatible
 * path, or names a settings llmCall. A model API key literal counts too (a relay handed the key). A module without any
 * of these has an empty summary at level 0; above, only through an import that has one (files.ts).
 */
export function textHasModelSignal(text: string, settings: LlmLeakSettings, specifiers = textSpecifiers(text)): boolean {
  if (specifiers.some(isModelModule)) return true;
  if ((hasAny(text, HOST_HINT) && HOST_TEXT.test(text)) || text.includes(COMPATIBLE_HINT)) return true;
  // A model API key written in the source may be handed to a relay on any host (http-calls.ts).
  if (hasAny(text, KEY_HINT) && literalKeyLabel(text) !== undefined) return true;
  return settings.llmCalls.some((name) => text.includes(name.slice(name.lastIndexOf('.') + 1)));
}

/** Every module specifier the text imports, requires or re-exports from, once each. */
export function textSpecifiers(text: string): string[] {
  return [...new Set([...text.matchAll(SPECIFIER)].map((m) => m[1]!))];
}

const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\}\s*from\b)/;
/** `const x = require('m')`, `const { a, b: c } = require('m')`: the name or the pattern's text, and the literal specifier. */
const BOUND_BY_REQUIRE = /\b(?:const|let|var)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*(?:await\s+)?require\s*\(\s*(?:['"]([^'"]+)['"])?/g;
/** `import x, { a as b } from 'm'` (not `import type`): the bindings' text and the specifier. */
const BOUND_BY_IMPORT = /^\s*import\s+(?!type\b)([^'";]*?)\s*from\s*['"]([^'"]*)['"]?/gm;
const EXPORT_SITE = /\bmodule\.exports\s*=|\bexports\.[\w$]+\s*=|\bexport\s+default\b|\bexport\s*\{/g;
const WORD = /[\w$]+/g;
/** How far one exported value's text is read: an exports object longer than this is taken to pass an import on. */
const MAX_EXPORT_TEXT = 20_000;

/**
 * Whether the text may export an imported value as its own (the re-exports a summary lookup follows): `export * from`,
 * `export { x } from`, or an export site (`module.exports = ...`, `exports.x = ...`, `export default ...`,
 * `export { ... }`) whose value names a binding made by an import or a require, or calls require. A text check for
 * the project map, which skips parsing a module when nothing it could pass on can reach a model; it errs towards yes.
 */
export function textPassesImportOn(text: string, bindings = (): readonly TextBinding[] => textBindings(text)): boolean {
  if (REEXPORT.test(text)) return true;
  const names = new Set(bindings().flatMap((b) => b.names));
  for (const site of text.matchAll(EXPORT_SITE)) {
    const value = valueText(text, site.index + site[0].length);
    if (value === undefined || passesOn(value, names)) return true;
  }
  return false;
}

/**
 * The specifiers of the imports and requires whose bindings the text constructs (`new OpenAiLLM(...)` with
 * `const { OpenAiLLM } = require('../AiProviders/openAi')`, in a factory): an instance of another module's class, which
 * a summary can carry without reading that module (see ClientMap.instanceOf). A text check for the project map's parse
 * filter; it errs towards more specifiers.
 */
export function textConstructedImports(text: string, bindings = (): readonly TextBinding[] => textBindings(text)): string[] {
  if (!text.includes('new ')) return [];
  const constructed = new Set<string>();
  for (const m of text.matchAll(CONSTRUCTED)) constructed.add(m[1]!);
  const out = new Set<string>();
  for (const b of bindings()) if (b.specifier && b.names.some((n) => constructed.has(n))) out.add(b.specifier);
  return [...out];
}

const CONSTRUCTED = /\bnew\s+([\w$]+)\s*\(/g;

/**
 * The imports and requires of the text: the names each binds (keys of destructured requires too: erring towards
 * yes is fine) and its specifier when written as a literal.
 */
export interface TextBinding {
  readonly names: string[];
  readonly specifier: string | undefined;
}

export function textBindings(text: string): TextBinding[] {
  const out: TextBinding[] = [];
  for (const m of text.matchAll(BOUND_BY_REQUIRE)) out.push({ names: m[1] ? [m[1]] : [...m[2]!.matchAll(WORD)].map((w) => w[0]), specifier: m[3] });
  for (const m of text.matchAll(BOUND_BY_IMPORT)) out.push({ names: [...m[1]!.matchAll(WORD)].map((w) => w[0]).filter((w) => w !== 'as'), specifier: m[2] || undefined });
  return out;
}

/**
 * Whether an exported value's text is an import passed on, as the facts read it (facts.ts `valueOf`): a require call,
 * an imported binding or a member of one, or an object (or export list) with such a value among its properties. A
 * function that merely uses an import is not: a summary finds what it does one level down, not by re-export.
 */
function passesOn(value: string, names: ReadonlySet<string>, depth = 0): boolean {
  const v = value.trim().replace(/;$/, '').trim();
  if (/^(?:await\s+)?require\s*\(/.test(v)) return true;
  const chain = /^([\w$]+)(?:\s*\.\s*[\w$]+)*$/.exec(v);
  if (chain) return names.has(chain[1]!);
  if (depth > 2 || !v.startsWith('{') || !v.endsWith('}')) return false;
  return topLevel(v.slice(1, -1), ',').some((part) => {
    let p = part.trim();
    if (p.startsWith('...')) p = p.slice(3);
    else {
      const [key, ...rest] = topLevel(p, ':');
      if (rest.length > 0) p = rest.join(':');
      else p = key!.split(/\s+as\s+/)[0]!; // `export { a as b }`
    }
    return passesOn(p, names, depth + 1);
  });
}

/** `text` split at `sep` where no bracket is open. */
function topLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The text of the value after an export site: up to a `;` or line end outside brackets; undefined when too long. */
function valueText(text: string, from: number): string | undefined {
  let depth = 0;
  const end = Math.min(text.length, from + MAX_EXPORT_TEXT);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      // `export { a }` ends at its own brace.
      if (depth <= 0 && text[from - 1] === '{') return text.slice(from - 1, i + 1);
      if (depth < 0) return text.slice(from, i);
    } else if (depth === 0 && (c === ';' || (c === '\n' && i > from && text.slice(from, i).trim() !== ''))) return text.slice(from, i);
  }
  return end === text.length ? text.slice(from) : undefined;
}
