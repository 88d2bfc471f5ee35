/**
 * Values a conditional has narrowed to a fixed set of literals: `ALLOWED.includes(x) ? x : 'neutral'`,
 * `TONES.has(x) ? x : ...`, `x === 'formal' || x === 'casual' ? x : ...` and their negations. Whatever the input,
 * such a branch evaluates to one of the literals written in the file, so it carries no outside data.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTS, staticString, variableOf } from '../ast.js';
import type { Check, Node } from '../types.js';
import type { Paths } from './paths.js';

/** Members a literal list may be used through without being changed. */
const READ_ONLY = new Set([
  'includes', 'has', 'indexOf', 'lastIndexOf', 'length', 'size', 'join', 'map', 'filter', 'some', 'every', 'find',
  'forEach', 'at', 'values', 'keys', 'entries', 'slice',
]);

/** Whether `branch` (the consequent or alternate of `cond`) is a value the test proved to be one of a few literals. */
export function isNarrowedToLiterals(
  sourceCode: Readonly<TSESLint.SourceCode>,
  cond: TSESTree.ConditionalExpression,
  branch: Node,
): boolean {
  let test = skipTS(cond.test);
  let negated = false;
  while (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    negated = !negated;
    test = skipTS(test.argument);
  }
  if (branch !== (negated ? cond.alternate : cond.consequent)) return false;
  const subject = testedSubject(sourceCode, test);
  return subject !== undefined && sameValue(sourceCode, subject, branch);
}

/** The expression a membership/equality test checks against literals, when every part of the test checks the same one. */
function testedSubject(sourceCode: Readonly<TSESLint.SourceCode>, test: Node): Node | undefined {
  switch (test.type) {
    // a === 'x' || a === 'y'
    case AST_NODE_TYPES.LogicalExpression: {
      if (test.operator !== '||') return undefined;
      const left = testedSubject(sourceCode, skipTS(test.left));
      const right = testedSubject(sourceCode, skipTS(test.right));
      return left && right && sameValue(sourceCode, left, right) ? left : undefined;
    }
    // a === 'x'
    case AST_NODE_TYPES.BinaryExpression: {
      if (test.operator !== '===' && test.operator !== '==') return undefined;
      const left = skipTS(test.left as Node);
      const right = skipTS(test.right);
      if (isPlainLiteral(right)) return left;
      if (isPlainLiteral(left)) return right;
      return undefined;
    }
    // ALLOWED.includes(a), new Set([...]).has(a)
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTS(test.callee);
      const arg = test.arguments[0];
      if (callee.type !== AST_NODE_TYPES.MemberExpression || test.arguments.length !== 1 || !arg) return undefined;
      if (arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const method = propertyName(callee);
      if (method !== 'includes' && method !== 'has') return undefined;
      return isLiteralList(sourceCode, skipTS(callee.object), method) ? skipTS(arg) : undefined;
    }
    default:
      return undefined;
  }
}

