/**
 * The type-aware layer. When the file was parsed with type information (`parserOptions.projectService` or
 * `project`), the checker recognises SDK results and framework objects by their declared types, wherever they come
 * from: a wrapper in another module, a controller defined apart from its registration. Without type information
 * every function here answers "unknown" and the syntactic analysis stands alone.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { RESULT_TYPES, type ResultType } from '../llm/sdks.js';
import type { FileContext, Framework, ParamRole } from '../types.js';
import { TYPED_ROLES } from '../frameworks/registry.js';

/** What the checker offers for one file. */
export interface TypeInfo {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** The TypeScript node behind an ESTree node. */
  tsNode(node: TSESTree.Node): ts.Node | undefined;
}

const infos = new WeakMap<TSESTree.Program, TypeInfo | null>();

/**
 * The type information of a file, or undefined when it was parsed without a program. This is what
 * `ESLintUtils.getParserServices(context, true)` returns, read from the source code so that the model (built from
 * the source code alone) can ask, and so that files parsed by espree, which have no parser services, do not throw.
 */
export function typeInfoOf(file: FileContext): TypeInfo | undefined {
  const hit = infos.get(file.ast);
  if (hit !== undefined) return hit ?? undefined;
  const services = file.sourceCode.parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  const info: TypeInfo | null =
    program && map
      ? { program, checker: program.getTypeChecker(), tsNode: (node) => map.get(node as never) as ts.Node | undefined }
      : null;
  infos.set(file.ast, info);
  return info ?? undefined;
}

/** One declared type to recognise: by name, declared by one of some packages (or in an ambient module of that name). */
export interface DeclaredType<T> {
  readonly names: readonly string[];
  readonly packages: readonly string[];
  readonly file?: RegExp;
  readonly value: T;
}

const MAX_DEPTH = 6;

/**
 * The first entry of `table` that `type` is, looking through unions and intersections (openai 7 returns
 * `ChatCompletion & { _request_id }`), through the awaited type of a promise when `awaited` is set, and through the
 * base types of classes and interfaces (`ParsedChatCompletion extends ChatCompletion`).
 */
export function matchType<T>(
  checker: ts.TypeChecker,
  type: ts.Type,
  table: readonly DeclaredType<T>[],
  awaited = false,
): T | undefined {
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type, depth: number): T | undefined => {
    if (depth > MAX_DEPTH || seen.has(t)) return undefined;
    seen.add(t);
    if (awaited && depth === 0) {
      const inner = checker.getAwaitedType(t);
      if (inner && inner !== t) return visit(inner, depth + 1);
    }
    if (t.isUnionOrIntersection()) {
      for (const part of t.types) {
        const hit = visit(part, depth + 1);
        if (hit !== undefined) return hit;
      }
      // An intersection alias (Koa `ParameterizedContext`) may be named itself: fall through to its alias symbol.
    }
    for (const symbol of [t.aliasSymbol, t.getSymbol()]) {
      if (!symbol) continue;
      for (const entry of table) {
        if (entry.names.includes(symbol.getName()) && declaredBy(checker, symbol, entry)) return entry.value;
      }
    }
    // ParsedChatCompletion<T>: an instantiation names its generic target, whose base types say what it extends.
    const target = (t as ts.TypeReference).target as ts.Type | undefined;
    if (target && target !== t) {
      const hit = visit(target, depth + 1);
      if (hit !== undefined) return hit;
    }
    if (t.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(t)) {
        const hit = visit(base, depth + 1);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  };
  return visit(type, 0);
}

/** Whether a symbol is declared by one of the entry's packages: a file under node_modules/<pkg>/ or `declare module '<pkg>'`. */
function declaredBy(checker: ts.TypeChecker, symbol: ts.Symbol, entry: DeclaredType<unknown>): boolean {
  for (const decl of symbol.getDeclarations() ?? []) {
    const fileName = decl.getSourceFile().fileName.replace(/\\/g, '/');
    if (entry.file && !entry.file.test(fileName)) continue;
    for (const pkg of entry.packages) {
      if (fileName.includes(`/node_modules/${pkg}/`)) return true;
    }
  }
  // `declare module '<pkg>' { interface Request ... }`: an ambient declaration (a stub, or a project's own typings).
  const qualified = checker.getFullyQualifiedName(symbol);
  return entry.packages.some((pkg) => qualified.startsWith(`"${pkg.replace(/^@types\//, '')}".`));
}

