/**
 * Finds the model calls of a file. The ReferenceTracker follows each SDK from its import or require to the
 * constructor (or the function, for `generateText`); a small flow then follows the client value to the method
 * call: through variables, aliases, destructuring, `await`, object properties, `this.x` class members and fields,
 * same-file factory functions and parameters of same-file functions.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, findProperty, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { trackerOf } from '../references.js';
import type { FileContext, LlmCall, Node } from '../types.js';
import { sdkResultOfCall, typeInfoOf } from '../typed/index.js';
import { axiosSpec, httpSpec, modelHost, urlPrefix } from './hosts.js';
import { constInit, objectOf, optionValue, resolveLocal, systemParts, unstringify, type SystemMarkers } from './messages.js';
import {
  FETCH_LEAF,
  LANGCHAIN_CHAT,
  LANGCHAIN_PLAIN,
  LIMIT_CONTAINERS,
  traceMaps,
  type CallSpec,
  type ClientMap,
  type CommandLeaf,
  type ExportLeaf,
  type HttpLeaf,
  type Leaf,
} from './sdks.js';

export { LIMIT_CONTAINERS } from './sdks.js';

/** The spec each recognised call was made from, for questions the LlmCall shape does not answer. */
const specs = new WeakMap<LlmCall, CallSpec>();
/** Per call: message lists not written out in place (see `messageLists`). */
const lists = new WeakMap<LlmCall, readonly Node[]>();

/**
 * Message lists of a call whose roles the file does not spell out, so they may hold a system message written by
 * whoever built them: a list option that is not an array literal (`messages: req.body.messages`) and the spread
 * parts of one that is (`[system, ...history]`). Empty when the SDK is told to drop system messages
 * (Vercel ai `allowSystemInMessages: false`).
 */
export function messageLists(call: LlmCall): readonly Node[] {
  return lists.get(call) ?? [];
}

/** A tracked value: `node` evaluates to something whose `need` path is an object described by `map`. */
interface State {
  readonly node: Node;
  readonly map: ClientMap;
  /** Property path still to read before reaching the tracked object (it was stored inside an object). */
  readonly need: readonly string[];
  readonly setup: readonly TSESTree.ObjectExpression[];
  /** System parts contributed on the way (a LangChain prompt piped into the model). */
  readonly system: readonly Node[];
}

const CUSTOM_SPEC: CallSpec = {
  type: 'call',
  provider: 'custom',
  resultLabel: 'model response',
  optionsArg: 0,
  inputKeys: [],
  // The shape of a wrapper is unknown; these are the usual names for a system prompt option.
  systemKeys: ['system', 'systemPrompt', 'instructions'],
  messageKeys: ['messages'],
  textPaths: [[]],
  limitKeys: [],
  streaming: false,
  textAccessor: '',
};

/**
 * The spec of a call known only by its declared result: what the result holds, but nothing of the request, whose
 * options live in the wrapper (so no prompt inputs, and an output limit that is unknown rather than missing).
 */
function typedSpec(spec: CallSpec): CallSpec {
  return {
    ...spec,
    optionsArg: -1,
    promptArg: undefined,
    inputKeys: [],
    systemKeys: [],
    messageKeys: [],
    limitKeys: [],
    limitHome: null,
    streaming: spec.streaming === true,
  };
}

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
export function findLlmCalls(file: FileContext): LlmCall[] {
  return new Finder(file).run();
}

/**
 * Whether a call sets an output limit: 'found' when a `limitKeys` entry sits in its options or setup options
 * (directly or one level down in LIMIT_CONTAINERS), 'unknown' when those objects could not be read in full
 * (a spread, no options written in place, or no known limit key), else 'missing'.
 */
export function outputLimit(call: LlmCall): 'found' | 'missing' | 'unknown' {
  const value = outputLimitValue(call);
  return typeof value === 'string' ? value : 'found';
}

