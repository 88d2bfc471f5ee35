import { contains, pathStartsWith } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelWhen, type FileModel } from '../src/model.js';
import type { Check, Escape, Node, Origin, UnsafeKind, UnsafeSink } from '../src/types.js';

/** The escape that makes model output safe at each sink; code has none (only an allow-list does). */
const CLEARED_BY: Record<UnsafeKind, Escape | undefined> = {
  code: undefined,
  shell: 'shell',
  program: 'shell',
  sql: 'sql',
  path: 'path',
  redirect: 'url',
  url: 'url',
  html: 'html',
};

/** Checks that make a value safe at each sink: one of a few literals and strict patterns everywhere; prefixes for paths; hosts for URLs. */
const CHECKS: Record<UnsafeKind, readonly Check[]> = {
  code: ['literals', 'pattern'],
  shell: ['literals', 'pattern'],
  program: ['literals', 'pattern'],
  sql: ['literals', 'pattern'],
  path: ['literals', 'pattern', 'prefix', 'host'],
  redirect: ['literals', 'pattern', 'host'],
  url: ['literals', 'pattern', 'host'],
  html: ['literals', 'pattern'],
};

export default createRule({
  name: 'no-unsafe-llm-output',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow model output that becomes code, a shell command, SQL, a file path, a redirect, a request URL or HTML',
      recommended: 'recommended',
      cwe: ['CWE-94', 'CWE-78', 'CWE-89', 'CWE-22', 'CWE-601', 'CWE-918', 'CWE-79'],
      owaspLlm: ['LLM05:2025 Improper Output Handling', 'LLM06:2025 Excessive Agency'],
    },
    messages: {
      code: '{{what}} is run as code; map it to a fixed set of actions instead of evaluating it.',
      shell: '{{what}} is run as a shell command; pass it as an argument list to execFile after checking it against an allow-list.',
      program: '{{what}} chooses the program that is run; check it against an allow-list first.',
      sql: '{{what}} is written into an SQL query; pass it as a query parameter.',
      path: '{{what}} is used as a file path; reduce it with path.basename or check it against an allow-list.',
      redirect: '{{what}} chooses where the client is redirected; check it against an allow-list of destinations.',
      url: '{{what}} chooses the URL of an outgoing request; check its host against an allow-list.',
      html: '{{what}} is written into HTML sent to the client; escape it first.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const model = modelWhen(context, (s) => s.llm || s.tools);
        if (!model) return;
        const reported = new Set<Node>();
        for (const sink of model.unsafeSinks) {
          if (reported.has(sink.node)) continue;
          const found = unsafeOutput(model, sink);
          if (!found) continue;
          reported.add(sink.node);
          context.report({ node: found.node, messageId: sink.kind, data: { what: found.tool ? 'A tool argument the model chose' : 'Model output' } });
        }
      },
    };
  },
});

/** Model output that reaches `sink` unescaped and unchecked, with the expression to report (the part of the sink that carries it). */
function unsafeOutput(model: FileModel, sink: UnsafeSink): { node: Node; tool: boolean } | undefined {
  const unsafe = (n: Node): Origin[] => model.originsOf(n).filter((o) => isModelOutput(model, o, sink.kind));
  const first = unsafe(sink.node);
  if (first.length === 0) return undefined;
  // A URL whose scheme and host the server wrote: the model picks a path or a query on that host, not where it goes.
  if ((sink.kind === 'url' || sink.kind === 'redirect') && model.originFixed(sink.node, (n) => unsafe(n).length > 0)) return undefined;
  // The parts that carry model output, each checked on its own (`if (!ALLOWED.includes(cmd)) return;`).
  const leaves = model.leafValues(sink.node).filter((l) => unsafe(l).length > 0);
  const parts = leaves.length > 0 ? leaves : [sink.node];
  const open = parts.filter((p) => !checked(model, p, sink) && !(p !== sink.node && checked(model, sink.node, sink)));
  if (open.length === 0) return undefined;
  const inside = open.find((p) => p !== sink.node && contains(sink.node, p));
  const node = inside ?? sink.node;
  return { node, tool: unsafe(node).every((o) => o.kind === 'tool') };
}

function checked(model: FileModel, subject: Node, sink: UnsafeSink): boolean {
  const check = model.checkedBefore(subject, sink.call);
  return check !== undefined && CHECKS[sink.kind].includes(check);
}

/**
 * Generated content, structured output or tool-call arguments, not escaped for this sink: a model result read at a
 * content path (not usage, ids or finish reasons, nor the whole result object), or a tool's model-chosen argument.
 */
function isModelOutput(model: FileModel, o: Origin, kind: UnsafeKind): boolean {
  if (o.kind !== 'llm' && o.kind !== 'tool') return false;
  if (o.escaped?.includes('all') || (CLEARED_BY[kind] !== undefined && o.escaped?.includes(CLEARED_BY[kind]!))) return false;
  if (o.kind === 'tool') return true;
  if (model.isMetadataPath(o.path, o.call) || o.call.servicePaths?.some((p) => pathStartsWith(o.path, p))) return false;
  const whole = o.path.length === 0 || (o.path.length === o.call.envelope.length && o.path.every((k, i) => k === o.call.envelope[i]));
  return o.text || !whole;
}

