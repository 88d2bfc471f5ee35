// A comparison that takes the same time wherever the inputs differ, shared by the Basic Auth and webhook checks.
import { timingSafeEqual } from 'node:crypto';

/** True when `given` equals `expected`, compared in constant time over their UTF-8 bytes. */
export function safeEqual(given, expected) {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // timingSafeEqual throws on inputs of different lengths, so check the lengths first.
  if (a.length !== b.length) {
    return false;
  }
  return timingSafeEqual(a, b);
}
