/** Connection-string env vars carry a password, so they count as secrets (found by the accuracy corpus). */
import { describe, expect, it } from 'vitest';
import { isSecretEnvName } from '../../src/flow/origin-secrets.js';

describe('isSecretEnvName: connection strings', () => {
  it('counts database, cache and queue URLs as secrets', () => {
    for (const name of ['DATABASE_URL', 'MONGODB_URI', 'REDIS_URL', 'PG_CONNECTION_STRING', 'ANALYTICS_DB_URL']) {
      expect(isSecretEnvName(name), name).toBe(true);
    }
  });

  it('leaves other URLs alone', () => {
    for (const name of ['BASE_URL', 'API_URL', 'NEXT_PUBLIC_DATABASE_URL', 'OPENAI_BASE_URL', 'DB_HOST']) {
      expect(isSecretEnvName(name), name).toBe(false);
    }
  });
});
