/**
 * The per-file model every rule queries. It is built once per Program (the first rule to ask builds it,
 * the others reuse it) and each part is computed on first use, so a rule pays only for what it asks.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, firstFrom, indexProgram, resolveFunction, variableOf } from './ast.js';
import { calledImportSpecifiers, importedModelFunction } from './llm/imported.js';
import { readSettings } from './settings.js';
import { signalsOf, type Signals } from './signals.js';
import { findLlm, type SeededParam } from './llm/index.js';
import type { Decorated, ExportSeed, ImportedExport, ModelFunction, TrackedValues } from './llm/summary.js';
import { analyzeFrameworks, type ExternalRoles, type FrameworkFacts } from './frameworks/index.js';
import { importedRefs, importSourceOf, type AppParam } from './frameworks/common.js';
import { decoratedInstances, decoratedSettingReads, mountedFunctionRole } from './frameworks/registry.js';
import { installedMethodSinks } from './frameworks/sinks.js';
import { createAuthAnalysis, type AuthAnalysis } from './auth/index.js';
import { createOriginAnalysis } from './flow/origins.js';
import { createReachability } from './flow/reach.js';
import { findLoggerCalls } from './logging.js';
import { originFixed, unsafeSinksOf } from './unsafe-sinks.js';
import { checkedBefore } from './flow/allow-list.js';
import { messageLists, outputLimitValue } from './llm/index.js';
import { opaqueOptions, specOf } from './llm/call-record.js';
import { clientRoleSource } from './llm/messages.js';
import { isMetadataPath } from './llm/metadata.js';
import { hasFixedInput } from './llm/fixed-input.js';
import { cryptoCalls, hmacUpdates } from './crypto.js';
import { credentialLiterals } from './credentials.js';
import { parsesJsonBody, parsesRawBody } from './raw-body.js';
import { isUnchangedRead, leafValues } from './flow/leaves.js';
import { isSensitiveHeader } from './sensitive.js';
import { isSecretFieldName } from './flow/origin-secrets.js';
import { pathsOf } from './flow/paths.js';
import { appDecorations, appResponders, importedAuth, importedErrorFlows, importedLiteral, importedVerifier, importedClients, importedExports, importsProjectClient, parseParamKey, projectModule, projectMounts, projectUses, servesHandlers, type LintOptions } from './project/index.js';
import { lintMemo } from './project/disk.js';
import { findErrorExposures, importedCarried } from './flow/error-details.js';
import { exportedFunction, exportsOf, factsOf, modelFunction, type FileFacts } from './project/facts.js';
import { functionIndexOf, type FunctionIndex } from './flow/function-index.js';
import type { ErrorExposure, FileModel } from './contract.js';
import type { FileContext, Framework, FunctionNode, LlmCall, LoggerCall, Node, Origin, Sink, UnsafeSink } from './types.js';

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
    deps: new Set(),
    disk: lintMemo(context.settings as Record<string, unknown>),
    depsLater: [],
    buildFacts,
    buildSeeded,
    languageOptions: context.languageOptions as LintOptions['languageOptions'],
    own: { file: context.filename, sourceCode },
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
  const signals = signalsOf(context.sourceCode, settings, context.filename);
  if (need(signals)) return getModel(context);
  // A module with no framework import may still hold handlers another module registers (a controller): the project
  // map decides, and only for a rule that would run on framework code calling the project's modules.
  if (signals.framework || !need({ ...signals, framework: true, llm: signals.llm || signals.projectImport })) return undefined;
  const model = getModel(context);
  if (model.registeredElsewhere) return model;
  // A service calling a model through a client another module makes, or one a controller of the app imports that
  // reaches a model through another module's function: model code, as if it imported the SDK.
  if (signals.llm || !need({ ...signals, llm: true })) return undefined;
  return model.callsProjectClient || (model.servesHandlers && model.llmCalls.length > 0) ? model : undefined;
}

/** Builds the model for a source file (exported for the shared-layer tests). */
export function buildModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  allSettings: Record<string, unknown>,
  filename?: string,
  lint?: LintOptions,
  imported?: ImportedExport,
  forFacts = false,
  seed?: ExportSeed,
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
  // The linted file reads its imports' summaries only in server code: a file that uses a web framework (its imports,
  // or a route file's name), or whose functions the app registers. Browser bundles and scripts that call an imported
  // helper log to their own console, not a server's logs. A module summarised for another file is given its own
  // imports' summaries (`imported`). A module importing a model tool API (`ai`'s `tool`, LangChain's tools) is server
  // code too: the model has the server run the tools it defines (`tool({ execute })`).
  const readsSummaries = (): boolean => {
    if (!lint || !filename) return false;
    const s = signalsOf(sourceCode, settings, filename);
    return s.framework || (s.tools && s.projectImport) || externalRoles() !== undefined || servesApp();
  };
  // A module a controller of the app imports (a service): server code too. Only a file that imports a project module
  // can reach a model through one.
  let served: boolean | undefined;
  const servesApp = (): boolean =>
    (served ??= !!lint && !!filename && signalsOf(sourceCode, settings, filename).projectImport && servesHandlers(file, allSettings, lint));
  // Other code reads the model clients its imports hand out, and only those: a service calling the SDK on a client
  // another module makes is server code, as that module is.
  let clientImport: boolean | undefined;
  const importsClient = (): boolean =>
    (clientImport ??=
      !!lint && !!filename && signalsOf(sourceCode, settings, filename).projectImport && importsProjectClient(filename, sourceCode.text, () => calledImportSpecifiers(file), allSettings, lint));
  let lookup: { value: ImportedExport | undefined } | undefined;
  const imports = (): ImportedExport | undefined =>
    (lookup ??= {
      value:
        imported ??
        (readsSummaries() ? importedExports(filename!, allSettings, lint!) : importsClient() ? importedClients(filename!, allSettings, lint!) : undefined),
    }).value;
  // The linted file reads what the app's other modules decorate its instances with (Fastify `decorate`).
  const decorated = (): Decorated | undefined => {
    if (!lint || !filename || imported || !readsSummaries()) return undefined;
    const ext = externalRoles();
    const external = (framework: Framework) => ({
      plugins: (ext?.plugins ?? []).filter((p) => p.framework === framework).map((p) => p.fn),
      handlers: (ext?.handlers ?? []).filter((h) => h.framework === framework).map((h) => h.fn),
      appParams: (ext?.appParams ?? []).filter((p) => p.framework === framework),
    });
    const isInstance = decoratedInstances(file, external);
    const settingOf = decoratedSettingReads(file, external);
    if (!isInstance && !settingOf) return undefined;
    return { isInstance: isInstance ?? (() => false), settingOf: settingOf ?? (() => undefined), app: () => appDecorations(file, allSettings, lint) };
  };
  const seeded = (): SeededParam | undefined => {
    const fn = seed && exportedFunction(file, exportsOf(file).exports, seed.name, seed.member);
    return fn && { fn, seed: seed.seed };
  };
  const findAll = (): { calls: LlmCall[]; tracked: TrackedValues } => (llm ??= findLlm(file, imports(), decorated, seeded()));
  let llmByNode: Map<Node, LlmCall> | undefined;
  let frameworks: FrameworkFacts | undefined;
  let auth: AuthAnalysis | undefined;
  let functions: FunctionIndex | undefined;
  const functionIndex = (): FunctionIndex => (functions ??= functionIndexOf(file));
  // Other modules' facts, read only for the linted file, each lookup made on its first use.
  const linted = <T>(make: (filename: string, allSettings: Record<string, unknown>, lint: LintOptions) => T | undefined): (() => T | undefined) => {
    let made: { value: T | undefined } | undefined;
    return () => (made ??= { value: lint && filename ? make(filename, allSettings, lint) : undefined }).value;
  };
  const authImports = linted(importedAuth);
  const verifierImports = linted(importedVerifier);
  const literalImports = linted(importedLiteral);
  const responders = linted((_filename, settingsOf, lintOf) => appResponders(file, settingsOf, lintOf));
  let sinks: readonly Sink[] | undefined;
  // `ctx.send('Success', { data })` where the app's middleware installed `send` to set the body: each argument is sent.
  const withResponders = (): readonly Sink[] => {
    const { sinks: base, paramRoles } = getFrameworks();
    const names = paramRoles.size > 0 ? responders() : undefined;
    const extra = names && names.size > 0 ? installedMethodSinks(paramRoles, names, base) : [];
    return extra.length > 0 ? [...base, ...extra].sort((a, b) => a.node.range[0] - b.node.range[0]) : base;
  };
  let origins: ((node: Node) => readonly Origin[]) | undefined;
  let reach: ((fn: FunctionNode) => LlmCall | undefined) | undefined;
  let loggers: LoggerCall[] | undefined;
  let unsafe: UnsafeSink[] | undefined;
  let exposures: ErrorExposure[] | undefined;
  // Other modules' error facts: one level, like the model summaries.
  const importedFlows = linted(importedErrorFlows);

  const once: {
    hmacUpdates?: TSESTree.CallExpression[];
    credentialLiterals?: ReturnType<typeof credentialLiterals>;
    raw?: boolean;
    json?: boolean;
  } = {};
  // Reachability reads model calls only, so the adapters can ask it without re-entering the route analysis.
  const getFrameworks = (): FrameworkFacts =>
    (frameworks ??= analyzeFrameworks(file, { reachedLlmCall: (fn) => model.reachedLlmCall(fn), external: externalRoles(), forFacts }));
  // Only the linted file asks how other modules use it; a model built for the project map never walks it again.
  const externalRoles = (): ExternalRoles | undefined => (lint ? registeredElsewhere(file, allSettings, lint) : undefined);

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
      return (sinks ??= withResponders());
    },
    get errorHandlers() {
      return getFrameworks().errorHandlers;
    },
    get errorExposures() {
      return (exposures ??= findErrorExposures(
        model,
        lint && filename ? { errorFlow: importedFlows(), summary: importedExports(filename, allSettings, lint) } : {},
      ));
    },
    paramRole(variable) {
      return getFrameworks().paramRoles.get(variable);
    },
    paramRoleOf(id) {
      const v = variableOf(sourceCode, id);
      return v ? getFrameworks().paramRoles.get(v) : undefined;
    },
    get unsafeSinks() {
      return (unsafe ??= unsafeSinksOf(model));
    },
    checkedBefore: (subject, target) => checkedBefore(sourceCode, pathsOf(sourceCode.ast), subject, target),
    originFixed: (node, carries) => originFixed(model, node, carries),
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
    importedFunction(node) {
      const lookupFn = imports();
      return lookupFn ? importedModelFunction(file, lookupFn, node) : undefined;
    },
    returnsOf: (fn) => functionIndex().returnsOf(fn),
    callSitesOf: (fn) => functionIndex().callSitesOf(fn),
    originsOf(node) {
      return (origins ??= createOriginAnalysis(model))(node);
    },
    carriedArgs(call) {
      return importedCarried(file, importedFlows(), call);
    },
    isClientRelay(call) {
      // The whole request is the client's body, unchanged (`fetch(url, { body: req.body })`): the client wrote it.
      return call.inputs.length > 0 && call.inputs.every((n) => {
        if (!isUnchangedRead(sourceCode, n)) return false;
        // Besides being the prompt it is sent as.
        const found = model.originsOf(n).filter((o) => o.kind !== 'prompt');
        return found.length > 0 && found.every((o) => o.kind === 'request' && (o.part === 'rawBody' || (o.part === 'body' && o.name === undefined)));
      });
    },
    authOfMiddleware(mw) {
      return (auth ??= createAuthAnalysis(model)).middleware(mw);
    },
    isProjectModule(specifier) {
      if (specifier.startsWith('.')) return true;
      return !!filename && path.isAbsolute(filename) && projectModule(filename, specifier);
    },
    isImportedLiteral(id) {
      const source = importSourceOf(file, id);
      if (!source || source.name === '*' || !model.isProjectModule(source.specifier)) return false;
      return literalImports()?.(source.specifier, source.name) !== undefined;
    },
    throwsOnBadCredential(fn) {
      return (auth ??= createAuthAnalysis(model)).throwsOnBadCredential(fn);
    },
    importedVerifier(callee) {
      const refs = importedRefs(file, callee).filter((r) => model.isProjectModule(r.specifier));
      if (refs.length === 0) return undefined;
      for (const r of refs) {
        const checks = verifierImports()?.(r.specifier, r.member === undefined ? r.name : `${r.name}.${r.member}`);
        if (checks) return checks;
      }
      return undefined;
    },
    importedAuth(specifier, name) {
      return authImports()?.(specifier, name);
    },
    authGuardBefore(fn, target) {
      return (auth ??= createAuthAnalysis(model)).guardBefore(fn, target);
    },
    get relevant() {
      const signals = signalsOf(sourceCode, settings, filename);
      return signals.framework || signals.llm;
    },
    get registeredElsewhere() {
      return externalRoles() !== undefined;
    },
    get servesHandlers() {
      return servesApp();
    },
    get callsProjectClient() {
      // An SDK method, not another module's function that calls one (a translation script's `translateKeyPhrase`).
      return importsClient() && model.llmCalls.some((c) => !specOf(c)?.wrapper);
    },
    get projectFiles() {
      if (!lint?.deps) return new Set<string>();
      for (const add of lint.depsLater?.splice(0) ?? []) add();
      return lint.deps;
    },
    get externalHandlers() {
      return externalRoles()?.handlers.map((h) => h.fn) ?? [];
    },
    get externalMounts() {
      return getFrameworks().externalMounts ?? [];
    },
    get decorations() {
      return getFrameworks().decorations ?? [];
    },
    get useMiddleware() {
      return getFrameworks().useMiddleware ?? [];
    },
    get sharedHooks() {
      return getFrameworks().sharedHooks ?? [];
    },
    mountsOf(route) {
      return lint ? projectMounts(file, allSettings, lint, route) : undefined;
    },
    messageListsOf: (call) => messageLists(call),
    requestOptionsOf: (call) => opaqueOptions(file, call),
    clientRoleSource: (node) => clientRoleSource(file, node, (n) => isUnchangedRead(sourceCode, n)),
    outputLimitOf: (call) => outputLimitValue(call),
    isMetadataPath: (path, call) => isMetadataPath(path, call?.textPaths),
    hasFixedInput: (call) => hasFixedInput(file, call),
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