function isPlainLiteral(n: Node): boolean {
  return n.type === AST_NODE_TYPES.Literal && (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean');
}

/** `['a', 'b']` (for includes), `new Set(['a', 'b'])` (for has), or a const never changed that holds one. */
function isLiteralList(sourceCode: Readonly<TSESLint.SourceCode>, n: Node, method: string, depth = 0): boolean {
  if (depth > 4) return false;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const v = variableOf(sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!v || !def || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
    if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return false;
    // Every use must read the list, never change it or hand it to code that might.
    for (const r of v.references) {
      if (r.init) continue;
      const p = r.identifier.parent;
      if (p?.type !== AST_NODE_TYPES.MemberExpression || p.object !== r.identifier || !READ_ONLY.has(propertyName(p) ?? '')) return false;
    }
    return isLiteralList(sourceCode, skipTS(def.node.init), method, depth + 1);
  }
  if (method === 'includes' && n.type === AST_NODE_TYPES.ArrayExpression) {
    return n.elements.length > 0 && n.elements.every((e) => !!e && isPlainLiteral(e));
  }
  if (method === 'has' && n.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTS(n.callee);
    const arg = n.arguments[0];
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Set' || n.arguments.length !== 1 || !arg) return false;
    if (variableOf(sourceCode, callee)?.defs.length) return false;
    return isLiteralList(sourceCode, skipTS(arg), 'includes', depth + 1);
  }
  return false;
}

/** The same side-effect-free read: `tone`, `req.body.tone`, `req.query['tone']`. */
function sameValue(sourceCode: Readonly<TSESLint.SourceCode>, a: Node, b: Node): boolean {
  const x = skipTS(a);
  const y = skipTS(b);
  return isPlainRead(x) && isPlainRead(y) && sourceCode.getText(x) === sourceCode.getText(y);
}

function isPlainRead(n: Node): boolean {
  if (n.type === AST_NODE_TYPES.Identifier) return true;
  if (n.type === AST_NODE_TYPES.ChainExpression) return isPlainRead(n.expression);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (n.computed && !isPlainLiteral(skipTS(n.property))) return false;
  return isPlainRead(skipTS(n.object));
}


/**
 * Whether `subject` (a value read at `target`) has been checked before `target` runs, and what the check proves:
 * `target` sits in the branch of a passing check (`if (ALLOWED.includes(x)) exec(x)`, `case 'ls':` of
 * `switch (x)`), or follows a check whose failing branch never goes on to it (`if (!ALLOWED.has(x)) return;`).
 * Checks: membership in a literal list or set, `===` a literal, an anchored pattern (`/^[a-z-]+$/.test(x)`),
 * `x.startsWith(...)`, and a host check of `new URL(x)` (`ALLOWED_HOSTS.includes(url.hostname)`).
 */
export function checkedBefore(sourceCode: Readonly<TSESLint.SourceCode>, paths: Paths | undefined, subject: Node, target: Node): Check | undefined {
  const fnLimit = enclosingFunctionOf(target);
  let child: Node = target;
  for (let n: Node | undefined = target.parent; n; child = n, n = n.parent) {
    // A branch the check leads into.
    if ((n.type === AST_NODE_TYPES.IfStatement || n.type === AST_NODE_TYPES.ConditionalExpression) && child !== n.test) {
      const c = checkOf(sourceCode, n.test, subject);
      if (c && (c.passIfTrue ? n.consequent : n.alternate) === child) return c.check;
    }
    if (n.type === AST_NODE_TYPES.LogicalExpression && child === n.right) {
      const c = checkOf(sourceCode, n.left, subject);
      if (c && c.passIfTrue === (n.operator === '&&')) return c.check;
    }
    if (n.type === AST_NODE_TYPES.SwitchCase && n.test && child !== n.test && n.test.type === AST_NODE_TYPES.Literal) {
      const sw = n.parent;
      if (sw?.type === AST_NODE_TYPES.SwitchStatement && sameValue(sourceCode, skipTS(sw.discriminant), subject)) return 'literals';
    }
    // Earlier statements of the same block: a check whose failing branch leaves.
    if (paths && (n.type === AST_NODE_TYPES.BlockStatement || n.type === AST_NODE_TYPES.Program || n.type === AST_NODE_TYPES.SwitchCase)) {
      const body: readonly Node[] = n.type === AST_NODE_TYPES.SwitchCase ? n.consequent : n.body;
      for (const s of body) {
        if (s === child || s.range[0] >= child.range[0]) break;
        if (s.type !== AST_NODE_TYPES.IfStatement) continue;
        const c = checkOf(sourceCode, s.test, subject);
        if (!c) continue;
        const failing = c.passIfTrue ? s.alternate : s.consequent;
        if (failing && paths.runsBefore(s, target) && !paths.reachesFrom(failing, target, s)) return c.check;
      }
    }
    if (n === fnLimit) break;
  }
  return undefined;
}

function enclosingFunctionOf(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === AST_NODE_TYPES.FunctionDeclaration || n.type === AST_NODE_TYPES.FunctionExpression || n.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      return n;
    }
  }
  return undefined;
}

