/** Which request headers carry credentials or signatures: the one classifier auth, logging and comparisons share. */
import type { LlmLeakSettings } from './settings.js';

/** What kind of credential a header carries, by its (case-insensitive) name; undefined when none. */
export function headerCredential(
  raw: string,
  extra: readonly string[] = [],
): 'header' | 'signature' | 'apiKey' | 'cookie' | undefined {
  const name = raw.toLowerCase();
  if (name === 'authorization' || name === 'proxy-authorization') return 'header';
  if (name === 'cookie' || name === 'set-cookie') return 'cookie';
  if (name.includes('signature')) return 'signature';
  if (extra.some((e) => e.toLowerCase() === name)) return 'apiKey';
  // Headers whose names hold "key" or "token" but carry no credential.
  // WWW-Authenticate is the server's challenge, not a credential.
  if (/idempotency|keep-alive|content-|accept|user-agent|forwarded|request-id|trace|www-authenticate/.test(name)) return undefined;
  if (/api[-_]?key|token|secret|password|(^|[-_])key$|[-_]key[-_]|auth/.test(name)) return 'apiKey';
  return undefined;
}

/** True for a header whose value is a credential or a request signature. */
export function isSensitiveHeader(name: string, settings: LlmLeakSettings): boolean {
  return headerCredential(name, settings.sensitiveNames) !== undefined;
}

/** Header reads in source text: `.headers.authorization`, `.header['x-api-key']`, `.headers.get('cookie')`. */
const HEADER_READ = /\bheaders?\s*(?:\?\.|\.)?\s*(?:get\s*\(\s*|\[\s*)?['"`]?([A-Za-z][\w-]*)/g;

/** True when the text reads a header that carries a credential; a cheap pre-check for the rules that judge them. */
export function readsCredentialHeader(text: string, extra: readonly string[] = []): boolean {
  if (!text.includes('header')) return false;
  for (const m of text.matchAll(HEADER_READ)) if (headerCredential(m[1]!, extra) !== undefined) return true;
  return false;
}