/** Another file's facts for the project map (the parts in `parts`, facts.ts PART_BITS), from the same analysis that builds this model. */
export function buildFacts(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: Record<string, unknown>,
  filename: string,
  imported: ImportedExport | undefined,
  parts?: number,
): FileFacts {
  return factsOf(buildModel(sourceCode, settings, filename, undefined, imported, true), parts);
}

/**
 * What export `name` (or its method `member`) of another file does when a caller hands its parameter a model client
 * (ImportedExport.seeded): the file's model built with that parameter as the client, its summary of the function.
 */
export function buildSeeded(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: Record<string, unknown>,
  filename: string,
  imported: ImportedExport | undefined,
  seed: ExportSeed,
): ModelFunction | undefined {
  const model = buildModel(sourceCode, settings, filename, undefined, imported, true, seed);
  const fn = exportedFunction(model.file, exportsOf(model.file).exports, seed.name, seed.member);
  return fn && modelFunction(model, fn);
}

const nodeStart = (n: Node): number => n.range[0];

const externalCache = new WeakMap<TSESTree.Program, ExternalRoles | null>();

/**
 * This file's exported functions that the project registers elsewhere: controllers passed to `router.post(path,
 * chat.reply)`, Fastify plugins registered by the app, Koa and Express middleware `use`d by it (error middleware
 * aside). Decided by the project map from the registering files, not by parameter names.
 */
