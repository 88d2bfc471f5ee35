/** Plain HTTP calls to model APIs: `fetch(url, init)` and axios, recognised by the URL's host. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, memberChain, scopeOf, skipTS, variableOf } from '../ast.js';
import type { FileContext, Node } from '../types.js';
import { axiosSpec, httpSpec, modelHost, parseUrl, urlPrefix, type UrlResolver } from './hosts.js';
import type { ImportedExport } from './summary.js';
import { importSourceOf, importedRefs } from '../frameworks/common.js';
import { constInit, objectOf, unstringify } from './messages.js';
import type { CallSpec, HttpLeaf } from './sdks.js';
import { literalKeyLabel } from '../flow/origin-secrets.js';

/** Global `fetch(...)`/`globalThis.fetch(...)` calls: the callee resolves to no variable declared in the file. */
export function globalFetchCalls(file: FileContext): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  for (const call of file.index.calls) {
    const chain = memberChain(call.callee);
    if (!chain) continue;
    const isFetch = chain.length === 1 ? chain[0] === 'fetch' : chain.length === 2 && chain[1] === 'fetch' && ['globalThis', 'window', 'global', 'self'].includes(chain[0]!);
    if (!isFetch) continue;
    const root = skipTS(call.callee);
    const id = root.type === AST_NODE_TYPES.Identifier ? root : root.type === AST_NODE_TYPES.MemberExpression ? skipTS(root.object) : undefined;
    if (id?.type !== AST_NODE_TYPES.Identifier) continue;
    const v = variableOf(file.sourceCode, id);
    if (v && v.defs.length > 0) continue;
    out.push(call);
  }
  return out;
}

