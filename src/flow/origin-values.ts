/**
 * The values the origin analysis computes with: an Origin (where data came from), or a Handle (an object followed on
 * the way to one: a request or context, `process.env`, an HMAC being built), and the operations on them: union,
 * member reads, method calls on handles. Request objects come from the framework adapters.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { pathStartsWith, staticString } from '../ast.js';
import type { RequestHandleKind, RequestValue } from '../frameworks/adapter.js';
import { REQUEST_SHAPES } from '../frameworks/registry.js';
import type { LlmLeakSettings } from '../settings.js';
import type { Escape, LlmCall, Origin, PathKey, RequestPart } from '../types.js';
import { isDescribingKey, isRecordKey, isSecretEnvName, isSecretFieldName } from './origin-secrets.js';

/** Objects we follow on the way to an origin: a request or context (described by the adapters), `process.env`, an HMAC being built. */
export type HandleKind = RequestHandleKind | 'process' | 'importMeta' | 'env' | 'hasher' | 'hmac';
export interface Handle {
  readonly kind: 'handle';
  readonly h: HandleKind;
  /** What the handle itself counts as when it is the answer (`c.req.raw` is the raw body). */
  readonly final?: Origin;
}
export type Val = Origin | Handle;

/** A request table entry as an origin value: a request part, or the request object it leads to. */
function requestValue(v: RequestValue): RequestPart | Handle {
  if (typeof v === 'string') return v;
  return v.final ? { kind: 'handle', h: v.handle, final: { kind: 'request', part: v.final } } : { kind: 'handle', h: v.handle };
}
/** The adapters' request objects (Express `req`, Koa `ctx`, Hono `c` and `c.req`, ...), as origin tables by handle kind. */
const REQUEST_TABLES = new Map(
  [...REQUEST_SHAPES].map(([kind, shape]) => [
    kind,
    {
      members: Object.fromEntries(Object.entries(shape.members ?? {}).map(([k, v]) => [k, requestValue(v)])) as Record<string, RequestPart | Handle>,
      methods: (shape.methods ?? {}) as Record<string, RequestPart>,
    },
  ]),
);

/** Members of a URL that still hold the whole query: `new URL(req.url).searchParams`, `nextUrl.search`. */
const URL_MEMBERS = new Set(['searchParams', 'search', 'href', 'pathname', 'query']);

export const ERROR: Origin = { kind: 'error' };
export const DIGEST: Origin = { kind: 'digest', keyed: false };
export const HMAC_DIGEST: Origin = { kind: 'digest', keyed: true };
/** A handle of this kind. */
export const handle = (h: HandleKind): Handle => ({ kind: 'handle', h });

/** Values with no handles: what an expression holds once it is data (`[req]` holds no request object). */
export const dataOnly = (vals: readonly Val[]): Val[] => vals.filter((v) => v.kind !== 'handle');

/** The value operations of one analysis (model calls are numbered per analysis for union keys). */
export interface ValueOps {
  union(...lists: readonly (readonly Val[])[]): Val[];
  /** `value.key`; '*' is an unknown key. A key named like a secret adds a secret (a last-resort name heuristic). */
  member(vals: readonly Val[], key: PathKey): Val[];
  /** An element of an array-like value. */
  element(vals: readonly Val[]): Val[];
  /** Every element of an array-like value in turn (a `.map` callback's parameter): a list's system message is one of them. */
  each(vals: readonly Val[]): Val[];
  /** A model result read at `path`, plain text or not. */
  llmVal(call: LlmCall, path: readonly PathKey[]): Origin;
  isTextPath(call: LlmCall, path: readonly PathKey[]): boolean;
  /** `handle.method(args)`: request methods (`c.req.header('x')`), hash and HMAC building. */
  handleCall(v: Handle, method: string, args: readonly TSESTree.CallExpressionArgument[]): Val[];
}