/** The check a test makes of `subject`, and whether it passes when the test is true. */
function checkOf(sourceCode: Readonly<TSESLint.SourceCode>, raw: Node, subject: Node): { check: Check; passIfTrue: boolean } | undefined {
  let test = skipTS(raw);
  let passIfTrue = true;
  while (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    passIfTrue = !passIfTrue;
    test = skipTS(test.argument);
  }
  // `a !== 'x' && a !== 'y'`: true when `a` is none of the literals.
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
    const l = checkOf(sourceCode, test.left, subject);
    const r = checkOf(sourceCode, test.right, subject);
    if (l?.check === 'literals' && r?.check === 'literals' && !l.passIfTrue && !r.passIfTrue) return { check: 'literals', passIfTrue: !passIfTrue };
    return undefined;
  }
  // `a !== 'x'` fails when true.
  if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '!==' || test.operator === '!=')) {
    const flipped = { ...test, operator: test.operator === '!==' ? '===' : '==' } as TSESTree.BinaryExpression;
    const s = testedSubject(sourceCode, flipped);
    return s && sameValue(sourceCode, s, subject) ? { check: 'literals', passIfTrue: !passIfTrue } : hostCheck(sourceCode, flipped, subject, !passIfTrue);
  }
  const s = testedSubject(sourceCode, test);
  if (s && sameValue(sourceCode, s, subject)) return { check: 'literals', passIfTrue };
  if (s) return hostCheck(sourceCode, test, subject, passIfTrue);
  if (test.type !== AST_NODE_TYPES.CallExpression || test.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(test.callee);
  const arg = test.arguments[0];
  // /^[a-z0-9-]+$/.test(x)
  if (method === 'test' && arg && arg.type !== AST_NODE_TYPES.SpreadElement && sameValue(sourceCode, skipTS(arg), subject)) {
    return isStrictPattern(sourceCode, skipTS(test.callee.object)) ? { check: 'pattern', passIfTrue } : undefined;
  }
  // x.startsWith(BASE); a literal with a scheme and host fixes where a URL points.
  if (method === 'startsWith' && sameValue(sourceCode, skipTS(test.callee.object), subject)) {
    const prefix = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? staticString(arg) : undefined;
    return { check: prefix !== undefined && fixesOrigin(prefix) ? 'host' : 'prefix', passIfTrue };
  }
  return undefined;
}

/**
 * Whether text at the start of a URL fixes where it points: a scheme and host followed by `/`, `?` or `#`, or a path
 * on the same site (`/items/`, but not `//` or `/\`, which browsers read as another host).
 */
export function fixesOrigin(prefix: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]+[/?#]/i.test(prefix) || /^\/[^/\\]/.test(prefix);
}

/** `ALLOWED_HOSTS.includes(url.hostname)` or `url.host === 'api.example.com'` where `subject` is `url`. */
function hostCheck(sourceCode: Readonly<TSESLint.SourceCode>, test: Node, subject: Node, passIfTrue: boolean): { check: Check; passIfTrue: boolean } | undefined {
  const s = testedSubject(sourceCode, test);
  if (s?.type !== AST_NODE_TYPES.MemberExpression || !['host', 'hostname', 'origin'].includes(propertyName(s) ?? '')) return undefined;
  return sameValue(sourceCode, skipTS(s.object), subject) ? { check: 'host', passIfTrue } : undefined;
}

/**
 * An anchored regular expression whose every character is from a class without wildcards: `/^[a-z0-9_-]+$/`,
 * `/^\w+$/`. A `.`, `\S`, `\W`, `\D` or negated class lets any character through.
 */
function isStrictPattern(sourceCode: Readonly<TSESLint.SourceCode>, n: Node, depth = 0): boolean {
  if (n.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const v = variableOf(sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return false;
    return isStrictPattern(sourceCode, skipTS(def.node.init), depth + 1);
  }
  if (n.type !== AST_NODE_TYPES.Literal || !('regex' in n) || !n.regex) return false;
  const p = n.regex.pattern;
  if (!p.startsWith('^') || !p.endsWith('$') || p.endsWith('\\$')) return false;
  return !/(^|[^\\])\.|\\[SWD]|\[\^/.test(p) && !n.regex.flags.includes('m');
}
