/**
 * The shapes every part of the shared analysis agrees on. Rules only ever see these.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { LlmLeakSettings } from './settings.js';

export type Node = TSESTree.Node;
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'next';

/** Nodes of interest collected in a single walk of the file. */
export interface AstIndex {
  readonly calls: readonly TSESTree.CallExpression[];
  readonly news: readonly TSESTree.NewExpression[];
  readonly functions: readonly FunctionNode[];
  readonly assignments: readonly TSESTree.AssignmentExpression[];
  readonly returns: readonly TSESTree.ReturnStatement[];
  readonly binaries: readonly TSESTree.BinaryExpression[];
  /** Declarators with an initializer (`const x = ...`, `const { a } = ...`). */
  readonly declarators: readonly TSESTree.VariableDeclarator[];
}

/** What a part of the analysis needs to know about the file being linted. */
export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly ast: TSESTree.Program;
  readonly scopeManager: Scope.ScopeManager;
  readonly globalScope: Scope.Scope;
  readonly settings: LlmLeakSettings;
  readonly index: AstIndex;
  /** Modules the file imports or requires, by specifier (e.g. 'openai', 'express', 'node:crypto'). */
  readonly imports: ReadonlySet<string>;
  /** The linted file's name when known (Next.js route files and pages/api are recognised by it). */
  readonly filename?: string;
}

/** One key in a property path; '*' stands for a computed key we cannot resolve. */
export type PathKey = string | number;

/** A recognised call to a large language model. */
export interface LlmCall {
  /** The call itself: `client.chat.completions.create(...)`, `generateText(...)`, `fetch(...)`, `client.send(cmd)`. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** SDK family: 'openai' | 'anthropic' | 'google' | 'ai' | 'langchain' | 'cohere' | 'mistral' | 'groq' | 'ollama' | 'bedrock' | 'http' | 'custom'. */
  readonly provider: string;
  /** Human name of the result, used in messages: 'OpenAI completion', 'Anthropic message', 'Vercel AI SDK result'. */
  readonly resultLabel: string;
  /** The request options object when it is written in place (or resolves to a local object literal). */
  readonly options: TSESTree.ObjectExpression | undefined;
  /**
   * Option objects given where the client or model was set up and that shape this call: LangChain model
   * constructors, `getGenerativeModel({...})`. They can hold output limits and system instructions.
   */
  readonly setupOptions: readonly TSESTree.ObjectExpression[];
  /** Expressions that carry prompt content into the model: the messages array, `prompt`, `input`, `contents`, positional prompt arguments. */
  readonly inputs: readonly Node[];
  /** Expressions that end up as system/developer instructions (system messages' content, `system`, `instructions`, SystemMessage args). */
  readonly systemInputs: readonly Node[];
  /** Property paths in the awaited result that hold plain generated text, e.g. [['choices','*','message','content'], ['output_text']]. */
  readonly textPaths: readonly (readonly PathKey[])[];
  /** Option keys that cap the output for this API. */
  readonly limitKeys: readonly string[];
  /** True when the call returns a stream (stream: true, streamText, .stream()). */
  readonly streaming: boolean;
  /**
   * Source text appended to the result expression to get only the generated text, used by suggestions:
   * ".choices[0]?.message?.content ?? ''" for OpenAI chat, ".output_text" for Responses, ".text" for Vercel ai.
   * Undefined when there is no one mechanical accessor.
   */
  readonly textAccessor: string | undefined;
  /** Members the client wraps the result in (axios and openai v3 `.data`); a read of exactly these is the whole result. */
  readonly envelope: readonly PathKey[];
  /**
   * Result paths the provider fills in rather than the model ('*' any index): the link an image API stores the image
   * at (`data[].url`). Model output for the sinks of no-unsafe-llm-output, but not chosen by the model.
   */
  readonly servicePaths?: readonly (readonly PathKey[])[];
  /**
   * The call runs a model, but its value is not known to be a model result: a function of another module that reaches
   * a model call and returns something else, or nothing known. Its value carries no model origin.
   */
  readonly opaqueResult?: boolean;
  /**
   * A client handed whole to a function not in this file (`abortOnDisconnect(res, openai)`): a model is reached
   * somewhere inside, but the call's arguments are not its request.
   */
  readonly handedClient?: boolean;
  /**
   * The call's value as a whole carries model output, but not at a known place: another module's function returning
   * an object it built around generated content (ModelReturn `holds`). A field read out of it has no model origin.
   */
  readonly wholeOnly?: boolean;
  /**
   * Where in the model's result the call's value sits: another module's function that returns
   * `response.choices[0].message` gives `['choices', 0, 'message']`. Absent: the value is the whole result.
   */
  readonly resultPath?: readonly PathKey[];
}

/** Where a middleware in front of a handler comes from. */
export type MiddlewareScope = 'route' | 'router' | 'app' | 'hook' | 'plugin';

