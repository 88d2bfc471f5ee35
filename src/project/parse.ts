/**
 * Another module's SourceCode, as ESLint would make it for a lint, without a Linter run: the project map only reads
 * its facts. A Linter run would also walk every node twice (ESLint's traversal steps and its code path analysis) and
 * normalise a config, which is most of what a read costs beyond the parse (docs/performance.md); here the code paths
 * are computed only if a fact asks "does this check run before that call" (flow/paths.ts replays SourceCode#traverse).
 */
import { createRequire } from 'node:module';
import { SourceCode } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** What a parser's `parseForESLint` returns (or `{ ast }` for a plain `parse`). */
interface ParseResult {
  readonly ast: TSESTree.Program;
  readonly services?: Record<string, unknown>;
  readonly visitorKeys?: Readonly<Record<string, readonly string[] | undefined>>;
  readonly scopeManager?: unknown;
}

interface Parser {
  readonly parse?: (text: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly parseForESLint?: (text: string, options: Record<string, unknown>) => ParseResult;
}

interface EslintDeps {
  readonly espree: Parser & { readonly latestEcmaVersion: number };
  readonly analyze: (ast: unknown, options: Record<string, unknown>) => unknown;
  readonly keys: Readonly<Record<string, readonly string[]>>;
  readonly getKeys: (node: object) => readonly string[];
}

let deps: EslintDeps | undefined;

/** The parser, scope analyser and visitor keys of the ESLint that runs (its own dependencies, so they match it). */
function eslintDeps(): EslintDeps {
  if (!deps) {
    const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
    const evk = fromEslint('eslint-visitor-keys') as { KEYS: EslintDeps['keys']; getKeys: EslintDeps['getKeys'] };
    deps = {
      espree: fromEslint('espree') as EslintDeps['espree'],
      analyze: (fromEslint('eslint-scope') as { analyze: EslintDeps['analyze'] }).analyze,
      keys: evk.KEYS,
      getKeys: evk.getKeys,
    };
  }
  return deps;
}

const SHEBANG = /^#!([^\r\n]+)/u;

/** Language options by source type, each one object: ESLint caches the globals it makes per options object. */
const languageOptions = new Map<string, object>();

/**
 * The SourceCode of `text` parsed by `parser` (ESLint's espree when none), with scopes, the globals of `sourceType`
 * (`require` and `module` for CommonJS) and parent links, as a lint's Program:exit sees it. Throws on a parse error.
 */
export function sourceCodeOf(
  text: string,
  file: string,
  parser: unknown,
  parserOptions: Readonly<Record<string, unknown>>,
  sourceType: 'module' | 'commonjs' | 'script',
): Readonly<TSESLint.SourceCode> {
  const { espree, analyze, keys, getKeys } = eslintDeps();
  const ecmaVersion = espree.latestEcmaVersion + 2009;
  const p = (parser ?? espree) as Parser;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const options = {
    ecmaVersion,
    ...parserOptions,
    // A parser other than espree knows no 'commonjs' (ESLint passes it the file's own setting; the lint passes 'script').
    sourceType: sourceType === 'commonjs' && p !== espree ? 'script' : sourceType,
    loc: true,
    range: true,
    // No fact reads another module's tokens, and espree's token list is about 40% of its parse. Comments stay:
    // `/* global x */` declares a variable.
    tokens: p !== espree,
    comment: true,
    eslintVisitorKeys: true,
    eslintScopeManager: true,
    filePath: file,
  };
  const toParse = body.replace(SHEBANG, (_m, rest: string) => `//${rest}`);
  const result: ParseResult = typeof p.parseForESLint === 'function' ? p.parseForESLint(toParse, options) : { ast: p.parse!(toParse, options) };
  const visitorKeys = result.visitorKeys ?? keys;
  const ast = result.ast as TSESTree.Program & { tokens?: unknown[]; comments?: unknown[] };
  ast.tokens ??= [];
  const ecmaFeatures = (parserOptions['ecmaFeatures'] ?? {}) as Record<string, unknown>;
  const scopeManager =
    result.scopeManager ??
    analyze(result.ast, {
      ignoreEval: true,
      nodejsScope: ecmaFeatures['globalReturn'],
      impliedStrict: ecmaFeatures['impliedStrict'],
      ecmaVersion,
      sourceType,
      // Given child keys, esrecurse copies them into every pattern and import visitor it makes, which is three
      // quarters of the analysis; without them it reads its own keys, which differ from ESLint's only where the
      // scope analyser has its own visitor (imports, exports) and on `import(x, options)`'s second argument. Node
      // types it does not know (JSX, static blocks) get ESLint's keys.
      childVisitorKeys: visitorKeys === keys ? null : visitorKeys,
      fallback: visitorKeys === keys ? (node: { type: string }) => keys[node.type] ?? getKeys(node) : getKeys,
      jsx: ecmaFeatures['jsx'],
    });
  linkParents(result.ast, visitorKeys, getKeys);
  const sourceCode = new SourceCode({
    text: body,
    ast: result.ast as never,
    parserServices: (result.services ?? {}) as never,
    scopeManager: scopeManager as never,
    visitorKeys: visitorKeys as never,
  });
  let language = languageOptions.get(sourceType);
  if (!language) languageOptions.set(sourceType, (language = { ecmaVersion, sourceType }));
  // As a Linter run does before any rule: the globals of the ECMAScript version, of the source type and of
  // `/* global x */` comments, resolved.
  const js = sourceCode as unknown as { applyLanguageOptions(o: object): void; applyInlineConfig?(): unknown; finalize(): void };
  js.applyLanguageOptions(language);
  js.applyInlineConfig?.();
  js.finalize();
  return sourceCode as unknown as Readonly<TSESLint.SourceCode>;
}

/** Sets `parent` on every node, as ESLint's traversal does (iteratively: deep nesting cannot overflow the stack). */
function linkParents(
  ast: TSESTree.Program,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  getKeys: (node: object) => readonly string[],
): void {
  (ast as { parent?: unknown }).parent = null;
  const stack: object[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> & { type: string };
    for (const key of visitorKeys[node.type] ?? getKeys(node)) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) {
          if (c && typeof (c as { type?: unknown }).type === 'string') {
            (c as { parent?: unknown }).parent = node;
            stack.push(c as object);
          }
        }
      } else if (child && typeof (child as { type?: unknown }).type === 'string') {
        (child as { parent?: unknown }).parent = node;
        stack.push(child as object);
      }
    }
  }
}
