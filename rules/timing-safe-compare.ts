import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, memberChain, propertyName, skipTS, variableOf } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { cryptoRef } from '../src/fix.js';
import type { Paths } from '../src/contract.js';
import { modelWhen, type FileModel } from '../src/model.js';
import { describeOrigin, sentence } from '../src/report.js';
import type { Node, Origin } from '../src/types.js';

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const COMPARING_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'localeCompare', 'equals']);
/** Operand shapes that need no parentheses inside the rewritten comparison. */
const PRIMARY = new Set<string>([
  AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.TSNonNullExpression,
]);
/** Words of a confirmation field's name. */
const CONFIRM_WORDS = new Set(['confirm', 'confirmed', 'repeat', 'repeated', 'retype', 'again']);
/** Operands of a length check, which is what makes `timingSafeEqual` safe to call. */
const LENGTH_KEYS = new Set(['length', 'byteLength']);

export default createRule({
  name: 'timing-safe-compare',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Require constant-time comparison of signatures, passwords, tokens and keys',
      recommended: 'recommended',
      cwe: ['CWE-208', 'CWE-697'],
      owaspLlm: ['LLM02:2025 Sensitive Information Disclosure'],
    },
    messages: {
      unsafeCompare:
        '{{what}} is compared with {{operator}}, which leaks through timing how much of it matched; compare with crypto.timingSafeEqual after a length check.',
      unguardedTimingSafeEqual:
        'timingSafeEqual throws a RangeError when the lengths differ, which turns a bad signature into a 500; check the lengths first.',
      useTimingSafeEqual: 'Compare with a length check and crypto.timingSafeEqual.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.framework || s.crypto || s.env || s.authPackage || s.credentialHeader || s.secretText);
        if (!model) return;
        const { file } = model;
        for (const bin of file.index.binaries) {
          if (!EQUALITY.has(bin.operator) || bin.left.type === AST_NODE_TYPES.PrivateIdentifier) continue;
          if (!comparable(model, bin.left) || !comparable(model, bin.right)) continue;
          const origin = secretCompared(model, bin.left, bin.right);
          if (!origin) continue;
          // `x as string` binds looser than `typeof`: keep such operands in parentheses.
          const operandText = (n: Node): string => {
            const text = context.sourceCode.getText(n);
            return PRIMARY.has(n.type) ? text : `(${text})`;
          };
          // Only strict equality keeps its meaning when rewritten; `==` coerces.
          const simple = (bin.operator === '===' || bin.operator === '!==') && isPure(bin.left) && isPure(bin.right);
          context.report({
            node: bin,
            messageId: 'unsafeCompare',
            data: { what: sentence(describeOrigin(origin)), operator: bin.operator },
            suggest: simple
              ? [
                  {
                    messageId: 'useTimingSafeEqual',
                    fix: (fixer) => {
                      const { ref, fixes } = cryptoRef(context, fixer, 'timingSafeEqual');
                      const a = operandText(bin.left);
                      const b = operandText(bin.right);
                      // The typeof checks keep `===` semantics: String(undefined) would match the text 'undefined'.
                      const isString = (n: Node, text: string): string =>
                        skipTS(n).type === AST_NODE_TYPES.TemplateLiteral ? '' : `typeof ${text} === 'string' && `;
                      const safe =
                        `(${isString(bin.left, a)}${isString(bin.right, b)}` +
                        `Buffer.byteLength(${a}) === Buffer.byteLength(${b}) && ${ref}(Buffer.from(${a}), Buffer.from(${b})))`;
                      const negate = bin.operator === '!==';
                      return [fixer.replaceText(bin, negate ? `!${safe}` : safe), ...fixes];
                    },
                  },
                ]
              : [],
          });
        }
        for (const call of file.index.calls) {
          const callee = skipTS(call.callee);
          const operands = comparedByCall(model, call, callee);
          if (!operands) continue;
          const [a, b] = operands.map((o) => (comparable(model, o) ? o : undefined));
          const origin = secretCompared(model, a, b);
          if (!origin) continue;
          context.report({
            node: call,
            messageId: 'unsafeCompare',
            data: { what: sentence(describeOrigin(origin)), operator: context.sourceCode.getText(callee) },
          });
        }
        for (const call of model.crypto.timingSafeEqual) {
          if (!lengthChecked(model, call) && !fixedLength(model, call) && !storedDerivedKey(model, call)) {
            context.report({ node: call, messageId: 'unguardedTimingSafeEqual' });
          }
        }
      },
    };
  },
});

