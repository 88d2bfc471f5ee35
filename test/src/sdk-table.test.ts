/**
 * The SDK table is the one place a model SDK is named: every module and export in it must make a file count as
 * model code (the cheap signals) and must be recognised as a model call, end to end through a rule. A module added
 * to the table but missed by some other part of the plugin fails here.
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { MODEL_MODULES, MODULES, PROVIDERS, type ClientMap, type ExportLeaf, type Leaf } from '../../src/llm/sdks.js';
import { MODEL_HOSTS } from '../../src/llm/hosts.js';
import { signalsOf } from '../../src/signals.js';
import { rules } from '../../rules/index.js';
import { withModel } from '../helpers.js';

const HOST_URL = "'https://api.openai.com/v1/chat/completions'";
const OPTIONS = "{ model: 'm', messages: [{ role: 'user', content: req.body.q }], prompt: req.body.q, input: req.body.q, contents: req.body.q }";

/** The first call reached from a tracked object: `.chat.completions.create(opts)`; undefined when none. */
function firstCall(map: ClientMap, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  for (const [key, child] of Object.entries(map.members)) {
    const leaf = child.call;
    if (leaf?.type === 'call') return `.${key}(${leaf.promptArg === 0 && leaf.optionsArg === -1 ? 'req.body.q' : OPTIONS})`;
    if (leaf?.type === 'http') return `.${key}(${HOST_URL}, ${OPTIONS})`;
    if (leaf?.type === 'instance') {
      const rest = firstCall(leaf.map(), depth + 1);
      if (rest) return `.${key}({ model: 'm' })${rest}`;
    }
    const deeper = firstCall(child, depth + 1);
    if (deeper) return `.${key}${deeper}`;
  }
  return undefined;
}

/** An expression that calls the model through export `name` of `mod`, bound to the local `X`. */
function useOf(mod: string, leaf: ExportLeaf): string | undefined {
  if ('construct' in leaf) {
    const rest = firstCall(leaf.construct);
    return rest ? `new X({ apiKey: process.env.K })${rest}` : undefined;
  }
  if ('call' in leaf) return callOf(leaf.call);
  if ('read' in leaf) {
    if (leaf.read.call) return callOf(leaf.read.call);
    const rest = firstCall(leaf.read);
    return rest ? `X${rest}` : undefined;
  }
  if ('command' in leaf) {
    // The command is sent by the module's client.
    const clientName = Object.keys(MODULES[mod]!).find((k) => 'construct' in (MODULES[mod]![k] as ExportLeaf));
    return clientName ? `new ${clientName}({}).send(new X({ modelId: 'm', messages: req.body.messages, body: req.body.q }))` : undefined;
  }
  return undefined; // Markers (LangChain message helpers) are no model calls.
}

function callOf(leaf: Leaf): string | undefined {
  if (leaf.type === 'call') return `X(${leaf.promptArg === 0 && leaf.optionsArg === -1 ? 'req.body.q' : OPTIONS})`;
  if (leaf.type === 'http') return `X(${HOST_URL}, ${OPTIONS})`;
  if (leaf.type === 'instance') {
    const rest = firstCall(leaf.map());
    return rest ? `X('openai:gpt-4o', { model: 'm' })${rest}` : undefined;
  }
  return undefined;
}

interface Case {
  readonly mod: string;
  readonly name: string;
  readonly code: string;
  readonly commonjs: boolean;
  readonly calls: boolean;
}

/** One small Express file per table entry, importing it in the form the entry describes. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const [mod, exports] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(exports)) {
      const isLeaf = ['construct', 'call', 'read', 'command', 'marker'].some((k) => k in value);
      if (!isLeaf) continue; // Nested marker tables (`ChatPromptTemplate.fromMessages`): no model calls.
      const leaf = value as ExportLeaf;
      const use = useOf(mod, leaf);
      const commonjs = name === '';
      const clientImport =
        'command' in leaf ? Object.keys(exports).find((k) => 'construct' in (exports[k] as ExportLeaf)) : undefined;
      // A scope row (`@anthropic-ai/*`) is imported as a package of the scope that has no row of its own.
      const specifier = mod.endsWith('/*') ? mod.replace('*', 'scoped-sample-sdk') : mod;
      const imports = commonjs
        ? `const express = require('express');\nconst X = require('${specifier}');`
        : `import express from 'express';\n${
            name === 'default' ? `import X from '${specifier}';` : `import { ${name} as X${clientImport ? `, ${clientImport}` : ''} } from '${specifier}';`
          }`;
      const body = use ? `const out = await ${use};\n  res.json(out);` : 'res.json({});';
      out.push({
        mod,
        name: name || '(module)',
        commonjs,
        calls: use !== undefined,
        code: `${imports}\nconst app = express();\napp.post('/chat', async (req, res) => {\n  ${body}\n});\n`,
      });
    }
  }
  return out;
}

const linter = new Linter({ configType: 'flat' });
function authReports(c: Case): Linter.LintMessage[] {
  return linter.verify(
    c.code,
    [
      {
        files: ['**/*.js'],
        languageOptions: {
          parser: tsParser,
          sourceType: c.commonjs ? 'commonjs' : 'module',
          globals: { require: 'readonly', process: 'readonly' },
        },
        plugins: { 'llm-leak': { rules } as never },
        rules: { 'llm-leak/require-auth-for-llm-route': 'error' },
      },
    ],
    'server.js',
  );
}

describe('the SDK table', () => {
  const all = cases();

  it('has an entry of every kind to walk', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((c) => c.calls).length).toBeGreaterThan(35);
  });

  it.each(all.map((c) => [`${c.mod} ${c.name}`, c] as const))('%s is analysed', (_label, c) => {
    const facts = withModel(
      c.code,
      (m) => ({
        llm: signalsOf(m.file.sourceCode, m.file.settings).llm,
        providers: m.llmCalls.map((call) => call.provider),
      }),
      { sourceType: c.commonjs ? 'commonjs' : 'module', filename: 'server.js' },
    );
    // Plain HTTP clients count only with a model host in the text, which these cases have.
    expect(facts.llm).toBe(true);
    if (!c.calls) return;
    expect(facts.providers.length).toBeGreaterThan(0);
    for (const p of facts.providers) expect(Object.keys(PROVIDERS)).toContain(p);
    const reports = authReports(c);
    expect(reports.map((r) => r.ruleId)).toEqual(['llm-leak/require-auth-for-llm-route']);
  });

  it('makes model code of every SDK module, and of HTTP clients only with a model host', () => {
    const http = Object.keys(MODULES).filter((m) => !MODEL_MODULES.has(m));
    expect(http.sort()).toEqual(['axios', 'node-fetch', 'undici']);
    const signal = (code: string) => withModel(code, (m) => signalsOf(m.file.sourceCode, m.file.settings).llm);
    expect(signal("import axios from 'axios'; axios.post('https://example.com/x', {});")).toBe(false);
    for (const h of MODEL_HOSTS) expect(h.host.source.replace(/\\/g, '')).toContain(h.hint.replace(/^\./, ''));
  });
});
