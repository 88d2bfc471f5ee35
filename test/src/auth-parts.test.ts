/**
 * The parts of the behaviour analysis, each on its own: where credentials are read, how a request is refused,
 * per-function summaries, the traced package calls, and the shared syntax walk.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunction } from '../../src/ast.js';
import type { FileModel } from '../../src/contract.js';
import { pathsOf } from '../../src/flow/paths.js';
import { calleeName, createCredentialReads, credRead, type CredRead, type CredentialReads } from '../../src/auth/credential-reads.js';
import { optionIsFalse, traceKnown } from '../../src/auth/known-refs.js';
import { createRefusals, type Refusals } from '../../src/auth/refusals.js';
import { better, createSummaries, type Summaries } from '../../src/auth/summaries.js';
import { pushChildren, scopeAt } from '../../src/auth/walk.js';
import type { FunctionNode, Node } from '../../src/types.js';
import { textOf, withModel, type ModelOptions } from '../helpers.js';

/** Every node of the file, in source order of their start. */
function nodesOf(m: FileModel): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [m.file.ast];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    pushChildren(m.file.sourceCode, stack, n, true);
  }
  return out.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
}

/** The first node whose text is `text` (and of `type`, when given). */
function find<T extends Node = Node>(m: FileModel, code: string, text: string, type?: AST_NODE_TYPES): T {
  const hit = nodesOf(m).find((n) => textOf(code, n) === text && (!type || n.type === type));
  if (!hit) throw new Error(`no node ${text}`);
  return hit as T;
}

/** The function declaration named `name`. */
function fnNamed(m: FileModel, name: string): FunctionNode {
  const hit = nodesOf(m).find((n) => n.type === AST_NODE_TYPES.FunctionDeclaration && n.id?.name === name);
  if (!hit || !isFunction(hit)) throw new Error(`no function ${name}`);
  return hit;
}

const readsOf = (m: FileModel): CredentialReads =>
  createCredentialReads({
    sourceCode: m.file.sourceCode,
    paramRole: (v) => m.paramRole(v),
    sensitiveNames: m.file.settings.sensitiveNames,
    known: () => traceKnown(m.file),
  });

const refusalsOf = (m: FileModel): Refusals =>
  createRefusals({ sourceCode: m.file.sourceCode, paramRole: (v) => m.paramRole(v), paths: () => pathsOf(m.file.ast) });

const summariesOf = (m: FileModel): Summaries => {
  const known = traceKnown(m.file);
  return createSummaries({ sourceCode: m.file.sourceCode, known: () => known, reads: readsOf(m), refusals: refusalsOf(m) });
};

/** A read as `kind:label` (with `~` when found by name only), or null. */
const show = (r: CredRead | undefined): string | null => (r ? `${r.kind}:${r.label}${r.named ? '~' : ''}${r.webhook ? '!' : ''}` : null);

/** Runs `inspect` on the model of `code`. */
const on = <T>(code: string, inspect: (m: FileModel) => T, options?: ModelOptions): T => withModel(code, inspect, options);

