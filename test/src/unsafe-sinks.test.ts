/** The shared parts behind no-unsafe-llm-output: unsafe sinks, tool-argument origins, escapes and checks before a sink. */
import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { textOf, withModel } from '../helpers.js';

const sinks = (code: string, sourceType?: 'module' | 'commonjs') =>
  withModel(code, (m) => m.unsafeSinks.map((s) => `${s.kind}: ${textOf(code, s.node)}`), { sourceType });

/** For each `probe(x)`: the model-output origins of x, with the escapes they went through. */
const probe = (code: string) =>
  withModel(code, (m) =>
    m.file.index.calls
      .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
      .map((c) =>
        m
          .originsOf(c.arguments[0]!)
          .filter((o) => o.kind === 'llm' || o.kind === 'tool')
          .map((o) => `${o.kind === 'tool' ? `tool(${o.api})` : 'llm'}${o.escaped ? `[${o.escaped.join(',')}]` : ''}`)
          .join(' ') || 'none',
      ),
  );

describe('unsafe sinks', () => {
  it('finds code, shell, program, path, URL and SQL sinks through imports, requires and aliases', () => {
    const code = `
      const cp = require('node:child_process');
      const { readFile } = require('fs/promises');
      const vm = require('vm');
      const axios = require('axios');
      const run = cp.execSync;
      run(a);
      cp.spawn(b, [c], { shell: true });
      cp.execFile(d, [e]);
      readFile(f);
      new vm.Script(g);
      eval(h);
      axios({ url: i, method: 'get' });
      db.query(\`SELECT * FROM t WHERE x = '\${j}'\`);
      db.query('SELECT * FROM t WHERE x = $1', [k]);
      other.query(l);
    `;
    expect(sinks(code, 'commonjs')).toEqual([
      'shell: a',
      'shell: b',
      'shell: c',
      'program: d',
      'path: f',
      'code: g',
      'code: h',
      'url: i',
      "sql: `SELECT * FROM t WHERE x = '${j}'`",
    ]);
  });

  it('finds redirects by the response roles and HTML only where it is built or sent as HTML', () => {
    const code = `
      import express from 'express';
      const app = express();
      app.get('/x', (req, res) => {
        res.setHeader('Location', a);
        if (b) return res.redirect(301, b);
        res.json({ html: \`<p>\${c}</p>\` });
        res.send(d);
        res.send(\`<p>\${e}</p>\`);
      });
    `;
    expect(sinks(code)).toEqual(['redirect: a', 'redirect: b', 'html: `<p>${e}</p>`']);
  });
});

describe('model output for unsafe sinks', () => {
  it('marks escaped model output, keeps it through path.join, and gives tools model-chosen arguments', () => {
    const code = `
      import OpenAI from 'openai';
      import path from 'node:path';
      import escapeHtml from 'escape-html';
      import { tool } from 'ai';
      const openai = new OpenAI();
      const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
      const text = c.choices[0].message.content;
      probe(escapeHtml(text));
      probe(path.join('/srv', text));
      probe(path.basename(text));
      probe(encodeURIComponent(Number(text)));
      probe(Boolean(text));
      tool({ execute: async ({ cmd }) => probe(cmd) });
      probe(req.body.x);
    `;
    expect(probe(code)).toEqual(['llm[html]', 'llm', 'llm[path]', 'llm[all,url]', 'none', 'tool(Vercel AI SDK tool)', 'none']);
  });

  it('drops tool arguments the schema fixes (zod enums and numbers, JSON schema enums), keeps free text', () => {
    const code = `
      import { tool } from 'ai';
      import { DynamicStructuredTool } from '@langchain/core/tools';
      import { z } from 'zod';
      tool({
        parameters: z.object({ mode: z.enum(['a', 'b']).optional(), n: z.number(), q: z.string() }),
        execute: async (args) => { probe(args.mode); probe(args.n); probe(args.q); probe(args); },
      });
      new DynamicStructuredTool({
        schema: { type: 'object', properties: { unit: { enum: ['c', 'f'] }, city: { type: 'string' } } },
        func: async ({ unit, city }) => { probe(unit); probe(city); },
      });
    `;
    expect(probe(code)).toEqual([
      'none',
      'none',
      'tool(Vercel AI SDK tool)',
      'tool(Vercel AI SDK tool)',
      'none',
      'tool(LangChain DynamicStructuredTool)',
    ]);
  });
});

describe('checks before a sink', () => {
  it('sees list, Set, pattern, prefix and host checks whose failing branch leaves', () => {
    const code = `
      const LIST = ['a', 'b'];
      const SET = new Set(['a']);
      function f(x, y, z, u, w) {
        if (!LIST.includes(x)) return;
        if (!SET.has(y)) throw new Error('no');
        if (!/^[a-z]+$/.test(z)) return;
        if (!u.startsWith(ROOT)) return;
        const url = new URL(w);
        if (url.hostname !== 'example.com') return;
        probe(x, y, z, u, url);
      }
      function g(x) {
        if (!LIST.includes(x)) console.log('odd');
        if (!/^.*$/.test(x)) return;
        probe(x);
      }
    `;
    const out = withModel(code, (m) =>
      m.file.index.calls
        .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'probe')
        .map((c) => c.arguments.map((a) => m.checkedBefore(a, c) ?? 'none').join(' ')),
    );
    expect(out).toEqual(['literals literals pattern prefix host', 'none']);
  });
});
