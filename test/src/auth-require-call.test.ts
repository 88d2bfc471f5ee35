/** `await requireUser(req)` in a handler is a throwing auth check (found by the accuracy corpus, Next.js routes). */
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction } from '../../src/ast.js';
import type { FunctionNode, Node } from '../../src/types.js';
import { textOf, withModel } from '../helpers.js';

/** How the first call to `target` is guarded inside its outermost function, or null. */
function guard(code: string, target: string): string | null {
  return withModel(code, (m) => {
    const call = m.file.index.calls.find((c) => textOf(code, c.callee) === target);
    if (!call) throw new Error(`no call to ${target}`);
    let fn: FunctionNode | undefined;
    for (let n: Node | undefined = call; n; n = n.parent) if (isFunction(n)) fn = n;
    return m.authGuardBefore(fn!, call as TSESTree.CallExpression)?.how ?? null;
  });
}

const route = (stmt: string) => `
  import { requireUser, requireJson, ensureSession, assertAdmin, loadUser } from '@/lib/session';
  export async function POST(req) {
    ${stmt}
    const out = await openai.chat.completions.create({ model: 'x', max_tokens: 9, messages: [] });
    return Response.json({ text: out.choices[0].message.content });
  }
`;

describe('imported require/ensure/assert auth calls', () => {
  it('count as a guard when their name says auth', () => {
    expect(guard(route('const user = await requireUser(req);'), 'openai.chat.completions.create')).not.toBeNull();
    expect(guard(route('await ensureSession();'), 'openai.chat.completions.create')).not.toBeNull();
    expect(guard(route('assertAdmin(req);'), 'openai.chat.completions.create')).not.toBeNull();
  });

  it('do not when the name says nothing about auth, or the call only loads', () => {
    expect(guard(route('const body = await requireJson(req);'), 'openai.chat.completions.create')).toBeNull();
    expect(guard(route('const user = await loadUser(req);'), 'openai.chat.completions.create')).toBeNull();
  });
});
