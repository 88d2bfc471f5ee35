/**
 * The flow that follows a tracked SDK value (a client, a model, a chat) from where it is made to where it is used:
 * through variables, aliases, destructuring, `await`, object properties, `this.x` class members and fields,
 * same-file factory functions and parameters of same-file functions. Each call of a tracked value's member that the
 * table describes is handed to `onCall`; what the call is, is decided there.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import type { FileContext, Node } from '../types.js';
import { systemParts, type SystemMarkers } from './messages.js';
import { LANGCHAIN_CHAT, LANGCHAIN_PLAIN, type ClientMap, type Leaf } from './sdks.js';
import type { TrackedValue, TrackedValues } from './summary.js';

/** A tracked value: `node` evaluates to something whose `need` path is an object described by `map`. */
export interface State {
  readonly node: Node;
  readonly map: ClientMap;
  /** Property path still to read before reaching the tracked object (it was stored inside an object). */
  readonly need: readonly string[];
  readonly setup: readonly TSESTree.ObjectExpression[];
  /** System parts contributed on the way (a LangChain prompt piped into the model). */
  readonly system: readonly Node[];
  /** Made with setup options in another module, which are not kept: limits and system parts set there are unknown. */
  readonly opaqueSetup?: boolean;
}

/** What the flow does with a call of a tracked value's member: `client.chat.completions.create(...)`. */
export type OnCall = (leaf: Leaf, call: TSESTree.CallExpression, state: State) => void;

/** A worklist over tracked values; each (node, table, path) is visited once, so the walk is linear in the file. */
export class ClientFlow {
  private readonly queue: State[] = [];
  private readonly seen = new Map<Node, Set<string>>();
  private readonly mapIds = new Map<ClientMap, number>();
  private readonly thisMembers = new Map<Node, Map<string, TSESTree.MemberExpression[]>>();
  private readonly values = new Map<number, TrackedValue>();
  private readonly factories = new Map<number, TrackedValue>();
  private readonly fields = new Map<number, Map<string, TrackedValue>>();

  constructor(
    private readonly file: FileContext,
    private readonly markers: SystemMarkers,
    private readonly onCall: OnCall,
    /** The table of an instance of another module's class (ClientMap.instanceOf), read when the instance is used. */
    private readonly classOf: (ref: NonNullable<ClientMap['instanceOf']>) => ClientMap | undefined = () => undefined,
    /** A client handed whole to a call of a function not in this file (`service.ask(req.body, chatModel)`). */
    private readonly onHandOff: (call: TSESTree.CallExpression, map: ClientMap, index: number) => void = () => undefined,
  ) {}

  /** The table itself, or for an instance of another module's class, its class's table (once per table). */
  private members(map: ClientMap): Readonly<Record<string, ClientMap>> {
    if (!map.instanceOf) return map.members;
    let resolved = this.resolved.get(map);
    if (resolved === undefined) this.resolved.set(map, (resolved = this.classOf(map.instanceOf) ?? null));
    return resolved?.members ?? map.members;
  }

  private readonly resolved = new Map<ClientMap, ClientMap | null>();

  /** Follows every queued value to its end; `onCall` may queue more. */
  drain(): void {
    while (this.queue.length > 0) this.step(this.queue.pop()!);
  }

  /** Queues a tracked value, unless it was seen with the same table and path. */
  push(state: State): void {
    let id = this.mapIds.get(state.map);
    if (id === undefined) this.mapIds.set(state.map, (id = this.mapIds.size + 1));
    const key = `${id}|${state.need.join('.')}`;
    let keys = this.seen.get(state.node);
    if (!keys) this.seen.set(state.node, (keys = new Set()));
    if (keys.has(key)) return;
    keys.add(key);
    this.queue.push(state);
  }

  /**
   * Tracked values bound to variables, exported, assigned or returned (by start offset), for the module summary:
   * recorded as the walk passes, so it costs nothing more than the walk.
   */
  tracked(): TrackedValues {
    return { values: this.values, factories: this.factories, fields: this.fields };
  }