/** One middleware/hook that runs before a route's handler. */
export interface Middleware {
  /** The expression as written: `auth`, `basicAuth({...})`, `passport.authenticate('jwt')`, a hook function. */
  readonly node: Node;
  /** The function it resolves to when that function is in this file. */
  readonly fn: FunctionNode | undefined;
  readonly scope: MiddlewareScope;
  /** Fastify hook name ('onRequest', 'preHandler', ...) when it is a hook. */
  readonly hook?: string;
}

/** One HTTP route, whatever framework registered it. */
export interface Route {
  readonly framework: Framework;
  /** Upper-case method, 'ALL' for `app.all`/`app.use(path, fn)`-style catch-alls. */
  readonly method: string;
  /** The full static path when it is known (router prefix included when known), else undefined. */
  readonly path: string | undefined;
  /** Where reports about the route start: `app.post(...)` call, `fastify.route({...})` call, Next's exported function. */
  readonly registration: Node;
  /** The final handler functions, resolved to their definitions in this file. */
  readonly handlers: readonly FunctionNode[];
  /** The final handler as written when it is not a function of this file (`chat.reply`, an imported controller). */
  readonly handlerRef?: Node;
  /** What runs before the handler, in the order it runs: app-level, router-level, route-level. */
  readonly middleware: readonly Middleware[];
  /** Some handler or middleware could not be resolved (imported, built dynamically). Rules stay silent on doubt. */
  readonly unresolved: boolean;
  /**
   * A handler a route of another file dispatches to (a Next.js `handle(req: NextRequest)` export): that file decides
   * what runs before it, so its own lack of a check says nothing.
   */
  readonly dispatched?: true;
  /** The registration sits under a branch that only runs outside production (e.g. `if (process.env.NODE_ENV !== 'production')`). */
  readonly devOnly: boolean;
  /**
   * The router, app or Fastify plugin at the top of the route's mount chain in this file (`app` for `express()`,
   * `fastify()`, `new Koa()`, `new Hono()`): the project route map looks for where it is mounted.
   */
  readonly root?: RouteRoot;
}

/**
 * The top of a mount chain in one file: an app or router created there, or a function's parameter the project hands
 * an app or router (`function chatEndpoints(app) {...}` called as `chatEndpoints(apiRouter)` elsewhere).
 */
export interface RouteRoot {
  readonly node: Node;
  readonly app: boolean;
  /** The parameter: its function and position. */
  readonly param?: { readonly fn: FunctionNode; readonly index: number };
  /** A parameter assumed an app only to record what it is passed on to (the project map's facts); never a route root. */
  readonly provisional?: boolean;
}

/** A place where a value goes back to the HTTP client. */
export interface Sink {
  /** The expression that is sent (the report location). */
  readonly node: Node;
  /** How it is sent: 'res.json', 'res.send', 'reply.send', 'return', 'ctx.body', 'c.json', 'Response.json', 'new Response', ... */
  readonly kind: string;
  readonly framework: Framework | undefined;
  /** The function the sink sits in. */
  readonly fn: FunctionNode | undefined;
}

/** The role a function parameter plays in a handler, middleware or error handler. */
export type ParamRole =
  | 'req' // Express req, Fastify request, Next/Hono web Request
  | 'res' // Express res, Fastify reply
  | 'next'
  | 'ctx' // Koa ctx
  | 'honoContext' // Hono c
  | 'err'; // error-handler error parameter

/** Request parts a value can come from. */
export type RequestPart = 'body' | 'rawBody' | 'query' | 'params' | 'headers' | 'cookies' | 'auth' | 'session' | 'other';

/** Where a value came from. An expression can have several origins. */
export type Origin =
  /** A value read out of a model result; `path` is the property path from the awaited result, `text` says it is plain generated text. */
  | {
      readonly kind: 'llm';
      readonly call: LlmCall;
      readonly path: readonly PathKey[];
      readonly text: boolean;
      /** Escapes the value went through on its way here (`escapeHtml(text)`): the sinks they make it safe for. */
      readonly escaped?: readonly Escape[];
    }
  /**
   * An argument a model chose for a tool the code defines (Vercel `ai` `tool({ execute })`, LangChain `tool(fn)` and
   * `DynamicTool`): as much model output as generated text. `api` names the tool helper.
   */
  | {
      readonly kind: 'tool';
      readonly api: string;
      readonly escaped?: readonly Escape[];
      /**
       * On the whole arguments object: the keys the tool's schema limits to literals or numbers (`z.enum([...])`,
       * `z.number()`, a JSON schema `enum`): the SDK refuses anything else, so reading one carries no model text.
       */
      readonly fixedKeys?: readonly string[];
    }
  /** Request-derived data; `name` is the header/cookie/field name when known (lower-case for headers). */
  | { readonly kind: 'request'; readonly part: RequestPart; readonly name?: string }
  /** A secret: an environment variable or config field whose name marks it as a credential, or a literal key. */
  | { readonly kind: 'secret'; readonly name: string }
  /** A caught error or an error handler's error parameter. */
  | { readonly kind: 'error' }
  /** An HMAC or hash digest computed in the file; `keyed` for an HMAC (`createHmac`), not a plain hash (`createHash`). */
  | { readonly kind: 'digest'; readonly keyed?: boolean }
  /** A value that is sent to a model as prompt or messages. */
  | { readonly kind: 'prompt'; readonly call: LlmCall }
  /**
   * A system prompt (a value that reaches a model call's system or developer slot, not written by the client), or a
   * value holding one. `lists` counts the message lists around it: 0 for the prompt itself (or an object holding it),
   * 1 for a message list with the system message in it; one element of a list is not known to be that message.
   */
  | { readonly kind: 'system'; readonly lists: number }
  /**
   * Documents read from a vector store or retriever; `path` is the property path from the result, `containers` the
   * result keys that hold the records themselves (Pinecone `matches`), `store` names the API.
   */
  | { readonly kind: 'retrieved'; readonly store: string; readonly path: readonly PathKey[]; readonly containers: readonly string[] };

