/**
 * Secrets known by how they are used: a value handed over as a credential (`new OpenAI({ apiKey: x })`,
 * `headers: { Authorization: \`Bearer ${x}\` }`) is a secret, whatever its variable or environment variable is called
 * (`process.env.key`). Built once per file from its calls and constructors; linear in their option objects.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { propertyName, skipTS, variableOf } from '../ast.js';
import { headerCredential } from '../sensitive.js';
import type { FileContext, Node } from '../types.js';
import { isSecretFieldName } from './origin-secrets.js';

/** Variables and environment variable names whose value the file hands over as a credential. */
export interface SecretUses {
  readonly vars: ReadonlySet<Scope.Variable>;
  readonly envNames: ReadonlySet<string>;
}

/** The file's credential uses. */
export function secretUsesOf(file: FileContext): SecretUses {
  const vars = new Set<Scope.Variable>();
  const envNames = new Set<string>();
  const settings = file.settings;
  // A value and the parts it is built from: `key`, `` `Bearer ${key}` ``, `'Bearer ' + key`, `key || ''`, `key!`.
  const addSource = (value: Node, depth: number): void => {
    const n = skipTS(value);
    if (depth > 4) return;
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const v = variableOf(file.sourceCode, n);
        if (v && v.defs.length > 0) vars.add(v);
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // process.env.key, process.env['key']
        const env = skipTS(n.object);
        const key = propertyName(n);
        if (key !== undefined && env.type === AST_NODE_TYPES.MemberExpression && propertyName(env) === 'env') envNames.add(key);
        break;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        for (const e of n.expressions) addSource(e, depth + 1);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') {
          addSource(n.left as Node, depth + 1);
          addSource(n.right, depth + 1);
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        addSource(n.left, depth + 1);
        addSource(n.right, depth + 1);
        break;
      default:
        break;
    }
  };
  const credentialKey = (key: string): boolean => isSecretFieldName(key, settings) || headerCredential(key, settings.sensitiveNames) === 'header';
  // A const object shared by many calls is read once.
  const seen = new Set<TSESTree.ObjectExpression>();
  const visitOptions = (obj: TSESTree.ObjectExpression, depth: number): void => {
    if (seen.has(obj)) return;
    seen.add(obj);
    for (const p of obj.properties) {
      if (p.type !== AST_NODE_TYPES.Property || p.kind !== 'init') continue;
      const key = propertyName(p);
      if (key === undefined) continue;
      // headers: { Authorization: ... }, auth: { apiKey: ... }, { headers } with `const headers = {...}`
      const inner = depth < 2 ? objectOf(p.value) : undefined;
      if (inner) visitOptions(inner, depth + 1);
      else if (credentialKey(key)) addSource(p.value, 0);
    }
  };
  /** An object literal written in place or held in a `const`. */
  const objectOf = (node: Node): TSESTree.ObjectExpression | undefined => {
    let n = skipTS(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const def = variableOf(file.sourceCode, n)?.defs[0];
      const decl = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
      if (!decl?.init || decl.id !== def?.name || decl.parent.kind !== 'const') return undefined;
      n = skipTS(decl.init);
    }
    return n.type === AST_NODE_TYPES.ObjectExpression ? n : undefined;
  };
  for (const call of [...file.index.calls, ...file.index.news]) {
    for (const a of call.arguments) {
      const obj = a.type === AST_NODE_TYPES.SpreadElement ? undefined : objectOf(a);
      if (obj) visitOptions(obj, 0);
    }
  }
  return { vars, envNames };
}
