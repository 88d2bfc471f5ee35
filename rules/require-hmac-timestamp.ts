import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberChain, propertyName, resolveFunction, skipTS, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen, type FileModel } from '../src/model.js';
import type { Node, Origin } from '../src/types.js';

type RequestOrigin = Extract<Origin, { kind: 'request' }>;

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const RELATIONAL = new Set(['<', '>', '<=', '>=']);
/** Request parts a signature travels in; a signed cookie or session is a bearer token, another threat. */
const SIGNATURE_PARTS = new Set(['headers', 'query', 'body', 'rawBody', 'other']);
const BODY_PARTS = new Set(['body', 'rawBody']);
/** Words of a signed request value's name that say it holds a time (a last resort: the value is only a number). */
const TIME_WORDS = new Set(['timestamp', 'time', 'date', 'ts', 't', 'exp', 'expires', 'expiry', 'iat']);
/** Methods that look a value up in, or record it into, a set, map, cache or table: how a nonce or delivery id is kept. */
const RECORD_METHODS = new Set([
  'has', 'add', 'set', 'get', 'includes', 'setnx', 'setNX', 'sadd', 'sAdd', 'sismember', 'sIsMember', 'exists',
  'incr', 'insert', 'insertOne', 'create', 'upsert', 'findOne', 'findUnique', 'findFirst',
]);
/** Words of a recorded body field's name that say it identifies one delivery (a last resort: fields carry no role). */
const DELIVERY_WORDS = new Set(['id', 'nonce', 'delivery', 'jti']);
/** How far a value is followed through `const` variables and same-file helpers. */
const HOPS = 3;

export default createRule({
  name: 'require-hmac-timestamp',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a freshness check (a timestamp window or a recorded delivery id) on signed requests',
      recommended: 'recommended',
      cwe: ['CWE-294'],
      owaspLlm: [],
    },
    messages: {
      staleTimestamp:
        'The signed timestamp from {{where}} is never compared with the clock, so a captured request stays valid forever and can be replayed; reject it when it is more than five minutes from now.',
      bodyOnly:
        'The signature covers the request body alone, with no timestamp or nonce, so a captured request can be replayed; sign a timestamp and check it against the clock, or record delivery ids.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.crypto);
        if (!model || model.crypto.createHmac.length === 0) return;
        const signed = signedInputs(model);
        let recorded: boolean | undefined;
        let clockChecked: RequestOrigin[] | undefined;
        for (const check of signatureChecks(model)) {
          // The HMAC the comparison checks, and the request values it signs.
          const found = check.operands.map((o) => hmacIn(model, o));
          const hmac = found.find((h) => h && signed.has(h));
          if (!hmac) continue;
          const inputs = signed.get(hmac)!;
          // The other side is the signature the request carries (with an HMAC on both sides, nothing is known).
          const other = check.operands.find((_, i) => !found[i]);
          const sent = other ? requestOrigins(model.originsOf(other)).filter((o) => SIGNATURE_PARTS.has(o.part)) : [];
          if (sent.length === 0 || inputs.length === 0) continue;
          recorded ??= recordsDelivery(model);
          if (recorded) continue;
          clockChecked ??= clockComparedOrigins(model);
          if (inputs.some((i) => clockChecked!.some((c) => sameValue(i, c)))) continue;
          const extra = inputs.filter((i) => !BODY_PARTS.has(i.part) || isTimeName(i.name));
          if (extra.length === 0) {
            // A signed part the model cannot place (`parts.t` of a hand-parsed header) may be the timestamp: stay silent.
            if (!signsBodyAlone(model, hmac)) continue;
            context.report({ node: check.node, messageId: 'bodyOnly' });
            continue;
          }
          // Stripe's `t=`: a part of the signature header itself is signed, and that part is the timestamp.
          const time = extra.find((i) => isTimeName(i.name) || sent.some((s) => sameValue(i, s)));
          // Another signed value (a nonce, a URL) may be checked elsewhere: stay silent.
          if (!time) continue;
          context.report({ node: check.node, messageId: 'staleTimestamp', data: { where: describe(time) } });
        }
      },
    };
  },
});

