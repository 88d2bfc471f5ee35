/** Which request headers carry credentials or signatures. */
import type { LlmLeakSettings } from './settings.js';

/** Header names that carry credentials. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token']);

/** True for headers that carry a signature: any name holding "signature", and the known webhook ones. */
export function isSignatureHeader(name: string): boolean {
  return name.includes('signature') || name === 'x-hub-signature-256' || name === 'svix-signature';
}

/** True for a header whose value is a credential or a request signature. */
export function isSensitiveHeader(name: string, settings: LlmLeakSettings): boolean {
  const n = name.toLowerCase();
  return (
    CREDENTIAL_HEADERS.has(n) ||
    isSignatureHeader(n) ||
    /(^|-)(token|secret|password|api-?key)($|-)/.test(n) ||
    settings.sensitiveNames.some((s) => s.toLowerCase() === n)
  );
}
