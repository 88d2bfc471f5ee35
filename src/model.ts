/**
 * The per-file model every rule queries. It is built once per Program (the first rule to ask builds it,
 * the others reuse it) and each part is computed on first use, so a rule pays only for what it asks.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, firstFrom, indexProgram, resolveFunction, variableOf } from './ast.js';
import { readSettings } from './settings.js';
import { signalsOf, type Signals } from './signals.js';
import { findLlm } from './llm/index.js';
import type { TrackedValues } from './llm/summary.js';
import { analyzeFrameworks, type FrameworkFacts } from './frameworks/index.js';
import { createAuthAnalysis, type AuthAnalysis } from './auth/index.js';
import { createOriginAnalysis } from './flow/origins.js';
import { createReachability } from './flow/reach.js';
import { findLoggerCalls } from './logging.js';
import { messageLists, outputLimitValue } from './llm/index.js';
import { opaqueOptions } from './llm/call-record.js';
import { clientRoleSource } from './llm/messages.js';
import { isMetadataPath } from './llm/metadata.js';
import { cryptoCalls, hmacUpdates } from './crypto.js';
import { credentialLiterals } from './credentials.js';
import { parsesJsonBody, parsesRawBody } from './raw-body.js';
import { isUnchangedRead, leafValues } from './flow/leaves.js';
import { isSensitiveHeader } from './sensitive.js';
import { isSecretFieldName } from './flow/origin-secrets.js';
import { pathsOf } from './flow/paths.js';
import { importedErrorFlows, importedExports, projectMounts, type LintOptions } from './project/index.js';
import { findErrorExposures } from './flow/error-details.js';
import { factsOf, type FileFacts } from './project/facts.js';
import type { ErrorExposure, FileModel } from './contract.js';
import type { FileContext, FunctionNode, LlmCall, LoggerCall, Node, Origin } from './types.js';

export type { FileModel };

const models = new WeakMap<TSESTree.Program, FileModel>();

/** The model of the file a rule is linting. */
export function getModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileModel {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  const hit = models.get(ast);
  if (hit) return hit;
  const model = buildModel(sourceCode, context.settings as Record<string, unknown>, context.filename, {
    cwd: context.cwd,
    buildFacts,
    languageOptions: context.languageOptions as LintOptions['languageOptions'],
  });
  models.set(ast, model);
  return model;
}

/**
 * The model, or undefined when the file's cheap signals say the rule's problem cannot occur in it (no framework,
 * no model SDK, no crypto, ... as the rule asks). Settings are validated either way, so a bad key always errors.
 */
export function modelWhen(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  need: (signals: Signals) => boolean,
): FileModel | undefined {
  const settings = readSettings(context.settings as Record<string, unknown>);
  return need(signalsOf(context.sourceCode, settings, context.filename)) ? getModel(context) : undefined;
}

