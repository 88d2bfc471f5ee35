/** The project route map on its own: module resolution, re-exports, cycles, the mtime cache, missing files, node_modules. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { projectMaker } from '../helpers.js';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearProjectCache, readCount, reachesOf, walkCount } from '../../src/project/index.js';
import { expandEntries, factsFor, parseCount, resolveModule, type LintOptions } from '../../src/project/files.js';
import type { FileFacts } from '../../src/project/facts.js';
import { handsOutClient } from '../../src/llm/summary.js';
import { opCounts, opsSince } from '../../src/counters.js';
import { buildFacts } from '../../src/model.js';
import { diskMemo, isEslintCli, isInside, lintMemo, setOneShotRun, stat, withDiskMemo } from '../../src/project/disk.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-project-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh project folder with these files. */
const project = projectMaker(root);

const lintOf = (cwd: string): LintOptions => ({ cwd, buildFacts, languageOptions: { parser: tsParser, parserOptions: {} } });
const ROUTER = `import { Router } from 'express';\nconst router = Router();\nrouter.post('/chat', (req, res) => res.end());\nexport default router;\n`;

/** "path auth" for each mount of the target's default export. */
function mounts(dir: string, target: string, name = 'default'): string[] {
  return (reachesOf(path.join(dir, target), lintOf(dir), {}).get(name) ?? []).map(
    (m) => `${m.path} ${m.auth ? 'auth' : 'open'} ${path.relative(dir, m.file)}:${m.line}`,
  );
}

beforeEach(() => clearProjectCache());

describe('module resolution', () => {
  it('resolves .js to .ts, extensionless paths and index files, and never enters node_modules', () => {
    const dir = project({ 'a.ts': '', 'b/index.js': '', 'c.mjs': '', 'node_modules/x/index.js': '' });
    expect(resolveModule(path.join(dir, 'app.ts'), './a.js')).toBe(path.join(dir, 'a.ts'));
    expect(resolveModule(path.join(dir, 'app.ts'), './b')).toBe(path.join(dir, 'b/index.js'));
    expect(resolveModule(path.join(dir, 'app.ts'), './c.mjs')).toBe(path.join(dir, 'c.mjs'));
    expect(resolveModule(path.join(dir, 'app.ts'), './missing.js')).toBeUndefined();
    expect(resolveModule(path.join(dir, 'app.ts'), './node_modules/x')).toBeUndefined();
    expect(resolveModule(path.join(dir, 'app.ts'), 'express')).toBeUndefined();
  });
});