/** `x-slack-request-timestamp` → ['x', 'slack', 'request', 'timestamp']; `eventId` → ['event', 'id']. */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** `x-timestamp`, `X-Request-Time`, `t`, `expires`; not `x-update-id` or `runtime`. */
function isTimeName(name: string | undefined): boolean {
  return name !== undefined && wordsOf(name).some((w) => TIME_WORDS.has(w) || w.endsWith('timestamp'));
}

function describe(o: RequestOrigin): string {
  if (o.name === undefined) return `the request ${o.part === 'rawBody' ? 'body' : o.part}`;
  return o.part === 'headers' ? `the ${o.name} header` : `request ${o.part === 'rawBody' ? 'body' : o.part} field ${o.name}`;
}

function requestOrigins(origins: readonly Origin[]): RequestOrigin[] {
  return origins.filter((o): o is RequestOrigin => o.kind === 'request');
}

/** Two request origins name the same value: the same part and name (a nameless body read is the whole body). */
function sameValue(a: RequestOrigin, b: RequestOrigin): boolean {
  if (BODY_PARTS.has(a.part) && BODY_PARTS.has(b.part)) return a.name === b.name;
  return a.part === b.part && a.name?.toLowerCase() === b.name?.toLowerCase();
}

/** A place where a signature is compared: `timingSafeEqual(a, b)` or `a === b`, with its two operands. */
interface SignatureCheck {
  readonly node: Node;
  readonly operands: readonly Node[];
}

function signatureChecks(model: FileModel): SignatureCheck[] {
  const out: SignatureCheck[] = [];
  for (const call of model.crypto.timingSafeEqual) {
    if (call.arguments.length === 2) out.push({ node: call, operands: call.arguments });
  }
  for (const bin of model.file.index.binaries) {
    if (!EQUALITY.has(bin.operator) || bin.left.type === AST_NODE_TYPES.PrivateIdentifier) continue;
    const keyed = (n: Node): boolean => model.originsOf(n).some((o) => o.kind === 'digest' && o.keyed === true);
    if (keyed(bin.left) || keyed(bin.right)) out.push({ node: bin, operands: [bin.left, bin.right] });
  }
  return out.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Each HMAC of the file and the request values fed into it through `update`. */
function signedInputs(model: FileModel): Map<TSESTree.CallExpression, RequestOrigin[]> {
  const hmacs = new Set(model.crypto.createHmac);
  const out = new Map<TSESTree.CallExpression, RequestOrigin[]>();
  for (const update of model.hmacUpdates) {
    const root = hmacOfUpdate(model, update, hmacs);
    const arg = update.arguments[0];
    if (!root || !arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
    const list = out.get(root) ?? [];
    for (const o of requestOrigins(model.originsOf(arg))) if (!list.some((x) => sameValue(x, o))) list.push(o);
    out.set(root, list);
  }
  return out;
}

/** Every `update` of the HMAC is the body itself: `req.body`, `raw`, `JSON.stringify(body)`, `Buffer.from(raw)`. */
function signsBodyAlone(model: FileModel, hmac: TSESTree.CallExpression): boolean {
  const hmacs = new Set<Node>([hmac]);
  const onlyBody = (raw: Node, hops: number): boolean => {
    const n = skipTS(raw);
    const origins = model.originsOf(n);
    if (origins.length > 0 && origins.every((o) => o.kind === 'request' && BODY_PARTS.has(o.part))) {
      if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) return true;
    }
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return n.expressions.every((e) => onlyBody(e, hops));
      case AST_NODE_TYPES.BinaryExpression:
        return n.left.type !== AST_NODE_TYPES.PrivateIdentifier && onlyBody(n.left, hops) && onlyBody(n.right, hops);
      case AST_NODE_TYPES.AwaitExpression:
        return onlyBody(n.argument, hops);
      case AST_NODE_TYPES.Identifier: {
        const def = hops > 0 ? variableOf(model.file.sourceCode, n)?.defs[0] : undefined;
        return def?.node.type === AST_NODE_TYPES.VariableDeclarator && !!def.node.init && onlyBody(def.node.init, hops - 1);
      }
      case AST_NODE_TYPES.CallExpression: {
        // JSON.stringify(body), Buffer.from(raw, 'utf8'), String(raw), raw.toString(), await req.text()
        const callee = skipTS(n.callee);
        const first = n.arguments[0];
        if (callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0) return onlyBody(callee.object, hops);
        if (first && first.type !== AST_NODE_TYPES.SpreadElement) return onlyBody(first, hops);
        return origins.length > 0 && origins.every((o) => o.kind === 'request' && BODY_PARTS.has(o.part));
      }
      default:
        return false;
    }
  };
  return model.hmacUpdates.some((u) => hmacOfUpdate(model, u, hmacs) === hmac) &&
    model.hmacUpdates.every((u) => {
      if (hmacOfUpdate(model, u, hmacs) !== hmac) return true;
      const arg = u.arguments[0];
      return !!arg && arg.type !== AST_NODE_TYPES.SpreadElement && onlyBody(arg, HOPS);
    });
}

