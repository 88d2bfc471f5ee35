/** Recognises an inline credential check in a handler that ends the request before a given point. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { contains, isFunction, propertyName, skipTS } from '../ast.js';
import type { AuthEvidence, FunctionNode, Node } from '../types.js';
import type { Behaviour, CredRead } from './behaviour.js';

/** Builds `guardBefore(fn, target)` over the behaviour analysis. */
export function createGuard(behaviour: Behaviour): (fn: FunctionNode, target: Node) => AuthEvidence | undefined {
  const evidence = (node: Node, cred: CredRead, what: string): AuthEvidence => ({
    node,
    how: cred.named ? 'name' : cred.webhook ? 'webhook' : 'behaviour',
    description: `${what} ${cred.label}`,
  });

  /** Whether a statement ends the function on every path (return, throw, `ctx.throw()`, both branches exit). */
  const alwaysExits = (stmt: Node | null | undefined, depth = 0): boolean => {
    if (!stmt || depth > 100) return false;
    switch (stmt.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        return true;
      case AST_NODE_TYPES.ExpressionStatement: {
        // ctx.throw(401) and next/navigation redirect() throw.
        let e = skipTS(stmt.expression);
        if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTS(e.argument);
        if (e.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = skipTS(e.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee) === 'throw';
        return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'redirect';
      }
      case AST_NODE_TYPES.BlockStatement:
        return stmt.body.some((s) => alwaysExits(s, depth + 1));
      case AST_NODE_TYPES.IfStatement:
        return alwaysExits(stmt.consequent, depth + 1) && alwaysExits(stmt.alternate, depth + 1);
      case AST_NODE_TYPES.TryStatement:
        return (
          (alwaysExits(stmt.block, depth + 1) && (!stmt.handler || alwaysExits(stmt.handler.body, depth + 1))) ||
          alwaysExits(stmt.finalizer, depth + 1)
        );
      default:
        return false;
    }
  };

  /** Whether a branch refuses the request: 401/403 (or 400 for signatures), redirect, throw, error to next. */
  const refuses = (branch: Node, allowBadRequest: boolean): boolean => {
    const stack: Node[] = [branch];
    while (stack.length > 0) {
      const n = stack.pop()!;
      const r = behaviour.refusalAt(n);
      if (r === 'auth' || r === 'throw' || r === 'next' || (r === 'bad' && allowBadRequest)) return true;
      const keys = (n as unknown as Record<string, unknown>);
      for (const k of Object.keys(keys)) {
        if (k === 'parent') continue;
        const v = keys[k];
        for (const c of (Array.isArray(v) ? v : [v]) as unknown[]) {
          if (c && typeof c === 'object' && typeof (c as Node).type === 'string' && !isFunction(c as Node)) stack.push(c as Node);
        }
      }
    }
    return false;
  };

  /** `if (!user) return res.status(401)...`: a credential test whose branch exits with a refusal. */
  const checkIf = (stmt: TSESTree.IfStatement, exitBranch: Node | null): AuthEvidence | undefined => {
    if (!exitBranch || !alwaysExits(exitBranch)) return undefined;
    const cred = behaviour.credentialIn(stmt.test);
    if (!cred) return undefined;
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

  /** The throwing verifier a statement calls at its top: `stripe.webhooks.constructEvent(...)`, `await request.jwtVerify()`. */
  const statementVerifier = (stmt: Node): CredRead | undefined => {
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
  const positiveCheck = (stmt: TSESTree.IfStatement, branch: Node): AuthEvidence | undefined => {
    if (branch !== stmt.consequent) return undefined;
    const test = skipTS(stmt.test);
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return undefined;
    if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '!==' || test.operator === '!=')) return undefined;
    const cred = behaviour.credentialIn(stmt.test);
    return cred ? evidence(stmt, cred, 'checks') : undefined;
  };

  /** An earlier statement that stops unauthenticated requests from getting past it. */
  const guardStatement = (stmt: Node): AuthEvidence | undefined => {
    // if (!user) return 401;  /  if (user) { ... } else { return 401 }
    if (stmt.type === AST_NODE_TYPES.IfStatement) return checkIf(stmt, stmt.consequent) ?? checkIf(stmt, stmt.alternate);
    if (stmt.type === AST_NODE_TYPES.TryStatement) {
      // try { event = constructEvent(...) } catch (e) { return res.status(400).send() }
      if (!stmt.handler || !alwaysExits(stmt.handler.body) || !behaviour.catchRefuses(stmt.handler)) return undefined;
      for (const inner of stmt.block.body) {
        const v = statementVerifier(inner);
        if (v) return evidence(stmt, v, 'verifies');
      }
      return undefined;
    }
    const v = statementVerifier(stmt);
    return v ? evidence(stmt, v, 'verifies') : undefined;
  };

  return (fn, target) => {
    if (!contains(fn, target) || fn === target) return undefined;
    let n: Node = target;
    for (let depth = 0; n !== fn && n.parent && depth < 10_000; depth++) {
      const p: Node = n.parent;
      const list =
        p.type === AST_NODE_TYPES.BlockStatement ? p.body
        : p.type === AST_NODE_TYPES.SwitchCase ? p.consequent
        : undefined;
      if (list) {
        for (const stmt of list) {
          if (stmt === n) break;
          const ev = guardStatement(stmt);
          if (ev) return ev;
        }
      } else if (p.type === AST_NODE_TYPES.IfStatement && n !== p.test) {
        // if (user) { ...target } else return 401  /  if (!user) return 401; else { ...target }
        const ev = checkIf(p, n === p.consequent ? p.alternate : p.consequent) ?? positiveCheck(p, n);
        if (ev) return ev;
      }
      n = p;
    }
    return undefined;
  };
}
