/** Known model API hosts, and what a plain HTTP call to one of them sends and gets back. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { skipTS, staticString } from '../ast.js';
import type { PathKey } from '../types.js';
import type { CallSpec } from './sdks.js';

/** The wire format a host speaks. */
type Api = 'openai' | 'anthropic' | 'gemini' | 'cohere' | 'bedrock' | 'ollama' | 'hunyuan';

/**
 * Host patterns (matched against the lower-case `host[:port]`) → the API family and a label for messages. `hint` is
 * a literal part of every matching host: the cheap text signals look for it before any regular expression runs.
 */
export const MODEL_HOSTS: readonly { readonly host: RegExp; readonly hint: string; readonly api: Api; readonly label: string }[] = [
  { host: /^api\.openai\.com$/, hint: 'api.openai.com', api: 'openai', label: 'OpenAI API response' },
  { host: /^[a-z0-9-]+\.openai\.azure\.com$/, hint: '.openai.azure.com', api: 'openai', label: 'Azure OpenAI API response' },
  { host: /^api\.anthropic\.com$/, hint: 'api.anthropic.com', api: 'anthropic', label: 'Anthropic API response' },
  { host: /^generativelanguage\.googleapis\.com$/, hint: 'generativelanguage.googleapis.com', api: 'gemini', label: 'Gemini API response' },
  { host: /^api\.mistral\.ai$/, hint: 'api.mistral.ai', api: 'openai', label: 'Mistral API response' },
  { host: /^api\.groq\.com$/, hint: 'api.groq.com', api: 'openai', label: 'Groq API response' },
  { host: /^api\.cohere\.(ai|com)$/, hint: 'api.cohere.', api: 'cohere', label: 'Cohere API response' },
  { host: /^bedrock-runtime\.[a-z0-9-]+\.amazonaws\.com$/, hint: 'bedrock-runtime.', api: 'bedrock', label: 'Bedrock API response' },
  { host: /^openrouter\.ai$/, hint: 'openrouter.ai', api: 'openai', label: 'OpenRouter API response' },
  { host: /^api\.together\.(xyz|ai)$/, hint: 'api.together.', api: 'openai', label: 'Together API response' },
  { host: /^api\.deepseek\.com$/, hint: 'api.deepseek.com', api: 'openai', label: 'DeepSeek API response' },
  { host: /^api\.x\.ai$/, hint: 'api.x.ai', api: 'openai', label: 'xAI API response' },
  // Tencent Hunyuan's own API (the action is a header: X-TC-Action: ChatCompletions).
  { host: /^hunyuan\.tencentcloudapi\.com$/, hint: 'hunyuan.tencentcloudapi.com', api: 'hunyuan', label: 'Hunyuan API response' },
  { host: /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):11434$/, hint: ':11434', api: 'ollama', label: 'Ollama API response' },
];