describe('credential reads', () => {
  it('follow a request parameter through properties, awaits and destructuring to a request path', () => {
    const code = `
      async function h(req, x) {
        const { headers } = req;
        const a = headers.authorization;
        const b = (await req).headers['x-api-key'];
        const c = x.headers.authorization;
        let d = req; d = x;
        const e = d.headers;
      }
    `;
    const paths = on(code, (m) => {
      const r = readsOf(m);
      return ['headers.authorization', "(await req).headers['x-api-key']", 'x.headers.authorization', 'd.headers'].map(
        (t) => r.requestPath(find(m, code, t, AST_NODE_TYPES.MemberExpression)) ?? null,
      );
    });
    // `d` is written again after its initialiser, so it is no longer known to hold the request.
    expect(paths).toEqual([['headers', 'authorization'], ['headers', 'x-api-key'], null, null]);
  });

  it('name the credential a request path holds, past the frameworks\' request wrappers', () => {
    const out = on('const x = 1;', (m) => {
      const r = readsOf(m);
      return [
        ['headers', 'authorization'],
        ['request', 'headers', 'x-api-key'],
        ['headers', 'content-type'],
        ['headers', '*'],
        ['session', 'id'],
        ['signedCookies'],
        ['user'],
        ['state', 'user'],
        ['state', 'cart'],
        ['jwtVerify'],
        ['body'],
        [],
      ].map((p) => show(r.credentialOfPath(p)));
    });
    expect(out).toEqual([
      'header:the authorization header',
      'apiKey:the x-api-key header',
      null,
      null,
      'session:the session',
      'cookie:cookies',
      'user:the authenticated user (user)',
      'user:the authenticated user (state.user)',
      null,
      'jwt:request.jwtVerify()',
      null,
      null,
    ]);
  });

  it('count a header named in the settings as an API key', () => {
    const path = ['headers', 'x-tenant'];
    expect(on('const x = 1;', (m) => show(readsOf(m).credentialOfPath(path)))).toBeNull();
    const withSetting = on('const x = 1;', (m) => show(readsOf(m).credentialOfPath(path)), {
      settings: { 'llm-leak': { sensitiveNames: ['X-Tenant'] } },
    });
    expect(withSetting).toBe('apiKey:the x-tenant header');
  });

  it('find reads at single nodes: members, destructuring, header getters, known packages; not writes', () => {
    const code = `
      import jwt from 'jsonwebtoken';
      function h(req, ctx) {
        req.headers.authorization = 'x';
        const v = req.headers.authorization;
        const { cookie } = req.headers;
        const { body } = req;
        req.get('Authorization');
        req.get('Accept');
        ctx.get('user');
        headers().get('x-signature');
        other.get('authorization');
        jwt.verify(v, 'k');
      }
    `;
    const out = on(code, (m) => {
      const r = readsOf(m);
      return [
        find<TSESTree.AssignmentExpression>(m, code, "req.headers.authorization = 'x'", AST_NODE_TYPES.AssignmentExpression).left,
        find<TSESTree.VariableDeclarator>(m, code, 'v = req.headers.authorization', AST_NODE_TYPES.VariableDeclarator).init!,
        find(m, code, '{ cookie } = req.headers', AST_NODE_TYPES.VariableDeclarator),
        find(m, code, '{ body } = req', AST_NODE_TYPES.VariableDeclarator),
        find(m, code, "req.get('Authorization')", AST_NODE_TYPES.CallExpression),
        find(m, code, "req.get('Accept')", AST_NODE_TYPES.CallExpression),
        find(m, code, "ctx.get('user')", AST_NODE_TYPES.CallExpression),
        find(m, code, "headers().get('x-signature')", AST_NODE_TYPES.CallExpression),
        find(m, code, "other.get('authorization')", AST_NODE_TYPES.CallExpression),
        find(m, code, "jwt.verify(v, 'k')", AST_NODE_TYPES.CallExpression),
      ].map((n) => show(r.credentialAtNode(n)));
    });
    expect(out).toEqual([
      null,
      'header:the authorization header',
      'cookie:the cookie header',
      null,
      'header:the authorization header',
      null,
      'user:the authenticated user (user)',
      'signature:the x-signature header!',
      null,
      'jwt:jsonwebtoken verify',
    ]);
  });

  it('tell headers collections from other objects', () => {
    const code = `
      async function h(req) {
        const hs = await headers();
        const other = await cookies();
        [req.headers, headers(), hs, other, req.body];
      }
    `;
    const out = on(code, (m) => {
      const r = readsOf(m);
      const list = find<TSESTree.ArrayExpression>(m, code, '[req.headers, headers(), hs, other, req.body]', AST_NODE_TYPES.ArrayExpression);
      return list.elements.map((e) => r.headersLike(e as Node));
    });
    expect(out).toEqual([true, true, true, false, false]);
  });

  it('take an auth-like name of an unresolvable call as a named read, but not a request method or a known call', () => {
    const code = `
      import jwt from 'jsonwebtoken';
      function h(req) {
        checkAuth(req);
        loadItems(req);
        req.isAuthenticated();
        jwt.verify(a, b);
      }
    `;
    const out = on(code, (m) => {
      const r = readsOf(m);
      return ['checkAuth(req)', 'loadItems(req)', 'req.isAuthenticated()', 'jwt.verify(a, b)'].map((t) =>
        show(r.namedCredentialCall(find(m, code, t, AST_NODE_TYPES.CallExpression))),
      );
    });
    expect(out).toEqual(['user:checkAuth~', null, null, null]);
  });

  it('give callees a loose dotted name through calls and this', () => {
    const code = `admin.auth().verifyIdToken(t); this.svc.check(); a[b](); (() => 1)();`;
    const out = on(code, (m) =>
      m.file.index.calls.map((c) => calleeName(c.callee) ?? null),
    );
    expect(out).toEqual(['admin.auth.verifyIdToken', 'admin.auth', 'this.svc.check', null, null]);
  });

  it('make signatures and HMACs webhook reads by default', () => {
    expect(credRead('signature', 's').webhook).toBe(true);
    expect(credRead('hmac', 'h').webhook).toBe(true);
    expect(credRead('header', 'a')).toEqual({ kind: 'header', label: 'a', webhook: false, named: false });
  });
});

