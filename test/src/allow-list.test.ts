import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { textOf, withModel } from '../helpers.js';
import { leafValues } from '../../src/flow/leaves.js';

/** For each `probe(x)`: whether x still has a request origin, and its leaves. */
const probe = (code: string, sourceType?: 'module' | 'commonjs') =>
  withModel(
    code,
    (m) =>
      m.file.index.calls
        .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
        .map((c) => {
          const arg = c.arguments[0]!;
          const request = m.originsOf(arg).some((o) => o.kind === 'request');
          return `${request ? 'request' : 'clean'}: ${leafValues(m.file.sourceCode, arg).map((n) => textOf(code, n)).join(' | ')}`;
        }),
    { sourceType },
  );

describe('values narrowed to literals', () => {
  it('drops the checked branch of includes/has/=== tests on const literal lists, ESM and CommonJS', () => {
    const code = `
      const express = require('express');
      const ALLOWED = ['formal', 'casual'];
      const TONES = new Set(['a', 'b']);
      express().post('/x', (req, res) => {
        const tone = ALLOWED.includes(req.body.tone) ? req.body.tone : 'neutral';
        probe(tone);
        probe(TONES.has(req.query.t) ? req.query.t : 'a');
        probe(!['x', 'y'].includes(req.body.v) ? 'x' : req.body.v);
        probe(req.body.l === 'fr' || req.body.l === 'de' ? req.body.l : 'en');
      });
    `;
    expect(probe(code, 'commonjs')).toEqual([
      'clean: tone',
      "clean: 'a'",
      "clean: 'x'",
      "clean: 'en'",
    ]);
  });

  it('keeps the data when the list can change, holds non-literals, or the branch is another value', () => {
    const code = `
      import express from 'express';
      const LIST = ['a'];
      LIST.push(extra);
      const MIXED = ['a', other];
      let loose = ['a'];
      express().post('/x', (req, res) => {
        probe(LIST.includes(req.body.t) ? req.body.t : 'a');
        probe(MIXED.includes(req.body.t) ? req.body.t : 'a');
        probe(loose.includes(req.body.t) ? req.body.t : 'a');
        probe(['a'].includes(req.body.t) ? req.body.other : 'a');
        probe(['a'].includes(req.body.t) ? 'a' : req.body.t);
        probe(req.body.t !== 'a' ? req.body.t : 'b');
        probe(req.body.t === 'a' && req.body.u === 'b' ? req.body.t : 'b');
      });
    `;
    expect(probe(code)).toEqual([
      "request: req.body.t | 'a'",
      "request: req.body.t | 'a'",
      "request: req.body.t | 'a'",
      "request: req.body.other | 'a'",
      "request: 'a' | req.body.t",
      "request: req.body.t | 'b'",
      "request: req.body.t | 'b'",
    ]);
  });
});
