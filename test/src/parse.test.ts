/** Another module read without a Linter run (src/project/parse.ts) gives the facts a lint of it gives. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { buildFacts } from '../../src/model.js';
import { sourceCodeOf } from '../../src/project/parse.js';
import { pathListeners, withPathRecorder } from '../../src/flow/paths.js';
import type { FileFacts } from '../../src/project/facts.js';

const corpus = path.resolve(import.meta.dirname, '../corpus');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(?:[cm]?[jt]s)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The facts as plain data, with what the scopes say of the globals (`require`, `module`: CommonJS imports). */
function plain(facts: FileFacts | undefined, sourceCode: Readonly<TSESLint.SourceCode>, withScopes = true): string {
  if (!withScopes) return JSON.stringify({ facts }, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
  const global = sourceCode.scopeManager!.globalScope!;
  // Every scope, its variables with their reads and writes, and what it leaves unresolved: the parse's own scope
  // analysis runs with other visitor keys than a lint's (src/project/parse.ts), and must find the same scopes.
  const all = sourceCode.scopeManager!.scopes.map((s) => ({
    type: s.type,
    at: s.block.range,
    variables: s.variables.map((v) => `${v.name}:${v.references.filter((r) => r.isRead()).length}r${v.references.filter((r) => r.isWrite()).length}w`),
    through: s.through.map((r) => r.identifier.name),
  }));
  const scopes = { through: global.through.map((r) => r.identifier.name).sort(), globals: global.variables.filter((v) => v.references.length > 0).map((v) => v.name).sort(), all };
  return JSON.stringify({ facts, scopes }, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

type SourceType = 'module' | 'commonjs';

/** The facts (and scopes) a lint's own parse gives; `globals`: the globals its config declares (then the facts only). */
function inLint(file: string, text: string, sourceType: SourceType, globals?: Record<string, 'readonly' | 'writable'>): string {
  const ts = /\.[cm]?ts$/.test(file);
  let out = '';
  new Linter({ cwd: path.dirname(file), configType: 'flat' }).verify(
    text,
    [
      {
        files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
        languageOptions: {
          ...(ts ? { parser: tsParser as Linter.Parser } : {}),
          parserOptions: { sourceType: sourceType === 'commonjs' && ts ? 'script' : sourceType },
          ecmaVersion: 'latest',
          sourceType,
          ...(globals ? { globals } : {}),
        },
        plugins: {
          p: {
            rules: {
              facts: {
                create: (context) =>
                  withPathRecorder(context as never, {
                    'Program:exit'() {
                      const sourceCode = context.sourceCode as never;
                      out = plain(buildFacts(sourceCode, {}, file, undefined), sourceCode, !globals);
                    },
                  }) as never,
              },
            },
          },
        },
        rules: { 'p/facts': 'error' },
      },
    ],
    file,
  );
  return out;
}

function light(file: string, text: string, sourceType: SourceType, withScopes = true): string {
  const sourceCode = sourceCodeOf(text, file, /\.[cm]?ts$/.test(file) ? tsParser : undefined, {}, sourceType);
  pathListeners(sourceCode);
  return plain(buildFacts(sourceCode, {}, file, undefined), sourceCode, withScopes);
}

describe('a module read without a Linter run', () => {
  it('has the facts and the global scope a lint of it has, on every file of the labelled corpus', () => {
    const files = sourceFiles(corpus);
    expect(files.length).toBeGreaterThan(100);
    let withFacts = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const sourceType: SourceType = /^\s*(import|export)\b/m.test(text) || /\.[cm]?ts$/.test(file) ? 'module' : 'commonjs';
      const expected = inLint(file, text, sourceType);
      expect({ file, facts: light(file, text, sourceType) }).toEqual({ file, facts: expected });
      if (/"summaries":\[\[|"mounts":\[\{|"auth":\[\[/.test(expected)) withFacts++;
    }
    // The comparison is not between empty facts.
    expect(withFacts).toBeGreaterThan(40);
  });

  it("has the facts a lint's own parse has when the config declares Node's globals (the linted file's facts come from it)", () => {
    const globals = { process: 'readonly', require: 'readonly', module: 'writable', exports: 'writable', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly' } as const;
    let compared = 0;
    for (const file of sourceFiles(corpus)) {
      const text = fs.readFileSync(file, 'utf8');
      const sourceType: SourceType = /^\s*(import|export)\b/m.test(text) || /\.[cm]?ts$/.test(file) ? 'module' : 'commonjs';
      const expected = inLint(file, text, sourceType, globals);
      expect({ file, facts: light(file, text, sourceType, false) }).toEqual({ file, facts: expected });
      if (/"summaries":\[\[|"mounts":\[\{|"auth":\[\[/.test(expected)) compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('has a BOM and a shebang line as a lint sees them, and throws on a parse error', () => {
    const text = '\uFEFF#!/usr/bin/env node\nconst express = require("express");\nmodule.exports = express.Router();\n';
    const file = path.join(corpus, 'x.js');
    expect(light(file, text, 'commonjs')).toEqual(inLint(file, text, 'commonjs'));
    expect(sourceCodeOf(text, file, undefined, {}, 'commonjs').text.startsWith('#!')).toBe(true);
    expect(() => sourceCodeOf('const = ;', file, undefined, {}, 'module')).toThrow();
  });

  it('has the scopes a lint has where its scope analysis reads other visitor keys: globals in comments, classes, exports', () => {
    const file = path.join(corpus, 'y.js');
    const text = [
      '/* global process, openai */',
      "import { helper } from './h.js';",
      "export * as ns from './ns.js';",
      'const limit = Number(process.env.LIMIT);',
      'export { limit as max, helper };',
      'export class Chat { static { this.n = limit; } #key = openai; ask({ q = limit } = {}, ...rest) { return import(q + rest.length); } }',
      'for (const [k, { v }] of Object.entries(process.env)) helper(k, v);',
    ].join('\n');
    const got = light(file, text, 'module');
    expect(got).toEqual(inLint(file, text, 'module'));
    // `process` and `openai` are declared by the comment, so they are variables of the global scope, not unresolved.
    expect(got).toMatch(/"globals":\["Number","Object","openai","process"\]/);
  });
});
