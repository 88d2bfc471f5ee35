/**
 * What a `use()` function is besides middleware: a route when it tests the path and calls a model itself
 * (`if (ctx.path === '/chat') ...`), an error handler when it wraps `await next()` in try/catch.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { contains, memberChain, skipTS, variableOf } from '../../ast.js';
import type { FileContext, Framework, FunctionNode, Node } from '../../types.js';
import type { OrderTraits } from '../adapter.js';
import { staticPath, type Collector } from '../common.js';

/** `x.path === '/chat'` / `x.method === 'POST'` tests on the first parameter of a use() function acting as a route. */
export function pathTest(file: FileContext, fn: FunctionNode, traits: OrderTraits): { path?: string; method?: string } {
  const first = fn.params[0];
  if (first?.type !== AST_NODE_TYPES.Identifier) return {};
  const out: { path?: string; method?: string } = {};
  for (const b of file.index.binaries) {
    if (!contains(fn, b) || (b.operator !== '===' && b.operator !== '==')) continue;
    for (const [l, r] of [[b.left, b.right], [b.right, b.left]] as const) {
      const chain = memberChain(l as Node);
      if (!chain || chain[0] !== first.name) continue;
      const key = chain.slice(1).join('.');
      const value = staticPath(file, r);
      if (value === undefined) continue;
      if (out.path === undefined && /^(request\.)?(path|url|originalUrl)$/.test(key) && traits.pathTests) out.path = value.split('?')[0];
      if (out.method === undefined && /^(request\.)?method$/.test(key)) out.method = value.toUpperCase();
    }
  }
  return out;
}

/** `try { await next() } catch (err) { ... }`: true when `fn` does it; marks the catch parameter as the error. */
export function catchesNext(col: Collector, fn: FunctionNode, framework: Framework): boolean {
  const next = fn.params[1];
  if (!next || next.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let found = false;
  for (const stmt of fn.body.body) {
    if (stmt.type !== AST_NODE_TYPES.TryStatement || !stmt.handler) continue;
    const callsNext = stmt.block.body.some((s) => {
      if (s.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      let e = skipTS(s.expression);
      if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTS(e.argument);
      return e.type === AST_NODE_TYPES.CallExpression && skipTS(e.callee).type === AST_NODE_TYPES.Identifier && (skipTS(e.callee) as TSESTree.Identifier).name === next.name;
    });
    if (!callsNext) continue;
    found = true;
    const param = stmt.handler.param;
    if (param?.type === AST_NODE_TYPES.Identifier) {
      const v = variableOf(col.file.sourceCode, param);
      if (v && !col.roles.has(v)) {
        col.roles.set(v, 'err');
        col.varFramework.set(v, framework);
      }
    }
  }
  return found;
}
