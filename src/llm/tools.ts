/**
 * Tools the code hands a model: functions whose arguments the model chooses. Vercel `ai` `tool({ execute })` and
 * tools written inline in a call's `tools` option, OpenAI Agents `tool({ execute })`, LangChain `tool(fn)`,
 * `new DynamicTool({ func })` / `DynamicStructuredTool`, and subclasses of LangChain's `Tool` with a `_call`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledName, findProperty, isFunction, propertyName, resolveFunction, skipTS, variableOf } from '../ast.js';
import { CALL, CONSTRUCT, ESM, READ, trackerOf } from '../references.js';
import type { FileContext, FunctionNode, LlmCall, Node } from '../types.js';

/** How a helper takes the tool's function: an options property (`execute`, `func`), the first argument, or a `_call` method. */
type ToolShape = { readonly api: string; readonly take: 'execute' | 'func' | 'fn' | 'subclass' | 'mcp' };

const langchainTools = {
  [ESM]: true,
  tool: { [CALL]: { api: 'LangChain tool', take: 'fn' } },
  DynamicTool: { [CONSTRUCT]: { api: 'LangChain DynamicTool', take: 'func' } },
  DynamicStructuredTool: { [CONSTRUCT]: { api: 'LangChain DynamicStructuredTool', take: 'func' } },
  Tool: { [READ]: { api: 'LangChain Tool', take: 'subclass' } },
  StructuredTool: { [READ]: { api: 'LangChain StructuredTool', take: 'subclass' } },
};
const agents = { [ESM]: true, tool: { [CALL]: { api: 'OpenAI Agents tool', take: 'execute' } } };
const mcp = { [ESM]: true, McpServer: { [CONSTRUCT]: { api: 'MCP tool', take: 'mcp' } } };

/** Modules that define tools; a file importing one may hand model-chosen arguments to its own code (src/signals.ts). */
export const TOOL_MODULES: Readonly<Record<string, unknown>> = {
  ai: {
    [ESM]: true,
    tool: { [CALL]: { api: 'Vercel AI SDK tool', take: 'execute' } },
    dynamicTool: { [CALL]: { api: 'Vercel AI SDK tool', take: 'execute' } },
  },
  '@langchain/core/tools': langchainTools,
  'langchain/tools': langchainTools,
  // LibreChat's agents package re-exports LangChain's tools.
  '@librechat/agents/langchain/tools': langchainTools,
  '@openai/agents': agents,
  '@openai/agents-core': agents,
  // An MCP server's tools are called with arguments the client's model chose.
  '@modelcontextprotocol/sdk/server/mcp.js': mcp,
  '@modelcontextprotocol/sdk/server/mcp': mcp,
};

/** A tool function: the helper that hands it model-chosen arguments, and the argument keys its schema fixes. */
export interface ToolFunction {
  readonly api: string;
  readonly fixedKeys: readonly string[];
}

const cache = new WeakMap<FileContext, Map<FunctionNode, ToolFunction>>();

/** Options keys that hold a tool's argument schema: Vercel `ai` (`parameters`, v5 `inputSchema`), LangChain `schema`. */
const SCHEMA_KEYS = ['parameters', 'inputSchema', 'schema'];

/** The file's tool functions, each with the name of the helper that hands it model-chosen arguments. */
export function toolFunctionsOf(file: FileContext, llmCalls: readonly LlmCall[]): Map<FunctionNode, ToolFunction> {
  const hit = cache.get(file);
  if (hit) return hit;
  const out = new Map<FunctionNode, ToolFunction>();
  const add = (fn: Node | undefined, api: string, schema?: Node): void => {
    const f = fn ? resolveFunction(file.sourceCode, fn) : undefined;
    if (f && !out.has(f)) out.set(f, { api, fixedKeys: schema ? fixedKeys(file, schema) : [] });
  };
  const fromOptions = (obj: Node | undefined, key: string, api: string): void => {
    const o = obj && skipTS(obj);
    if (o?.type !== AST_NODE_TYPES.ObjectExpression) return;
    const p = findProperty(o, key);
    if (p) add(p.value as Node, api, schemaOf(o));
  };
  try {
    const tracker = trackerOf(file);
    for (const it of [tracker.iterateEsmReferences(TOOL_MODULES as never), tracker.iterateCjsReferences(TOOL_MODULES as never)]) {
      for (const { node, info } of it) {
        const { api, take } = info as ToolShape;
        const n = node as Node;
        if (take === 'subclass') {
          for (const ref of classReferences(file, n)) {
            const cls = ref.parent;
            if ((cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) || cls.superClass !== ref) continue;
            for (const m of cls.body.body) {
              if (m.type === AST_NODE_TYPES.MethodDefinition && propertyName(m) === '_call') add(m.value, api);
            }
          }
          continue;
        }
        if (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression) continue;
        if (take === 'mcp') {
          // `const server = new McpServer(...)`; `server.tool(name, ..., handler)`, `server.registerTool(name, config, handler)`.
          for (const call of methodCalls(file, n, ['tool', 'registerTool'])) {
            // `tool(name, [description], shape, handler)`; `registerTool(name, { inputSchema: shape }, handler)`.
            const before = call.arguments.length >= 3 ? (call.arguments[call.arguments.length - 2] as Node) : undefined;
            const registered = propertyName(call.callee as TSESTree.MemberExpression) === 'registerTool';
            add(call.arguments[call.arguments.length - 1] as Node | undefined, api, registered ? schemaOf(before) : before);
          }
          continue;
        }
        const arg = n.arguments[0] as Node | undefined;
        if (take === 'fn') add(arg, api, schemaOf(n.arguments[1] as Node | undefined));
        else fromOptions(arg, take, api);
      }
    }
  } catch {
    // Defensive: an odd module shape only loses tools.
  }
  // `generateText({ tools: { run: { execute } } })`: tools written in place, without the `tool()` helper.
  for (const c of llmCalls) {
    if (c.provider !== 'ai' || !c.options) continue;
    const tools = findProperty(c.options, 'tools');
    const obj = tools && skipTS(tools.value as Node);
    if (obj?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const p of obj.properties) {
      if (p.type === AST_NODE_TYPES.Property && !isFunction(p.value)) fromOptions(p.value as Node, 'execute', 'Vercel AI SDK tool');
    }
  }
  cache.set(file, out);
  return out;
}

