import { describe, expect, it } from 'vitest';
import { hmacUpdates } from '../../src/crypto.js';
import { parsesJsonBody, parsesRawBody } from '../../src/raw-body.js';
import { withModel } from '../helpers.js';

describe('parsesRawBody / parsesJsonBody', () => {
  it('sees express.raw() and express.text() but not express.json({ verify })', () => {
    expect(withModel(`import express from 'express'; express.raw();`, (m) => parsesRawBody(m.file))).toBe(true);
    expect(withModel(`import { text } from 'body-parser'; text();`, (m) => parsesRawBody(m.file))).toBe(true);
    expect(withModel(`import express from 'express'; express.json({ verify() {} });`, (m) => parsesRawBody(m.file))).toBe(false);
  });

  it('treats a buffer content-type parser as raw unless it hands back JSON.parse output', () => {
    const raw = `import Fastify from 'fastify'; const f = Fastify();
f.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => done(null, body));`;
    const parsed = `import Fastify from 'fastify'; const f = Fastify();
f.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => done(null, JSON.parse(body)));`;
    expect(withModel(raw, (m) => parsesRawBody(m.file))).toBe(true);
    expect(withModel(parsed, (m) => parsesRawBody(m.file))).toBe(false);
  });

  it('sees JSON parsers in Express, Koa and Fastify (parses JSON by default)', () => {
    expect(withModel(`import express from 'express'; express.json();`, (m) => parsesJsonBody(m.file))).toBe(true);
    expect(withModel(`import bodyParser from 'koa-bodyparser'; bodyParser();`, (m) => parsesJsonBody(m.file))).toBe(true);
    expect(
      withModel(`const { koaBody } = require('koa-body'); koaBody();`, (m) => parsesJsonBody(m.file), { sourceType: 'commonjs' }),
    ).toBe(true);
    expect(withModel(`import Fastify from 'fastify'; Fastify();`, (m) => parsesJsonBody(m.file))).toBe(true);
    expect(withModel(`import { Router } from 'express'; Router();`, (m) => parsesJsonBody(m.file))).toBe(false);
  });

  it('leaves the shared tracker usable for later CommonJS queries', () => {
    const code = `const bodyParser = require('body-parser');
const { createHmac } = require('crypto');
bodyParser.json();
createHmac('sha256', 'k').update('x');`;
    const count = withModel(
      code,
      (m) => {
        parsesRawBody(m.file);
        parsesJsonBody(m.file);
        return hmacUpdates(m.file).length;
      },
      { sourceType: 'commonjs' },
    );
    expect(count).toBe(1);
  });
});