export type OriginKind = Origin['kind'];

/**
 * What an escape makes a value safe for: HTML, a URL part, a file name, a shell word, an SQL literal; 'all' for a
 * conversion to a number or boolean, which no sink can misread as code.
 */
export type Escape = 'html' | 'url' | 'path' | 'shell' | 'sql' | 'all';

/** A call to a logger. */
export interface LoggerCall {
  readonly node: TSESTree.CallExpression;
  /** 'console' | 'pino' | 'winston' | 'bunyan' | 'log4js' | 'debug' | 'request-logger' | 'framework-logger' | 'custom'. */
  readonly logger: string;
  readonly args: readonly TSESTree.CallExpressionArgument[];
}

/** Why something counts as authentication. */
export interface AuthEvidence {
  readonly node: Node;
  /**
   * 'package' (a known auth package), 'behaviour' (reads a credential and refuses), 'webhook' (signature
   * verification), 'settings' (named in settings), 'name' (an unresolvable middleware whose name says auth: the
   * documented last-resort heuristic).
   */
  readonly how: 'package' | 'behaviour' | 'webhook' | 'settings' | 'name';
  readonly description: string;
}

/** Where an imported value comes from: a module specifier (the project map resolves it) and the export name ('default' for `module.exports`). */
export interface ImportSource {
  readonly specifier: string;
  readonly name: string;
}

/** A value imported from another file mounted as a router or plugin: `app.use('/api', auth, chatRouter)`. */
export interface ExternalMount {
  readonly source: ImportSource;
  /** The framework of the app, router or plugin it is mounted on. */
  readonly framework: Framework;
  /** The mount's full path in this file (prefixes of local parents included); undefined when not static. */
  readonly path: string | undefined;
  /** What runs before the mounted router or plugin, in this file. */
  readonly middleware: readonly Middleware[];
  readonly devOnly: boolean;
  /** The mounting call. */
  readonly node: Node;
  /** The app, router or plugin at the top of the mount chain in this file. */
  readonly top: RouteRoot;
  /**
   * Set when the import is a function called with the app or router as this argument (`chatEndpoints(apiRouter)`):
   * its routes are registered on that app or router, at the call, rather than mounted.
   */
  readonly param?: number;
  /**
   * An `@fastify/autoload` folder (`source.specifier` is its path relative to this file's folder): each plugin file
   * in it is mounted, a subfolder's name prefixing its routes when `dirPrefix`.
   */
  readonly autoload?: { readonly dirPrefix: boolean };
}

/** One way the project mounts a router or plugin: where, in which file, and whether auth stands in front. */
export interface ProjectMount {
  /** The router's full mount path, undefined when some prefix is not static. */
  readonly path: string | undefined;
  /** The file of the mount that adds the router (absolute). */
  readonly file: string;
  readonly line: number;
  /** Some mount on the way from the app down authenticates. */
  readonly auth: boolean;
  /** Some mount on the way only runs outside production. */
  readonly devOnly: boolean;
  /** The framework of the mount that adds it (undefined from a custom entry with no mount of its own). */
  readonly framework?: Framework | undefined;
}

/** What a value becomes at an unsafe sink: code, a shell line, the program to run, SQL, a file path, a redirect target, a request URL, HTML. */
export type UnsafeKind = 'code' | 'shell' | 'program' | 'sql' | 'path' | 'redirect' | 'url' | 'html';

/** A value that reaches a sink where it stops being data (src/unsafe-sinks.ts). */
export interface UnsafeSink {
  /** The argument (or sent value) that becomes code, a command, a query, a path, a URL or HTML. */
  readonly node: Node;
  readonly kind: UnsafeKind;
  /** The call that uses it (for "runs before" questions). */
  readonly call: Node;
}

/** What a passing check proves about a value: one of a few literals, a shape a strict pattern fixes, a prefix, a URL's host. */
export type Check = 'literals' | 'pattern' | 'prefix' | 'host';