describe('refusals', () => {
  it('read statuses from literals, strings, constants and status names', () => {
    const code = `
      const S = 401;
      [401, '403', 407, 400, 500, S, StatusCodes.UNAUTHORIZED, http.BAD_REQUEST, http.OK, 'x'];
    `;
    const out = on(code, (m) => {
      const r = refusalsOf(m);
      const list = find<TSESTree.ArrayExpression>(m, code, "[401, '403', 407, 400, 500, S, StatusCodes.UNAUTHORIZED, http.BAD_REQUEST, http.OK, 'x']");
      return list.elements.map((e) => r.statusKind(e as Node) ?? null);
    });
    expect(out).toEqual(['auth', 'auth', 'auth', 'bad', null, 'auth', 'auth', 'bad', null, null]);
  });

  it('read the status of a Response init', () => {
    const code = `[{ status: 403 }, { status: 400 }, { headers: {} }, 401];`;
    const out = on(code, (m) => {
      const r = refusalsOf(m);
      const list = find<TSESTree.ArrayExpression>(m, code, code.slice(0, -1));
      return list.elements.map((e) => r.initStatus(e as Node) ?? null);
    });
    expect(out).toEqual(['auth', 'bad', null, null]);
  });

  it('recognise each shape of refusal at a single node', () => {
    const code = `
      function mw(req, res, next) {
        res.status(401);
        res.status(400);
        res.status(200);
        ctx.status = 403;
        res.statusCode = 400;
        res.locals = 401;
        new Response('no', { status: 401 });
        new Response('ok');
        c.json({ error: 'x' }, 401);
        Response.json({}, { status: 403 });
        ctx.assert(user, 401);
        redirect('/login');
        reply.unauthorized();
        reply.badRequest();
        next(err);
        next();
        next('route');
        next(null);
        other(err);
        throw new Error('no');
      }
    `;
    const out = on(code, (m) => {
      const r = refusalsOf(m);
      const body = fnNamed(m, 'mw').body as TSESTree.BlockStatement;
      return body.body.map((s) => r.refusalAt(s.type === AST_NODE_TYPES.ExpressionStatement ? s.expression : s) ?? null);
    });
    expect(out).toEqual([
      'auth', 'bad', null, 'auth', 'bad', null, 'auth', null, 'auth', 'auth', 'auth', 'auth', 'auth', 'bad',
      'next', null, null, null, null, 'throw',
    ]);
  });

  it('tell refusing catch clauses from swallowing ones, not looking into nested functions', () => {
    const code = `
      function f(req, res, reply) {
        try { a(); } catch (e) { res.status(401).end(); }
        try { a(); } catch (e) { console.log(e); }
        try { a(); } catch (err) { reply.send(err); }
        try { a(); } catch (err) { reply.send(other); }
        try { a(); } catch (e) { setTimeout(() => { throw e; }); }
        try { a(); } catch (e) { throw e; }
      }
    `;
    const out = on(code, (m) => {
      const r = refusalsOf(m);
      return nodesOf(m)
        .filter((n): n is TSESTree.CatchClause => n.type === AST_NODE_TYPES.CatchClause)
        .map((c) => r.catchRefuses(c));
    });
    expect(out).toEqual([true, false, true, false, false, true]);
  });

  it('call a throw swallowed only when a try inside the function catches it without refusing', () => {
    const code = `
      function f(res) {
        try { one(); } catch (e) { log(e); }
        try { two(); } catch (e) { res.status(403).end(); }
        try { three(); } finally { done(); }
        four();
      }
    `;
    const out = on(code, (m) => {
      const r = refusalsOf(m);
      const fn = fnNamed(m, 'f');
      return ['one()', 'two()', 'three()', 'four()'].map((t) => r.swallowed(find(m, code, t, AST_NODE_TYPES.CallExpression), fn));
    });
    expect(out).toEqual([true, false, false, false]);
  });

  it('ask the code paths whether next() is called on only some paths', () => {
    const code = `
      function some(req, res, next) { if (req.headers.authorization) next(); }
      function every(req, res, next) { if (req.method === 'GET') log(); next(); }
      function none(req, res, next) { res.end(); }
      function passesError(req, res, next) { if (x) next(new Error('no')); else res.end(); }
    `;
    const out = on(code, (m) => {
      const r = refusalsOf(m);
      return ['some', 'every', 'none', 'passesError'].map((n) => r.conditionalNext(fnNamed(m, n)));
    });
    expect(out).toEqual([true, false, false, false]);
    // Without recorded code paths there is no answer, so no conditional next().
    const unrecorded = on(code, (m) =>
      createRefusals({ sourceCode: m.file.sourceCode, paramRole: (v) => m.paramRole(v), paths: () => undefined }).conditionalNext(fnNamed(m, 'some')),
    );
    expect(unrecorded).toBe(false);
  });
});

