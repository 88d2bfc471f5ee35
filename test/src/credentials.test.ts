import { describe, expect, it } from 'vitest';
import { credentialLiterals, isCredentialEnvName } from '../../src/credentials.js';
import { textOf, withModel } from '../helpers.js';

describe('isCredentialEnvName', () => {
  it('takes names whose last word is a credential or a login', () => {
    for (const name of ['OPENAI_API_KEY', 'JWT_SECRET', 'BASIC_PASS', 'DB_PASSWORD', 'GITHUB_TOKEN', 'ADMIN_USER', 'SECRET_KEY', 'PRIVATE_KEY', 'APIKEY', 'JWT_SECRET_B64', 'HMAC_SALT', 'apiKey']) {
      expect(isCredentialEnvName(name), name).toBe(true);
    }
  });
  it('leaves lookup keys, descriptions of secrets, public values and the shell user', () => {
    for (const name of ['REDIS_KEY_PREFIX', 'CACHE_KEY', 'PRIMARY_KEY', 'IDEMPOTENCY_KEY', 'TOKEN_TTL', 'SECRET_NAME', 'API_KEY_HEADER', 'NEXT_PUBLIC_API_KEY', 'STRIPE_PUBLISHABLE_KEY', 'USER', 'USER_AGENT', 'LOGIN_URL', 'PORT', 'BYPASS_CACHE', 'MAX_TOKENS', 'MAX_TOKEN', 'MIN_PASSWORD']) {
      expect(isCredentialEnvName(name), name).toBe(false);
    }
  });
});

describe('credentialLiterals', () => {
  const found = (code: string, sourceType: 'module' | 'commonjs' = 'module') =>
    withModel(code, (m) => credentialLiterals(m.file).map((c) => `${textOf(code, c.node)}: ${c.what}`), { sourceType });

  it('finds env fallbacks through locals, aliases and destructuring', () => {
    expect(found("const e = process.env; const k = e.API_KEY || 'k1'; const { JWT_SECRET: s } = process.env; s ?? 's1';")).toEqual([
      "'k1': a fallback for API_KEY",
      "'s1': a fallback for JWT_SECRET",
    ]);
  });
  it('finds Fastify plugin options through an ESM import and a require', () => {
    expect(found("import j from '@fastify/jwt'; app.register(j, { secret: 'a' });")).toEqual(["'a': the secret option of @fastify/jwt"]);
    expect(found("const c = require('@fastify/cookie'); app.register(c, { secret: 'b' });", 'commonjs')).toEqual(["'b': the secret option of @fastify/cookie"]);
  });
});
