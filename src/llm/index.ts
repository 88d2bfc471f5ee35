/**
 * Finds the model calls of a file. The ReferenceTracker follows each SDK from its import or require to the
 * constructor (or the function, for `generateText`); a small flow then follows the client value to the method
 * call: through variables, aliases, destructuring, `await`, object properties, `this.x` class members and fields,
 * same-file factory functions and parameters of same-file functions. For the linted file, the summaries of the
 * project modules it imports (src/llm/summary.ts) start flows too: an imported client, a client factory's calls, and
 * calls of imported functions and methods that reach a model call.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { trackerOf } from '../references.js';
import type { FileContext, FunctionNode, LlmCall, Node } from '../types.js';
import { sdkResultOfCall, typeInfoOf } from '../typed/index.js';
import { importSourceOf, importedRefs } from '../frameworks/common.js';
import { bedrockSend } from './bedrock.js';
import { CUSTOM_SPEC, makeCall, typedSpec } from './call-record.js';
import { ClientFlow, type State } from './client-flow.js';
import { globalFetchCalls, httpCall } from './http-calls.js';
import { objectOf, optionValue, type SystemMarkers } from './messages.js';
import { FETCH_LEAF, traceMaps, type CallSpec, type CommandLeaf, type ClientMap, type ExportLeaf, type HttpLeaf, type Leaf } from './sdks.js';
import { classMap, isClassMap, type ClientSeed, type Decorated, type ExportSummary, type ImportedExport, type ModelFunction, type TrackedValues } from './summary.js';

export { messageLists } from './call-record.js';
export { limitInsertion, outputLimit, outputLimitValue } from './limits.js';
export { LIMIT_CONTAINERS } from './sdks.js';

/**
 * Cheap syntactic filter before asking the checker: not a call of a global (`console.log`, `JSON.parse`,
 * `Promise.all`), nor of a function written in this file (the flow follows its returns to the calls inside it).
 */
