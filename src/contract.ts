/**
 * What rules may ask about one file: the model's public face. It lives apart from the model's construction
 * (src/model.ts) so that the analyses that build it can name it without importing the builder.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { CredentialLiteral } from './credentials.js';
import type { CryptoCalls } from './crypto.js';
import type { Paths } from './flow/paths.js';
import type { ModelFunction, TrackedValues } from './llm/summary.js';
import type {
  AuthEvidence,
  ExternalMount,
  FileContext,
  FunctionNode,
  LlmCall,
  LoggerCall,
  Middleware,
  Node,
  Origin,
  PathKey,
  ParamRole,
  ProjectMount,
  Route,
  Sink,
  Check,
  UnsafeSink,
} from './types.js';

/** A sent value carrying error details: the sink, and the part of it that carries them (the report location). */
export interface ErrorExposure {
  readonly sink: Sink;
  readonly detail: Node;
}

/** Everything the rules can ask about one file. */
export interface FileModel {
  readonly file: FileContext;
  /** Every recognised model call, in source order. */
  readonly llmCalls: readonly LlmCall[];
  /** SDK values the file binds, exports, assigns or returns, by start offset (for its module summary). */
  readonly trackedValues: TrackedValues;
  /** The model call a call/new node is, if any. */
  llmCallOf(node: Node): LlmCall | undefined;
  /** Routes registered in this file, all frameworks together. */
  readonly routes: readonly Route[];
  /** Places where values go back to the client, in source order. */
  readonly sinks: readonly Sink[];
  /** Error-handling functions: Express `(err, req, res, next)`, Fastify `setErrorHandler`, Koa try/catch around `await next()`, Hono `onError`. */
  readonly errorHandlers: readonly FunctionNode[];
  /**
   * Error details sent to the client (src/flow/error-details.ts): from error handlers in any module and from handlers
   * that reach a model call, with the part of the sent value that carries them.
   */
  readonly errorExposures: readonly ErrorExposure[];
  /** The role of a handler/middleware parameter (by its variable). */
  paramRole(variable: Scope.Variable): ParamRole | undefined;
  /** The role of the parameter an identifier refers to. */
  paramRoleOf(id: TSESTree.Identifier): ParamRole | undefined;
  /** Where values become code, a command, SQL, a file path, a redirect, a request URL or sent HTML (src/unsafe-sinks.ts). */
  readonly unsafeSinks: readonly UnsafeSink[];
  /**
   * What an allow-list, pattern, prefix or host check proves about `subject` where `target` runs: the check passed
   * on every way there (src/flow/allow-list.ts); undefined when nothing is checked.
   */
  checkedBefore(subject: Node, target: Node): Check | undefined;
  /** Whether a URL's scheme and host (or a same-site path) are fixed before any part `carries` marks. */
  originFixed(node: Node, carries: (n: Node) => boolean): boolean;
  /** Logger calls in the file. */
  readonly loggerCalls: readonly LoggerCall[];
  /** The first model call that runs when `fn` runs: in its body or in same-file functions it calls. */
  reachedLlmCall(fn: FunctionNode): LlmCall | undefined;
  /**
   * Every place in the handlers `fns` through which a model call runs: model calls written in them (or in inline
   * callbacks inside them) and calls of same-file functions that lead to one. A check must stand before each.
   */
  llmSitesIn(fns: readonly FunctionNode[]): readonly { fn: FunctionNode; site: Node; call: LlmCall }[];
  /**
   * What a function referenced here but written in another module of the project does, by its module summary: an
   * imported `reply`, `chat.reply` of an imported object or namespace, or one wrapped as `asyncHandler(chat.reply)`.
   * Undefined when the summary is unknown or the function reaches no model call.
   */
  importedFunction(node: Node): ModelFunction | undefined;
  /** The expressions a function of this file returns (an arrow's expression body included). */
  returnsOf(fn: FunctionNode): readonly Node[];
  /** The calls in this file whose callee resolves to `fn`. */
  callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[];
  /** Where the value of an expression came from (empty when nothing of interest). */
  originsOf(node: Node): readonly Origin[];
  /**
   * The arguments of a call of another project module's function that its result carries
   * (`ApiResponse.success('ok', data)`), from that module's error-flow facts; none when unknown. Only the linted file
   * reads them.
   */
  carriedArgs(call: TSESTree.CallExpression): readonly Node[];
  /** Whether a middleware authenticates the request. */
  authOfMiddleware(mw: Middleware): AuthEvidence | undefined;
  /**
   * What an export of another project module checks, when its code authenticates a request (its module summary);
   * null when its code shows it cannot (a router or app of that module's routes, mounted here); undefined when unknown
   * or when it does not.
   */
  importedAuth(specifier: string, name: string): string | null | undefined;
  /**
   * Whether an identifier is imported from another project module where it is a constant bound to a string literal
   * (that module's facts): `ACCESS_CODE_PREFIX` of a constants module.
   */
  isImportedLiteral(id: TSESTree.Identifier): boolean;
  /** What `fn` checks when it reads a credential and throws without a good one; undefined when it does not. */
  throwsOnBadCredential(fn: FunctionNode): string | undefined;
  /**
   * What a function of another project module that a callee names checks, when its code reads a credential and throws
   * without a good one (that module's facts); undefined otherwise. Only the linted file reads them.
   */
  importedVerifier(callee: Node): string | undefined;
  /**
   * Whether an import names a module of the project rather than a package: a relative path, or a specifier the project
   * map resolves to a project file (tsconfig paths, package.json imports, workspace packages). A file not on disk has
   * only relative ones.
   */
  isProjectModule(specifier: string): boolean;
  /** A credential check inside `fn` that ends the request, and that runs on every path before `target`. */
  authGuardBefore(fn: FunctionNode, target: Node): AuthEvidence | undefined;
  /** False when the file imports no web framework, no model SDK and names nothing from settings: rules can bail out. */
  readonly relevant: boolean;
  /** Other modules of the project register functions of this file as handlers or plugins (see the project map). */
  readonly registeredElsewhere: boolean;
  /**
   * The file calls a model SDK method on a client that another module of its project makes (a service of a layered
   * app); a call of another module's function that calls the model does not count.
   */
  readonly callsProjectClient: boolean;
  /**
   * A module that defines route handlers the app registers (a controller) imports this file: a service of the
   * server. It reads its imports' summaries as framework code does.
   */
  readonly servesHandlers: boolean;
  /** This file's functions that other modules register as route handlers or middleware (controllers). */
  readonly externalHandlers: readonly FunctionNode[];
  /** The other files of the project whose facts the answers given so far depended on (for the CLI's --cache). */
  readonly projectFiles: ReadonlySet<string>;
  /**
   * Where the project's entry files mount the router or plugin a route belongs to (see src/project). Undefined when
   * the map does not apply (the route is on an app, its router is not exported, the file is not on disk); empty
   * when a router is exported but no entry mounts it.
   */
  mountsOf(route: Route): readonly ProjectMount[] | undefined;
  /** Routers and plugins imported from other files and mounted in this one. */
  readonly externalMounts: readonly ExternalMount[];
  /** What this file decorates a Fastify instance with that the app's other modules see (`fastify.decorate`). */
  readonly decorations: readonly { readonly name: string; readonly value: Node }[];
  /** Hooks this file adds to a Fastify instance other modules register routes on (an exported fastify-plugin's). */
  readonly sharedHooks: readonly Middleware[];
  /** Middleware applied with `use(...)` on the file's apps and routers (`app.use(resMsg())`). */
  readonly useMiddleware: readonly Middleware[];