/** `createHmac(a, k).update(x)` or `h.update(x)` with `const h = createHmac(a, k)`: the createHmac call. */
function hmacOfUpdate(model: FileModel, update: TSESTree.CallExpression, hmacs: ReadonlySet<Node>): TSESTree.CallExpression | undefined {
  let n: Node = update.callee;
  for (let i = 0; i < 16; i++) {
    n = skipTS(n);
    if (hmacs.has(n)) return n as TSESTree.CallExpression;
    if (n.type === AST_NODE_TYPES.MemberExpression) n = n.object;
    else if (n.type === AST_NODE_TYPES.CallExpression) n = n.callee;
    else if (n.type === AST_NODE_TYPES.Identifier) {
      const def = variableOf(model.file.sourceCode, n)?.defs[0];
      if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
      n = def.node.init;
    } else return undefined;
  }
  return undefined;
}

/**
 * The createHmac call whose digest an expression holds: through `const` variables, `Buffer.from(...)`, string
 * building, `hmac.digest()`, and the returns of same-file helpers (bounded).
 */
function hmacIn(model: FileModel, node: Node): TSESTree.CallExpression | undefined {
  const hmacs = hmacSet(model);
  let budget = 64;
  const visit = (raw: Node, hops: number): TSESTree.CallExpression | undefined => {
    if (--budget < 0) return undefined;
    const n = skipTS(raw);
    if (hmacs.has(n)) return n as TSESTree.CallExpression;
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        if (hops <= 0) return undefined;
        const def = variableOf(model.file.sourceCode, n)?.defs[0];
        if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
          return visit(def.node.init, hops - 1);
        }
        return undefined;
      }
      case AST_NODE_TYPES.MemberExpression:
        return visit(n.object, hops);
      case AST_NODE_TYPES.AwaitExpression:
        return visit(n.argument, hops);
      case AST_NODE_TYPES.BinaryExpression:
        return n.left.type === AST_NODE_TYPES.PrivateIdentifier ? visit(n.right, hops) : visit(n.left, hops) ?? visit(n.right, hops);
      case AST_NODE_TYPES.TemplateLiteral:
        for (const e of n.expressions) {
          const hit = visit(e, hops);
          if (hit) return hit;
        }
        return undefined;
      case AST_NODE_TYPES.CallExpression: {
        const hit = visit(n.callee, hops);
        if (hit) return hit;
        for (const a of n.arguments) {
          const inArg = visit(a, hops);
          if (inArg) return inArg;
        }
        // sign(body): the digest a same-file helper returns.
        const callee = skipTS(n.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier || hops <= 0) return undefined;
        const fn = resolveFunction(model.file.sourceCode, callee);
        if (!fn) return undefined;
        for (const value of model.returnsOf(fn)) {
          const inReturn = visit(value, hops - 1);
          if (inReturn) return inReturn;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };
  return visit(node, HOPS);
}

function hmacSet(model: FileModel): ReadonlySet<Node> {
  let set = HMACS.get(model.file);
  if (!set) HMACS.set(model.file, (set = new Set<Node>(model.crypto.createHmac)));
  return set;
}
const HMACS = new WeakMap<object, ReadonlySet<Node>>();