/** The expression that sets a call's output limit, or 'missing' / 'unknown' as in `outputLimit`. */
export function outputLimitValue(call: LlmCall): Node | 'missing' | 'unknown' {
  if (call.limitKeys.length === 0) return 'unknown';
  const objects = [...(call.options ? [call.options] : []), ...call.setupOptions];
  if (objects.length === 0) return 'unknown';
  let complete = true;
  const scan = (obj: TSESTree.ObjectExpression, depth: number): Node | undefined => {
    for (const p of obj.properties) {
      if (p.type !== AST_NODE_TYPES.Property) {
        complete = false;
        continue;
      }
      const key = propertyName(p);
      if (key === undefined) complete = false;
      else if (call.limitKeys.includes(key)) return p.value;
      else if (depth === 0 && LIMIT_CONTAINERS.includes(key)) {
        const v = skipTS(p.value);
        if (v.type === AST_NODE_TYPES.ObjectExpression) {
          const found = scan(v, 1);
          if (found) return found;
        } else complete = false;
      }
    }
    return undefined;
  };
  for (const obj of objects) {
    const found = scan(obj, 0);
    if (found) return found;
  }
  return complete ? 'missing' : 'unknown';
}

/**
 * Where a suggestion can add an output limit to a call that has none: the object literal written in place (the
 * call's options, or its one setup object) and the entry to insert (`max_tokens: 1024`, or
 * `config: { maxOutputTokens: 1024 }` when the API wants the limit nested). Undefined when no edit is mechanical.
 */
export function limitInsertion(call: LlmCall): { object: TSESTree.ObjectExpression; entry: string } | undefined {
  const spec = specs.get(call);
  if (!spec || spec.limitHome === null || spec.limitKeys.length === 0) return undefined;
  const key = spec.limitKey ?? spec.limitKeys[0]!;
  const target = call.options ?? (call.setupOptions.length === 1 ? call.setupOptions[0] : undefined);
  // Only an object written as an argument: a shared const may shape other calls too.
  const parent = target?.parent;
  if (!target || (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression)) return undefined;
  const value = `${key}: 1024`;
  if (spec.limitHome === undefined) return { object: target, entry: value };
  const home = findProperty(target, spec.limitHome);
  if (!home) return { object: target, entry: `${spec.limitHome}: { ${value} }` };
  const inner = skipTS(home.value);
  return inner.type === AST_NODE_TYPES.ObjectExpression ? { object: inner, entry: value } : undefined;
}

class Finder {
  private readonly results = new Map<Node, LlmCall>();
  private readonly commands = new Map<Node, CommandLeaf>();
  private readonly markers: SystemMarkers & { readonly [K in keyof SystemMarkers]: Set<Node> } = {
    systemMessages: new Set(),
    systemTemplates: new Set(),
    promptMessages: new Set(),
  };
  private readonly queue: State[] = [];
  private readonly seen = new Map<Node, Set<string>>();
  private readonly mapIds = new Map<ClientMap, number>();
  private readonly thisMembers = new Map<Node, Map<string, TSESTree.MemberExpression[]>>();

  constructor(private readonly file: FileContext) {}