describe('summaries', () => {
  it('summarise a middleware that reads a header and answers 401 on some paths', () => {
    const code = `
      function mw(req, res, next) {
        const token = req.headers.authorization;
        if (!token) return res.status(401).end();
        next();
      }
    `;
    const s = on(code, (m) => {
      const out = summariesOf(m).summary(fnNamed(m, 'mw'));
      return { ...out, cred: show(out.cred), verifier: show(out.verifier) };
    });
    expect(s).toEqual({
      cred: 'header:the authorization header',
      refuses: true,
      badRequest: false,
      throws: false,
      verifier: null,
      conditionalNext: true,
    });
  });

  it('take in the same-file helpers a function calls, and end on recursion', () => {
    const code = `
      function check(req) { if (!req.session.user) throw new Error('no'); }
      function mw(req, res, next) { check(req); next(); }
      function a(req) { return b(req); }
      function b(req) { return a(req); }
      function bad(req, res) { if (!req.headers['x-signature']) res.status(400).end(); }
    `;
    const out = on(code, (m) => {
      const s = summariesOf(m);
      const pick = (n: string) => {
        const x = s.summary(fnNamed(m, n));
        return [show(x.cred), x.refuses, x.throws, x.badRequest];
      };
      return { mw: pick('mw'), a: pick('a'), bad: pick('bad') };
    });
    expect(out).toEqual({
      mw: ['session:the session', true, true, false],
      a: [null, false, false, false],
      bad: ['signature:the x-signature header!', false, false, true],
    });
  });

  it('find throwing verifiers: known packages, request checks, throwing helpers and auth-like names', () => {
    const code = `
      import jwt from 'jsonwebtoken';
      function requireSession(req) { if (!req.session.user) throw new Error('no'); }
      function loadCart(req) { return req.body.cart; }
      async function h(request, t) {
        jwt.verify(t, 'k');
        jwt.verify(t, 'k', (err) => {});
        await request.jwtVerify();
        requireSession(request);
        loadCart(request);
        verifyIdToken(t);
        verifyAge(t);
        assertWebhookSignature(t);
      }
    `;
    const out = on(code, (m) => {
      const s = summariesOf(m);
      return [
        "jwt.verify(t, 'k')",
        "jwt.verify(t, 'k', (err) => {})",
        'request.jwtVerify()',
        'requireSession(request)',
        'loadCart(request)',
        'verifyIdToken(t)',
        'verifyAge(t)',
        'assertWebhookSignature(t)',
      ].map((t) => show(s.throwingVerifier(find(m, code, t, AST_NODE_TYPES.CallExpression))));
    });
    expect(out).toEqual([
      'jwt:jsonwebtoken verify',
      null,
      'jwt:request.jwtVerify()',
      'session:requireSession (throws on a bad credential)',
      null,
      'verifier:verifyIdToken~',
      null,
      'verifier:assertWebhookSignature~!',
    ]);
  });

  it('drop a verifier whose error a catch swallows', () => {
    const code = `
      import jwt from 'jsonwebtoken';
      function quiet(t) { try { jwt.verify(t, 'k'); } catch (e) { log(e); } }
      function loud(t, res) { try { jwt.verify(t, 'k'); } catch (e) { res.status(401).end(); } }
    `;
    const out = on(code, (m) => {
      const s = summariesOf(m);
      return ['quiet', 'loud'].map((n) => show(s.summary(fnNamed(m, n)).verifier));
    });
    expect(out).toEqual([null, 'jwt:jsonwebtoken verify']);
  });

  it('follow credentials in expressions through variables and helpers, preferring behaviour over names', () => {
    const code = `
      function getToken(req) { return req.headers['x-api-key']; }
      function h(req) {
        const token = req.headers.authorization;
        const copy = token;
        const viaHelper = getToken(req);
        const named = checkAuth(req);
        const plain = req.body.text;
        [copy, viaHelper, named, plain, checkAuth(req) && token];
      }
    `;
    const out = on(code, (m) => {
      const s = summariesOf(m);
      const list = find<TSESTree.ArrayExpression>(m, code, '[copy, viaHelper, named, plain, checkAuth(req) && token]');
      return list.elements.map((e) => show(s.credentialIn(e as Node)));
    });
    expect(out).toEqual([
      'header:the authorization header',
      'apiKey:the x-api-key header',
      'user:checkAuth~',
      null,
      'header:the authorization header',
    ]);
  });

  it('keep the stronger of two reads', () => {
    const byName = credRead('user', 'checkAuth', false, true);
    const byBehaviour = credRead('header', 'the authorization header');
    const other = credRead('session', 'the session');
    expect(better(byName, byBehaviour)).toBe(byBehaviour);
    expect(better(byBehaviour, byName)).toBe(byBehaviour);
    expect(better(byBehaviour, other)).toBe(byBehaviour);
    expect(better(undefined, byName)).toBe(byName);
    expect(better(undefined, undefined)).toBeUndefined();
  });
});

