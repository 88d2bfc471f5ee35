/**
 * What counts as a secret by name or by shape. One place, reused by the origin analysis and by the rules
 * no-secrets-in-prompt and no-sensitive-logging.
 */
import type { LlmLeakSettings } from '../settings.js';

/** Words of an environment variable name (split on '_') that mark it as a credential. */
export const SECRET_ENV_WORDS: readonly string[] = [
  'KEY', 'KEYS', 'TOKEN', 'SECRET', 'SECRETS', 'PASS', 'PASSWORD', 'PASSWD', 'PASSPHRASE', 'PWD',
  'CREDENTIAL', 'CREDENTIALS', 'PRIVATE', 'AUTH',
];

/** Endings of one env-name word that still mark a credential (`APIKEY`, `GHTOKEN`, `DBPASSWORD`). */
export const SECRET_ENV_SUFFIXES: readonly string[] = ['KEY', 'TOKEN', 'SECRET', 'PASSWORD', 'PASSWD'];

/** Words of a field name (camelCase, snake_case or kebab-case, lower-cased) that mark a credential. */
export const SECRET_FIELD_WORDS: readonly string[] = [
  'secret', 'password', 'passwd', 'passphrase', 'pwd', 'pass', 'token', 'credential', 'credentials', 'apikey',
  'privatekey',
];

/** Adjacent word pairs of a field name that mark a credential (`apiKey`, `private_key`, `accessKey`). */
export const SECRET_FIELD_PAIRS: readonly (readonly [string, string])[] = [
  ['api', 'key'],
  ['private', 'key'],
  ['access', 'key'],
  ['signing', 'key'],
];

/** Services whose `<SERVICE>_URL`/`_URI` holds a connection string, which carries the password (`DATABASE_URL`). */
export const CONNECTION_URL_SERVICES: readonly string[] = [
  'DATABASE', 'DB', 'POSTGRES', 'POSTGRESQL', 'PG', 'MYSQL', 'MONGO', 'MONGODB', 'REDIS', 'AMQP', 'RABBITMQ',
];

/**
 * Words that, after the credential word of a name, describe a secret rather than hold it: its count, limit, length,
 * path, type, id or expiry (`tokenLimit`, `token_count_estimate`, `PRIVATE_KEY_PATH`, `apiKeyId`). A stored hash
 * stays a secret (`passwordHash`).
 */
export const DESCRIBING_TAILS: readonly string[] = [
  'count', 'counts', 'usage', 'used', 'limit', 'limits', 'length', 'len', 'size', 'max', 'min', 'total', 'remaining',
  'path', 'file', 'filename', 'dir', 'type', 'types', 'kind', 'id', 'ids', 'name', 'label', 'prefix', 'header',
  'field', 'expiry', 'expires', 'expiration', 'ttl', 'enabled', 'required', 'configured', 'exists', 'present', 'valid',
  'url', 'endpoint', 'estimate', 'budget', 'quota', 'version', 'format', 'mode', 'location', 'index', 'domain',
  'domains', 'host', 'hosts', 'origin', 'origins', 'scope', 'scopes', 'audience', 'issuer', 'provider', 'balance',
  'adjustment', 'threshold', 'ratio', 'rate', 'cost', 'at', 'created', 'updated',
];
/** First words of a boolean about a secret (`hasToken`, `isApiKeySet`). */
export const BOOLEAN_HEADS: readonly string[] = ['is', 'has', 'should', 'can', 'needs', 'use', 'uses'];

/** A name holding this word is public by intent (`NEXT_PUBLIC_*`, `publicKey`) and never a secret. */
export const PUBLIC_WORD = 'public';

/** Shapes of literal model API keys, with the label used as the secret's name. */
export const LITERAL_KEY_PATTERNS: readonly { readonly label: string; readonly hint: string; readonly pattern: RegExp }[] = [
  { label: 'Anthropic API key', hint: 'sk-ant-', pattern: /(?:^|[^\w-])sk-ant-[\w-]{20,512}/ },
  { label: 'OpenAI API key', hint: 'sk-', pattern: /(?:^|[^\w-])sk-[\w-]{20,512}/ },
  { label: 'Google API key', hint: 'AIza', pattern: /(?:^|[^\w-])AIza[\w-]{35}(?![\w-])/ },
  { label: 'Groq API key', hint: 'gsk_', pattern: /(?:^|[^\w-])gsk_[A-Za-z0-9]{20,512}/ },
  { label: 'xAI API key', hint: 'xai-', pattern: /(?:^|[^\w-])xai-[A-Za-z0-9]{20,512}/ },
  { label: 'Hugging Face token', hint: 'hf_', pattern: /(?:^|[^\w-])hf_[A-Za-z0-9]{30,512}/ },
];