  run(): LlmCall[] {
    const tracker = trackerOf(this.file);
    const maps = traceMaps() as never;
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
    this.findFetch();
    while (this.queue.length > 0) this.step(this.queue.pop()!);
    this.findCustom();
    this.findTyped();
    return [...this.results.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  private start(node: Node, info: ExportLeaf): void {
    const base = { need: [], setup: [], system: [] };
    if ('construct' in info) {
      if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
      const setupObj = info.setupArg === undefined ? undefined : objectOf(this.file, node.arguments[info.setupArg]);
      this.push({ ...base, node, map: info.construct, setup: setupObj ? [setupObj] : [] });
    } else if ('read' in info) {
      // `import ollama from 'ollama'` reports the specifier; follow its local binding.
      if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier || node.type === AST_NODE_TYPES.ImportSpecifier) {
        this.pushVariable(variableOf(this.file.sourceCode, node.local), { ...base, node, map: info.read });
      } else if (node.type !== AST_NODE_TYPES.ImportDeclaration) {
        this.push({ ...base, node, map: info.read });
      }
    } else if ('call' in info) {
      if (node.type === AST_NODE_TYPES.CallExpression) this.leaf(info.call, node, { ...base, node, map: { members: {} } });
    }
  }

  /** Global `fetch(...)`/`globalThis.fetch(...)`: the callee resolves to no variable declared in the file. */
  private findFetch(): void {
    for (const call of this.file.index.calls) {
      const chain = memberChain(call.callee);
      if (!chain) continue;
      const isFetch = chain.length === 1 ? chain[0] === 'fetch' : chain.length === 2 && chain[1] === 'fetch' && ['globalThis', 'window', 'global', 'self'].includes(chain[0]!);
      if (!isFetch) continue;
      const root = skipTS(call.callee);
      const id = root.type === AST_NODE_TYPES.Identifier ? root : root.type === AST_NODE_TYPES.MemberExpression ? skipTS(root.object) : undefined;
      if (id?.type !== AST_NODE_TYPES.Identifier) continue;
      const v = variableOf(this.file.sourceCode, id);
      if (v && v.defs.length > 0) continue;
      this.http(FETCH_LEAF, call, []);
    }
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

  private push(state: State): void {
    let id = this.mapIds.get(state.map);
    if (id === undefined) this.mapIds.set(state.map, (id = this.mapIds.size + 1));
    const key = `${id}|${state.need.join('.')}`;
    let keys = this.seen.get(state.node);
    if (!keys) this.seen.set(state.node, (keys = new Set()));
    if (keys.has(key)) return;
    keys.add(key);
    this.queue.push(state);
  }

  private pushVariable(v: Scope.Variable | undefined, state: State): void {
    if (!v) return;
    for (const r of v.references) if (r.isRead()) this.push({ ...state, node: r.identifier });
  }

  /** One step of the flow from a node holding the tracked value to where that value goes next. */
  private step(state: State): void {
    let n = state.node;
    for (let p = n.parent; p && passesThrough(p, n); p = n.parent) n = p;
    const p = n.parent;
    if (!p) return;
    const next = (node: Node, more: Partial<State> = {}): void => this.push({ ...state, node, ...more });
    switch (p.type) {
      // client.chat → the `chat` member; holder.ai → the client stored there
      case AST_NODE_TYPES.MemberExpression: {
        if (p.object !== n) return;
        const key = propertyName(p);
        if (key === undefined) return;
        if (state.need.length > 0) {
          if (key === state.need[0]) next(p, { need: state.need.slice(1) });
        } else if (Object.hasOwn(state.map.members, key)) {
          next(p, { map: state.map.members[key]! });
        }
        return;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (p.callee === n) {
          if (state.need.length === 0 && state.map.call) this.leaf(state.map.call, p, state);
          return;
        }
        const index = p.arguments.indexOf(n as TSESTree.CallExpressionArgument);
        if (index < 0) return;
        // prompt.pipe(model): the chain's result is the model's
        const callee = skipTS(p.callee);
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          propertyName(callee) === 'pipe' &&
          (state.map === LANGCHAIN_CHAT || state.map === LANGCHAIN_PLAIN)
        ) {
          next(p, { system: [...state.system, ...systemParts(this.file, callee.object, this.markers)] });
          return;
        }
        // ask(client, ...) with `function ask(c) { c.chat... }` in this file
        const fn = resolveFunction(this.file.sourceCode, p.callee);
        const param = fn?.params[index];
        const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        if (target?.type === AST_NODE_TYPES.Identifier) this.pushVariable(variableOf(this.file.sourceCode, target), state);
        return;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (p.init === n) this.bind(p.id, state);
        return;
      case AST_NODE_TYPES.AssignmentExpression: {
        if (p.right !== n) return;
        this.bind(p.left, state);
        next(p);
        return;
      }
      // class Svc { client = new OpenAI() }
      case AST_NODE_TYPES.PropertyDefinition: {
        if (p.value !== n || p.static) return;
        const key = memberKey(p);
        if (key !== undefined) for (const m of this.membersOfThis(p.parent, key)) next(m);
        return;
      }
      // { ai: new OpenAI() }
      case AST_NODE_TYPES.Property: {
        const key = propertyName(p);
        if (p.value !== n || key === undefined || p.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        next(p.parent, { need: [key, ...state.need] });
        return;
      }
      // function getClient() { return client }
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(p);
        if (fn) for (const call of this.callsOf(fn)) next(call);
        return;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (p.body === n) for (const call of this.callsOf(p)) next(call);
        return;
      default:
        return;
    }
  }

  /** Binds the tracked value to a declaration or assignment target. */
  private bind(target: Node, state: State): void {
    const t = skipTS(target);
    switch (t.type) {
      case AST_NODE_TYPES.Identifier:
        this.pushVariable(variableOf(this.file.sourceCode, t), state);
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        this.bind(t.left, state);
        return;
      // const { chat } = client
      case AST_NODE_TYPES.ObjectPattern:
        for (const prop of t.properties) {
          if (prop.type !== AST_NODE_TYPES.Property) continue;
          const key = propertyName(prop);
          if (key === undefined) continue;
          if (state.need.length > 0) {
            if (key === state.need[0]) this.bind(prop.value, { ...state, need: state.need.slice(1) });
          } else if (Object.hasOwn(state.map.members, key)) {
            this.bind(prop.value, { ...state, map: state.map.members[key]! });
          }
        }
        return;
      // this.client = new OpenAI(); holder.ai = client
      case AST_NODE_TYPES.MemberExpression: {
        const key = memberKey(t);
        if (key === undefined) return;
        const owner = skipTS(t.object);
        if (owner.type === AST_NODE_TYPES.ThisExpression) {
          const body = classBodyOf(t);
          if (body) for (const m of this.membersOfThis(body, key)) this.push({ ...state, node: m });
        } else if (owner.type === AST_NODE_TYPES.Identifier) {
          this.pushVariable(variableOf(this.file.sourceCode, owner), { ...state, need: [key, ...state.need] });
        }
        return;
      }
      default:
        return;
    }
  }

  /** `this.<key>` member expressions of a class body (not inside nested classes or `function`s, where `this` differs). */
  private membersOfThis(body: Node, key: string): TSESTree.MemberExpression[] {
    let byKey = this.thisMembers.get(body);
    if (!byKey) {
      byKey = new Map();
      this.thisMembers.set(body, byKey);
      const keys = this.file.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
      const stack: Node[] = [body];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node !== body && node.type === AST_NODE_TYPES.ClassBody) continue;
        if (
          (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) &&
          node.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
          node.parent?.type !== AST_NODE_TYPES.PropertyDefinition
        ) continue;
        if (node.type === AST_NODE_TYPES.MemberExpression && skipTS(node.object).type === AST_NODE_TYPES.ThisExpression) {
          const name = memberKey(node);
          if (name !== undefined) {
            const list = byKey.get(name) ?? [];
            list.push(node);
            byKey.set(name, list);
          }
        }
        for (const k of keys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[k];
          if (Array.isArray(child)) {
            for (const c of child) if (c && typeof (c as Node).type === 'string') stack.push(c as Node);
          } else if (child && typeof (child as Node).type === 'string') {
            stack.push(child as Node);
          }
        }
      }
    }
    return byKey.get(key) ?? [];
  }

  /** Same-file calls of a function: `getClient()`, and `this.getClient()` for a class method. */
  private callsOf(fn: Node): Node[] {
    const out: Node[] = [];
    const parent = fn.parent;
    let v: Scope.Variable | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
      v = this.file.scopeManager.getDeclaredVariables(fn).find((x) => x.name === fn.id!.name && x.defs[0]?.type === 'FunctionName');
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      v = variableOf(this.file.sourceCode, parent.id);
    } else if (parent?.type === AST_NODE_TYPES.MethodDefinition && !parent.static) {
      const key = memberKey(parent);
      if (key !== undefined) {
        for (const m of this.membersOfThis(parent.parent, key)) {
          if (m.parent.type === AST_NODE_TYPES.CallExpression && m.parent.callee === m) out.push(m.parent);
        }
      }
    }
    for (const r of v?.references ?? []) {
      const id = r.identifier;
      if (r.isRead() && id.parent.type === AST_NODE_TYPES.CallExpression && id.parent.callee === id) out.push(id.parent);
    }
    return out;
  }