  /** `this.openai = new OpenAIApi(...)` in a class: its instances hold a client at that key, for the class's summary. */
  private recordField(body: Node, key: string, state: State): void {
    const cls = body.parent;
    if (!cls || state.need.length > 0) return;
    let byKey = this.fields.get(cls.range[0]);
    if (!byKey) this.fields.set(cls.range[0], (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, { map: state.map, setup: state.setup.length > 0 || state.opaqueSetup === true });
  }

  private record(into: Map<number, TrackedValue>, at: Node, state: State): void {
    // A value inside an object is kept with its path: what a factory returns (`return { connector: provider }`), and an
    // object bound or exported whole (`export const clients = { openai: new OpenAI() }`), whose importer reads the path.
    if (into.has(at.range[0])) return;
    const setup = state.setup.length > 0 || state.opaqueSetup === true;
    into.set(at.range[0], state.need.length > 0 ? { map: state.map, setup, need: state.need } : { map: state.map, setup });
  }

  /** Queues every read of a variable holding the tracked value. */
  pushVariable(v: Scope.Variable | undefined, state: State): void {
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
        } else {
          const members = this.members(state.map);
          if (Object.hasOwn(members, key)) next(p, { map: members[key]! });
        }
        return;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (p.callee === n) {
          if (state.need.length === 0 && state.map.call) this.onCall(state.map.call, p, state);
          return;
        }
        const index = p.arguments.indexOf(n as TSESTree.CallExpressionArgument);
        if (index < 0) return;
        // prompt.pipe(model): the chain's result is the model's
        const callee = skipTS(p.callee);
        // Kept where it is handed: a decoration's value (`fastify.decorate('openai', client)`, `app.set('openai', client)`),
        // which the framework analysis finds and src/project/facts.ts summarises.
        this.record(this.values, n, state);
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
        else if (!fn && state.need.length === 0) this.onHandOff(p, state.map, index);
        return;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (p.init !== n) return;
        this.record(this.values, n, state);
        this.bind(p.id, state);
        return;
      // export default new Anthropic()
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        this.record(this.values, n, state);
        return;
      case AST_NODE_TYPES.AssignmentExpression: {
        if (p.right !== n) return;
        // module.exports = client; exports.ai = new OpenAI()
        this.record(this.values, n, state);
        this.bind(p.left, state);
        next(p);
        return;
      }
      // class Svc { client = new OpenAI() }
      case AST_NODE_TYPES.PropertyDefinition: {
        if (p.value !== n || p.static) return;
        const key = memberKey(p);
        if (key === undefined) return;
        this.recordField(p.parent, key, state);
        for (const m of this.membersOfThis(p.parent, key)) next(m);
        return;
      }
      // { ai: new OpenAI() }
      case AST_NODE_TYPES.Property: {
        const key = propertyName(p);
        if (p.value !== n || key === undefined || p.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        this.record(this.values, n, state);
        next(p.parent, { need: [key, ...state.need] });
        return;
      }
      // { ...result, error: null } keeps the fields of `result`, the tracked one among them
      case AST_NODE_TYPES.SpreadElement:
        if (state.need.length > 0 && p.parent.type === AST_NODE_TYPES.ObjectExpression) next(p.parent);
        return;
      // function getClient() { return client }
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(p);
        if (!fn) return;
        this.record(this.factories, fn, state);
        for (const call of this.callsOf(fn)) next(call);
        return;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (p.body !== n) return;
        this.record(this.factories, p, state);
        for (const call of this.callsOf(p)) next(call);
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
          } else {
            const members = this.members(state.map);
            if (Object.hasOwn(members, key)) this.bind(prop.value, { ...state, map: members[key]! });
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
          if (!body) return;
          this.recordField(body, key, state);
          for (const m of this.membersOfThis(body, key)) this.push({ ...state, node: m });
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

  /** Same-file calls of a function: `getClient()`, `this.getClient()` for a class method, `this.client` for a getter. */
  private callsOf(fn: Node): Node[] {
    const out: Node[] = [];
    const parent = fn.parent;
    let v: Scope.Variable | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
      v = this.file.scopeManager.getDeclaredVariables(fn).find((x) => x.name === fn.id!.name && x.defs[0]?.type === 'FunctionName');
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      v = variableOf(this.file.sourceCode, parent.id);
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) {
      // (() => { const self = {}; self.openai = new OpenAI(); return self; })(): a config object built in place.
      out.push(parent);
    } else if (parent?.type === AST_NODE_TYPES.MethodDefinition && !parent.static) {
      const key = memberKey(parent);
      if (key !== undefined) {
        for (const m of this.membersOfThis(parent.parent, key)) {
          // A getter runs where it is read: `this.client` is what `get client()` returns.
          if (parent.kind === 'get') out.push(m);
          else if (m.parent.type === AST_NODE_TYPES.CallExpression && m.parent.callee === m) out.push(m.parent);
        }
      }
    }
    for (const r of v?.references ?? []) {
      const id = r.identifier;
      if (r.isRead() && id.parent.type === AST_NODE_TYPES.CallExpression && id.parent.callee === id) out.push(id.parent);
    }
    return out;
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
