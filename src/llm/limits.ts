/** Output limits of model calls: whether one is set, and where a suggestion adds one. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, propertyName, skipTS } from '../ast.js';
import type { LlmCall, Node } from '../types.js';
import { specOf } from './call-record.js';
import { LIMIT_CONTAINERS } from './sdks.js';

/**
 * Whether a call sets an output limit: 'found' when a `limitKeys` entry sits in its options or setup options
 * (directly or one level down in LIMIT_CONTAINERS), 'unknown' when those objects could not be read in full
 * (a spread, no options written in place, or no known limit key), else 'missing'.
 */
export function outputLimit(call: LlmCall): 'found' | 'missing' | 'unknown' {
  const value = outputLimitValue(call);
  return typeof value === 'string' ? value : 'found';
}

/** The expression that sets a call's output limit, or 'missing' / 'unknown' as in `outputLimit`. */
export function outputLimitValue(call: LlmCall): Node | 'missing' | 'unknown' {
  if (call.limitKeys.length === 0) return 'unknown';
  const objects = [...(call.options ? [call.options] : []), ...call.setupOptions];
  if (objects.length === 0) return 'unknown';
  let complete = true;
  const scan = (obj: TSESTree.ObjectExpression, depth: number): Node | undefined => {
    for (const p of obj.properties) {
      if (p.type !== AST_NODE_TYPES.Property) {
        complete = false;
        continue;
      }
      const key = propertyName(p);
      if (key === undefined) complete = false;
      else if (call.limitKeys.includes(key)) return p.value;
      else if (depth === 0 && LIMIT_CONTAINERS.includes(key)) {
        const v = skipTS(p.value);
        if (v.type === AST_NODE_TYPES.ObjectExpression) {
          const found = scan(v, 1);
          if (found) return found;
        } else complete = false;
      }
    }
    return undefined;
  };
  for (const obj of objects) {
    const found = scan(obj, 0);
    if (found) return found;
  }
  return complete ? 'missing' : 'unknown';
}

/**
 * Where a suggestion can add an output limit to a call that has none: the object literal written in place (the
 * call's options, or its one setup object) and the entry to insert (`max_tokens: 1024`, or
 * `config: { maxOutputTokens: 1024 }` when the API wants the limit nested). Undefined when no edit is mechanical.
 */
export function limitInsertion(call: LlmCall): { object: TSESTree.ObjectExpression; entry: string } | undefined {
  const spec = specOf(call);
  if (!spec || spec.limitHome === null || spec.limitKeys.length === 0) return undefined;
  const key = spec.limitKey ?? spec.limitKeys[0]!;
  const target = call.options ?? (call.setupOptions.length === 1 ? call.setupOptions[0] : undefined);
  // Only an object written as an argument: a shared const may shape other calls too.
  const parent = target?.parent;
  if (!target || (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression)) return undefined;
  const value = `${key}: 1024`;
  if (spec.limitHome === undefined) return { object: target, entry: value };
  const home = findProperty(target, spec.limitHome);
  if (!home) return { object: target, entry: `${spec.limitHome}: { ${value} }` };
  const inner = skipTS(home.value);
  return inner.type === AST_NODE_TYPES.ObjectExpression ? { object: inner, entry: value } : undefined;
}