function mayReturnSdkResult(file: FileContext, call: TSESTree.CallExpression): boolean {
  let root: Node = skipTS(call.callee);
  // reply.status(500).send → reply
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = skipTS(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  if (root.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(file.sourceCode, root);
    if (!v || v.defs.length === 0) return false;
    // `(request, reply) => reply.status(500).send(e)` in a registration: typing the callback's parameters means
    // resolving the framework's generic overloads (seconds for Fastify), and they are the framework's objects.
    if (root !== call.callee && v.defs.every((d) => d.type === 'Parameter' && isCallbackParam(d.node, d.name))) return false;
  }
  return !resolveFunction(file.sourceCode, call.callee);
}

/** An unannotated parameter of a function passed inline to a call (`app.post('/x', (req, res) => ...)`). */
function isCallbackParam(fn: Node, name: TSESTree.BindingName): boolean {
  const p = fn.parent;
  return (
    name.type === AST_NODE_TYPES.Identifier &&
    !name.typeAnnotation &&
    (p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) &&
    p.arguments.includes(fn as TSESTree.CallExpressionArgument)
  );
}

/** Every recognised LLM call in the file, in source order. */
export function findLlmCalls(file: FileContext, imported?: ImportedExport): LlmCall[] {
  return new Finder(file, imported).run();
}

/**
 * The file's model calls and the tracked values it binds, exports and returns (for its module summary). With
 * `imported`, values and functions imported from the project's other modules start flows and calls too.
 */
export function findLlm(
  file: FileContext,
  imported?: ImportedExport,
  decorated?: () => Decorated | undefined,
  seeded?: SeededParam,
): { calls: LlmCall[]; tracked: TrackedValues } {
  const finder = new Finder(file, imported, decorated, seeded);
  const calls = finder.run();
  return { calls, tracked: finder.tracked() };
}

/**
 * A call handed a model client (Finder.handOff): a model is reached, with no known result; emitted with no options
 * (`null`), so it has no prompt or system input either, and an output limit that is unknown rather than missing.
 */
const HANDED_CLIENT: CallSpec = { ...CUSTOM_SPEC, opaqueResult: true, handedClient: true };

/** The provider of the first call a client table leads to (a few members deep): `chat.completions.create`'s OpenAI. */
function providerOf(map: ClientMap, depth = 0): CallSpec['provider'] | undefined {
  const leaf = map.call;
  if (leaf?.type === 'call') return leaf.provider;
  if (depth >= 3) return undefined;
  for (const m of Object.values(map.members)) {
    const p = providerOf(m, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/** The spec of a call of another module's function that reaches a model call. */
function modelFunctionSpec(s: ModelFunction): CallSpec {
  const r = s.returns;
  // Generated text; or a value we know nothing of, which is no model result at all.
  if (r.kind === 'text') return { ...CUSTOM_SPEC, provider: s.provider as CallSpec['provider'] };
  if (r.kind === 'holds') return { ...CUSTOM_SPEC, provider: s.provider as CallSpec['provider'], wholeOnly: true };
  if (r.kind === 'unknown') return { ...CUSTOM_SPEC, provider: s.provider as CallSpec['provider'], opaqueResult: true };
  return {
    ...CUSTOM_SPEC,
    provider: s.provider as CallSpec['provider'],
    resultLabel: r.resultLabel,
    textPaths: r.textPaths,
    textAccessor: r.textAccessor,
    envelope: r.envelope,
    streaming: r.streaming,
    ...(r.path ? { resultPath: r.path } : {}),
  };
}

/** The function of this file whose parameter a caller hands a client, and which one (ImportedExport.seeded). */
export interface SeededParam {
  readonly fn: FunctionNode;
  readonly seed: ClientSeed;
}

/** One file's search: the tracker's starts, the client flow, then fetch, settings names and typed wrappers. */
class Finder {
  private readonly results = new Map<Node, LlmCall>();
  private readonly commands = new Map<Node, CommandLeaf>();
  private readonly markers: SystemMarkers & { readonly [K in keyof SystemMarkers]: Set<Node> } = {
    systemMessages: new Set(),
    systemTemplates: new Set(),
    promptMessages: new Set(),
  };
  private readonly flow: ClientFlow;

  constructor(
    private readonly file: FileContext,
    private readonly imported?: ImportedExport,
    private readonly decorated?: () => Decorated | undefined,
    private readonly seeded?: SeededParam,
  ) {
    this.flow = new ClientFlow(
      file,
      this.markers,
      this.leaf,
      (ref) => {
        // The class of an instance is read when the instance is used, never by a probe.
        const summary = imported && !imported.probe ? imported(ref.specifier, ref.name) : undefined;
        return summary?.kind === 'class' ? classMap(summary) : undefined;
      },
      (call, map, index) => this.handOff(call, map, index),
    );
  }

  tracked(): TrackedValues {
    return this.flow.tracked();
  }

  run(): LlmCall[] {
    const tracker = trackerOf(this.file);
    const maps = traceMaps(this.file.imports) as never;
    const starts: { node: Node; info: ExportLeaf }[] = [];
    for (const r of tracker.iterateEsmReferences(maps)) starts.push({ node: r.node as Node, info: r.info as ExportLeaf });
    for (const r of tracker.iterateCjsReferences(maps)) starts.push({ node: r.node as Node, info: r.info as ExportLeaf });
    // Commands and LangChain helpers first: the calls that use them are found by the walk below.
    for (const { node, info } of starts) {
      if ('command' in info) this.commands.set(node, info.command);
      else if ('marker' in info) {
        const set = info.marker === 'system-message' ? this.markers.systemMessages : info.marker === 'system-template' ? this.markers.systemTemplates : this.markers.promptMessages;
        set.add(node);
      }
    }
    for (const { node, info } of starts) this.start(node, info);
    if (this.imported) this.startImported(this.imported);
    if (this.decorated) this.startDecorated(this.decorated);
    if (this.seeded) this.startSeeded(this.seeded);
    for (const call of globalFetchCalls(this.file)) this.http(FETCH_LEAF, call, []);
    this.flow.drain();
    this.findCustom();
    this.findTyped();
    return [...this.results.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  private start(node: Node, info: ExportLeaf): void {
    const base = { need: [], setup: [], system: [] };
    if ('construct' in info) {
      if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
      const setupObj = info.setupArg === undefined ? undefined : objectOf(this.file, node.arguments[info.setupArg]);
      this.flow.push({ ...base, node, map: info.construct, setup: setupObj ? [setupObj] : [] });
    } else if ('read' in info) {
      // `import ollama from 'ollama'` reports the specifier; follow its local binding.
      if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier || node.type === AST_NODE_TYPES.ImportSpecifier) {
        this.flow.pushVariable(variableOf(this.file.sourceCode, node.local), { ...base, node, map: info.read });
      } else if (node.type !== AST_NODE_TYPES.ImportDeclaration) {
        this.flow.push({ ...base, node, map: info.read });
      }
    } else if ('call' in info) {
      if (node.type === AST_NODE_TYPES.CallExpression) this.leaf(info.call, node, { ...base, node, map: { members: {} } });
    }
  }

  /**
   * Bindings imported from the project's other modules (ESM named, default and namespace imports, `require` and
   * destructured `require`) whose summary says what they are: a client, a client factory, a model function.
   */
  private startImported(lookup: ImportedExport): void {
    // The global scope, and the module (ESM) or top-level function (CommonJS) scope of the Program.
    const top = this.file.globalScope.childScopes.filter((s) => s.block === this.file.ast);
    for (const scope of [this.file.globalScope, ...top]) {
      for (const v of scope.variables) {
        const def = v.defs[0];
        if (!def || (def.type !== 'ImportBinding' && def.type !== 'Variable')) continue;
        const reads = v.references.filter((r) => r.isRead());
        const first = reads[0];
        if (!first) continue;
        const source = importSourceOf(this.file, first.identifier);
        if (!source || (!lookup.probe && reads.every((r) => this.handedToOtherCode(r.identifier)))) continue;
        const summary = source.name === '*' ? undefined : lookup(source.specifier, source.name);
        if (summary) {
          for (const r of reads) this.useImported(summary, r.identifier);
          continue;
        }
        // Facts built without their imports' summaries: an instance made here may be of a model class.
        if (lookup.probe) {
          this.deferInstances(lookup, source, reads);
          continue;
        }
        // import * as ai from './ai'; const ai = require('./ai'): `ai.ask(...)`
        if (source.name !== '*' && source.name !== 'default') continue;
        for (const r of reads) {
          const member = r.identifier.parent;
          if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== r.identifier) continue;
          // `app.use('/api/auth', routes.auth)`: as for a binding only handed on (above), not looked up.
          if (this.handedToOtherCode(member)) continue;
          const inner = importSourceOf(this.file, member);
          const s = inner && lookup(inner.specifier, inner.name);
          if (s) this.useImported(s, member);
        }
      }
    }
    // `const { OpenAiLLM } = require('../AiProviders/openAi')` inside a function: a factory choosing one of many classes
    // in a `switch`. Their modules are read only for an instance that is used (a method called here, or the factory's
    // result read by another module), not one parse per case.
    for (const call of this.file.index.calls) {
      const d = call.parent;
      if (d?.type !== AST_NODE_TYPES.VariableDeclarator || d.init !== call || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require' || !enclosingFunction(call)) continue;
      for (const v of this.file.scopeManager.getDeclaredVariables(d)) {
        const reads = v.references.filter((r) => r.isRead());
        const source = reads[0] && importSourceOf(this.file, reads[0].identifier);
        if (source) this.deferInstances(lookup, source, reads);
      }
    }
  }

  /** A parameter read as the client a caller in another module hands it (ImportedExport.seeded). */
  private startSeeded({ fn, seed }: SeededParam): void {
    let param: Node | undefined = fn.params[seed.index];
    if (param?.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
    if (param?.type !== AST_NODE_TYPES.Identifier) return;
    // Made with whatever setup the caller gave it, which is not kept across modules.
    this.flow.pushVariable(variableOf(this.file.sourceCode, param), { node: param, map: seed.map, need: [], setup: [], system: [], opaqueSetup: true });
  }

  /**
   * `app.use('/auth', authRouter)`: a read that is only an argument of a call the flow cannot follow (no function of
   * this file) tells nothing a summary could use, so its module is not read for one.
   */
  private handedToOtherCode(id: Node): boolean {
    const call = id.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === id) return false;
    return !resolveFunction(this.file.sourceCode, call.callee);
  }

  /**
   * Reads of what the app's other modules decorated an app with (Fastify's `decorate`, Express's `app.locals`), in the
   * callees of calls (`request.server.openai.sendMessage(q)`, `fastify.ai.chat.completions.create(...)`, `this.ask(q)`,
   * `req.app.locals.openai.chat...`) and in declarations (`const openai = req.app.locals.openai`; a client
   * destructured, `const { openai } = fastify`). The project is asked only when the file reads a member of an app.
   */
  private startDecorated(get: () => Decorated | undefined): void {
    const d = get();
    if (!d) return;
    // The app's decorations, asked of the project at the first read; null once it says there are none.
    let app: ReturnType<Decorated['app']> | null | undefined;
    const decoration = (key: string): ExportSummary | undefined | null => {
      if (app === undefined) app = d.app() ?? null;
      return app && (app.names.has(key) ? app.summary(key) : undefined);
    };
    const seen = new Set<Node>();
    // False once there is nothing more to read.
    const read = (chain: Node): boolean => {
      for (let e = skipTS(chain); e.type === AST_NODE_TYPES.MemberExpression; e = skipTS(e.object)) {
        const key = propertyName(e);
        if (key === undefined || seen.has(e)) continue;
        seen.add(e);
        if (!d.isInstance(e.object)) continue;
        const summary = decoration(key);
        if (summary === null) return false;
        if (summary) this.useImported(summary, e);
      }
      return true;
    };
    for (const call of this.file.index.calls) {
      if (!read(call.callee)) return;
      const setting = d.settingOf(call);
      const summary = setting === undefined ? undefined : decoration(setting);
      if (summary === null) return;
      if (summary) this.useImported(summary, call);
    }
    // Bound first: `const openai = req.app.locals.openai`, and a client destructured, `const { openai } = fastify`.
    for (const decl of this.file.index.declarators) {
      let init = skipTS(decl.init!);
      if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTS(init.argument);
      if (init.type === AST_NODE_TYPES.MemberExpression && !read(init)) return;
      if (decl.id.type !== AST_NODE_TYPES.ObjectPattern || !d.isInstance(init)) continue;
      const members: Record<string, ClientMap> = {};
      for (const p of decl.id.properties) {
        const key = p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined;
        const summary = key === undefined ? undefined : decoration(key);
        if (summary === null) return;
        if (summary?.kind === 'client' && !summary.value.need?.length) members[key!] = summary.value.map;
      }
      if (Object.keys(members).length > 0) this.flow.push({ node: init, map: { members }, need: [], setup: [], system: [] });
    }
  }

  /** `new X(...)` of an imported X of the project: an instance whose class is read when it is used (ClientMap.instanceOf). */
  private deferInstances(lookup: ImportedExport, source: { specifier: string; name: string }, reads: readonly { identifier: Node }[]): void {
    const made = reads.map((r) => r.identifier.parent).filter((p, i): p is TSESTree.NewExpression => p?.type === AST_NODE_TYPES.NewExpression && p.callee === reads[i]!.identifier);
    if (made.length === 0 || source.name === '*' || !lookup.project?.(source.specifier)) return;
    const map: ClientMap = { members: {}, instanceOf: { specifier: source.specifier, name: source.name } };
    for (const node of made) this.flow.push({ node, map, need: [], setup: [], system: [] });
  }

  private useImported(summary: ExportSummary, node: Node): void {
    const base = { need: [], setup: [], system: [] };
    if (summary.kind === 'client') {
      // An object holding a client reads its path first (`clients.openai.chat...`).
      this.flow.push({ ...base, node, map: summary.value.map, need: summary.value.need ?? [], opaqueSetup: summary.value.setup });
      return;
    }
    if (summary.kind === 'class') {
      // new Provider(): an object whose methods the class summary lists
      const made = node.parent;
      if (made?.type === AST_NODE_TYPES.NewExpression && made.callee === node) this.flow.push({ ...base, node: made, map: classMap(summary) });
      return;
    }
    if (summary.kind === 'object') {
      // aiService.ask(q)
      const member = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return;
      const key = propertyName(member);
      const method = key === undefined || !summary.methods.has(key) ? undefined : summary.methods.get(key);
      const call = member.parent;
      if (method && call.type === AST_NODE_TYPES.CallExpression && call.callee === member) this.emitModelFunction(call, method);
      return;
    }
    const call = node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) return;
    if (summary.kind === 'client factory') this.flow.push({ ...base, node: call, map: summary.value.map, need: summary.value.need ?? [], opaqueSetup: summary.value.setup });
    else this.emitModelFunction(call, summary);
  }

  /** Names taught through `settings['llm-leak'].llmCalls`: bare (`askModel`) or dotted (`llm.ask`). */
  private findCustom(): void {
    const names = new Set(this.file.settings.llmCalls);
    if (names.size === 0) return;
    for (const call of this.file.index.calls) {
      if (this.results.has(call)) continue;
      const chain = memberChain(call.callee);
      if (chain && names.has(chain.join('.'))) this.emit(call, CUSTOM_SPEC, [], [], undefined, true);
    }
  }

  /** Type-aware mode: calls whose declared result is an SDK result (a wrapper in another module, an injected client). */
  private findTyped(): void {
    const info = typeInfoOf(this.file);
    if (!info) return;
    for (const call of this.file.index.calls) {
      if (this.results.has(call)) continue;
      // Only a call whose value is used can hand a model result on.
      let p = call.parent;
      if (p.type === AST_NODE_TYPES.AwaitExpression) p = p.parent;
      if (p?.type === AST_NODE_TYPES.ExpressionStatement) continue;
      if (!mayReturnSdkResult(this.file, call)) continue;
      const result = sdkResultOfCall(info, call);
      if (result) this.emit(call, typedSpec(result.spec), [], [], null);
    }
  }

  /** What calling a leaf does. */
  private readonly leaf = (leaf: Leaf, call: TSESTree.CallExpression, state: State): void => {
    switch (leaf.type) {
      case 'call':
        // Setup options left in another module: the limit they may set is unknown, not missing.
        this.emit(call, state.opaqueSetup ? { ...leaf, limitKeys: [] } : leaf, state.setup, state.system, undefined);
        return;
      case 'instance': {
        const setupObj = leaf.setupArg === undefined ? undefined : objectOf(this.file, call.arguments[leaf.setupArg]);
        this.flow.push({
          node: call,
          map: leaf.map(),
          need: [],
          setup: setupObj ? [...state.setup, setupObj] : state.setup,
          system: state.system,
          opaqueSetup: state.opaqueSetup,
        });
        return;
      }
      case 'http':
        this.http(leaf, call, state.setup);
        return;
      case 'bedrock-send':
        this.bedrockSend(call);
        return;
      case 'command':
        return;
      case 'model function':
        this.emitModelFunction(call, leaf.fn);
        return;
    }
  };

  private bedrockSend(call: TSESTree.CallExpression): void {
    const r = bedrockSend(this.file, call, this.commands, this.markers);
    if (r) this.emit(call, r.spec, r.setup, r.system, r.options);
  }

  private http(leaf: HttpLeaf, call: TSESTree.CallExpression, setup: readonly TSESTree.ObjectExpression[]): void {
    const r = httpCall(this.file, leaf, call, setup, this.imported && !this.imported.probe ? this.imported : undefined);
    if (r) this.emit(call, r.spec, [], [], r.options, false, r.inputs);
  }

  /**
   * `redditController.testLLMResult(req.body, chatModel)`: a model client handed whole to a function of another project
   * module, which is there to call it. The call reaches a model: what that function does with it (its prompt, its
   * result) when its module can say, else with no known inputs and an opaque result. Read only where imports are
   * looked up (server code), never for a package's function.
   */
  private handOff(call: TSESTree.CallExpression, map: ClientMap, index: number): void {
    const lookup = this.imported;
    if (!lookup || lookup.probe || !lookup.project) return;
    const refs = importedRefs(this.file, call.callee as Node).filter((r) => lookup.project!(r.specifier));
    if (refs.length === 0) return;
    // What the function does with the client, read with its parameter as that client: a result and a prompt known.
    // An instance of another module's class is left opaque: its table is read from that module at each use.
    if (lookup.seeded && !map.instanceOf) {
      for (const ref of refs) {
        const fn = lookup.seeded(ref, { index, map });
        if (fn) return this.emitModelFunction(call, fn);
      }
    }
    // An instance of a project class handed on (`abortOnDisconnect(res, connector)`) is not a client: its fields may
    // hold one, but what the function does with the instance is unknown.
    const provider = isClassMap(map) ? undefined : providerOf(map);
    if (provider) this.emit(call, { ...HANDED_CLIENT, provider }, [], [], null);
  }

  /** Records a call once (see makeCall). */
  /** A call of another module's model function: the arguments its summary says reach the prompt are the inputs. */
  private emitModelFunction(call: TSESTree.CallExpression, fn: ModelFunction): void {
    const inputs: Node[] = [];
    for (const p of fn.promptParams) {
      const arg = call.arguments[p.index];
      if (!arg) continue;
      const value = arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg;
      const obj = p.keys && objectOf(this.file, value);
      if (!obj || !p.keys) inputs.push(value);
      else for (const key of p.keys) {
        const v = optionValue(this.file, obj, key);
        if (v) inputs.push(v);
      }
    }
    this.emit(call, modelFunctionSpec(fn), [], [], undefined, false, inputs);
  }

  private emit(
    call: TSESTree.CallExpression,
    spec: CallSpec,
    setup: readonly TSESTree.ObjectExpression[],
    system: readonly Node[],
    optionsOverride: TSESTree.ObjectExpression | null | undefined,
    allArgs = false,
    extraInputs: readonly Node[] = [],
  ): void {
    if (this.results.has(call)) return;
    this.results.set(call, makeCall(this.file, this.markers, call, spec, setup, system, optionsOverride, allArgs, extraInputs));
  }
}