  /** What calling a leaf does. */
  private leaf(leaf: Leaf, call: TSESTree.CallExpression, state: State): void {
    switch (leaf.type) {
      case 'call':
        this.emit(call, leaf, state.setup, state.system, undefined);
        return;
      case 'instance': {
        const setupObj = leaf.setupArg === undefined ? undefined : objectOf(this.file, call.arguments[leaf.setupArg]);
        this.push({ node: call, map: leaf.map(), need: [], setup: setupObj ? [...state.setup, setupObj] : state.setup, system: state.system });
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
    }
  }

  // client.send(new ConverseCommand({...})) or client.send(command) with a local const command
  private bedrockSend(call: TSESTree.CallExpression): void {
    const arg = call.arguments[0];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
    const cmd = resolveLocal(this.file, arg);
    const command = this.commands.get(cmd);
    if (!command || cmd.type !== AST_NODE_TYPES.NewExpression) return;
    const options = objectOf(this.file, cmd.arguments[0]);
    const setup: TSESTree.ObjectExpression[] = [];
    const system: Node[] = [];
    // InvokeModel: the provider's JSON request is `body: JSON.stringify({...})`; it holds the limit and the system prompt.
    const body = options && findProperty(options, 'body');
    const payload = body && objectOf(this.file, unstringify(body.value));
    if (payload) {
      setup.push(payload);
      const sys = optionValue(this.file, payload, 'system');
      if (sys) system.push(sys);
      system.push(...systemParts(this.file, optionValue(this.file, payload, 'messages'), this.markers));
    }
    this.emit(call, command.spec, setup, system, options ?? null);
  }

  /** fetch(url, init) / axios.post(url, data) / axios({ url, data }) to a model API host. */
  private http(leaf: HttpLeaf, call: TSESTree.CallExpression, setup: readonly TSESTree.ObjectExpression[]): void {
    const args = call.arguments;
    let url: Node | undefined;
    let payload: Node | undefined;
    let config: TSESTree.ObjectExpression | undefined;
    if (leaf.via === 'fetch') {
      url = args[0];
      const init = objectOf(this.file, args[1]);
      payload = init && findProperty(init, 'body')?.value;
    } else if (leaf.method === 'call' || leaf.method === 'request') {
      const first = objectOf(this.file, args[0]);
      config = leaf.method === 'request' || first ? first : objectOf(this.file, args[1]);
      url = leaf.method === 'call' && !first ? args[0] : config && findProperty(config, 'url')?.value;
      payload = config && findProperty(config, 'data')?.value;
    } else {
      url = args[0];
      payload = args[1];
      config = objectOf(this.file, args[2]);
    }
    if (!url || url.type === AST_NODE_TYPES.SpreadElement) return;
    const scope = this.scopeOf(url);
    const resolve = (id: TSESTree.Identifier): Node | undefined => constInit(this.file, id);
    let full = urlPrefix(url, scope, resolve);
    if (leaf.via === 'axios' && !(full && modelHost(full))) {
      // A relative path on an instance made with axios.create({ baseURL })
      const baseNode = [config, ...setup].map((o) => o && findProperty(o, 'baseURL')?.value).find(Boolean);
      const base = baseNode && urlPrefix(baseNode, this.scopeOf(baseNode), resolve);
      if (base !== undefined) full = base.replace(/\/+$/, '') + (full === undefined ? '' : full.startsWith('/') ? full : `/${full}`);
    }
    const host = full === undefined ? undefined : modelHost(full);
    if (!host) return;
    let spec = httpSpec(host.api, host.path, host.label);
    if (leaf.via === 'axios') spec = axiosSpec(spec);
    const body = payload && payload.type !== AST_NODE_TYPES.SpreadElement ? unstringify(payload) : undefined;
    const options = objectOf(this.file, body);
    // The whole JSON body is the input; its messages are inside it already.
    this.emit(call, { ...spec, inputKeys: [] }, [], [], options ?? null, false, body ? [body] : []);
  }

  private scopeOf(node: Node): Scope.Scope | undefined {
    try {
      return this.file.sourceCode.getScope(node) as Scope.Scope;
    } catch {
      return undefined; // Defensive: a node outside this tree.
    }
  }

  /**
   * Records a call. `optionsOverride` gives the options when the caller found them elsewhere (null: none);
   * `allArgs` makes every argument an input (settings names, whose shape is unknown).
   */
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
    const args = call.arguments;
    const options =
      optionsOverride === null ? undefined : optionsOverride ?? (spec.optionsArg >= 0 ? objectOf(this.file, args[spec.optionsArg]) : undefined);
    const inputs: Node[] = [...extraInputs];
    const systemInputs: Node[] = [...system];
    if (allArgs) {
      for (const a of args) inputs.push(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a);
    } else if (spec.promptArg !== undefined) {
      const arg = args[spec.promptArg];
      if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && !(spec.promptArg === spec.optionsArg && options)) {
        inputs.push(arg);
        systemInputs.push(...systemParts(this.file, arg, this.markers));
      }
    }
    for (const obj of options ? [options, ...setup] : setup) {
      const own = obj === options;
      if (own) for (const key of spec.inputKeys) {
        const v = optionValue(this.file, obj, key);
        if (v) inputs.push(v);
      }
      for (const key of spec.systemKeys) {
        const v = optionValue(this.file, obj, key);
        if (v) systemInputs.push(v);
      }
      if (own) for (const key of spec.messageKeys) systemInputs.push(...systemParts(this.file, optionValue(this.file, obj, key), this.markers));
    }
    const opaque: Node[] = [];
    const dropsSystem = options && spec.provider === 'ai' && staticValue(optionValue(this.file, options, 'allowSystemInMessages')) === false;
    if (options && !dropsSystem && spec.systemRoleInMessages !== false) {
      for (const key of spec.messageKeys) {
        // Responses `input` is as often the user's plain text as a list: an opaque one says nothing.
        if (key === 'input') continue;
        const v = optionValue(this.file, options, key);
        if (!v) continue;
        const list = resolveLocal(this.file, v);
        if (list.type === AST_NODE_TYPES.ArrayExpression) {
          for (const el of list.elements) if (el?.type === AST_NODE_TYPES.SpreadElement) opaque.push(el.argument);
        } else if (!this.markers.promptMessages.has(list)) opaque.push(v);
      }
    }
    let streaming = spec.streaming === true;
    if (spec.streaming === 'option' && options) {
      const s = findProperty(options, 'stream')?.value;
      streaming = !!s && s.type === AST_NODE_TYPES.Literal && s.value === true;
    }
    const result: LlmCall = {
      node: call,
      provider: spec.provider,
      resultLabel: spec.resultLabel,
      options,
      setupOptions: setup,
      inputs,
      systemInputs,
      textPaths: streaming && spec.streamTextPaths ? [...spec.textPaths, ...spec.streamTextPaths] : spec.textPaths,
      limitKeys: spec.limitKeys,
      streaming,
      textAccessor: streaming ? undefined : spec.textAccessor,
    };
    specs.set(result, spec);
    lists.set(result, opaque);
    this.results.set(call, result);
  }
}

/** Parents through which a value passes unchanged: casts, `?.` chains, `await`, `a ?? b`, `c ? a : b`, `(x, a)`. */
function passesThrough(parent: Node, child: Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.consequent === child || parent.alternate === child;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions[parent.expressions.length - 1] === child;
    default:
      return false;
  }
}

/** A member's static key, with private names as '#name'. */
function memberKey(node: TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  return key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : propertyName(node);
}

function classBodyOf(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === AST_NODE_TYPES.ClassBody) return n;
  }
  return undefined;
}

/** A boolean literal's value. */
function staticValue(node: Node | undefined): unknown {
  const n = node && skipTS(node);
  return n?.type === AST_NODE_TYPES.Literal ? n.value : undefined;
}
