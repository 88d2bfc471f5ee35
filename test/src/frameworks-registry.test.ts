/**
 * The framework registry: every framework is described in one adapter (src/frameworks/<id>.ts), no other source
 * file names one, and every module an adapter declares makes a file framework code that is analysed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { withModel } from '../helpers.js';
import { ADAPTERS, REFUSAL_METHODS, allModules, frameworkAuth, importsFramework } from '../../src/frameworks/registry.js';
import { signalsOf } from '../../src/signals.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const ADAPTER_FILES = new Set(ADAPTERS.map((a) => path.join(SRC, 'frameworks', `${a.id}.ts`)));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every package name and prefix the adapters own: their modules and plugins, and the auth packages they list. */
const OWNED = [
  ...allModules().map((m) => m.spec),
  ...Object.keys(frameworkAuth.modules),
  ...Object.keys(frameworkAuth.decorators),
  ...frameworkAuth.notAuthPlugins,
  ...Object.keys(frameworkAuth.credentialOptions),
];
const PREFIXES = allModules().filter((m) => m.prefix).map((m) => m.spec);
/** Ecosystem naming: `express-*`, `koa-*`, `@fastify/*`, `@hono/*`, `@clerk/nextjs`... even ones no adapter lists yet. */
const ECOSYSTEM = /^(?:@(?:koa|hono|fastify)\/|(?:express|koa|hono|fastify|next)-|@clerk\/(?:express|nextjs))/;
const IDS = new Set<string>(ADAPTERS.map((a) => a.id));
/** `next` is also the continuation parameter, its role and a refusal kind (`next(err)`): alone it names no framework. */
const CONTINUATION = 'next';

/** Why a string literal names a framework, or undefined. */
function namesFramework(value: string): string | undefined {
  if (value === CONTINUATION) return undefined;
  if (IDS.has(value)) return 'a framework id';
  if (OWNED.includes(value)) return 'an adapter-owned module';
  if (PREFIXES.some((p) => value.startsWith(p))) return 'a module under an adapter prefix';
  if (ECOSYSTEM.test(value)) return 'a framework ecosystem package';
  return undefined;
}

/** Why a regular expression names a framework, or undefined. */
function regexNamesFramework(pattern: string): string | undefined {
  const p = pattern.replace(/\\\//g, '/');
  if (/\b(?:express|koa|hono|fastify)\b/i.test(p)) return 'a framework name';
  if (/\bnext(?:\/|\(\/)/.test(p) || /NextResponse/.test(p)) return 'a Next.js module or class';
  if (/pages\[[^\]]*\]api|route\\\.\[cm\]/.test(pattern)) return 'a Next.js route file';
  return undefined;
}

interface Hit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

/** The string and regex literals of a file that name a framework (the `Framework` id union of types.ts aside). */
function scan(file: string): Hit[] {
  const code = fs.readFileSync(file, 'utf8');
  const ast = parse(code, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest' });
  const hits: Hit[] = [];
  const rel = path.relative(ROOT, file);
  const visit = (node: unknown, exempt: boolean): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, exempt);
      return;
    }
    const n = node as { type?: string; value?: unknown; regex?: { pattern: string }; loc?: { start: { line: number } }; id?: { name?: string } };
    if (typeof n.type !== 'string') return;
    // The list of framework ids (src/types.ts), kept there so the contract needs no framework module.
    const isIdUnion = rel === path.join('src', 'types.ts') && n.type === 'TSTypeAliasDeclaration' && n.id?.name === 'Framework';
    const skip = exempt || isIdUnion;
    if (!skip && n.type === 'Literal') {
      const why = n.regex ? regexNamesFramework(n.regex.pattern) : typeof n.value === 'string' ? namesFramework(n.value) : undefined;
      if (why) hits.push({ file: rel, line: n.loc!.start.line, text: n.regex ? `/${n.regex.pattern}/` : JSON.stringify(n.value), why });
    }
    if (!skip && n.type === 'TemplateElement') {
      const cooked = (n.value as { cooked?: string }).cooked ?? '';
      const why = namesFramework(cooked);
      if (why) hits.push({ file: rel, line: n.loc!.start.line, text: cooked, why });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'loc' && k !== 'range') visit(v, skip);
  };
  visit(ast, false);
  return hits;
}

