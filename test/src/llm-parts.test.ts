/** The parts of the model-call finder, each on its own: the client flow, the call record, and plain HTTP calls. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { makeCall } from '../../src/llm/call-record.js';
import { ClientFlow } from '../../src/llm/client-flow.js';
import { globalFetchCalls, httpCall } from '../../src/llm/http-calls.js';
import type { SystemMarkers } from '../../src/llm/messages.js';
import type { CallSpec, ClientMap } from '../../src/llm/sdks.js';
import type { FileContext } from '../../src/types.js';
import { textOf, withModel } from '../helpers.js';

const NO_MARKERS: SystemMarkers = { systemMessages: new Set(), systemTemplates: new Set(), promptMessages: new Set() };

const SPEC: CallSpec = {
  type: 'call',
  provider: 'openai',
  resultLabel: 'test result',
  optionsArg: 0,
  inputKeys: ['messages'],
  systemKeys: ['instructions'],
  messageKeys: ['messages'],
  textPaths: [['text']],
  limitKeys: ['max_tokens'],
  streaming: 'option',
  textAccessor: '.text',
};
/** A client whose `a.b(...)` is a model call. */
const MAP: ClientMap = { members: { a: { members: { b: { members: {}, call: SPEC } } } } };

/** The `make()` calls of a file: where the tracked client is made. */
const makeCalls = (file: FileContext): TSESTree.CallExpression[] =>
  file.index.calls.filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'make');

describe('the client flow', () => {
  it('follows a client through aliases, destructuring, objects, factories, parameters and this-members', () => {
    const code = `
      const c = make();
      const d = c;
      d.a.b(1);
      const { a } = c;
      a.b(2);
      const holder = { client: c };
      holder.client.a.b(3);
      function get() { return c; }
      get().a.b(4);
      function use(k) { k.a.b(5); }
      use(c);
      class Svc { constructor() { this.x = make(); } run() { this.x.a.b(6); } }
      c.a.other(7);
      c.b(8);
    `;
    const reached = withModel(code, (m) => {
      const calls: string[] = [];
      const flow = new ClientFlow(m.file, NO_MARKERS, (_leaf, call) => calls.push(textOf(code, call)));
      for (const node of makeCalls(m.file)) flow.push({ node, map: MAP, need: [], setup: [], system: [] });
      flow.drain();
      return calls.sort();
    });
    expect(reached).toEqual(['a.b(2)', 'd.a.b(1)', 'get().a.b(4)', 'holder.client.a.b(3)', 'k.a.b(5)', 'this.x.a.b(6)']);
  });

  it('visits each value once, so a cycle of assignments ends', () => {
    const code = `
      let x = make();
      let y = x;
      x = y;
      y = x;
      y.a.b(1);
    `;
    const count = withModel(code, (m) => {
      let n = 0;
      const flow = new ClientFlow(m.file, NO_MARKERS, () => n++);
      for (const node of makeCalls(m.file)) flow.push({ node, map: MAP, need: [], setup: [], system: [] });
      flow.drain();
      return n;
    });
    expect(count).toBe(1);
  });
});

describe('the call record', () => {
  it('reads inputs, system parts, opaque message lists, streaming and the text accessor from the spec', () => {
    const code = `
      f({ messages: [{ role: 'system', content: sys }, ...history], instructions: ins, stream: true });
      f({ messages: req.body.messages });
    `;
    const out = withModel(code, (m) =>
      m.file.index.calls.map((call) => {
        const c = makeCall(m.file, NO_MARKERS, call, SPEC, [], [], undefined);
        return {
          inputs: c.inputs.map((n) => textOf(code, n)),
          system: c.systemInputs.map((n) => textOf(code, n)),
          opaque: m.messageListsOf(c).map((n) => textOf(code, n)),
          streaming: c.streaming,
          accessor: c.textAccessor,
        };
      }),
    );
    expect(out).toEqual([
      {
        inputs: ["[{ role: 'system', content: sys }, ...history]"],
        system: ['ins', 'sys'],
        opaque: ['history'],
        streaming: true,
        accessor: undefined,
      },
      { inputs: ['req.body.messages'], system: [], opaque: ['req.body.messages'], streaming: false, accessor: '.text' },
    ]);
  });
});

describe('plain HTTP calls', () => {
  it('finds global fetch calls, not a fetch declared in the file', () => {
    const global = withModel("fetch('https://api.openai.com/v1/chat/completions', {}); globalThis.fetch('/x');", (m) =>
      globalFetchCalls(m.file).length,
    );
    const local = withModel("function fetch(u) {} fetch('https://api.openai.com/v1/chat/completions');", (m) => globalFetchCalls(m.file).length);
    expect([global, local]).toEqual([2, 0]);
  });

  it('recognises a model host and reads the JSON body, and passes other hosts', () => {
    const code = `
      fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body: JSON.stringify({ model: 'c', system: s, messages: m }) });
      fetch('https://example.com/v1/messages', { method: 'POST', body: JSON.stringify({ messages: m }) });
    `;
    const out = withModel(code, (m) =>
      globalFetchCalls(m.file).map((call) => {
        const r = httpCall(m.file, { type: 'http', via: 'fetch' }, call, []);
        return r && { provider: r.spec.provider, options: r.options && textOf(code, r.options), inputs: r.inputs.map((n) => textOf(code, n)) };
      }),
    );
    expect(out).toEqual([
      {
        provider: 'http',
        options: "{ model: 'c', system: s, messages: m }",
        inputs: ["{ model: 'c', system: s, messages: m }"],
      },
      undefined,
    ]);
  });
});
