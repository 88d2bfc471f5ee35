import { describe, expect, it } from 'vitest';
import { cryptoCalls, hmacUpdates } from '../../src/crypto.js';
import { textOf, withModel } from '../helpers.js';

const counts = (code: string, sourceType: 'module' | 'commonjs' = 'module') =>
  withModel(
    code,
    (m) => {
      const c = cryptoCalls(m.file);
      return [c.createHmac.length, c.createHash.length, c.timingSafeEqual.length];
    },
    { sourceType },
  );

describe('node:crypto calls', () => {
  it.each([
    "import { createHmac, createHash as h, timingSafeEqual } from 'node:crypto'; createHmac('a', k); h('sha256'); timingSafeEqual(a, b);",
    "import crypto from 'node:crypto'; crypto.createHmac('a', k); crypto.createHash('x'); crypto.timingSafeEqual(a, b);",
    "import * as crypto from 'crypto'; crypto.createHmac('a', k); crypto.createHash('x'); crypto.timingSafeEqual(a, b);",
  ])('follows ES module imports: %s', (code) => {
    expect(counts(code)).toEqual([1, 1, 1]);
  });

  it('follows require and destructured require', () => {
    expect(counts("const { createHmac } = require('crypto'); const c = require('node:crypto'); createHmac('a', k); c.createHash('x'); c.timingSafeEqual(a, b);", 'commonjs')).toEqual([1, 1, 1]);
  });

  it('ignores look-alikes that are not node:crypto', () => {
    expect(counts("import { createHmac } from './my-crypto.js'; createHmac('a', k); const crypto = {}; crypto.timingSafeEqual(a, b);")).toEqual([0, 0, 0]);
  });

  it('finds update() calls chained and on a variable', () => {
    const code = "import { createHmac } from 'node:crypto'; createHmac('sha256', k).update(a).digest('hex'); const h = createHmac('sha256', k); h.update(b);";
    expect(withModel(code, (m) => hmacUpdates(m.file).map((u) => textOf(code, u.arguments[0]!)))).toEqual(['a', 'b']);
  });
});
