/** Where a file uses the known auth packages: every traced reference, found once per file. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { propertyName, skipTS } from '../ast.js';
import { trackerOf } from '../references.js';
import type { FileContext, Node } from '../types.js';
import { KNOWN_GLOBALS, KNOWN_MODULES, type KnownInfo } from './known.js';

/** Traces every known package reference of the file once: call/new/member node → what it is. */
export function traceKnown(file: FileContext): Map<Node, KnownInfo> {
  const out = new Map<Node, KnownInfo>();
  const tracker = trackerOf(file);
  const add = (r: { node: unknown; info: unknown }): void => {
    out.set(r.node as Node, r.info as KnownInfo);
  };
  for (const r of tracker.iterateEsmReferences(KNOWN_MODULES as never)) add(r);
  for (const r of tracker.iterateCjsReferences(KNOWN_MODULES as never)) add(r);
  for (const r of tracker.iterateGlobalReferences(KNOWN_GLOBALS as never)) add(r);
  // Instances (`new Stripe()`, `new Webhook()`, `new ExpressReceiver()`): trace their members through variables.
  for (const [node, info] of [...out]) {
    if (info.kind !== 'instance' || !info.members) continue;
    if (info.check === 'slackReceiver' && optionIsFalse(node, 'signatureVerification')) continue;
    for (const r of tracker.iteratePropertyReferences(node as never, info.members as never)) add(r);
  }
  return out;
}

/** True when the first argument of a call/new is an object literal whose `key` is statically false. */
export function optionIsFalse(node: Node, key: string): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  const arg = node.arguments[0];
  if (!arg || arg.type !== AST_NODE_TYPES.ObjectExpression) return false;
  for (const p of arg.properties) {
    if (p.type === AST_NODE_TYPES.Property && propertyName(p) === key) {
      const v = skipTS(p.value);
      return v.type === AST_NODE_TYPES.Literal && v.value === false;
    }
  }
  return false;
}