/**
 * The reads of a class the tracker reported: it reports an import's specifier (or a destructured `require`'s
 * property), not each use, so the uses are read off the local variable.
 */
function classReferences(file: FileContext, n: Node): Node[] {
  let local: Node | undefined = n;
  if (n.type === AST_NODE_TYPES.ImportSpecifier || n.type === AST_NODE_TYPES.ImportDefaultSpecifier) local = n.local;
  else if (n.type === AST_NODE_TYPES.Property) local = n.value;
  else if (n.type === AST_NODE_TYPES.Identifier && n.parent?.type !== AST_NODE_TYPES.ClassDeclaration && n.parent?.type !== AST_NODE_TYPES.ClassExpression) local = n;
  else return [n];
  if (local?.type !== AST_NODE_TYPES.Identifier) return [];
  const v = variableOf(file.sourceCode, local);
  return v ? v.references.map((r) => r.identifier as Node) : [];
}

/** Calls of `methods` on the variable a `new X()` is assigned to. */
function methodCalls(file: FileContext, created: Node, methods: readonly string[]): TSESTree.CallExpression[] {
  const decl = created.parent;
  if (decl?.type !== AST_NODE_TYPES.VariableDeclarator || decl.init !== created || decl.id.type !== AST_NODE_TYPES.Identifier) return [];
  const out: TSESTree.CallExpression[] = [];
  for (const r of variableOf(file.sourceCode, decl.id)?.references ?? []) {
    const m = r.identifier.parent;
    if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== r.identifier || !methods.includes(propertyName(m) ?? '')) continue;
    if (m.parent.type === AST_NODE_TYPES.CallExpression && m.parent.callee === m) out.push(m.parent);
  }
  return out;
}

/** The schema in a tool's options object (`parameters`, `inputSchema`, `schema`). */
function schemaOf(options: Node | undefined): Node | undefined {
  const o = options && skipTS(options);
  if (o?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const key of SCHEMA_KEYS) {
    const p = findProperty(o, key);
    if (p) return p.value as Node;
  }
  return undefined;
}

/**
 * The argument keys a tool's schema fixes to literals or numbers: a zod object (`z.object({ cmd: z.enum([...]) })`),
 * a plain shape of zod fields (MCP's `{ cmd: z.enum([...]) }`) or a JSON schema (`{ properties: { cmd: { enum } } }`).
 */
function fixedKeys(file: FileContext, schema: Node): string[] {
  const shape = objectShape(file, schema);
  if (!shape) return [];
  const out: string[] = [];
  for (const p of shape.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyName(p);
    if (name !== undefined && isFixedValue(file, p.value as Node)) out.push(name);
  }
  return out;
}

/** The object literal listing a schema's fields: `z.object({...})`, a JSON schema's `properties`, or a shape itself. */
function objectShape(file: FileContext, node: Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const n = skipTS(node);
  if (depth > 3) return undefined;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(file.sourceCode, n)?.defs[0];
    return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? objectShape(file, def.node.init, depth + 1) : undefined;
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    // z.object({...}).describe(...).strict(): the object call at the root of the chain.
    const root = rootCall(n);
    const arg = root?.arguments[0];
    return root && calledName(root) === 'object' && arg ? objectShape(file, arg as Node, depth + 1) : undefined;
  }
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const props = findProperty(n, 'properties');
  if (props && findProperty(n, 'type')) return objectShape(file, props.value as Node, depth + 1);
  return n;
}

/** Schema kinds whose values cannot carry text: literals, enums, numbers, booleans. */
const FIXED_ZOD = new Set(['enum', 'nativeEnum', 'literal', 'number', 'boolean', 'int', 'bigint']);
const FIXED_JSON = new Set(['number', 'integer', 'boolean']);

/** `z.enum([...]).describe('...')`, `z.number().optional()`, `{ enum: [...] }`, `{ type: 'integer' }`. */
function isFixedValue(file: FileContext, node: Node): boolean {
  const n = skipTS(node);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const root = rootCall(n);
    return !!root && FIXED_ZOD.has(calledName(root) ?? '');
  }
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return false;
  if (findProperty(n, 'enum') || findProperty(n, 'const')) return true;
  const type = findProperty(n, 'type')?.value;
  return type?.type === AST_NODE_TYPES.Literal && typeof type.value === 'string' && FIXED_JSON.has(type.value);
}

/** The first call of a method chain: `z.enum(x)` of `z.enum(x).optional().describe(d)`. */
function rootCall(call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  let c: TSESTree.CallExpression = call;
  for (let i = 0; i < 20; i++) {
    const callee = skipTS(c.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return c;
    const inner = skipTS(callee.object);
    if (inner.type !== AST_NODE_TYPES.CallExpression) return c;
    c = inner;
  }
  return undefined;
}