/** The host and path of a URL prefix such as 'https://api.openai.com/v1/chat'; undefined for relative or odd text. */
export function parseUrl(url: string): { host: string; path: string } | undefined {
  const m = /^(?:https?:)?\/\/([^/?#\s]+)([^?#\s]*)/i.exec(url.trim());
  return m ? { host: m[1]!.toLowerCase().replace(/^[^@]*@/, ''), path: m[2] ?? '' } : undefined;
}

/**
 * What a URL expression's names stand for: the initialiser of a variable (a node), the string another module binds
 * an imported constant to, or nothing known; and, for a call, the argument it hands back as its result.
 */
export type UrlResolver = ((id: TSESTree.Identifier) => TSESTree.Node | string | undefined) & {
  readonly passedOn?: (call: TSESTree.CallExpression) => TSESTree.Node | undefined;
};

/**
 * The statically known beginning of a URL expression: a string, a template literal's leading text, `base + path`,
 * `new URL(path, base)`, or a const variable holding one of these. Undefined when nothing is known.
 */
export function urlPrefix(node: TSESTree.Node, scope: Scope.Scope | undefined, resolveConst: UrlResolver, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  const n = skipTS(node);
  const whole = staticString(n, scope);
  if (whole !== undefined) return whole;
  switch (n.type) {
    // `https://api.openai.com/v1/${path}`
    case AST_NODE_TYPES.TemplateLiteral: {
      const first = n.expressions[0];
      const head = n.quasis[0]?.value.cooked ?? '';
      if (head === '' && first) {
        const inner = urlPrefix(first, scope, resolveConst, depth + 1);
        return inner === undefined ? undefined : inner + (n.quasis[1]?.value.cooked ?? '');
      }
      return head;
    }
    // process.env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com': the API the code is written for is the default's.
    case AST_NODE_TYPES.LogicalExpression:
      return n.operator === '&&' ? undefined : urlPrefix(n.right, scope, resolveConst, depth + 1);
    // BASE + '/chat/completions'
    case AST_NODE_TYPES.BinaryExpression:
      if (n.operator !== '+') return undefined;
      {
        const left = urlPrefix(n.left, scope, resolveConst, depth + 1);
        if (left === undefined) return undefined;
        const right = staticString(n.right, scope);
        return right === undefined ? left : left + right;
      }
    // new URL('/v1/messages', 'https://api.anthropic.com')
    case AST_NODE_TYPES.NewExpression: {
      if (n.callee.type !== AST_NODE_TYPES.Identifier || n.callee.name !== 'URL' || !n.arguments[0]) return undefined;
      const first = urlPrefix(n.arguments[0], scope, resolveConst, depth + 1);
      if (first !== undefined && parseUrl(first)) return first;
      const base = n.arguments[1] && urlPrefix(n.arguments[1], scope, resolveConst, depth + 1);
      if (base === undefined) return undefined;
      return base.replace(/\/+$/, '') + (first === undefined ? '' : first.startsWith('/') ? first : `/${first}`);
    }
    case AST_NODE_TYPES.Identifier: {
      const init = resolveConst(n);
      return typeof init === 'string' ? init : init ? urlPrefix(init, scope, resolveConst, depth + 1) : undefined;
    }
    // cloudflareAIGatewayUrl(`${baseUrl}/${path}`): a function that hands its argument back, as the resolver says.
    case AST_NODE_TYPES.CallExpression: {
      const arg = resolveConst.passedOn?.(n);
      return arg ? urlPrefix(arg, scope, resolveConst, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      // url.href / url.toString() of a URL built above
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The OpenAI chat completions path, which OpenAI-compatible servers on any host keep (llama.cpp, vLLM, LM Studio,
 * gateways): a request to it is a model call wherever it goes. The text the cheap signals look for is `COMPATIBLE_HINT`.
 */
const COMPATIBLE_PATH = /\/chat\/completions\/?$/;
export const COMPATIBLE_HINT = '/chat/completions';

/**
 * Paths of a model API that manage stored things rather than generate (`/v1/datasets/{id}`, `/v1/files`, batches,
 * fine-tuning jobs, uploads): what they answer is the provider's bookkeeping, not model output.
 */
const NOT_GENERATION = /\/(?:datasets|files|batches|fine[-_]?tun(?:ing|es)|uploads|organization|vector_stores)(?:\/|$)/i;

/**
 * The host entry a URL prefix points at; for another host, or a path relative to a base the file does not spell
 * out, an OpenAI-compatible server when the path is the chat completions path; else undefined.
 */
export function modelHost(url: string): { api: Api; label: string; path: string } | undefined {
  const parsed = parseUrl(url) ?? (url.startsWith('/') ? { host: '', path: url.split(/[?#]/)[0]! } : undefined);
  if (!parsed || NOT_GENERATION.test(parsed.path)) return undefined;
  const entry = parsed.host ? MODEL_HOSTS.find((h) => h.host.test(parsed.host)) : undefined;
  if (entry) return { api: entry.api, label: entry.label, path: parsed.path };
  return COMPATIBLE_PATH.test(parsed.path) ? { api: 'openai', label: 'OpenAI-compatible API response', path: parsed.path } : undefined;
}

const http = (s: Omit<CallSpec, 'type' | 'provider' | 'optionsArg' | 'streaming'>): CallSpec => ({
  type: 'call',
  provider: 'http',
  optionsArg: -1,
  streaming: 'option',
  ...s,
});

/** What an HTTP call to a model host looks like, from the API family and the URL path (chat vs. responses vs. generate). */
export function httpSpec(api: Api, path: string, label: string): CallSpec {
  const p = path.toLowerCase();
  switch (api) {
    case 'openai':
      if (/\/responses\b/.test(p)) {
        return http({ resultLabel: label, inputKeys: ['input'], systemKeys: ['instructions'], messageKeys: ['input'], textPaths: [['output', '*', 'content', '*', 'text']], limitKeys: ['max_output_tokens'], textAccessor: undefined });
      }
      if (/(^|\/)completions\b/.test(p) && !/chat\/completions/.test(p)) {
        return http({ resultLabel: label, inputKeys: ['prompt'], systemKeys: [], messageKeys: [], textPaths: [['choices', '*', 'text']], limitKeys: ['max_tokens'], textAccessor: undefined });
      }
      return http({ resultLabel: label, inputKeys: ['messages'], systemKeys: [], messageKeys: ['messages'], textPaths: [['choices', '*', 'message', 'content']], limitKeys: ['max_tokens', 'max_completion_tokens'], textAccessor: undefined });
    case 'anthropic':
      return http({ resultLabel: label, inputKeys: ['messages', 'prompt'], systemKeys: ['system'], messageKeys: ['messages'], systemRoleInMessages: false, textPaths: [['content', '*', 'text']], limitKeys: ['max_tokens', 'max_tokens_to_sample'], textAccessor: undefined });
    case 'gemini':
      return http({ resultLabel: label, inputKeys: ['contents'], systemKeys: ['systemInstruction', 'system_instruction'], messageKeys: [], textPaths: [['candidates', '*', 'content', 'parts', '*', 'text']], limitKeys: ['maxOutputTokens', 'max_output_tokens'], limitHome: 'generationConfig', textAccessor: undefined });
    case 'cohere':
      return http({ resultLabel: label, inputKeys: ['message', 'messages', 'chat_history', 'prompt'], systemKeys: ['preamble'], messageKeys: ['messages', 'chat_history'], textPaths: /\/v2\//.test(p) ? [['message', 'content', '*', 'text']] : [['text']], limitKeys: ['max_tokens'], textAccessor: undefined });
    case 'bedrock':
      return /\/converse/.test(p)
        ? http({ resultLabel: label, inputKeys: ['messages'], systemKeys: ['system'], messageKeys: ['messages'], systemRoleInMessages: false, textPaths: [['output', 'message', 'content', '*', 'text']], limitKeys: ['maxTokens'], limitHome: 'inferenceConfig', textAccessor: undefined })
        : http({ resultLabel: label, inputKeys: ['messages', 'prompt', 'inputText'], systemKeys: ['system'], messageKeys: ['messages'], textPaths: [['content', '*', 'text']], limitKeys: ['max_tokens', 'max_gen_len', 'maxTokenCount'], limitHome: null, textAccessor: undefined });
    case 'hunyuan':
      return http({ resultLabel: label, inputKeys: ['Messages', 'Prompt'], systemKeys: [], messageKeys: ['Messages'], textPaths: [['Response', 'Choices', '*', 'Message', 'Content']], limitKeys: [], textAccessor: undefined });
    case 'ollama':
      if (/\/v1\//.test(p)) return httpSpec('openai', p.replace(/^.*\/v1/, '/v1'), label);
      return /\/api\/generate/.test(p)
        ? http({ resultLabel: label, inputKeys: ['prompt'], systemKeys: ['system'], messageKeys: [], textPaths: [['response']], limitKeys: ['num_predict'], limitHome: 'options', textAccessor: undefined })
        : http({ resultLabel: label, inputKeys: ['messages'], systemKeys: [], messageKeys: ['messages'], textPaths: [['message', 'content']], limitKeys: ['num_predict'], limitHome: 'options', textAccessor: undefined });
  }
}

/** The same spec for an axios call: the provider's JSON sits under `data`. */
export function axiosSpec(base: CallSpec): CallSpec {
  const textPaths: (readonly PathKey[])[] = base.textPaths.map((p) => ['data', ...p]);
  return { ...base, textPaths, textAccessor: accessorFor(base.textPaths[0], '.data'), envelope: ['data'] };
}

function accessorFor(path: readonly PathKey[] | undefined, prefix: string): string | undefined {
  if (!path || path.length === 0) return undefined;
  let out = prefix;
  for (const k of path) out += k === '*' ? '?.[0]' : `?.${String(k)}`;
  return `${out} ?? ''`;
}
