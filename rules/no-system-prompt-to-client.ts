import { contains } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen } from '../src/model.js';
import type { Node, Origin, PathKey } from '../src/types.js';

type Retrieved = Extract<Origin, { kind: 'retrieved' }>;

export default createRule({
  name: 'no-system-prompt-to-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending the system prompt or retrieved context to the client',
      recommended: 'recommended',
      cwe: ['CWE-200', 'CWE-497'],
      owaspLlm: ['LLM07:2025 System Prompt Leakage'],
    },
    messages: {
      prompt: 'The system prompt is sent to the client; keep it on the server.',
      messages: 'A message list holding the system prompt is sent to the client; send only the answer.',
      documents: 'Documents retrieved from {{store}} are sent to the client whole; send only titles and links.',
      metadata: 'The metadata of documents retrieved from {{store}} is sent to the client; send only titles and links.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.framework);
        if (!model) return;
        const reported = new Set<Node>();
        // A route registered only outside production sends nothing to production clients.
        const devOnly = model.routes.filter((r) => r.devOnly).flatMap((r) => r.handlers);
        for (const sink of model.sinks) {
          if (reported.has(sink.node) || devOnly.some((fn) => contains(fn, sink.node))) continue;
          const origins = model.originsOf(sink.node);
          const system = origins.filter((o) => o.kind === 'system');
          const retrieved = origins.find((o): o is Retrieved => o.kind === 'retrieved' && wholeness(o) !== undefined);
          if (system.length === 0 && !retrieved) continue;
          reported.add(sink.node);
          if (system.length > 0) {
            // The prompt itself outranks a list that holds it: `{ system, messages }` names the prompt.
            const bare = system.some((o) => o.lists === 0);
            context.report({ node: sink.node, messageId: bare ? 'prompt' : 'messages' });
          } else {
            context.report({ node: sink.node, messageId: wholeness(retrieved!)!, data: { store: retrieved!.store } });
          }
        }
      },
    };
  },
});

/**
 * Whether a read of retrieved documents is sent whole: the result, its records (`matches`, one document, a
 * `[document, score]` pair) or a record's whole metadata. A field read from them (`doc.metadata.title`) is reduced.
 */
function wholeness(o: Retrieved): 'documents' | 'metadata' | undefined {
  const keys = o.path.filter((k) => !isIndex(k) && !o.containers.includes(String(k)));
  if (keys.length === 0) return 'documents';
  return keys.length === 1 && keys[0] === 'metadata' ? 'metadata' : undefined;
}

const isIndex = (k: PathKey): boolean => typeof k === 'number' || k === '*' || /^\d+$/.test(k);