describe('module resolution as Node and TypeScript do it', () => {
  it('resolves relative paths when the tsconfig extends one that is not there (a parent folder not checked out)', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'server' }),
      'tsconfig.json': JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { moduleResolution: 'bundler' } }),
      'src/modules/chats/chats.service.ts': '',
      'src/modules/chats/chats.routes.ts': '',
    });
    const from = path.join(dir, 'src/modules/chats/chats.routes.ts');
    expect(resolveModule(from, './chats.service', dir)).toBe(path.join(dir, 'src/modules/chats/chats.service.ts'));
    expect(resolveModule(from, './missing', dir)).toBeUndefined();
  });

  it('follows tsconfig paths, package.json imports and workspace packages linked into node_modules', () => {
    const dir = project({
      'package.json': JSON.stringify({ type: 'module', workspaces: ['packages/*'], imports: { '#routes/*': './src/routes/*' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/lib/*': ['src/lib/*'] } } }),
      'src/lib/ai.ts': '',
      'src/routes/chat.ts': '',
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', exports: { '.': './src/index.ts' } }),
      'packages/api/src/index.ts': '',
    });
    fs.mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'packages/api'), path.join(dir, 'node_modules/@acme/api'), 'dir');
    const from = path.join(dir, 'src/app.ts');
    expect(resolveModule(from, '@/lib/ai.js', dir)).toBe(path.join(dir, 'src/lib/ai.ts'));
    expect(resolveModule(from, '#routes/chat.js', dir)).toBe(path.join(dir, 'src/routes/chat.ts'));
    expect(resolveModule(from, '@acme/api', dir)).toBe(path.join(dir, 'packages/api/src/index.ts'));
    // The workspace root is the project root of a file in one of its packages.
    expect(resolveModule(path.join(dir, 'packages/api/src/index.ts'), '#routes/chat.js')).toBeUndefined();
  });

  it('reads a workspace package from the workspace manifest when it is not linked, and its sources rather than its build output', () => {
    const dir = project({
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*', 'packages/*'] }),
      'apps/server/package.json': JSON.stringify({ name: 'server' }),
      'apps/server/app.js': '',
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', main: 'dist/index.cjs', exports: { '.': { require: './dist/index.cjs' }, './tools': './dist/tools/index.js' } }),
      'packages/api/src/index.ts': '',
      'packages/api/src/tools/index.ts': '',
      'packages/util/package.json': JSON.stringify({ name: 'acme-util', main: 'lib/index.js' }),
      'packages/util/lib/index.js': '',
    });
    const from = path.join(dir, 'apps/server/app.js');
    expect(resolveModule(from, '@acme/api')).toBe(path.join(dir, 'packages/api/src/index.ts'));
    expect(resolveModule(from, '@acme/api/tools')).toBe(path.join(dir, 'packages/api/src/tools/index.ts'));
    // No src/ beside lib/: the built file is what there is.
    expect(resolveModule(from, 'acme-util')).toBe(path.join(dir, 'packages/util/lib/index.js'));
    expect(resolveModule(from, '@acme/other')).toBeUndefined();
    // Linked and built: the link's target is mapped back to the source too.
    fs.mkdirSync(path.join(dir, 'packages/api/dist'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'packages/api/dist/index.cjs'), '');
    fs.mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'packages/api'), path.join(dir, 'node_modules/@acme/api'), 'dir');
    expect(resolveModule(path.join(dir, 'apps/server/other.js'), '@acme/api')).toBe(path.join(dir, 'packages/api/src/index.ts'));
  });

  it('never resolves to a third-party package, a builtin, a file outside the project or a symlink out of it', () => {
    const outside = project({ 'secret.ts': 'export default 1;' });
    const dir = project({
      'a.ts': '',
      'node_modules/openai/package.json': JSON.stringify({ name: 'openai', main: 'index.js' }),
      'node_modules/openai/index.js': '',
      'big.ts': 'x'.repeat(1_100_000),
    });
    fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(dir, 'link.ts'));
    const from = path.join(dir, 'app.ts');
    expect(resolveModule(from, 'openai', dir)).toBeUndefined();
    expect(resolveModule(from, 'node:fs', dir)).toBeUndefined();
    expect(resolveModule(from, 'fs', dir)).toBeUndefined();
    expect(resolveModule(from, path.relative(dir, path.join(outside, 'secret.ts')).split(path.sep).join('/').replace(/^/, './'), dir)).toBeUndefined();
    expect(resolveModule(from, './link.ts', dir)).toBeUndefined();
    expect(resolveModule(from, './big.ts', dir)).toBeUndefined();
    expect(resolveModule(from, '../../../../../../../../proc/self/environ', dir)).toBeUndefined();
    expect(resolveModule(from, './a.js', dir)).toBe(path.join(dir, 'a.ts'));
  });

  it('sees an authenticated mount behind a package.json imports specifier', () => {
    const dir = project({
      'package.json': JSON.stringify({ type: 'module', imports: { '#routes/*': './src/routes/*' } }),
      'src/app.ts': `import express from 'express';\nimport passport from 'passport';\nimport chat from '#routes/chat.js';\nconst app = express();\napp.use('/api', passport.authenticate('jwt'), chat);\n`,
      'src/routes/chat.ts': ROUTER,
    });
    expect(mounts(dir, 'src/routes/chat.ts')).toEqual(['/api auth src/app.ts:5']);
  });
});

describe('the route map on graphs built to blow up', () => {
  it('walks ten barrels that all `export *` from each other once each', () => {
    const files: Record<string, string> = {
      'app.ts': `import express from 'express';\nimport { chat } from './b0.js';\nconst app = express();\napp.use('/api', chat);\n`,
      'chat.ts': `import { Router } from 'express';\nexport const chat = Router();\nchat.post('/x', (req, res) => res.end());\n`,
    };
    for (let i = 0; i < 10; i++) {
      files[`b${i}.ts`] = Array.from({ length: 10 }, (_, j) => (j === i ? '' : `export * from './b${j}.js';`)).join('\n') + (i === 9 ? "\nexport * from './chat.js';\n" : '\n');
    }
    const dir = project(files);
    const before = walkCount();
    expect(mounts(dir, 'chat.ts', 'chat')).toEqual(['/api open app.ts:4']);
    // One state per barrel (and the target): linear, where a walk per path visits 10! orders.
    expect(walkCount() - before).toBeLessThanOrEqual(12);
  });

  it('walks a ladder of barrels three wide and fourteen deep in linear steps (chains stop at 16 hops)', () => {
    const files: Record<string, string> = {
      'app.ts': `import express from 'express';\nimport { chat } from './l0_0.js';\nconst app = express();\napp.use('/api', chat);\n`,
      'chat.ts': `import { Router } from 'express';\nexport const chat = Router();\nchat.post('/x', (req, res) => res.end());\n`,
    };
    for (let level = 0; level < 14; level++) {
      for (let k = 0; k < 3; k++) {
        files[`l${level}_${k}.ts`] = level === 13 ? "export * from './chat.js';\n" : [0, 1, 2].map((n) => `export * from './l${level + 1}_${n}.js';`).join('\n');
      }
    }
    const dir = project(files);
    const before = walkCount();
    expect(mounts(dir, 'chat.ts', 'chat')).toEqual(['/api open app.ts:4']);
    expect(walkCount() - before).toBeLessThanOrEqual(3 * 14 + 2);
  });

  it('walks from an entry once for all the routers it mounts: forty routers cost forty states, not forty walks', () => {
    const files: Record<string, string> = {};
    const lines = [`import express from 'express';`, 'const app = express();'];
    for (let i = 0; i < 40; i++) {
      files[`routes/r${i}.ts`] = ROUTER;
      lines.splice(1, 0, `import r${i} from './routes/r${i}.js';`);
      lines.push(`app.use('/r${i}', r${i});`);
    }
    files['app.ts'] = `${lines.join('\n')}\n`;
    const dir = project(files);
    const before = walkCount();
    for (let i = 0; i < 40; i++) expect(mounts(dir, `routes/r${i}.ts`)).toEqual([`/r${i} open app.ts:${42 + i + 1}`]);
    // The walk of app.ts is shared while its files are unchanged: one state per mounted router.
    expect(walkCount() - before).toBe(40);
  });

  it('reads only the modules on the way to the file asking: a router costs the entry and itself, not its siblings', () => {
    const files: Record<string, string> = {};
    const lines = [`import express from 'express';`, `import v1 from './v1.js';`, 'const app = express();', `app.use('/v1', v1);`];
    for (let i = 0; i < 20; i++) {
      files[`routes/r${i}.ts`] = ROUTER;
      lines.splice(1, 0, `import r${i} from './routes/r${i}.js';`);
      lines.push(`app.use('/r${i}', r${i});`);
    }
    files['app.ts'] = `${lines.join('\n')}\n`;
    files['v1.ts'] = `import { Router } from 'express';\nimport chat from './chat.js';\nconst v1 = Router();\nv1.use('/chat', chat);\nexport default v1;\n`;
    files['chat.ts'] = ROUTER;
    const dir = project(files);
    const before = parseCount();
    expect(mounts(dir, 'routes/r3.ts')).toEqual(['/r3 open app.ts:28']);
    // app.ts and r3.ts: the other routers import neither, so their mounts cannot lead to r3.
    expect(parseCount() - before).toBe(2);
    expect(mounts(dir, 'chat.ts')).toEqual(['/v1/chat open v1.ts:4']);
    // v1.ts, which imports chat.ts, and chat.ts.
    expect(parseCount() - before).toBe(4);
  });

  it('gives each file the same mounts whatever the other files asked before', () => {
    const files: Record<string, string> = {
      'app.ts': `import express from 'express';\nimport auth from './auth.js';\nimport v1 from './v1.js';\nimport open from './open.js';\nconst app = express();\napp.use('/v1', auth, v1);\napp.use('/open', open);\n`,
      'auth.ts': `export default function auth(req, res, next) { if (!req.headers.authorization) return res.sendStatus(401); next(); }\n`,
      'v1.ts': `import { Router } from 'express';\nimport chat from './chat.js';\nimport open from './open.js';\nconst v1 = Router();\nv1.use('/chat', chat);\nv1.use('/o', open);\nexport default v1;\n`,
      'open.ts': `import { Router } from 'express';\nimport chat from './chat.js';\nconst o = Router();\no.use('/c', chat);\nexport default o;\n`,
      'chat.ts': ROUTER,
    };
    const dir = project(files);
    const all = (order: readonly string[]): string[] => order.map((f) => `${f}: ${mounts(dir, f).sort().join(', ')}`).sort();
    const forward = all(['chat.ts', 'open.ts', 'v1.ts']);
    clearProjectCache();
    const backward = all(['v1.ts', 'open.ts', 'chat.ts']);
    expect(backward).toEqual(forward);
    expect(forward).toEqual([
      'chat.ts: /open/c open open.ts:4, /v1/chat auth v1.ts:5, /v1/o/c auth open.ts:4',
      'open.ts: /open open app.ts:7, /v1/o auth v1.ts:6',
      'v1.ts: /v1 auth app.ts:6',
    ]);
  });

  it('finds a mount by its shortest way when a longer way to the same barrel is walked first (depth limit 16)', () => {
    // a.ts re-exports a chain of fifteen barrels first, then short.ts; the chain ends at short.ts too. Walked depth
    // first, short.ts is met at depth 16 and chat.ts cut off; its shorter way (depth 2) must still reach chat.ts.
    const files: Record<string, string> = {
      'app.ts': `import express from 'express';\nimport { chat } from './a.js';\nconst app = express();\napp.use('/api', chat);\n`,
      'a.ts': "export * from './c0.js';\nexport * from './short.js';\n",
      'short.ts': "export * from './chat.js';\n",
      'chat.ts': `import { Router } from 'express';\nexport const chat = Router();\nchat.post('/x', (req, res) => res.end());\n`,
    };
    for (let i = 0; i < 14; i++) files[`c${i}.ts`] = i === 13 ? "export * from './short.js';\n" : `export * from './c${i + 1}.js';\n`;
    const dir = project(files);
    expect(mounts(dir, 'chat.ts', 'chat')).toEqual(['/api open app.ts:4']);
  });

  it('cuts a cycle of routers mounting each other', () => {
    const dir = project({
      'app.ts': `import express from 'express';\nimport a from './a.js';\nconst app = express();\napp.use('/x', a);\n`,
      'a.ts': `import { Router } from 'express';\nimport b from './b.js';\nimport chat from './chat.js';\nconst a = Router();\na.use('/b', b);\na.use('/t', chat);\nexport default a;\n`,
      'b.ts': `import { Router } from 'express';\nimport a from './a.js';\nconst b = Router();\nb.use('/a', a);\nexport default b;\n`,
      'chat.ts': ROUTER,
    });
    expect(mounts(dir, 'chat.ts')).toEqual(['/x/t open a.ts:6']);
  });
});

describe('the route map', () => {
  it('finds a router mounted with its prefix and the auth in front of it', () => {
    const dir = project({
      'src/app.ts': `import express from 'express';\nimport passport from 'passport';\nimport chat from './routes/chat.js';\nconst app = express();\napp.use('/api', passport.authenticate('jwt'), chat);\napp.use('/open', chat);\n`,
      'src/routes/chat.ts': ROUTER,
    });
    expect(mounts(dir, 'src/routes/chat.ts').sort()).toEqual(['/api auth src/app.ts:5', '/open open src/app.ts:6']);
  });

  it('follows ESM re-exports, export *, CommonJS module.exports objects and destructured requires', () => {
    const dir = project({
      'app.js': `const express = require('express');\nconst { chat, admin } = require('./routes');\nconst app = express();\napp.use('/c', chat);\napp.use('/a', admin);\n`,
      'routes/index.js': `module.exports = { chat: require('./chat'), admin: require('./more').admin };\n`,
      'routes/more.js': `export * from './admin.js';\n`,
      'routes/admin.js': ROUTER.replace('export default router;', 'export { router as admin };'),
      'routes/chat.js': `const express = require('express');\nconst router = express.Router();\nmodule.exports = router;\n`,
    });
    expect(mounts(dir, 'routes/chat.js')).toEqual(['/c open app.js:4']);
    expect(mounts(dir, 'routes/admin.js', 'admin')).toEqual(['/a open app.js:5']);
  });

  it('stops at cycles between files', () => {
    const dir = project({
      'app.ts': `import express from 'express';\nimport a from './a.js';\nconst app = express();\napp.use('/x', a);\n`,
      'a.ts': `import { Router } from 'express';\nimport b from './b.js';\nconst r = Router();\nr.use('/b', b);\nexport default r;\n`,
      'b.ts': `import { Router } from 'express';\nimport a from './a.js';\nconst r = Router();\nr.use('/a', a);\nexport default r;\n`,
    });
    expect(mounts(dir, 'b.ts')).toEqual(['/x/b open a.ts:4']);
    expect(mounts(dir, 'a.ts')).toEqual(['/x open app.ts:4']);
  });

  it('gives nothing for a mount of a missing file or of a package in node_modules', () => {
    const dir = project({
      'app.ts': `import express from 'express';\nimport gone from './gone.js';\nimport dep from './node_modules/dep/index.js';\nconst app = express();\napp.use('/g', gone);\napp.use('/d', dep);\n`,
      'node_modules/dep/index.js': ROUTER,
    });
    const before = readCount();
    expect(mounts(dir, 'gone.ts')).toEqual([]);
    expect(mounts(dir, 'node_modules/dep/index.js')).toEqual([]);
    // Only app.ts was read: the router in node_modules never was.
    expect(readCount() - before).toBe(1);
  });

  it('reads each file once, and again only after its mtime changes', () => {
    // The walk from app.ts is shared by every file it reaches, so it reads chat.ts too (once).
    const dir = project({
      'app.ts': `import express from 'express';\nimport chat from './chat.js';\nconst app = express();\napp.use('/v1', chat);\n`,
      'chat.ts': ROUTER,
    });
    const before = readCount();
    expect(mounts(dir, 'chat.ts')).toEqual(['/v1 open app.ts:4']);
    expect(mounts(dir, 'chat.ts')).toEqual(['/v1 open app.ts:4']);
    expect(readCount() - before).toBe(2);
    const app = path.join(dir, 'app.ts');
    fs.writeFileSync(app, `import express from 'express';\nimport chat from './chat.js';\nconst app = express();\napp.use('/v2', chat);\n`);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(app, later, later);
    expect(mounts(dir, 'chat.ts')).toEqual(['/v2 open app.ts:4']);
    expect(readCount() - before).toBe(3);
  });

  it('sees a router that comes to import and mount the file asking, once the router changes', () => {
    // v1.ts is reached but not expanded for chat.ts (it imports nothing of chat.ts's) until an edit makes it mount it.
    const dir = project({
      'app.ts': `import express from 'express';\nimport v1 from './v1.js';\nimport chat from './chat.js';\nconst app = express();\napp.use('/v1', v1);\napp.use('/c', chat);\n`,
      'v1.ts': `import { Router } from 'express';\nconst v1 = Router();\nexport default v1;\n`,
      'chat.ts': ROUTER,
    });
    expect(mounts(dir, 'chat.ts')).toEqual(['/c open app.ts:6']);
    const v1 = path.join(dir, 'v1.ts');
    fs.writeFileSync(v1, `import { Router } from 'express';\nimport chat from './chat.js';\nconst v1 = Router();\nv1.use('/chat', chat);\nexport default v1;\n`);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(v1, later, later);
    expect(mounts(dir, 'chat.ts').sort()).toEqual(['/c open app.ts:6', '/v1/chat open v1.ts:4']);
  });

  it('treats a sub-app that another entry mounts as a sub-app, not as an entry', () => {
    const dir = project({
      'app.ts': `import { Hono } from 'hono';\nimport { jwt } from 'hono/jwt';\nimport v1 from './v1/index.js';\nconst app = new Hono();\napp.use('*', jwt({ secret: 's' }));\napp.route('/v1', v1);\n`,
      'v1/index.ts': `import { Hono } from 'hono';\nimport chat from './chat.js';\nconst v1 = new Hono();\nv1.route('/chat', chat);\nexport default v1;\n`,
      'v1/chat.ts': `import { Hono } from 'hono';\nconst chat = new Hono();\nexport default chat;\n`,
    });
    expect(mounts(dir, 'v1/chat.ts')).toEqual(['/v1/chat auth v1/index.ts:4']);
  });
});

describe('settings for the route map', () => {
  it('accepts entries and unmountedRouters and names a bad value', async () => {
    const { readSettings } = await import('../../src/settings.js');
    expect(readSettings({ 'llm-leak': { entries: ['src/server.ts'], unmountedRouters: 'ignore' } })).toMatchObject({
      entries: ['src/server.ts'],
      unmountedRouters: 'ignore',
    });
    expect(readSettings({}).unmountedRouters).toBe('report');
    expect(() => readSettings({ 'llm-leak': { unmountedRouters: 'warn' } })).toThrow(/unmountedRouters must be 'report' or 'ignore', got string \("warn"\)/);
    expect(() => readSettings({ 'llm-leak': { entries: 'src/app.ts' } })).toThrow(/entries must be an array of non-empty strings/);
  });

  it('refuses entries that leave the project or are not valid globs, naming the key and the pattern', async () => {
    const { readSettings, SettingsError } = await import('../../src/settings.js');
    for (const bad of ['../../**', 'src/../../x.ts', '/etc/passwd', 'C:/app.ts']) {
      expect(() => readSettings({ 'llm-leak': { entries: [bad] } }), bad).toThrow(SettingsError);
      expect(() => readSettings({ 'llm-leak': { entries: [bad] } }), bad).toThrow(/entries has '.*': entries are paths or globs inside the project/);
    }
    expect(() => readSettings({ 'llm-leak': { entries: ['src/{a'] } })).toThrow(/entries has 'src\/\{a', which is not a valid glob/);
    expect(readSettings({ 'llm-leak': { entries: ['app/(chat)/**/route.ts', 'src/*.{ts,js}'] } }).entries).toHaveLength(2);
  });
});

describe('entry globs', () => {
  it('expand inside the project only: no node_modules, no dot folders, no symlinks out, no loops, sources only', () => {
    const outside = project({ 'evil.ts': 'export {}' });
    const dir = project({
      'src/app.ts': '',
      'src/deep/server.js': '',
      'src/data.json': '{}',
      'node_modules/x/app.ts': '',
      '.cache/app.ts': '',
    });
    fs.symlinkSync(outside, path.join(dir, 'src', 'out'), 'dir');
    fs.symlinkSync(dir, path.join(dir, 'src', 'loop'), 'dir');
    const found = expandEntries(dir, ['**/*'], dir).map((f) => path.relative(dir, f)).sort();
    expect(found).toEqual(['src/app.ts', 'src/deep/server.js']);
  });
});

describe('the disk as the project map reads it', () => {
  it('isInside: a normalised path under the root without path.relative, and every other path as path.relative says', () => {
    expect(isInside('/a/b/c.ts', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/bc/d.ts', '/a/b')).toBe(false);
    expect(isInside('/a/b/../c/d.ts', '/a/b')).toBe(false);
    expect(isInside('/a/b/./c.ts', '/a/b')).toBe(true);
    expect(isInside('/a/b//c.ts', '/a/b')).toBe(true);
    expect(isInside('/a/b/c/../../x.ts', '/a/b')).toBe(false);
    expect(isInside('/a/b/c.ts', '/a/b/')).toBe(true);
    expect(isInside('/x/a/b/c.ts', '/a/b')).toBe(false);
  });

  it('a DiskMemo answers a repeated stat within one lint; outside it, and in the next lint, the disk answers', () => {
    const dir = fs.mkdtempSync(path.join(root, 'disk-'));
    const file = path.join(dir, 'a.ts');
    fs.writeFileSync(file, 'export const a = 1;\n');
    const first = diskMemo();
    const size = (): number | undefined => stat(file)?.size;
    withDiskMemo(first, () => {
      expect(size()).toBe(20);
      fs.writeFileSync(file, 'export const a = 12345;\n');
      // The files of a project do not change while one file is linted: the first answer stands.
      expect(size()).toBe(20);
    });
    expect(size()).toBe(24);
    withDiskMemo(diskMemo(), () => expect(size()).toBe(24));
  });

  it('a one-shot run (our CLI, ESLint\'s) shares one memo across its lints; a long-lived process gets one per lint', () => {
    const cli = { 'llm-leak-cli': { oneShot: true } };
    expect(lintMemo(cli)).toBe(lintMemo(cli));
    expect(lintMemo({})).not.toBe(lintMemo({}));
    const run = lintMemo(cli);
    clearProjectCache(); // A new run.
    expect(lintMemo(cli)).not.toBe(run);
    try {
      setOneShotRun(false);
      expect(lintMemo(cli)).not.toBe(lintMemo(cli));
      setOneShotRun(true);
      expect(lintMemo({})).toBe(lintMemo({}));
    } finally {
      setOneShotRun(undefined);
    }
    for (const script of ['/p/node_modules/.bin/eslint', '/p/node_modules/eslint/bin/eslint.js', 'C:\\p\\node_modules\\eslint\\bin\\eslint.js', '/usr/local/bin/eslint']) {
      expect(isEslintCli(script)).toBe(true);
    }
    for (const script of ['/p/node_modules/vitest/vitest.mjs', '/p/eslintServer.js', '/p/node_modules/eslint_d/bin/eslint_d.js', '/p/my-eslint', undefined]) {
      expect(isEslintCli(script)).toBe(false);
    }
  });

  it('keeps resolutions for a whole one-shot run, and two seconds in a long-lived process', () => {
    const dir = project({ 'app.ts': '' });
    const from = path.join(dir, 'app.ts');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      setOneShotRun(true);
      lintMemo({}); // The run starts.
      expect(resolveModule(from, './late.js')).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'late.ts'), '');
      vi.setSystemTime(Date.now() + 60_000);
      // The run reads the project as it was when it started, as tsc does.
      expect(resolveModule(from, './late.js')).toBeUndefined();
      clearProjectCache(); // The next run sees it.
      lintMemo({});
      expect(resolveModule(from, './late.js')).toBe(path.join(dir, 'late.ts'));

      setOneShotRun(false);
      lintMemo({});
      expect(resolveModule(from, './later.js')).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'later.ts'), '');
      vi.setSystemTime(Date.now() + 1000);
      expect(resolveModule(from, './later.js')).toBeUndefined();
      vi.setSystemTime(Date.now() + 2000);
      expect(resolveModule(from, './later.js')).toBe(path.join(dir, 'later.ts'));
    } finally {
      vi.useRealTimers();
      setOneShotRun(undefined);
    }
  });
});

