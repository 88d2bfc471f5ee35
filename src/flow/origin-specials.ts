/**
 * Calls recognised through imports whose result is known without following them: `basic-auth` (the credentials),
 * framework calls that return request data (`cookies()` of next/headers, from the adapters), jsonwebtoken's `sign`
 * (a bearer token), and node:crypto's createHash / createHmac (a hash or an HMAC being built).
 */
import { CALL, ESM, trackerOf } from '../references.js';
import { cryptoCalls } from '../crypto.js';
import { REQUEST_CALLS } from '../frameworks/registry.js';
import type { FileContext, Node, RequestPart } from '../types.js';
import { handle, type Val } from './origin-values.js';
import { SIGNED_JWT } from './secret-sources.js';

/** The file's recognised calls and what each returns. */
export function specialCallsOf(file: FileContext): Map<Node, Val[]> {
  const specialCalls = new Map<Node, Val[]>();
  // ESM-marked maps so named, namespace and default imports all resolve (the tracker's strict mode).
  const basicAuth = { [CALL]: 'auth', parse: { [CALL]: 'auth' } };
  // jsonwebtoken's sign(): the token it returns is a bearer credential.
  const jwt = { sign: { [CALL]: 'jwt' } };
  const traceMap: Record<string, Record<string | symbol, unknown>> = {
    'basic-auth': { [ESM]: true, ...basicAuth, default: basicAuth },
    jsonwebtoken: { [ESM]: true, ...jwt, default: jwt },
  };
  // Framework modules whose calls return request data (`cookies()` of next/headers).
  for (const [module, calls] of Object.entries(REQUEST_CALLS)) {
    traceMap[module] = { [ESM]: true, ...Object.fromEntries(Object.entries(calls).map(([name, part]) => [name, { [CALL]: `part:${part}` }])) };
  }
  const values: Record<string, Val> = {
    hasher: handle('hasher'),
    hmac: handle('hmac'),
    auth: { kind: 'request', part: 'auth' },
    jwt: SIGNED_JWT,
  };
  const tracker = trackerOf(file);
  try {
    for (const it of [tracker.iterateEsmReferences(traceMap as never), tracker.iterateCjsReferences(traceMap as never)]) {
      for (const { node, info } of it) {
        const key = String(info);
        const val: Val | undefined = key.startsWith('part:') ? { kind: 'request', part: key.slice(5) as RequestPart } : values[key];
        if (val) specialCalls.set(node as Node, [val]);
      }
    }
  } catch {
    // Defensive: an odd module shape must not break every query.
  }
  // node:crypto is traced once for the whole model (src/crypto.ts).
  const { createHmac, createHash } = cryptoCalls(file);
  for (const c of createHmac) specialCalls.set(c, [values.hmac!]);
  for (const c of createHash) specialCalls.set(c, [values.hasher!]);
  return specialCalls;
}