/** The value operations, reading secret names from `settings`. */
export function createValueOps(settings: LlmLeakSettings): ValueOps {
  const callIds = new Map<LlmCall, number>();
  const callId = (c: LlmCall): number => {
    let id = callIds.get(c);
    if (id === undefined) callIds.set(c, (id = callIds.size));
    return id;
  };

  function valKey(v: Val): string {
    switch (v.kind) {
      case 'llm':
        return `llm:${callId(v.call)}:${JSON.stringify(v.path)}${v.escaped ? `:${v.escaped.join(',')}` : ''}`;
      case 'tool':
        return `tool:${v.api}${v.escaped ? `:${v.escaped.join(',')}` : ''}${v.fixedKeys ? `:{${v.fixedKeys.join(',')}}` : ''}`;
      case 'prompt':
        return `prompt:${callId(v.call)}`;
      case 'system':
        return `system:${v.lists}`;
      case 'retrieved':
        return `retrieved:${v.store}:${JSON.stringify(v.path)}`;
      case 'request':
        return `request:${v.part}:${v.name ?? ''}`;
      case 'secret':
        return `secret:${v.name}`;
      case 'handle':
        return `handle:${v.h}:${v.final ? valKey(v.final) : ''}`;
      case 'digest':
        return v.keyed ? 'digest:hmac' : 'digest';
      default:
        return v.kind;
    }
  }
  function union(...lists: readonly (readonly Val[])[]): Val[] {
    const seen = new Set<string>();
    const out: Val[] = [];
    for (const list of lists) {
      for (const v of list) {
        const k = valKey(v);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(v);
        }
      }
    }
    return out;
  }

  function isTextPath(call: LlmCall, path: readonly PathKey[]): boolean {
    // Vercel ai: the elements of `result.textStream` are text chunks.
    if (call.provider === 'ai' && path[0] === 'textStream' && path.length >= 2) return true;
    return call.textPaths.some((t) => pathStartsWith(path, t));
  }
  const llmVal = (call: LlmCall, path: readonly PathKey[]): Origin => ({ kind: 'llm', call, path, text: isTextPath(call, path) });

  /** `value.key`; '*' is an unknown key. */
  function member(vals: readonly Val[], key: PathKey): Val[] {
    const out: Val[] = [];
    let fromEnv = false;
    for (const v of vals) {
      if (key === 'length' && v.kind !== 'handle') continue; // a length carries no content
      switch (v.kind) {
        case 'llm': {
          // A field of a value built around model output elsewhere: where the output sits is not known.
          if (v.call.wholeOnly) break;
          const read = llmVal(v.call, [...v.path, key]) as Extract<Origin, { kind: 'llm' }>;
          out.push(v.escaped ? { ...read, escaped: v.escaped } : read);
          break;
        }
        case 'tool':
          // A key the schema fixes holds one of its literals; any other read is model text (its keys no longer known).
          if (v.fixedKeys?.includes(String(key))) break;
          out.push(v.fixedKeys ? { kind: 'tool', api: v.api, ...(v.escaped ? { escaped: v.escaped } : {}) } : v);
          break;
        case 'retrieved':
          out.push({ ...v, path: [...v.path, key] });
          break;
        case 'system':
          // `messages[i]`, `messages.at(-1)`: one message of the list, not known to be the system message.
          if (v.lists > 0 && (key === '*' || typeof key === 'number' || /^\d+$/.test(key))) break;
          out.push(v);
          break;
        case 'request':
          if (v.name === undefined && typeof key === 'string' && key !== '*' && !(v.part === 'query' && URL_MEMBERS.has(key))) {
            out.push({ kind: 'request', part: v.part, name: v.part === 'headers' ? key.toLowerCase() : key });
          } else out.push(v);
          break;
        case 'prompt':
          // The whole object went into the prompt; its id or count is not prompt text.
          if (typeof key === 'string' && isRecordKey(key)) break;
          out.push(v);
          break;
        case 'handle':
          if (v.h === 'env') fromEnv = true;
          out.push(...handleMember(v, key));
          break;
        default:
          // `token.type`, `apiKey.id`, `session.expiresAt`: what describes a secret is not the secret.
          if (v.kind === 'secret' && typeof key === 'string' && isDescribingKey(key)) break;
          out.push(v);
      }
    }
    if (!fromEnv && typeof key === 'string' && key !== '*' && isSecretFieldName(key, settings)) {
      out.push({ kind: 'secret', name: key });
    }
    return union(out);
  }
  const element = (vals: readonly Val[]): Val[] => member(dataOnly(vals), '*');
  const each = (vals: readonly Val[]): Val[] =>
    union(
      element(vals),
      vals.flatMap((v): Val[] => (v.kind === 'system' && v.lists > 0 ? [{ kind: 'system', lists: v.lists - 1 }] : [])),
    );

  function fromTable(entry: RequestPart | Handle | undefined, name?: string): Val[] {
    if (entry === undefined) return [];
    if (typeof entry !== 'string') return [entry];
    return [name === undefined ? { kind: 'request', part: entry } : { kind: 'request', part: entry, name }];
  }
  const own = <T>(table: Record<string, T>, key: PathKey): T | undefined =>
    typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

  function handleMember(v: Handle, key: PathKey): Val[] {
    switch (v.h) {
      case 'process':
      case 'importMeta':
        return key === 'env' ? [handle('env')] : [];
      case 'env':
        return typeof key === 'string' && key !== '*' && isSecretEnvName(key, settings) ? [{ kind: 'secret', name: key }] : [];
      default: {
        const table = REQUEST_TABLES.get(v.h as RequestHandleKind);
        return table ? fromTable(own(table.members, key)) : [];
      }
    }
  }

  function handleCall(v: Handle, method: string, args: readonly TSESTree.CallExpressionArgument[]): Val[] {
    const arg0 = args[0] && args[0].type !== AST_NODE_TYPES.SpreadElement ? staticString(args[0]) : undefined;
    const named = (part: RequestPart | undefined): Val[] =>
      fromTable(part, arg0 === undefined ? undefined : part === 'headers' ? arg0.toLowerCase() : arg0);
    switch (v.h) {
      case 'hasher':
      case 'hmac':
        if (method === 'update' || method === 'setEncoding' || method === 'copy') return [v];
        return method === 'digest' ? [v.h === 'hmac' ? HMAC_DIGEST : DIGEST] : [];
      default: {
        const table = REQUEST_TABLES.get(v.h as RequestHandleKind);
        return table ? named(own(table.methods, method)) : [];
      }
    }
  }

  return { union, member, element, each, llmVal, isTextPath, handleCall };
}

/** Model output (`llm` and `tool` origins) marked as having gone through `escape`; other values unchanged. */
export function escapedVals(vals: readonly Val[], escape: Escape): Val[] {
  return vals.map((v) => {
    if ((v.kind !== 'llm' && v.kind !== 'tool') || v.escaped?.includes(escape)) return v;
    return { ...v, escaped: [...(v.escaped ?? []), escape].sort() } as Val;
  });
}