/** The two operands of `a.startsWith(b)`, `a.equals(b)`, `Buffer.compare(a, b)`; undefined for other calls. */
function comparedByCall(model: FileModel, call: TSESTree.CallExpression, callee: Node): Node[] | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(callee);
  const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
  if (name === 'compare' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Buffer') {
    return args.length === 2 ? args : undefined;
  }
  if (!name || !COMPARING_METHODS.has(name) || args.length === 0) return undefined;
  // A literal argument is a format check (`sig.startsWith('sha256=')`), not a comparison with a secret.
  if (!comparable(model, args[0]!)) return undefined;
  return [callee.object, args[0]!];
}

/** Operands worth checking: not literals, `undefined`, `typeof x`, lengths or counts, or a named literal. */
function comparable(model: FileModel, node: Node): boolean {
  const n = skipTS(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.UnaryExpression:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return n.expressions.length > 0;
    case AST_NODE_TYPES.Identifier:
      return n.name !== 'undefined' && !isNamedFormatLiteral(model, n) && !isImportedFormatLiteral(model, n);
    case AST_NODE_TYPES.MemberExpression:
      return !LENGTH_KEYS.has(propertyName(n) ?? '') && !isEnumMember(model, n);
    case AST_NODE_TYPES.CallExpression:
      // JSON.stringify(a) === JSON.stringify(b): whole records compared to find duplicates, not a credential check.
      return memberChain(skipTS(n.callee))?.join('.') !== 'JSON.stringify';
    default:
      return true;
  }
}

/**
 * `const PREFIX = 'sha256='` / `const SCHEME = 'Bearer'`: a constant literal is a format check, unless its name says
 * it is a credential (`const ADMIN_PASS = 'hunter2'` is still a password compared by timing).
 */
