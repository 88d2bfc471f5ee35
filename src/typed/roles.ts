/** Type-aware handler parameters: a controller defined apart from its registration is known by its parameter types. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { paramVariable, type Collector } from '../frameworks/common.js';
import { frameworkRoleOf, typeInfoOf } from './index.js';

/**
 * Gives roles to the parameters of functions whose declared types say they are framework objects
 * (`export async function chat(req: Request, res: Response)` with Express types, `(c: Context)` with Hono's,
 * `const h: RequestHandler = (req, res) => ...`). Parameters the adapters already gave a role keep it. Runs before
 * role propagation and the name heuristic, so typed roles win over names. Does nothing without type information.
 */
export function addTypedRoles(col: Collector): void {
  const info = typeInfoOf(col.file);
  if (!info) return;
  const { checker } = info;
  for (const fn of col.file.index.functions) {
    // Only where a type is written: on the parameter, or on the variable the function is assigned to
    // (`const h: RequestHandler = (req, res) => ...`). Inline callbacks (`items.map((x) => ...)`) cost a query each.
    const declared = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && !!fn.parent.id.typeAnnotation;
    for (const param of fn.params) {
      if (!declared && !hasTypeAnnotation(param)) continue;
      const v = paramVariable(col.file, param);
      if (!v || col.roles.has(v)) continue;
      const tsParam = info.tsNode(param);
      if (!tsParam) continue;
      const typed = frameworkRoleOf(checker, checker.getTypeAtLocation(tsParam));
      if (!typed) continue;
      col.roles.set(v, typed.role);
      if (typed.framework) col.varFramework.set(v, typed.framework);
    }
  }
}

/** `x: T`, `x: T = d`, `private x: T`. */
function hasTypeAnnotation(param: TSESTree.Parameter): boolean {
  let p: TSESTree.Node = param;
  if (p.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  return p.type === AST_NODE_TYPES.Identifier && !!p.typeAnnotation;
}