/** The SDK result a type is (directly or once awaited), or undefined. */
export function sdkResultOf(checker: ts.TypeChecker, type: ts.Type): ResultType | undefined {
  return matchType(checker, type, SDK_TABLE, true);
}

const SDK_TABLE: readonly DeclaredType<ResultType>[] = RESULT_TYPES.map((r) => ({
  names: r.names,
  packages: r.packages,
  file: r.file,
  value: r,
}));

/** The role a framework object plays, and its framework. */
export interface TypedRole {
  readonly role: ParamRole;
  readonly framework: Framework | undefined;
}

/** Framework request/response/context types (checked in order), from the adapters' `typedRoles`. */
const FRAMEWORK_TABLE: readonly DeclaredType<TypedRole>[] = TYPED_ROLES.map((t) => ({
  names: t.names,
  packages: t.packages,
  value: { role: t.role, framework: t.framework },
}));

/** The framework role a value of this type plays (Express `Response` → 'res'), or undefined. */
export function frameworkRoleOf(checker: ts.TypeChecker, type: ts.Type): TypedRole | undefined {
  return matchType(checker, type, FRAMEWORK_TABLE);
}

/** The packages that declare SDK result types, for telling an SDK method from a library function. */
export const SDK_PACKAGES: ReadonlySet<string> = new Set(RESULT_TYPES.flatMap((r) => r.packages));

/**
 * The SDK result a call returns, by its declared return type: `ask(p)` declared `Promise<ChatCompletion>` in another
 * module, `this.openai.chat.completions.create(...)` on an injected client. Only calls of functions declared in the
 * project or by an SDK: a library or built-in returning the type it was given (`structuredClone(c)`,
 * `cache.get<ChatCompletion>(k)`) is not where the value came from. Nor a call given a model result (`redact(c)`):
 * it transforms one, and the syntactic flow follows its argument where it can.
 */
export function sdkResultOfCall(info: TypeInfo, call: TSESTree.CallExpression): ResultType | undefined {
  const tsCall = info.tsNode(call) as ts.CallExpression | undefined;
  if (!tsCall) return undefined;
  const { checker } = info;
  // Methods of a framework object (`reply.status(500).send(x)`, `c.req.json()`) return no model result, and their
  // generic types are the costliest to resolve (a second or more for Fastify's `reply.status`): ask about the root.
  let root: TSESTree.Node = call.callee;
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee;
  }
  const tsRoot = root !== call.callee && root.type === AST_NODE_TYPES.Identifier ? info.tsNode(root) : undefined;
  if (tsRoot && frameworkRoleOf(checker, checker.getTypeAtLocation(tsRoot))) return undefined;
  // Then the callee's symbol: cheaper than resolving the call with its arguments.
  const callee = tsCall.expression as ts.Expression & { name?: ts.Node };
  const symbol = checker.getSymbolAtLocation(callee.name ?? callee);
  const decls = symbol?.getDeclarations();
  if (decls && decls.length > 0 && !decls.some((d) => projectOrSdk(info, d))) return undefined;
  const result = sdkResultOf(checker, checker.getTypeAtLocation(tsCall));
  if (!result) return undefined;
  const decl = checker.getResolvedSignature(tsCall)?.getDeclaration();
  if (!decl || !projectOrSdk(info, decl)) return undefined;
  for (const arg of call.arguments) {
    const tsArg = info.tsNode(arg);
    if (tsArg && sdkResultOf(checker, checker.getTypeAtLocation(tsArg))) return undefined;
  }
  return result;
}

/** Declared in the project (not a default lib file, not under node_modules) or by a model SDK. */
function projectOrSdk(info: TypeInfo, decl: ts.Node): boolean {
  const sourceFile = decl.getSourceFile();
  if (info.program.isSourceFileDefaultLibrary(sourceFile)) return false;
  const fileName = sourceFile.fileName.replace(/\\/g, '/');
  if (!fileName.includes('/node_modules/')) return true;
  for (const pkg of SDK_PACKAGES) if (fileName.includes(`/node_modules/${pkg}/`)) return true;
  return false;
}