function isNamedFormatLiteral(model: FileModel, id: TSESTree.Identifier): boolean {
  const v = variableOf(model.file.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  if (def.parent.kind !== 'const' || !def.node.init) return false;
  const init = skipTS(def.node.init);
  const literal = init.type === AST_NODE_TYPES.Literal || (init.type === AST_NODE_TYPES.TemplateLiteral && init.expressions.length === 0);
  return literal && !model.isSecretFieldName(id.name) && model.originsOf(init).length === 0;
}

/** `ACCESS_CODE_PREFIX` imported from the project's constants module, where it is bound to a string literal. */
function isImportedFormatLiteral(model: FileModel, id: TSESTree.Identifier): boolean {
  return !model.isSecretFieldName(id.name) && model.isImportedLiteral(id);
}

/**
 * `TokenType.Refresh`, `GRANT.REFRESH`: a member of a TS enum or of a const object literal whose value is a literal is
 * an enum constant, compared to tell kinds apart, not a secret.
 */
function isEnumMember(model: FileModel, n: TSESTree.MemberExpression): boolean {
  const obj = skipTS(n.object);
  const key = propertyName(n);
  if (obj.type !== AST_NODE_TYPES.Identifier || key === undefined || model.isSecretFieldName(key)) return false;
  const def = variableOf(model.file.sourceCode, obj)?.defs[0];
  if (def?.node.type === AST_NODE_TYPES.TSEnumDeclaration) return true;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  const init = def.parent.kind === 'const' && def.node.init ? skipTS(def.node.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  let literalKeys = LITERAL_KEYS.get(init);
  if (!literalKeys) {
    // Each object read once, however many comparisons use it; the last property of a key wins, as at run time.
    const keys = new Map<string, boolean>();
    for (const p of init.properties) {
      const name = p.type === AST_NODE_TYPES.Property ? propertyName(p) : undefined;
      if (name !== undefined) keys.set(name, skipTS((p as TSESTree.Property).value).type === AST_NODE_TYPES.Literal);
    }
    LITERAL_KEYS.set(init, (literalKeys = keys));
  }
  return literalKeys.get(key) === true;
}
const LITERAL_KEYS = new WeakMap<TSESTree.ObjectExpression, Map<string, boolean>>();

/** The name a value goes by: `x`, `a.b.x`, and the function for `getX(...)` / `a.getX(...)`. */
function nameOf(n: Node): string | undefined {
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return propertyName(n);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTS(n.callee);
    return callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? nameOf(callee) : undefined;
  }
  return undefined;
}

/** Only an error flows here: its message or code. */
function isErrorOnly(model: FileModel, node: Node): boolean {
  const origins = model.originsOf(node);
  return origins.length > 0 && origins.every((o) => o.kind === 'error');
}

/** What an operand holds, as far as secrecy goes. */
interface Secrecy {
  /** A secret the server holds: an env or config secret, a stored hash or token read back, a digest, a named literal. */
  readonly server?: Origin;
  /** A credential the client sent: a credential header, the request credentials, a secret-named field of the body. */
  readonly credential?: Origin;
  /** Only client data (body, query, params, headers), with no server secret in it. */
  readonly clientOnly: boolean;
}

/**
 * The origin that makes `a === b` a secret comparison: one side holds a server secret, or one side is a credential
 * the client sent and the other is not the client's own data too (a password and its confirmation field leak
 * nothing the client does not know). Ids of the logged-in user, counts, limits and enums hold neither.
 */
function secretCompared(model: FileModel, a: Node | undefined, b: Node | undefined): Origin | undefined {
  if (a && b && (sameOwner(a, b) || [a, b].some((n) => confirmsOrDescribes(model, n)))) return undefined;
  // `error.message.includes(Violation.TOKEN_BALANCE)`: an error's text checked for a marker holds no secret.
  if ([a, b].some((n) => n && isErrorOnly(model, n))) return undefined;
  const none: Secrecy = { clientOnly: false };
  const sa = a ? secrecyOf(model, a) : none;
  const sb = b ? secrecyOf(model, b) : none;
  if (sa.server ?? sb.server) return sa.server ?? sb.server;
  if (sa.credential && !sb.clientOnly) return sa.credential;
  if (sb.credential && !sa.clientOnly) return sb.credential;
  return undefined;
}

/** `data.newPassword !== data.confirmPassword`: two fields of one object, checked against each other, not a secret. */
function sameOwner(a: Node, b: Node): boolean {
  const x = skipTS(a);
  const y = skipTS(b);
  if (x.type !== AST_NODE_TYPES.MemberExpression || y.type !== AST_NODE_TYPES.MemberExpression) return false;
  const ox = memberChain(x.object);
  const oy = memberChain(y.object);
  return ox !== undefined && oy !== undefined && ox.join('.') === oy.join('.') && propertyName(x) !== propertyName(y);
}

/**
 * Names that say what the value is for: a confirmation field (`confirmPassword`, `passwordRepeat`), or a name that
 * describes a credential without holding it (`tokenType`, `keyId`: its credential word has a describing word after it).
 */
function confirmsOrDescribes(model: FileModel, node: Node): boolean {
  const name = nameOf(skipTS(node));
  if (!name) return false;
  // `confirmPassword`, `passwordConfirmation`, `password_repeat`; not `confirmationToken`, a token of its own.
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  if (words.some((w) => CONFIRM_WORDS.has(w)) || words[words.length - 1] === 'confirmation') return true;
  // `userId`, `getAuthenticatedUserId(user)`: an identifier of a record, not a credential (a session id is one).
  if (['id', 'ids', 'uuid'].includes(words[words.length - 1]!) && !words.includes('session') && !words.includes('sid')) return true;
  const head = name.replace(/(?:[-_]?[A-Za-z][a-z0-9]*|[-_][A-Z0-9]+)$/, '');
  return head !== '' && head !== name && !model.isSecretFieldName(name) && model.isSecretFieldName(head);
}

function secrecyOf(model: FileModel, node: Node): Secrecy {
  const origins = model.originsOf(node);
  // `req.user` is the server's record of the user (its stored hash included), not data the client sent.
  const client = origins.some((o) => o.kind === 'request' && o.part !== 'auth');
  let server: Origin | undefined;
  let credential: Origin | undefined;
  for (const o of origins) {
    switch (o.kind) {
      case 'digest':
        server ??= o;
        break;
      case 'secret':
        if (client) credential ??= o;
        else server ??= o;
        break;
      case 'request':
        if (o.part === 'headers' ? o.name !== undefined && model.isSensitiveHeader(o.name) : o.part === 'auth' && o.name === undefined) {
          credential ??= o;
        }
        break;
      default:
        break;
    }
  }
  server ??= namedSecretLiteral(model, node);
  return { server, credential, clientOnly: client && !server };
}

/** `const ADMIN_PASS = 'hunter2'`: a literal the code names as a credential is a secret the server holds. */
function namedSecretLiteral(model: FileModel, node: Node): Origin | undefined {
  const n = skipTS(node);
  if (n.type !== AST_NODE_TYPES.Identifier || !model.isSecretFieldName(n.name)) return undefined;
  const def = variableOf(model.file.sourceCode, n)?.defs[0];
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? skipTS(def.node.init) : undefined;
  return init?.type === AST_NODE_TYPES.Literal && typeof init.value === 'string' ? { kind: 'secret', name: n.name } : undefined;
}

/**
 * Whether `call` only runs once a length comparison of the compared values said "equal" (asked of the code paths),
 * or the call sits in a `try` that catches the RangeError. A comparison whose "unequal" outcome goes on to the call
 * anyway (no early return) is no check.
 */
function lengthChecked(model: FileModel, call: TSESTree.CallExpression): boolean {
  const fn = enclosingFunction(call);
  for (let n: Node | undefined = call.parent; n && n !== fn; n = n.parent) {
    if (n.type === AST_NODE_TYPES.TryStatement && contains(n.block, call) && n.handler) return true;
  }
  const paths = model.paths;
  if (!paths) return false; // No code paths recorded (a model built outside a lint): report, never hide.
  const names = operandNames(model, call);
  return model.file.index.binaries.some(
    (b) =>
      EQUALITY.has(b.operator) &&
      (fn === undefined || contains(fn, b)) &&
      (isLengthOf(b.left, names) || isLengthOf(b.right, names)) &&
      onlyEqualReaches(model, paths, b, call, 1),
  );
}

/**
 * Whether `call` runs only when the length comparison `cmp` found equal lengths: it sits in (or after) the branch
 * of a test that the "equal" outcome takes, or the "unequal" branch never goes on to it.
 */
function onlyEqualReaches(
  model: FileModel,
  paths: Paths,
  cmp: Node,
  call: Node,
  hops: number,
  equal = cmp.type === AST_NODE_TYPES.BinaryExpression && (cmp.operator === '===' || cmp.operator === '=='),
): boolean {
  // What each outcome of the expression climbed so far says about the lengths.
  let equalIfTrue = equal;
  let equalIfFalse = !equal;
  let n: Node = cmp;
  for (let depth = 0; n.parent && depth < 1000; depth++) {
    const p: Node = n.parent;
    switch (p.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (p.operator !== '!') return false;
        [equalIfTrue, equalIfFalse] = [equalIfFalse, equalIfTrue];
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (p.operator === '??') return false;
        // `a.length === b.length && f(a, b)`, `a.length !== b.length || !f(a, b)`: the right runs on one outcome.
        if (p.left === n && (p.operator === '&&' ? equalIfTrue : equalIfFalse) && paths.runsBefore(p.right, call)) return true;
        // `x && y` is true only when both are, `x || y` false only when both are.
        if (p.operator === '&&') equalIfFalse = false;
        else equalIfTrue = false;
        break;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression: {
        if (p.test !== n) return false;
        if (equalIfTrue && paths.runsBefore(p.consequent, call)) return true;
        if (equalIfFalse && p.alternate && paths.runsBefore(p.alternate, call)) return true;
        if (contains(p.test, call) || !paths.runsBefore(p, call)) return false;
        // if (a.length !== b.length) return false;  ...  timingSafeEqual(a, b)
        const unequal = equalIfFalse ? p.consequent : equalIfTrue ? p.alternate : null;
        return !!unequal && !paths.reachesFrom(unequal, call, p);
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        // const sameLength = a.length === b.length; if (!sameLength) return false;
        if (p.init !== n || hops <= 0 || p.id.type !== AST_NODE_TYPES.Identifier || p.parent.kind !== 'const') return false;
        if (!equalIfTrue && !equalIfFalse) return false;
        const reads = variableOf(model.file.sourceCode, p.id)?.references.filter((r) => r.isRead()) ?? [];
        return reads.some((r) => onlyEqualReaches(model, paths, r.identifier as Node, call, hops - 1, equalIfTrue));
      }
      default:
        return false;
    }
    n = p;
  }
  return false;
}

/** Names the compared buffers go by: identifiers in the arguments, and in the `const` initialisers they refer to. */
function operandNames(model: FileModel, call: TSESTree.CallExpression): Set<string> {
  const names = new Set<string>();
  const visit = (node: Node, hops: number): void => {
    const n = skipTS(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      names.add(n.name);
      const def = hops > 0 ? variableOf(model.file.sourceCode, n)?.defs[0] : undefined;
      if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) visit(def.node.init, hops - 1);
    } else if (n.type === AST_NODE_TYPES.MemberExpression) {
      visit(n.object, hops);
    } else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
      // Buffer.from(a), new Uint8Array(a): the wrapped buffer is what the length check names.
      visit(n.callee, hops);
      for (const a of n.arguments) visit(a, hops);
    }
  };
  for (const a of call.arguments) visit(a, 2);
  return names;
}