/** What an HTTP call to a model host sends: its spec, JSON body options and inputs; undefined for other hosts. */
export function httpCall(
  file: FileContext,
  leaf: HttpLeaf,
  call: TSESTree.CallExpression,
  setup: readonly TSESTree.ObjectExpression[],
  imported?: ImportedExport,
): { spec: CallSpec; options: TSESTree.ObjectExpression | null; inputs: Node[] } | undefined {
  const args = call.arguments;
  let url: Node | undefined;
  let payload: Node | undefined;
  let config: TSESTree.ObjectExpression | undefined;
  if (leaf.via === 'fetch') {
    url = args[0];
    const init = objectOf(file, args[1]);
    config = init;
    payload = init && findProperty(init, 'body')?.value;
  } else if (leaf.method === 'call' || leaf.method === 'request') {
    const first = objectOf(file, args[0]);
    config = leaf.method === 'request' || first ? first : objectOf(file, args[1]);
    url = leaf.method === 'call' && !first ? args[0] : config && findProperty(config, 'url')?.value;
    payload = config && findProperty(config, 'data')?.value;
  } else {
    url = args[0];
    payload = args[1];
    config = objectOf(file, args[2]);
  }
  if (!url || url.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const scope = scopeOf(file.sourceCode, url);
  const resolve = urlResolver(file, imported);
  let full = urlPrefix(url, scope, resolve);
  if (leaf.via === 'axios' && !(full && parseUrl(full) && modelHost(full))) {
    // A relative path on an instance made with axios.create({ baseURL })
    const baseNode = [config, ...setup].map((o) => o && findProperty(o, 'baseURL')?.value).find(Boolean);
    const base = baseNode && urlPrefix(baseNode, scopeOf(file.sourceCode, baseNode), resolve);
    if (base !== undefined) full = base.replace(/\/+$/, '') + (full === undefined ? '' : full.startsWith('/') ? full : `/${full}`);
  }
  const body = payload && payload.type !== AST_NODE_TYPES.SpreadElement ? unstringify(payload) : undefined;
  let host = full === undefined ? undefined : modelHost(full);
  // A relay (any host) that is handed a model API key in the request: the key says where the request goes on to.
  const parsed = full === undefined ? undefined : parseUrl(full);
  if (!host && parsed && carriesModelKey(file, [body, config && findProperty(config, 'headers')?.value])) {
    host = { api: 'openai', label: 'model relay response', path: parsed.path };
  }
  if (!host) return undefined;
  let spec = httpSpec(host.api, host.path, host.label);
  if (leaf.via === 'axios') spec = axiosSpec(spec);
  const options = objectOf(file, body);
  // The whole JSON body is the input; its messages are inside it already.
  return { spec: { ...spec, inputKeys: [] }, options: options ?? null, inputs: body ? [body] : [] };
}

/**
 * What the names of a URL stand for: a const's initialiser; a `let` rewritten only from itself (`baseUrl =
 * \`https://${baseUrl}\``, `baseUrl = baseUrl.slice(0, -1)`), whose declared value says which API the code is written
 * for, as a `process.env.X || DEFAULT` does; the string a constant imported from another project module is bound to;
 * and the argument a project function hands back whole (`cloudflareAIGatewayUrl(url)`, from its module's facts).
 */
function urlResolver(file: FileContext, imported: ImportedExport | undefined): UrlResolver {
  const resolve = (id: TSESTree.Identifier): Node | string | undefined => {
    const init = constInit(file, id) ?? rewrittenFromItself(file, id);
    if (init || !imported?.literal) return init;
    const source = importSourceOf(file, id);
    return source && source.name !== '*' && imported.project?.(source.specifier) ? imported.literal(source.specifier, source.name) : undefined;
  };
  const passedOn = (call: TSESTree.CallExpression): Node | undefined => {
    const first = call.arguments[0];
    if (!first || first.type === AST_NODE_TYPES.SpreadElement || !imported?.handsBack) return undefined;
    const refs = importedRefs(file, call.callee as Node).filter((r) => r.member === undefined && imported.project?.(r.specifier));
    return refs.length > 0 && refs.every((r) => imported.handsBack!(r.specifier, r.name)) ? first : undefined;
  };
  return Object.assign(resolve, { passedOn });
}

/** The initialiser of a `let`/`var` whose every later write is computed from the variable itself. */
function rewrittenFromItself(file: FileContext, id: TSESTree.Identifier): Node | undefined {
  const v = variableOf(file.sourceCode, id);
  const decl = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
  if (!v || decl?.type !== AST_NODE_TYPES.VariableDeclarator || decl.id.type !== AST_NODE_TYPES.Identifier || !decl.init) return undefined;
  const reads = v.references.filter((r) => r.isRead()).map((r) => r.identifier.range[0]);
  for (const r of v.references) {
    // `+=` reads the variable itself; a plain `=` must mention it.
    if (!r.isWrite() || r.identifier === decl.id || r.isReadWrite()) continue;
    const w = r.writeExpr;
    if (!w || !reads.some((at) => at >= w.range[0] && at < w.range[1])) return undefined;
  }
  return decl.init;
}

/**
 * Whether a request body or headers hold a model API key written in the source (`api_key: 'sk-…'`, a const holding
 * one, `Authorization: \`Bearer ${KEY}\`` with KEY such a const): the literal's shape names the provider.
 */
function carriesModelKey(file: FileContext, roots: readonly (Node | undefined)[]): boolean {
  const stack: { node: Node; depth: number }[] = roots.flatMap((n) => (n ? [{ node: n, depth: 0 }] : []));
  let budget = 200;
  while (stack.length > 0 && budget-- > 0) {
    const { node, depth } = stack.pop()!;
    const n = skipTS(node);
    if (n.type === AST_NODE_TYPES.Literal) {
      if (typeof n.value === 'string' && literalKeyLabel(n.value) !== undefined) return true;
    } else if (n.type === AST_NODE_TYPES.TemplateLiteral) {
      if (n.quasis.some((q) => literalKeyLabel(q.value.cooked ?? '') !== undefined)) return true;
      for (const e of n.expressions) stack.push({ node: e, depth: depth + 1 });
    } else if (n.type === AST_NODE_TYPES.Identifier) {
      const init = depth < 4 ? constInit(file, n) : undefined;
      if (init) stack.push({ node: init, depth: depth + 1 });
    } else if (n.type === AST_NODE_TYPES.ObjectExpression && depth < 4) {
      for (const p of n.properties) {
        if (p.type === AST_NODE_TYPES.Property) stack.push({ node: p.value as Node, depth: depth + 1 });
      }
    }
  }
  return false;
}
