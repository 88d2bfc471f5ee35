/**
 * Multi-file fixture apps (test/corpus/apps/<name>/): each folder is linted as a project, cwd = the app folder, with
 * configs.recommended and again with configs['recommended-type-checked'] + `projectService` (one program for every
 * app, from test/corpus/apps/tsconfig.json, which reads the JS apps through allowJs). Under both configs the
 * reports must match the `// expect: llm-leak/<id>` labels exactly (line and rule).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpus/apps');
const apps = fs.readdirSync(appsDir).filter((d) => fs.statSync(path.join(appsDir, d)).isDirectory()).sort();
const LABEL = /\/\/ expect: (llm-leak\/[a-z-]+(?:\s*,\s*llm-leak\/[a-z-]+)*)\s*$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|cjs|mjs)$/.test(f))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** "file:line rule" for every label. */
function expected(dir: string): string[] {
  const out: string[] = [];
  for (const f of sourceFiles(dir)) {
    fs.readFileSync(path.join(dir, f), 'utf8').split('\n').forEach((line, i) => {
      const m = LABEL.exec(line);
      if (m) for (const id of m[1]!.split(/\s*,\s*/)) out.push(`${f}:${i + 1} ${id}`);
    });
  }
  return out.sort();
}

type Mode = 'recommended' | 'type-checked';
const MODES: readonly Mode[] = ['recommended', 'type-checked'];

/** For each file the type-checked run linted (relative to the apps folder), whether the parser gave it a program. */
const probed = new Map<string, boolean>();
/** Records, per linted file, whether the parser gave it a program, so the typed run cannot pass without types. */
const typeProbe = {
  rules: {
    program: {
      meta: { type: 'problem' as const, schema: [] },
      create(context: { filename: string; sourceCode: { parserServices?: { program?: unknown } } }) {
        probed.set(path.relative(appsDir, context.filename).split(path.sep).join('/'), !!context.sourceCode.parserServices?.program);
        return {};
      },
    },
  },
};

/** The parser config of a mode: typed parses every source file (JS too) with the project service. */
function parserConfig(mode: Mode): Linter.Config[] {
  if (mode === 'recommended') return [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }];
  return [
    {
      files: ['**/*.{ts,js,cjs,mjs}'],
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: appsDir } },
      plugins: { probe: typeProbe as never },
      rules: { 'probe/program': 'error' },
    },
  ];
}

/** Lints an app folder as its own project. */
export async function lintApp(
  dir: string,
  settings: Record<string, unknown> = {},
  mode: Mode = 'recommended',
): Promise<{ found: string[]; messages: Map<string, string> }> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      ...parserConfig(mode),
      { languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable' } }, settings },
      ...((mode === 'recommended' ? plugin.configs.recommended : plugin.configs['recommended-type-checked']) as unknown as Linter.Config[]),
    ],
  });
  const results = await eslint.lintFiles(['**/*.{ts,js,cjs,mjs}']);
  const found: string[] = [];
  const messages = new Map<string, string>();
  for (const r of results) {
    const f = path.relative(dir, r.filePath).split(path.sep).join('/');
    for (const m of r.messages) {
      const key = `${f}:${m.line} ${m.ruleId ?? `fatal: ${m.message}`}`;
      found.push(key);
      messages.set(key, m.message);
    }
  }
  return { found: found.sort(), messages };
}

describe('multi-file fixture apps', () => {
  it('has three or more apps per framework family', () => {
    for (const family of ['express', 'fastify', 'koa', 'hono']) {
      expect(apps.filter((a) => a.startsWith(`${family}-`)).length, family).toBeGreaterThanOrEqual(3);
    }
  });

  for (const mode of MODES) {
    for (const app of apps) {
      it(`${app}: reports exactly the labelled lines (${mode})`, async () => {
        const dir = path.join(appsDir, app);
        const { found } = await lintApp(dir, {}, mode);
        expect(found).toEqual(expected(dir));
      });
    }
  }

  it('gives every file of the type-checked run a program, JS apps included', async () => {
    for (const app of ['express-commonjs', 'hono-nested']) {
      probed.clear();
      const dir = path.join(appsDir, app);
      await lintApp(dir, {}, 'type-checked');
      const files = sourceFiles(dir).map((f) => `${app}/${f}`);
      expect(files.length).toBeGreaterThan(1);
      expect(Object.fromEntries(probed)).toEqual(Object.fromEntries(files.map((f) => [f, true])));
    }
  });

  it('names the mount and its file when a router is mounted without authentication', async () => {
    const { messages } = await lintApp(path.join(appsDir, 'express-mounted-open'));
    expect(messages.get('src/routes/chat.ts:7 llm-leak/require-auth-for-llm-route')).toBe(
      'POST /api/chat calls a model (OpenAI) and is mounted at /api in src/app.ts with no authentication in front of it, so anyone can use the model through it.',
    );
  });

  it('says that no mount was found for a router no entry mounts, and stays silent with unmountedRouters: ignore', async () => {
    const dir = path.join(appsDir, 'express-unmounted');
    const { messages } = await lintApp(dir);
    expect(messages.get('src/routes/chat.ts:7 llm-leak/require-auth-for-llm-route')).toMatch(/no app entry was found that mounts its router/);
    const ignored = await lintApp(dir, { 'llm-leak': { unmountedRouters: 'ignore' } });
    expect(ignored.found).toEqual([]);
  });

  it('follows settings entries when the app file has a name the search does not look for', async () => {
    // express-mounted-open's app.ts is found by name; as an entry it also works when named explicitly.
    const dir = path.join(appsDir, 'express-mounted-open');
    const { found } = await lintApp(dir, { 'llm-leak': { entries: ['src/*.ts'] } });
    expect(found).toEqual(expected(dir));
  });
});