/** Both sides are digests (`createHash('sha256').update(x).digest()`): equal lengths by construction. */
function fixedLength(model: FileModel, call: TSESTree.CallExpression): boolean {
  return (
    call.arguments.length === 2 &&
    call.arguments.every((a) => {
      const origins = model.originsOf(a);
      return origins.length > 0 && origins.every((o) => o.kind === 'digest');
    })
  );
}

/**
 * A password-hash check: `timingSafeEqual(Buffer.from(stored, 'hex'), scryptSync(supplied, salt, 64))`. The supplied
 * value only goes into the key derivation, whose output length is the literal `keylen`; the other side is the stored
 * derivation, made with the same length. Neither length is the client's, so there is nothing to throw on. Not when
 * the other side is request data (then the client chooses its length).
 */
function storedDerivedKey(model: FileModel, call: TSESTree.CallExpression): boolean {
  if (call.arguments.length !== 2) return false;
  const [a, b] = call.arguments as [Node, Node];
  const fromRequest = (n: Node): boolean => model.originsOf(n).some((o) => o.kind === 'request');
  return (isDerivedKey(model, a) && !fromRequest(b)) || (isDerivedKey(model, b) && !fromRequest(a));
}

/** A `scryptSync`/`pbkdf2Sync` call with a literal key length, or a const holding one. */
function isDerivedKey(model: FileModel, node: Node): boolean {
  let n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const defs = variableOf(model.file.sourceCode, n)?.defs ?? [];
    const decl = defs.length === 1 ? defs[0]!.node : undefined;
    if (decl?.type !== AST_NODE_TYPES.VariableDeclarator || decl.id.type !== AST_NODE_TYPES.Identifier || decl.parent.kind !== 'const' || !decl.init) return false;
    n = skipTS(decl.init);
  }
  if (n.type !== AST_NODE_TYPES.CallExpression || !model.crypto.derivedKeys.includes(n)) return false;
  // scryptSync(password, salt, keylen[, options]); pbkdf2Sync(password, salt, iterations, keylen, digest)
  const keylen = n.arguments[n.arguments.length >= 5 ? 3 : 2];
  return keylen?.type === AST_NODE_TYPES.Literal && typeof keylen.value === 'number';
}

/** `a.length`, `buf.byteLength`, `Buffer.byteLength(a)` where `a` is one of the compared values. */
function isLengthOf(node: Node, names: ReadonlySet<string>): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) return LENGTH_KEYS.has(propertyName(n) ?? '') && mentions(n.object, names);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const c = skipTS(n.callee);
    return (
      c.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(c) === 'byteLength' &&
      n.arguments.some((a) => mentions(a, names))
    );
  }
  return false;
}

function mentions(node: Node, names: ReadonlySet<string>): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Identifier) return names.has(n.name);
  if (n.type === AST_NODE_TYPES.MemberExpression) return mentions(n.object, names);
  if (n.type === AST_NODE_TYPES.CallExpression) return mentions(n.callee, names) || n.arguments.some((a) => mentions(a, names));
  return false;
}

function isPure(node: Node): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Identifier) return true;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.every(isPure);
  return n.type === AST_NODE_TYPES.MemberExpression && isPure(n.object) && (!n.computed || n.property.type === AST_NODE_TYPES.Literal);
}