type Names = Pick<LlmLeakSettings, 'sensitiveNames'>;

/** True when the settings name this exact variable, field or header (case-insensitive). */
export function isSensitiveSetting(name: string, settings?: Names): boolean {
  const lower = name.toLowerCase();
  return !!settings?.sensitiveNames.some((n) => n.toLowerCase() === lower);
}

/** True for environment variable names that hold a credential: `OPENAI_API_KEY`, `DB_PASSWORD`; not `PORT`, `NEXT_PUBLIC_KEY`. */
export function isSecretEnvName(name: string, settings?: Names): boolean {
  if (isSensitiveSetting(name, settings)) return true;
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (words.some((w) => w.startsWith('PUBLIC') || w.endsWith('PUBLIC'))) return false;
  const at = words.findIndex((w) => SECRET_ENV_WORDS.includes(w) || SECRET_ENV_SUFFIXES.some((s) => w.endsWith(s)));
  // `PRIVATE_KEY_PATH`, `TOKEN_TTL`: about the secret, not the secret.
  if (at >= 0) return !words.slice(at + 1).some((w) => DESCRIBING_TAILS.includes(w.toLowerCase()));
  // Connection strings: `DATABASE_URL`, `MONGODB_URI`, `PG_CONNECTION_STRING`.
  for (let i = 0; i + 1 < words.length; i++) {
    if (CONNECTION_URL_SERVICES.includes(words[i]) && (words[i + 1] === 'URL' || words[i + 1] === 'URI')) return true;
    if (words[i] === 'CONNECTION' && words[i + 1] === 'STRING') return true;
  }
  return false;
}

/** Last words of a property that describe the object it is read from (a `label` or `host` may still be given a secret). */
const DESCRIBING_MEMBERS = new Set([
  'type', 'types', 'kind', 'id', 'ids', 'count', 'size', 'expires', 'expiry', 'expiration', 'ttl', 'at', 'created',
  'updated', 'scope', 'scopes', 'issuer', 'audience', 'provider',
]);

/** A property that describes what it is read from rather than holds it: `token.type`, `key.expiresAt`, `hasToken`. */
export function isDescribingKey(key: string): boolean {
  const words = nameWords(key);
  return words.length > 0 && (DESCRIBING_MEMBERS.has(words[words.length - 1]!) || BOOLEAN_HEADS.includes(words[0]!));
}

/** Last words of a property that says which record, how many or when, not what it holds. */
const RECORD_KEY_WORDS = new Set(['id', 'ids', 'uuid', 'guid', 'count', 'at', 'timestamp']);

/**
 * `body.session_id`, `body.messageCount`, `body.createdAt`: a key or a count read out of an object that becomes a
 * prompt as a whole. A last-resort name heuristic: the object reaches the model, this field is not prompt text.
 */
export function isRecordKey(key: string): boolean {
  const words = nameWords(key);
  return words.length > 0 && RECORD_KEY_WORDS.has(words[words.length - 1]!);
}

/** Lower-cased words of an identifier: `openaiApiKey` → ['openai','api','key'], `x-api-key` → ['x','api','key']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True for field names that hold a credential: `apiKey`, `api_key`, `clientSecret`, `password`, `accessToken`; not `max_tokens`. */
export function isSecretFieldName(name: string, settings?: Names): boolean {
  if (isSensitiveSetting(name, settings)) return true;
  const words = nameWords(name);
  if (words.includes(PUBLIC_WORD)) return false;
  if (words.length > 1 && BOOLEAN_HEADS.includes(words[0]!)) return false;
  // The last word of the credential: `token` in `tokenLimit`, `key` in `apiKeyId`.
  let at = words.findIndex((w) => SECRET_FIELD_WORDS.includes(w));
  for (let i = 0; i + 1 < words.length && at < 0; i++) {
    if (SECRET_FIELD_PAIRS.some(([a, b]) => words[i] === a && words[i + 1] === b)) at = i + 1;
  }
  return at >= 0 && !words.slice(at + 1).some((w) => DESCRIBING_TAILS.includes(w));
}

/** The label of a model API key written in a string (`sk-...`, `sk-ant-...`, `AIza...`, `gsk_...`, `xai-...`), if any. */
export function literalKeyLabel(text: string): string | undefined {
  return LITERAL_KEY_PATTERNS.find((p) => p.pattern.test(text))?.label;
}