describe('facts built per question (issue 11)', () => {
  // A router module that also makes a model client: read for its summary by a route, walked by the route map.
  const files = {
    'package.json': JSON.stringify({ type: 'module' }),
    'routes.ts': `import OpenAI from 'openai';\nimport { Router } from 'express';\nimport chat from './chat.js';\nexport const openai = new OpenAI();\nconst r = Router();\nr.use('/chat', chat);\nexport default r;\n`,
    'chat.ts': ROUTER,
  };

  it('a module read for its summary gets no route map analysis until the walk asks, then keeps its summary', () => {
    const dir = project(files);
    const file = path.join(dir, 'routes.ts');
    const lint: LintOptions = { ...lintOf(dir), disk: diskMemo(true) };
    const before = opCounts();
    const model = factsFor(file, lint, {}, dir, { parts: ['model'] });
    expect(handsOutClient(model?.summaries.get('openai'))).toBe(true);
    // Not built for this question: the mounts are the route map's part.
    expect((model as FileFacts | undefined)?.mounts).toEqual([]);
    const walked = factsFor(file, lint, {}, dir, { parts: ['map'] });
    expect(walked?.mounts.map((m) => `${m.specifier} ${m.path}`)).toEqual(['./chat.js /chat']);
    // The summary built for the first question stays with the facts.
    expect(handsOutClient((walked as FileFacts | undefined)?.summaries.get('openai'))).toBe(true);
    // One parse, kept for the second build, which built only the part missing.
    expect(opsSince(before)).toMatchObject({ parses: 1, builds: 2 });
    // Asked again either way: nothing built.
    factsFor(file, lint, {}, dir, { parts: ['model', 'map'] });
    expect(opsSince(before)).toMatchObject({ parses: 1, builds: 2 });
  });

  it('a module the walk reads comes with its summaries: a route then asking for them costs no build', () => {
    const dir = project(files);
    const file = path.join(dir, 'routes.ts');
    const lint: LintOptions = { ...lintOf(dir), disk: diskMemo(true) };
    const before = parseCount();
    expect(factsFor(file, lint, {}, dir, { parts: ['map'] })?.mounts).toHaveLength(1);
    const built = opCounts().builds;
    expect(handsOutClient(factsFor(file, lint, {}, dir, { parts: ['model'] })?.summaries.get('openai'))).toBe(true);
    expect(opCounts().builds).toBe(built);
    expect(parseCount() - before).toBe(1);
  });
});