describe('no file but its adapter names a framework', () => {
  it('finds no framework package names or framework regexes in src/ or rules/ outside src/frameworks/<adapter>.ts', () => {
    const hits = [...sourceFiles(SRC), ...sourceFiles(path.join(ROOT, 'rules'))].filter((f) => !ADAPTER_FILES.has(f)).flatMap(scan);
    expect(hits.map((h) => `${h.file}:${h.line} ${h.text} (${h.why})`)).toEqual([]);
  });

  it('the scanner itself sees what it must', () => {
    expect(namesFramework('hono/jwt')).toBeDefined();
    expect(namesFramework('@fastify/basic-auth')).toBeDefined();
    expect(namesFramework('koa-jwt')).toBeDefined();
    expect(namesFramework('express')).toBeDefined();
    expect(namesFramework('next/server')).toBeDefined();
    expect(namesFramework('passport')).toBeUndefined();
    expect(regexNamesFramework('^(express|fastify)$')).toBeDefined();
    expect(regexNamesFramework('^hono(\\/|$)')).toBeDefined();
    expect(regexNamesFramework('^next(\\/|$)')).toBeDefined();
    expect(regexNamesFramework('(^|[\\\\/])pages[\\\\/]api[\\\\/]')).toBeDefined();
  });

  it('has one adapter file per framework, each exporting its adapter', () => {
    for (const a of ADAPTERS) expect(fs.existsSync(path.join(SRC, 'frameworks', `${a.id}.ts`))).toBe(true);
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });
});

describe('every adapter module is framework code', () => {
  // A module under a prefix is exercised with a made-up subpath.
  const modules = allModules().map((m) => ({ ...m, spec: m.prefix ? `${m.spec}anything` : m.spec }));
  const controller = `export function chat(req, res) { res.json(req.body); }`;
  for (const m of modules) {
    it(`a file importing ${m.spec} (${m.framework}${m.plugin ? ' plugin' : ''})`, () => {
      const code = `import thing from '${m.spec}';\nexport const used = thing;\n${controller}\n`;
      withModel(code, (model) => {
        expect(signalsOf(model.file.sourceCode, model.file.settings).framework).toBe(true);
        expect(model.relevant).toBe(true);
        // A framework's own module makes the last-resort controller heuristic apply: `res.json(x)` is a sink.
        // A plugin namespace alone (`@fastify/cors`) counts for the cheap signals only.
        expect(importsFramework(model.file)).toBe(!m.plugin);
        expect(model.sinks.map((s) => s.kind)).toEqual(m.plugin ? [] : ['res.json']);
      });
    });
  }
});

/** One small app per module that creates apps or holds routes: the route each must yield. */
const ROUTE_SAMPLES: Record<string, { code: string; filename?: string; method: string }[]> = {
  express: [{ code: `import express from 'express'; const app = express(); app.post('/x', (req, res) => res.json(1));`, method: 'POST' }],
  koa: [
    { code: `import Koa from 'koa'; import Router from '@koa/router'; const app = new Koa(); const r = new Router({ prefix: '/api' }); r.post('/x', (ctx) => { ctx.body = 1; }); app.use(r.routes());`, method: 'POST' },
    { code: `import Router from '@koa/router'; const r = new Router(); r.post('/x', (ctx) => { ctx.body = 1; });`, method: 'POST' },
    { code: `import Router from 'koa-router'; const r = new Router(); r.post('/x', (ctx) => { ctx.body = 1; });`, method: 'POST' },
  ],
  hono: [
    { code: `import { Hono } from 'hono'; const app = new Hono(); app.post('/x', (c) => c.json(1));`, method: 'POST' },
    { code: `import { Hono } from 'hono/tiny'; const app = new Hono(); app.post('/x', (c) => c.json(1));`, method: 'POST' },
    { code: `import { Hono } from 'hono/quick'; const app = new Hono(); app.post('/x', (c) => c.json(1));`, method: 'POST' },
  ],
  fastify: [
    { code: `import Fastify from 'fastify'; const app = Fastify(); app.post('/x', async (request) => request.body);`, method: 'POST' },
    { code: `import fp from 'fastify-plugin'; export default fp(async (f) => { f.post('/x', async (request) => request.body); });`, method: 'POST' },
  ],
  next: [
    { code: `import { NextResponse } from 'next/server'; export async function POST(req) { return NextResponse.json(1); }`, method: 'POST' },
    { code: `export default function handler(req, res) { res.json(1); }`, filename: 'pages/api/x.ts', method: 'ALL' },
  ],
};

describe('every adapter finds routes', () => {
  it('has a sample for every adapter', () => {
    expect(Object.keys(ROUTE_SAMPLES).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
  for (const a of ADAPTERS) {
    for (const [i, sample] of (ROUTE_SAMPLES[a.id] ?? []).entries()) {
      it(`${a.id} sample ${i + 1}`, () => {
        const code = sample.code;
        const found = withModel(code, (m) => m.routes.map((r) => `${r.framework} ${r.method}`), { filename: sample.filename });
        expect(found).toContain(`${a.id} ${sample.method}`);
      });
    }
  }
});

describe('the registry', () => {
  it('merges refusal shapes without conflict and keeps every method the engines knew', () => {
    expect([...REFUSAL_METHODS.keys()].sort()).toEqual(
      ['assert', 'badRequest', 'body', 'code', 'forbidden', 'html', 'json', 'newResponse', 'redirect', 'sendStatus', 'status', 'text', 'throw', 'unauthorized', 'writeHead'].sort(),
    );
  });
});
