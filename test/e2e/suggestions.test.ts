/**
 * Suggestions compile: every suggestion output asserted in test/rules/*.test.ts is type-checked with the TypeScript
 * compiler API beside the code it rewrites, against the SDK types installed here (openai, @anthropic-ai/sdk, ai,
 * LangChain, Fastify, Hono) and Node's. A suggestion may not add a type error that the code did not have; errors
 * both share (an untyped `express`, an undeclared helper) are the snippet's, not the suggestion's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
/** The rule tests, and the type-aware ones. */
const TEST_DIRS = [path.join(root, 'test', 'rules'), path.join(root, 'test', 'typed')];

interface Pair {
  readonly rule: string;
  readonly line: number;
  readonly code: string;
  readonly output: string;
}

const textOf = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) ? node.text : undefined;

const property = (object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined => {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name) return p.initializer;
  }
  return undefined;
};

/** Each (code, suggestion output) of a rule's test file: a case is an object with `code` and `errors`. */
function pairsOf(file: string): Pair[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const rule = path.relative(path.join(root, 'test'), file).replace(/\.test\.ts$/, '');
  const out: Pair[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const code = textOf(property(node, 'code'));
      const errors = property(node, 'errors');
      if (code !== undefined && errors && ts.isArrayLiteralExpression(errors)) {
        for (const error of errors.elements) {
          if (!ts.isObjectLiteralExpression(error)) continue;
          const suggestions = property(error, 'suggestions');
          if (!suggestions || !ts.isArrayLiteralExpression(suggestions)) continue;
          for (const s of suggestions.elements) {
            const output = ts.isObjectLiteralExpression(s) ? textOf(property(s, 'output')) : undefined;
            const line = source.getLineAndCharacterOfPosition(s.getStart()).line + 1;
            if (output !== undefined) out.push({ rule, line, code, output });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  types: ['node'],
  // CommonJS snippets are JavaScript: checked as .cjs, where `require` brings the SDK's types (when it can), and where
  // a callback's parameter cannot be annotated, so an implicit `any` is not an error.
  allowJs: true,
  checkJs: true,
};
const JS_OPTIONS: ts.CompilerOptions = { ...OPTIONS, noImplicitAny: false };

/** The virtual file of a snippet: `.cjs` for CommonJS (made a module by its export), `.ts` for the rest. */
const snippetFile = (code: string, name: string): [string, string] =>
  /\brequire\(/.test(code)
    ? [path.join(root, 'test', '__suggestions__', `${name}.cjs`), `${code}\nmodule.exports = {};\n`]
    : [path.join(root, 'test', '__suggestions__', `${name}.ts`), `${code}\nexport {};\n`];

/** Type-checks the virtual files in one program; returns each file's diagnostics as "TS<code>: <message>". */
function check(files: ReadonlyMap<string, string>, options: ts.CompilerOptions = OPTIONS): Map<string, string[]> {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((exists) => (f: string) => files.has(f) || exists(f))(host.fileExists.bind(host));
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.getSourceFile = (f, language, ...rest) => {
    const text = files.get(f);
    return text === undefined ? getSourceFile(f, language, ...rest) : ts.createSourceFile(f, text, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<string, string[]>();
  for (const f of files.keys()) {
    const source = program.getSourceFile(f)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    out.set(f, diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
  }
  return out;
}

/** `b` without one occurrence of each entry of `a`. */
function added(a: readonly string[], b: readonly string[]): string[] {
  const left = [...a];
  return b.filter((d) => {
    const i = left.indexOf(d);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const pairs = TEST_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .flatMap((f) => pairsOf(path.join(dir, f))),
);

describe('suggestion outputs in the rule tests', () => {
  it('are found', () => {
    expect(pairs.filter((p) => p.rule === 'rules/no-raw-llm-response').length).toBeGreaterThanOrEqual(10);
    expect(pairs.filter((p) => p.rule.startsWith('typed/')).length).toBeGreaterThanOrEqual(3);
  });

  it('type-check as well as the code they rewrite', { timeout: 120_000 }, () => {
    // Each snippet is made a module, so that snippets do not clash in one program.
    const files = new Map<string, string>();
    pairs.forEach((p, i) => {
      files.set(...snippetFile(p.code, `${i}-code`));
      files.set(...snippetFile(p.output, `${i}-output`));
    });
    const js = new Map([...files].filter(([f]) => f.endsWith('.cjs')));
    const diagnostics = new Map([...check(new Map([...files].filter(([f]) => !js.has(f)))), ...check(js, JS_OPTIONS)]);
    const keys = [...files.keys()];
    const failures = pairs.flatMap((p, i) => {
      const extra = added(diagnostics.get(keys[2 * i]!)!, diagnostics.get(keys[2 * i + 1]!)!);
      return extra.length > 0 ? [`test/${p.rule}.test.ts:${p.line}: ${extra.join('; ')}\n${p.output}`] : [];
    });
    expect(failures).toEqual([]);
  });

  it('catch a suggestion that adds a type error (TS18046 on an unknown value)', () => {
    const code = `declare const data: unknown;\nconsole.log(data);\n`;
    const files = new Map([
      [path.join(root, 'test', '__suggestions__', 'probe-code.ts'), `${code}export {};\n`],
      [path.join(root, 'test', '__suggestions__', 'probe-output.ts'), `${code.replace('(data)', '(data.text)')}export {};\n`],
    ]);
    const [before, after] = [...check(files).values()];
    expect(added(before!, after!)).toEqual([expect.stringMatching(/^TS18046:/)]);
  });
});
