/** Recognises an inline credential check in a handler that ends the request before a given point. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { contains, propertyName, skipTS } from '../ast.js';
import type { AuthEvidence, FunctionNode, Node } from '../types.js';
import type { Paths } from '../flow/paths.js';
import type { Behaviour, CredRead } from './behaviour.js';
import { pushChildren, type SourceCode } from './walk.js';

/**
 * Builds `guardBefore(fn, target)` over the behaviour analysis. Which statements run before the target, and which
 * branches end the request, come from the code paths (src/flow/paths.ts); without them (a model built outside a
 * lint) there is no guard.
 */
export function createGuard(
  behaviour: Behaviour,
  paths: () => Paths | undefined,
  sourceCode: SourceCode,
): (fn: FunctionNode, target: Node) => AuthEvidence | undefined {
  const evidence = (node: Node, cred: CredRead, what: string): AuthEvidence => ({
    node,
    how: cred.named ? 'name' : cred.webhook ? 'webhook' : 'behaviour',
    description: `${what} ${cred.label}`,
  });

  /** Whether a branch refuses the request: 401/403 (or 400 for signatures), redirect, throw, error to next. */
  const refuses = (branch: Node, allowBadRequest: boolean): boolean => {
    const stack: Node[] = [branch];
    while (stack.length > 0) {
      const n = stack.pop()!;
      const r = behaviour.refusalAt(n);
      if (r === 'auth' || r === 'throw' || r === 'next' || (r === 'bad' && allowBadRequest)) return true;
      pushChildren(sourceCode, stack, n, false);
    }
    return false;
  };

  /** The credential an if statement tests, once per statement. */
  const tests = new Map<Node, CredRead | null>();
  const testCredential = (stmt: TSESTree.IfStatement): CredRead | undefined => {
    let hit = tests.get(stmt);
    if (hit === undefined) {
      hit = behaviour.credentialIn(stmt.test) ?? null;
      tests.set(stmt, hit);
    }
    return hit ?? undefined;
  };

  /**
   * `if (!apiKey && provider !== 'ollama') return 401`: the refusal runs only when the other condition holds too, so a
   * request for which it does not goes on with no credential. Every part of an `&&` test whose true branch refuses
   * (of an `||` test whose false branch refuses) must test a credential.
   */
  const everyPartTests = (test: Node, op: '&&' | '||', depth = 0): boolean => {
    const n = skipTS(test);
    if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === op && depth < 16) {
      return everyPartTests(n.left, op, depth + 1) && everyPartTests(n.right, op, depth + 1);
    }
    return behaviour.credentialIn(n) !== undefined;
  };

  /** `if (!user) return res.status(401)...`: a credential test whose refusing branch never goes on to `target`. */
  const checkIf = (p: Paths, stmt: TSESTree.IfStatement, exitBranch: Node | null, target: Node): AuthEvidence | undefined => {
    if (!exitBranch) return undefined;
    const cred = testCredential(stmt);
    if (cred && !everyPartTests(stmt.test, exitBranch === stmt.consequent ? '&&' : '||')) return undefined;
    // The credential test is cheap and rarely there; the path search runs only for a real check.
    if (!cred || p.reachesFrom(exitBranch, target, stmt)) return undefined;
    // `if (!checkAuth(req, res)) return;` — the helper in the test does the refusing.
    if (refuses(exitBranch, cred.webhook) || helperRefuses(stmt.test)) return evidence(stmt, cred, 'checks');
    return undefined;
  };

  const helperRefuses = (test: Node): boolean => {
    const stack: Node[] = [test];
    while (stack.length > 0) {
      const n = skipTS(stack.pop()!);
      if (n.type === AST_NODE_TYPES.UnaryExpression || n.type === AST_NODE_TYPES.AwaitExpression) stack.push(n.argument);
      else if (n.type === AST_NODE_TYPES.LogicalExpression) stack.push(n.left, n.right);
      else if (n.type === AST_NODE_TYPES.CallExpression) {
        const s = summaryOfCallee(n);
        if (s?.refuses) return true;
      }
    }
    return false;
  };

  const summaryOfCallee = (call: TSESTree.CallExpression): ReturnType<Behaviour['summary']> | undefined => {
    const fn = behaviour.helperOf(call);
    return fn ? behaviour.summary(fn) : undefined;
  };

  /** The throwing verifier a statement calls at its top, once per statement (every model call site asks again). */
  const verifiers = new Map<Node, CredRead | null>();
  const statementVerifier = (stmt: Node): CredRead | undefined => {
    let hit = verifiers.get(stmt);
    if (hit === undefined) {
      hit = findStatementVerifier(stmt) ?? null;
      verifiers.set(stmt, hit);
    }
    return hit ?? undefined;
  };

  /** The throwing verifier a statement calls at its top: `stripe.webhooks.constructEvent(...)`, `await request.jwtVerify()`. */
  const findStatementVerifier = (stmt: Node): CredRead | undefined => {
    const exprs: Node[] = [];
    if (stmt.type === AST_NODE_TYPES.ExpressionStatement) exprs.push(stmt.expression);
    else if (stmt.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of stmt.declarations) if (d.init) exprs.push(d.init);
    }
    for (const e of exprs) {
      let n = skipTS(e);
      // event = stripe.webhooks.constructEvent(...); const user = await verify(req)
      for (let i = 0; i < 5; i++) {
        if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTS(n.argument);
        else if (n.type === AST_NODE_TYPES.AssignmentExpression) n = skipTS(n.right);
        else break;
      }
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const v = behaviour.throwingVerifier(n);
        if (v) return v;
      }
      // ctx.assert(ctx.state.user, 401)
      if (n.type === AST_NODE_TYPES.CallExpression && n.arguments[0] && behaviour.refusalAt(n) === 'auth') {
        const callee = skipTS(n.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'assert') {
          const cred = behaviour.credentialIn(n.arguments[0]);
          if (cred) return cred;
        }
      }
    }
    return undefined;
  };

  /**
   * `if (signature === expected) { ...target }`: the target only runs when a credential test passes, whatever
   * follows the `if`. Negated tests (`!user`, `sig !== expected`) guard the other branch, not this one.
   */
  const positiveCheck = (p: Paths, stmt: TSESTree.IfStatement, target: Node): AuthEvidence | undefined => {
    const test = skipTS(stmt.test);
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return undefined;
    if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '!==' || test.operator === '!=')) return undefined;
    const cred = testCredential(stmt);
    // `if (req.user || openMode) { ...target }` runs the target with no user too.
    return cred && everyPartTests(test, '||') && p.runsBefore(stmt.consequent, target) ? evidence(stmt, cred, 'checks') : undefined;
  };

  /**
   * Whether a throw from `stmt` stops the request before `target`: every `try` around it in `fn` either has a catch
   * that never goes on to the target, and refuses when the target lies after the `try`, or no catch at all.
   */
  const throwStops = (p: Paths, stmt: Node, target: Node, fn: FunctionNode): boolean => {
    for (let n: Node = stmt; n !== fn && n.parent; n = n.parent) {
      const t: Node = n.parent;
      if (t.type !== AST_NODE_TYPES.TryStatement || t.block !== n || !t.handler) continue;
      // try { event = constructEvent(...) } catch (e) { return res.status(400).send() }
      if (p.reachesFrom(t.handler, target, t)) return false;
      if (!contains(t.block, target) && !behaviour.catchRefuses(t.handler)) return false;
    }
    return true;
  };

  /** A statement of `fn` that stops unauthenticated requests before `target`. */
  const guardAt = (p: Paths, stmt: Node, target: Node, fn: FunctionNode): AuthEvidence | undefined => {
    if (stmt.type === AST_NODE_TYPES.IfStatement) {
      // The test itself runs before its own check is decided.
      if (contains(stmt.test, target) || !p.runsBefore(stmt, target)) return undefined;
      // if (!user) return 401;  /  if (user) { ... } else { return 401 }  /  if (sig === expected) { ... }
      return checkIf(p, stmt, stmt.consequent, target) ?? checkIf(p, stmt, stmt.alternate, target) ?? positiveCheck(p, stmt, target);
    }
    // const user = await verify(req); stripe.webhooks.constructEvent(...); ctx.assert(ctx.state.user, 401)
    if (contains(stmt, target) || !p.runsBefore(stmt, target)) return undefined;
    const v = statementVerifier(stmt);
    return v && throwStops(p, stmt, target, fn) ? evidence(stmt, v, 'verifies') : undefined;
  };

  /** The statements of `fn` that could guard, inline callbacks included, in source order; once per function. */
  const candidates = new Map<FunctionNode, Node[]>();
  const candidatesOf = (fn: FunctionNode): Node[] => {
    let out = candidates.get(fn);
    if (out) return out;
    out = [];
    const stack: Node[] = [fn.body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (
        n.type === AST_NODE_TYPES.IfStatement ||
        n.type === AST_NODE_TYPES.ExpressionStatement ||
        n.type === AST_NODE_TYPES.VariableDeclaration
      ) out.push(n);
      const kids: Node[] = [];
      pushChildren(sourceCode, kids, n, true);
      // Reversed onto the stack, so statements come out in source order.
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    candidates.set(fn, out);
    return out;
  };

  /**
   * The candidates that test or verify a credential, the only ones guardAt can accept: found without the code paths,
   * which most functions (a service with no check at all) then never compute.
   */
  const checks = new Map<FunctionNode, Node[]>();
  const checksOf = (fn: FunctionNode): Node[] => {
    let out = checks.get(fn);
    if (!out) {
      out = candidatesOf(fn).filter((s) => (s.type === AST_NODE_TYPES.IfStatement ? testCredential(s) : statementVerifier(s)) !== undefined);
      checks.set(fn, out);
    }
    return out;
  };

  return (fn, target) => {
    if (!contains(fn, target) || fn === target) return undefined;
    const stmts = checksOf(fn);
    if (stmts.length === 0) return undefined;
    const p = paths();
    if (!p) return undefined;
    for (const stmt of stmts) {
      const ev = guardAt(p, stmt, target, fn);
      if (ev) return ev;
    }
    return undefined;
  };
}