function registeredElsewhere(file: FileContext, allSettings: Record<string, unknown>, lint: LintOptions): ExternalRoles | undefined {
  const hit = externalCache.get(file.ast);
  if (hit !== undefined) return hit ?? undefined;
  let out: ExternalRoles | null = null;
  const { exports } = exportsOf(file);
  if ([...exports.values()].some((t) => t.kind === 'local')) {
    const uses = projectUses(file, allSettings, lint);
    const handlers: { fn: FunctionNode; framework: Framework }[] = [];
    const plugins: { fn: FunctionNode; framework: Framework }[] = [];
    for (const h of uses?.handlers ?? []) {
      const fn = exportedFunction(file, exports, h.name, h.member);
      if (fn) handlers.push({ fn, framework: h.framework });
    }
    const appParams: AppParam[] = [];
    for (const [name, mounts] of uses?.mounts ?? []) {
      const param = parseParamKey(name);
      if (param) {
        // chatEndpoints(apiRouter) elsewhere: the parameter is that app or router here.
        const fn = exportedFunction(file, exports, param.name, undefined);
        for (const framework of new Set(mounts.map((m) => m.framework))) {
          if (fn && framework) appParams.push({ fn, index: param.index, framework });
        }
        continue;
      }
      const fn = exportedFunction(file, exports, name, undefined);
      if (!fn) continue;
      for (const framework of new Set(mounts.map((m) => m.framework))) {
        if (!framework) continue;
        const role = mountedFunctionRole(framework, fn);
        if (role === 'plugin') plugins.push({ fn, framework });
        else if (role === 'handler') handlers.push({ fn, framework });
      }
    }
    if (handlers.length > 0 || plugins.length > 0 || appParams.length > 0) out = { handlers, plugins, appParams };
  }
  externalCache.set(file.ast, out);
  return out ?? undefined;
}

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