  /** Model-call details: the message lists passed to `call` (for role checks). */
  messageListsOf(call: LlmCall): readonly Node[];
  /**
   * Request options of `call` the file does not spell out: the options argument when it is not an object literal,
   * and spreads in one that is (`{ model, ...req.body }`); they may carry a message list with any roles.
   */
  requestOptionsOf(call: LlmCall): readonly Node[];
  /**
   * The read of request data a message list (or options object) comes from when the roles the client chose reach the
   * model: an unchanged read, or one passed through helpers that keep roles (`convertToModelMessages`, a schema
   * `.parse` that accepts any role, a `.map` that copies `role`); undefined when the code fixes or filters roles.
   */
  clientRoleSource(node: Node): Node | undefined;
  /** The output limit given to `call`: its value, 'missing' when the options say none, 'unknown' when unseen. */
  outputLimitOf(call: LlmCall): Node | 'missing' | 'unknown';
  /**
   * Whether a path into a model result is metadata (finish_reason, usage, ids), not generated content; with the
   * `call` it was read from, never a path under the call's content (llm/metadata.ts).
   */
  isMetadataPath(path: readonly PathKey[], call?: LlmCall): boolean;
  /**
   * Whether everything `call` sends the model is written in the source (literal prompts and messages, no tools, no
   * stored conversation or file): its output holds nothing of a user's.
   */
  hasFixedInput(call: LlmCall): boolean;
  /**
   * Whether `call` relays the client's own request: everything it sends is the request body, unchanged. Its result is
   * the answer to what the client asked, nothing the server added.
   */
  isClientRelay(call: LlmCall): boolean;
  /** The file's `node:crypto` calls. */
  readonly crypto: CryptoCalls;
  /** `hmac.update(x)` calls of HMACs created in the file. */
  readonly hmacUpdates: readonly TSESTree.CallExpression[];
  /** Credentials written as literals: fallbacks, auth-package options, secrets, model keys. */
  readonly credentialLiterals: readonly CredentialLiteral[];
  /** Whether the file (or its app) parses request bodies raw, for signature checks. */
  readonly parsesRawBody: boolean;
  /** Whether the file parses request bodies as JSON. */
  readonly parsesJsonBody: boolean;
  /** The values an expression may end up as: branches of conditionals, items of arrays, same-file returns. */
  leafValues(root: Node): Node[];
  /** Whether an expression is a read of request data passed on unchanged (no map, filter or rebuild). */
  isUnchangedRead(node: Node): boolean;
  /** Whether a request header carries a credential or signature (settings' sensitiveNames included). */
  isSensitiveHeader(name: string): boolean;
  /** Whether a field or variable name says it holds a secret (settings' sensitiveNames included); a last resort. */
  isSecretFieldName(name: string): boolean;
  /**
   * Execution order from ESLint's code path analysis (runs before, reaches from, always runs); undefined when no rule
   * recorded the file's code paths (a model built outside a lint), where callers must answer conservatively.
   */
  readonly paths: Paths | undefined;
}

export type { Paths };