/** `Date.now()`, `new Date()`, `new Date().getTime()`, `performance.timeOrigin`-free clocks: a read of the current time. */
function isClock(n: Node): boolean {
  if (n.type === AST_NODE_TYPES.NewExpression) {
    const c = skipTS(n.callee);
    return c.type === AST_NODE_TYPES.Identifier && c.name === 'Date' && n.arguments.length === 0;
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const chain = memberChain(skipTS(n.callee))?.join('.');
  // dayjs() and moment() with no argument are now as well.
  return chain === 'Date.now' || ((chain === 'dayjs' || chain === 'moment') && n.arguments.length === 0);
}

/**
 * The request values some relational comparison in the file holds up against the clock: `Math.abs(now - ts) > 300`,
 * `ts < Date.now() / 1000 - 300`, through `const` variables and the parameters of same-file helpers.
 */
function clockComparedOrigins(model: FileModel): RequestOrigin[] {
  const out: RequestOrigin[] = [];
  for (const bin of model.file.index.binaries) {
    if (!RELATIONAL.has(bin.operator)) continue;
    let clock = false;
    const values: RequestOrigin[] = [];
    let budget = 64;
    const visit = (raw: Node, hops: number): void => {
      if (--budget < 0) return;
      const n = skipTS(raw);
      if (isClock(n)) {
        clock = true;
        return;
      }
      if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) {
        values.push(...requestOrigins(model.originsOf(n)));
      }
      switch (n.type) {
        case AST_NODE_TYPES.Identifier: {
          if (hops <= 0) return;
          const v = variableOf(model.file.sourceCode, n);
          const def = v?.defs[0];
          if (def?.type === 'Parameter') {
            // function isFresh(ts) { return Math.abs(Date.now() / 1000 - ts) < 300 }: what callers pass in.
            const fn = def.node;
            const index = isFunction(fn) ? fn.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === n.name) : -1;
            if (index >= 0) for (const arg of argumentsOf(model, fn, index)) visit(arg, hops - 1);
          } else if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
            visit(def.node.init, hops - 1);
          }
          return;
        }
        case AST_NODE_TYPES.MemberExpression:
          return visit(n.object, hops);
        case AST_NODE_TYPES.BinaryExpression:
          if (n.left.type !== AST_NODE_TYPES.PrivateIdentifier) visit(n.left, hops);
          return visit(n.right, hops);
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.AwaitExpression:
          return visit(n.argument, hops);
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          visit(n.callee, hops);
          for (const a of n.arguments) visit(a, hops);
          return;
        default:
          return;
      }
    };
    visit(bin, HOPS);
    if (clock) out.push(...values);
  }
  return out;
}

/** The arguments at `index` of the file's direct calls to a named function. */
function argumentsOf(model: FileModel, fn: Node, index: number): Node[] {
  let name: TSESTree.Identifier | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) name = fn.id;
  else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) name = fn.parent.id;
  if (!name) return [];
  const v = variableOf(model.file.sourceCode, name);
  const out: Node[] = [];
  for (const ref of v?.references ?? []) {
    const call = ref.identifier.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier) {
      const arg = call.arguments[index];
      if (arg && arg.type !== AST_NODE_TYPES.SpreadElement) out.push(arg);
    }
  }
  return out;
}

/**
 * A delivery id or nonce of the request looked up in, or recorded into, a set, cache or table:
 * `seen.has(req.headers['x-github-delivery'])`, `redis.set(\`nonce:${nonce}\`, 1, 'NX')`, `db.insert({ eventId })`.
 */
function recordsDelivery(model: FileModel): boolean {
  for (const call of model.file.index.calls) {
    const callee = skipTS(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !RECORD_METHODS.has(propertyName(callee) ?? '')) continue;
    // req.get('x-github-delivery'), res.set('X-Id', id), ctx.get(...): reads and writes of the exchange itself.
    const owner = skipTS(callee.object);
    if (owner.type === AST_NODE_TYPES.Identifier && model.paramRoleOf(owner)) continue;
    if (model.originsOf(owner).some((o) => o.kind === 'request')) continue;
    for (const arg of call.arguments) {
      const ids = requestOrigins(model.originsOf(arg)).filter((o) =>
        o.part === 'headers' ? o.name !== undefined && !model.isSensitiveHeader(o.name) : o.name !== undefined && wordsOf(o.name).some((w) => DELIVERY_WORDS.has(w)),
      );
      if (ids.length > 0) return true;
    }
  }
  return false;
}

