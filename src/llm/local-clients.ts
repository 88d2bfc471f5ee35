/**
 * Model clients pointed at this machine: `new OpenAI({ baseURL: 'http://localhost:3001/api/v1/openai' })`. Such a
 * client calls an API served locally, often the app's own OpenAI-compatible one, as a hand-run test script does.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findProperty, skipTS, staticString } from '../ast.js';
import { trackerOf } from '../references.js';
import type { FileContext, Node } from '../types.js';
import { parseUrl } from './hosts.js';
import { objectOf } from './messages.js';
import { traceMaps, type ExportLeaf } from './sdks.js';

const LOOPBACK = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:\d+)?$/;
/** Client options that set where the SDK sends its requests. */
const BASE_URL_KEYS = ['baseURL', 'baseUrl'];

/**
 * True when the file constructs at least one SDK client (`new X(...)` of a MODULES class) and every one of them is
 * given a loopback base URL written as a literal; false when anything of an SDK module in it may reach a provider.
 */
export function constructsOnlyLocalClients(file: FileContext): boolean {
  const tracker = trackerOf(file);
  const maps = traceMaps(file.imports) as never;
  let clients = 0;
  for (const it of [tracker.iterateEsmReferences(maps), tracker.iterateCjsReferences(maps)]) {
    for (const { node, info } of it) {
      const leaf = info as ExportLeaf;
      // A model function or ready object of a module (`generateText`, `ollama.chat`, `axios.post`) needs no client.
      if ('call' in leaf || 'read' in leaf) return false;
      if (!('construct' in leaf)) continue;
      const n = node as Node;
      // A class read but not constructed here (passed on, subclassed) may be constructed anywhere.
      if (n.type !== AST_NODE_TYPES.NewExpression) return false;
      const options = objectOf(file, n.arguments[0]);
      const url = options && BASE_URL_KEYS.map((k) => findProperty(options, k)).find(Boolean);
      const text = url ? staticString(skipTS(url.value)) : undefined;
      const host = text === undefined ? undefined : parseUrl(text)?.host;
      if (host === undefined || !LOOPBACK.test(host)) return false;
      clients++;
    }
  }
  return clients > 0;
}
