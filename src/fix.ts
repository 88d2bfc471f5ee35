/** Fix helpers shared by suggestions. */
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A reference to a `node:crypto` export usable at any point of the file, and the fixes that make it valid:
 * the existing named import when there is one, a new named import in an ES module, an inline `require` in CommonJS.
 */
export function cryptoRef(
  context: Context,
  fixer: TSESLint.RuleFixer,
  name: 'createHash' | 'timingSafeEqual',
): { ref: string; fixes: TSESLint.RuleFix[] } {
  const ast = context.sourceCode.ast;
  if (ast.sourceType !== 'module') return { ref: `require('node:crypto').${name}`, fixes: [] };
  for (const stmt of ast.body) {
    if (stmt.type !== AST_NODE_TYPES.ImportDeclaration || !/^(node:)?crypto$/.test(stmt.source.value)) continue;
    for (const spec of stmt.specifiers) {
      if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier || spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        return { ref: `${spec.local.name}.${name}`, fixes: [] };
      }
      if (spec.imported.type === AST_NODE_TYPES.Identifier && spec.imported.name === name) {
        return { ref: spec.local.name, fixes: [] };
      }
    }
  }
  const line = `import { ${name} } from 'node:crypto';\n`;
  const first = ast.body[0];
  return {
    ref: name,
    fixes: [first ? fixer.insertTextBefore(first, line) : fixer.insertTextAfterRange([0, 0], line)],
  };
}

/** Where a suggestion adds an output limit to a model call, and the entry it adds. */
export { limitInsertion } from './llm/index.js';