/** Builds the model for a source file (exported for the shared-layer tests). */
export function buildModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  allSettings: Record<string, unknown>,
  filename?: string,
  lint?: LintOptions,
): FileModel {
  const settings = readSettings(allSettings);
  const scopeManager = sourceCode.scopeManager as Scope.ScopeManager;
  // The walk that indexes the file runs on first use: rules that only follow imports never pay for it.
  let walked: ReturnType<typeof indexProgram> | undefined;
  const walk = (): ReturnType<typeof indexProgram> => (walked ??= indexProgram(sourceCode.ast, sourceCode.visitorKeys));
  const file: FileContext = {
    sourceCode,
    ast: sourceCode.ast,
    scopeManager,
    globalScope: scopeManager.globalScope as Scope.Scope,
    settings,
    get index() {
      return walk().index;
    },
    get imports() {
      return walk().imports;
    },
    filename,
  };

  let llm: { calls: LlmCall[]; tracked: TrackedValues } | undefined;
  // Only the linted file reads other modules' summaries: the models built for those modules get none (one level).
  // And only server code: a file that uses a web framework (its imports, or a route file's name). Browser bundles
  // and scripts that call an imported helper log to their own console, not a server's logs.
  const readsSummaries = (): boolean => !!lint && !!filename && signalsOf(sourceCode, settings, filename).framework;
  const findAll = (): { calls: LlmCall[]; tracked: TrackedValues } =>
    (llm ??= findLlm(file, readsSummaries() ? importedExports(filename!, allSettings, lint!) : undefined));
  let llmByNode: Map<Node, LlmCall> | undefined;
  let frameworks: FrameworkFacts | undefined;
  let auth: AuthAnalysis | undefined;
  let origins: ((node: Node) => readonly Origin[]) | undefined;
  let reach: ((fn: FunctionNode) => LlmCall | undefined) | undefined;
  let loggers: LoggerCall[] | undefined;
  let exposures: ErrorExposure[] | undefined;

  const once: {
    hmacUpdates?: TSESTree.CallExpression[];
    credentialLiterals?: ReturnType<typeof credentialLiterals>;
    raw?: boolean;
    json?: boolean;
  } = {};
  // Reachability reads model calls only, so the adapters can ask it without re-entering the route analysis.
  const getFrameworks = (): FrameworkFacts => (frameworks ??= analyzeFrameworks(file, { reachedLlmCall: (fn) => model.reachedLlmCall(fn) }));

  const model: FileModel = {
    file,
    get llmCalls() {
      return findAll().calls;
    },
    get trackedValues() {
      return findAll().tracked;
    },
    llmCallOf(node) {
      llmByNode ??= new Map(model.llmCalls.map((c) => [c.node as Node, c]));
      return llmByNode.get(node);
    },
    get routes() {
      return getFrameworks().routes;
    },
    get sinks() {
      return getFrameworks().sinks;
    },
    get errorHandlers() {
      return getFrameworks().errorHandlers;
    },
    get errorExposures() {
      // Other modules' error facts are read only for the linted file (one level, like the model summaries).
      return (exposures ??= findErrorExposures(
        model,
        lint && filename ? { errorFlow: importedErrorFlows(filename, allSettings, lint), summary: importedExports(filename, allSettings, lint) } : {},
      ));
    },
    paramRole(variable) {
      return getFrameworks().paramRoles.get(variable);
    },
    paramRoleOf(id) {
      const v = variableOf(sourceCode, id);
      return v ? getFrameworks().paramRoles.get(v) : undefined;
    },
    get loggerCalls() {
      return (loggers ??= findLoggerCalls(file, model));
    },
    reachedLlmCall(fn) {
      return (reach ??= createReachability(model))(fn);
    },
    llmSitesIn(fns) {
      const out: { fn: FunctionNode; site: Node; call: LlmCall }[] = [];
      for (const fn of fns) {
        const first = model.reachedLlmCall(fn);
        if (!first) continue;
        const before = out.length;
        // llmCalls and index.calls are in source order: start at fn with a binary search, stop past its end.
        const llmCalls = model.llmCalls;
        for (let i = firstFrom(llmCalls, fn.range[0], (call) => call.node.range[0]); i < llmCalls.length; i++) {
          const call = llmCalls[i]!;
          if (call.node.range[0] > fn.range[1]) break;
          if (runsInline(call.node, fn)) out.push({ fn, site: call.node, call });
        }
        const calls = file.index.calls;
        for (let i = firstFrom(calls, fn.range[0], nodeStart); i < calls.length; i++) {
          const c = calls[i]!;
          if (c.range[0] > fn.range[1]) break;
          if (!runsInline(c, fn)) continue;
          // f(x), or items.forEach(f): a same-file function called or passed along runs here.
          for (const target of [c.callee, ...c.arguments.filter((a) => a.type === 'Identifier')]) {
            const callee = resolveFunction(sourceCode, target);
            const reached = callee && callee !== fn ? model.reachedLlmCall(callee) : undefined;
            if (reached) {
              out.push({ fn, site: c, call: reached });
              break;
            }
          }
        }
        // Reached some other way (a class constructor run by `new`): the handler as a whole.
        if (out.length === before) out.push({ fn, site: fn.body, call: first });
      }
      return out;
    },
    originsOf(node) {
      return (origins ??= createOriginAnalysis(model))(node);
    },
    authOfMiddleware(mw) {
      return (auth ??= createAuthAnalysis(model)).middleware(mw);
    },
    authGuardBefore(fn, target) {
      return (auth ??= createAuthAnalysis(model)).guardBefore(fn, target);
    },
    get relevant() {
      const signals = signalsOf(sourceCode, settings, filename);
      return signals.framework || signals.llm;
    },
    get externalMounts() {
      return getFrameworks().externalMounts ?? [];
    },
    mountsOf(route) {
      return lint ? projectMounts(file, allSettings, lint, route) : undefined;
    },
    messageListsOf: (call) => messageLists(call),
    requestOptionsOf: (call) => opaqueOptions(file, call),
    clientRoleSource: (node) => clientRoleSource(file, node, (n) => isUnchangedRead(sourceCode, n)),
    outputLimitOf: (call) => outputLimitValue(call),
    isMetadataPath,
    get crypto() {
      return cryptoCalls(file);
    },
    get hmacUpdates() {
      return (once.hmacUpdates ??= hmacUpdates(file));
    },
    get credentialLiterals() {
      return (once.credentialLiterals ??= credentialLiterals(file));
    },
    get parsesRawBody() {
      return (once.raw ??= parsesRawBody(file));
    },
    get parsesJsonBody() {
      return (once.json ??= parsesJsonBody(file));
    },
    leafValues: (root) => leafValues(sourceCode, root, file),
    isUnchangedRead: (node) => isUnchangedRead(sourceCode, node),
    isSensitiveHeader: (name) => isSensitiveHeader(name, settings),
    isSecretFieldName: (name) => isSecretFieldName(name, settings),
    get paths() {
      return pathsOf(sourceCode.ast);
    },
  };
  return model;
}

/** Another file's facts for the project map, from the same analysis that builds this model. */
export function buildFacts(sourceCode: Readonly<TSESLint.SourceCode>, settings: Record<string, unknown>, filename: string): FileFacts {
  return factsOf(buildModel(sourceCode, settings, filename));
}

const nodeStart = (n: Node): number => n.range[0];

/**
 * Whether `node` runs as part of `fn` itself: every function between them is an inline callback argument
 * (`items.map(async (x) => ...)`). A named inner function runs where it is called, and that call is a site of its own.
 */
function runsInline(node: Node, fn: FunctionNode): boolean {
  for (let inner = enclosingFunction(node); inner && inner !== fn; inner = enclosingFunction(inner)) {
    const p = inner.parent;
    if ((p?.type !== 'CallExpression' && p?.type !== 'NewExpression') || !p.arguments.includes(inner as TSESTree.CallExpressionArgument)) return false;
  }
  return true;
}