describe('traced package calls and the syntax walk', () => {
  it('trace known package references, and instance members unless verification is switched off', () => {
    const code = `
      import jwt from 'jsonwebtoken';
      import { ExpressReceiver } from '@slack/bolt';
      jwt.verify(a, b);
      jwt.sign(a, b);
      const checked = new ExpressReceiver({ signingSecret: s });
      app.use(checked.router);
      const unchecked = new ExpressReceiver({ signingSecret: s, signatureVerification: false });
      app.use(unchecked.router);
    `;
    const out = on(code, (m) => {
      const known = traceKnown(m.file);
      return [...known].map(([n, info]) => `${textOf(code, n)} ${info.kind}`).sort();
    });
    expect(out).toContain('jwt.verify(a, b) verifier');
    expect(out.some((s) => s.startsWith('jwt.sign'))).toBe(false);
    expect(out).toContain('checked.router webhook');
    expect(out.some((s) => s.startsWith('unchecked.router'))).toBe(false);
  });

  it('read a statically false option of a call', () => {
    const code = `f({ a: false }); f({ a: true }); f({ a: x }); f({ b: false }); f(opts); new F({ a: false });`;
    const out = on(code, (m) => m.file.index.calls.map((c) => optionIsFalse(c, 'a')));
    expect(out).toEqual([true, false, false, false, false]);
    const ctor = on(code, (m) => optionIsFalse(find(m, code, 'new F({ a: false })', AST_NODE_TYPES.NewExpression), 'a'));
    expect(ctor).toBe(true);
  });

  it('push children with or without nested functions, and find the scope of a node', () => {
    const code = `g(() => 1, x);`;
    const out = on(code, (m) => {
      const call = m.file.index.calls[0]!;
      const without: Node[] = [];
      const within: Node[] = [];
      pushChildren(m.file.sourceCode, without, call, false);
      pushChildren(m.file.sourceCode, within, call, true);
      const one = find(m, code, '1', AST_NODE_TYPES.Literal);
      return [without.map((n) => textOf(code, n)), within.map((n) => textOf(code, n)), scopeAt(m.file.sourceCode, one)?.type];
    });
    expect(out).toEqual([['g', 'x'], ['g', '() => 1', 'x'], 'function']);
  });
});
