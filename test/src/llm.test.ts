import { describe, expect, it } from 'vitest';
import { textOf, withModel } from '../helpers.js';
import { limitInsertion, messageLists, outputLimit } from '../../src/llm/index.js';
import { isMetadataPath } from '../../src/llm/metadata.js';
import type { LlmCall } from '../../src/types.js';

type Opts = { sourceType?: 'module' | 'commonjs'; settings?: Record<string, unknown> };

/** `provider:callee` for each call found. */
const calls = (code: string, o: Opts = {}) =>
  withModel(code, (m) => m.llmCalls.map((c) => `${c.provider}:${textOf(code, calleeOf(c))}`), o);

const calleeOf = (c: LlmCall) => (c.node.type === 'CallExpression' ? c.node.callee : c.node);

/** The one call of a snippet, with its node fields turned into source text. */
const only = (code: string, o: Opts = {}) =>
  withModel(
    code,
    (m) => {
      expect(m.llmCalls).toHaveLength(1);
      const c = m.llmCalls[0]!;
      return {
        provider: c.provider,
        options: c.options && textOf(code, c.options),
        setup: c.setupOptions.map((s) => textOf(code, s)),
        inputs: c.inputs.map((n) => textOf(code, n)),
        system: c.systemInputs.map((n) => textOf(code, n)),
        textPaths: c.textPaths,
        limitKeys: c.limitKeys,
        streaming: c.streaming,
        textAccessor: c.textAccessor,
        limit: outputLimit(c),
      };
    },
    o,
  );

describe('openai', () => {
  it('finds chat, responses and completions calls on a default-imported client', () => {
    const code = `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      async function a() {
        await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: sys }, { role: 'user', content: q }], max_tokens: 5 });
        await openai.responses.create({ model: 'x', instructions: ins, input: q });
        await openai.completions.create({ prompt: p });
        await openai.beta.chat.completions.parse({ messages });
        openai.models.list();
      }
    `;
    expect(calls(code)).toEqual([
      'openai:openai.chat.completions.create',
      'openai:openai.responses.create',
      'openai:openai.completions.create',
      'openai:openai.beta.chat.completions.parse',
    ]);
  });

  it('fills the chat fields, reading a local const messages array', () => {
    const code = `
      import { OpenAI } from 'openai';
      const client = new OpenAI();
      const messages = [{ role: 'developer', content: rules }, { role: 'user', content: q }];
      client.chat.completions.create({ model: 'gpt', messages, max_completion_tokens: 100 });
    `;
    expect(only(code)).toEqual({
      provider: 'openai',
      options: `{ model: 'gpt', messages, max_completion_tokens: 100 }`,
      setup: [],
      inputs: ['messages'],
      system: ['rules'],
      // Its own shape first, then the other shapes of the OpenAI family (v3 `.data`, legacy `choices[].text`).
      textPaths: [['choices', '*', 'message', 'content'], ['choices', '*', 'text'], ['data', 'choices', '*', 'message', 'content'], ['data', 'choices', '*', 'text']],
      limitKeys: ['max_tokens', 'max_completion_tokens'],
      streaming: false,
      textAccessor: ".choices[0]?.message?.content ?? ''",
      limit: 'found',
    });
  });

  it('reads the system parts of the lists a same-file helper returns, not of nested functions or other calls', () => {
    const code = `
      import OpenAI from 'openai';
      const client = new OpenAI();
      function buildMessages(req) {
        const sys = { role: 'system', content: \`You are \${req.body.persona}\` };
        const unused = () => [{ role: 'system', content: inner }];
        if (req.body.short) return [sys];
        return [sys, { role: 'user', content: req.body.q }];
      }
      const viaArrow = (p) => [{ role: 'developer', content: p.rules }];
      const loop = (n) => loop(n);
      client.chat.completions.create({ model: 'gpt', messages: buildMessages(req) });
      client.chat.completions.create({ model: 'gpt', messages: viaArrow(req) });
      client.chat.completions.create({ model: 'gpt', messages: loop(1) });
      client.chat.completions.create({ model: 'gpt', messages: unknownHelper(req) });
    `;
    expect(withModel(code, (m) => m.llmCalls.map((c) => c.systemInputs.map((n) => textOf(code, n))))).toEqual([
      ['`You are ${req.body.persona}`'], ['p.rules'], [], [],
    ]);
  });

  it('fills the Responses fields and sees stream: true', () => {
    const code = `
      import OpenAI from 'openai';
      const opts = { model: 'x', instructions: sys, input: [{ role: 'system', content: s2 }, { role: 'user', content: q }], stream: true };
      new OpenAI().responses.create(opts);
    `;
    expect(only(code)).toMatchObject({
      options: expect.stringContaining('instructions: sys'),
      inputs: [`[{ role: 'system', content: s2 }, { role: 'user', content: q }]`],
      system: ['sys', 's2'],
      // A stream also has text in each `response.output_text.delta` event.
      textPaths: [['output_text'], ['output', '*', 'content', '*', 'text'], ['*', 'delta']],
      limitKeys: ['max_output_tokens'],
      streaming: true,
      textAccessor: undefined,
      limit: 'missing',
    });
  });

  it('follows CommonJS require, destructured require and require().default', () => {
    const code = `
      const OpenAI = require('openai');
      const { AzureOpenAI } = require('openai');
      const Default = require('openai').default;
      const a = new OpenAI(); const b = new AzureOpenAI(); const c = new Default();
      a.chat.completions.create({ messages: [] });
      b.chat.completions.stream({ messages: [] });
      c.responses.parse({ input: 'x' });
    `;
    expect(calls(code, { sourceType: 'commonjs' })).toEqual([
      'openai:a.chat.completions.create',
      'openai:b.chat.completions.stream',
      'openai:c.responses.parse',
    ]);
  });

  it('follows namespace imports, aliases, destructuring and module clients used in functions', () => {
    const code = `
      import * as sdk from 'openai';
      const client = new sdk.OpenAI();
      const c = client;
      const { chat } = client;
      const { completions } = client.chat;
      export async function h() {
        await c.chat.completions.create({ messages: [] });
        await chat.completions.create({ messages: [] });
        await completions.create({ messages: [] });
      }
    `;
    expect(calls(code)).toEqual([
      'openai:c.chat.completions.create',
      'openai:chat.completions.create',
      'openai:completions.create',
    ]);
  });

  it('follows a client a getter returns: `this.client` where `get client() { return this._client }`', () => {
    const code = `
      const OpenAI = require('openai');
      class Groq {
        constructor() { this._client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' }); }
        get client() { return this._client; }
        get label() { return 'groq'; }
        async #chat(messages) { return this.client.chat.completions.create({ model: 'm', messages }); }
        async other() { return this.label.chat.completions.create({}); }
      }
      module.exports = Groq;
    `;
    expect(calls(code, { sourceType: 'commonjs' })).toEqual(['openai:this.client.chat.completions.create']);
  });

  it('follows clients stored on objects, this.x, class fields, factories, params and awaits', () => {
    const code = `
      import OpenAI from 'openai';
      const clients = { ai: new OpenAI() };
      const holder = {};
      holder.gpt = new OpenAI();
      class Svc {
        field = new OpenAI();
        constructor() { this.client = new OpenAI(); }
        async a() { return this.client.chat.completions.create({ messages: [] }); }
        async b() { return this.field.responses.create({ input: 'x' }); }
      }
      function getClient() { return new OpenAI(); }
      const lazy = async () => new OpenAI();
      let cached;
      function cachedClient() { if (!cached) cached = new OpenAI(); return cached; }
      function useIt(c) { return c.completions.create({ prompt: 'x' }); }
      async function run() {
        await clients.ai.chat.completions.create({ messages: [] });
        await holder.gpt.chat.completions.create({ messages: [] });
        await getClient().chat.completions.create({ messages: [] });
        await (await lazy()).chat.completions.create({ messages: [] });
        await cachedClient().chat.completions.create({ messages: [] });
        useIt(getClient());
      }
    `;
    expect(calls(code)).toEqual([
      'openai:this.client.chat.completions.create',
      'openai:this.field.responses.create',
      'openai:c.completions.create',
      'openai:clients.ai.chat.completions.create',
      'openai:holder.gpt.chat.completions.create',
      'openai:getClient().chat.completions.create',
      'openai:(await lazy()).chat.completions.create',
      'openai:cachedClient().chat.completions.create',
    ]);
  });

  it('ignores look-alikes: a local object named openai, an unrelated client, unknown members', () => {
    const code = `
      import OpenAI from 'openai';
      import { Client } from 'some-sdk';
      const openai = { chat: { completions: { create: () => 1 } } };
      const client = new Client();
      openai.chat.completions.create({ messages: [] });
      client.chat.completions.create({ messages: [] });
      const real = new OpenAI();
      real.files.create({});
      real.chat.completions['constructor']({});
      real.chat.toString();
    `;
    expect(calls(code)).toEqual([]);
  });
});

describe('anthropic', () => {
  it('fills messages.create fields, ESM and CJS', () => {
    const code = `
      import Anthropic from '@anthropic-ai/sdk';
      const anthropic = new Anthropic();
      anthropic.messages.create({ model: 'c', system: sys, max_tokens: 1024, messages: [{ role: 'user', content: q }] });
    `;
    expect(only(code)).toMatchObject({
      provider: 'anthropic',
      inputs: [`[{ role: 'user', content: q }]`],
      system: ['sys'],
      textPaths: [['content', '*', 'text']],
      limitKeys: ['max_tokens'],
      streaming: false,
      textAccessor: ".content.find((b) => b.type === 'text')?.text ?? ''",
      limit: 'found',
    });
    const cjs = `
      const { Anthropic } = require('@anthropic-ai/sdk');
      const a = new Anthropic();
      a.messages.stream({ messages: [] });
      a.beta.messages.create({ messages: [] });
      a.completions.create({ prompt: p, max_tokens_to_sample: 5 });
    `;
    expect(calls(cjs, { sourceType: 'commonjs' })).toEqual([
      'anthropic:a.messages.stream',
      'anthropic:a.beta.messages.create',
      'anthropic:a.completions.create',
    ]);
  });
});

describe('the @anthropic-ai scope', () => {
  it('reads a client of any package of the scope, default or named, constructed with new, as an Anthropic client', () => {
    const cjs = `
      const Anthropic = require('@anthropic-ai/santhropic');
      const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
      anthropic.messages.create({ model: 'c', max_tokens: 10, messages: m });
    `;
    expect(calls(cjs, { sourceType: 'commonjs' })).toEqual(['anthropic:anthropic.messages.create']);
    const esm = `
      import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
      import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
      new AnthropicBedrock().messages.create({ messages: [] });
      new AnthropicVertex({ region: 'r' }).messages.stream({ messages: [] });
    `;
    expect(calls(esm)).toEqual([
      'anthropic:new AnthropicBedrock().messages.create',
      "anthropic:new AnthropicVertex({ region: 'r' }).messages.stream",
    ]);
    expect(only(`import { Anthropic } from '@anthropic-ai/sdk-next'; new Anthropic().messages.create({ system: s, max_tokens: 1, messages: [] });`)).toMatchObject({
      provider: 'anthropic',
      system: ['s'],
      textPaths: [['content', '*', 'text']],
      limit: 'found',
    });
  });

  it('does not read other scopes, deeper paths of the scope, or unconstructed exports', () => {
    const code = `
      import Anthropic from '@anthropic/sdk';
      import Deep from '@anthropic-ai/sdk-x/lib/client';
      import { countTokens } from '@anthropic-ai/tokenizer';
      new Anthropic().messages.create({ messages: [] });
      new Deep().messages.create({ messages: [] });
      countTokens(q);
    `;
    expect(calls(code)).toEqual([]);
  });
});

describe('openai images', () => {
  it('reads images.generate and images.edit: the prompt goes in, the images come out in data, no output limit', () => {
    const code = `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      openai.images.generate({ model: 'dall-e-2', prompt: keyword, n: 1 });
    `;
    expect(only(code)).toMatchObject({
      provider: 'openai',
      inputs: ['keyword'],
      system: [],
      textPaths: [['data']],
      limitKeys: [],
      textAccessor: '.data',
      limit: 'unknown',
    });
    expect(calls(`import OpenAI from 'openai'; const o = new OpenAI(); o.images.edit({ image: f, prompt: p });`)).toEqual(['openai:o.images.edit']);
  });
});

describe('openai audio', () => {
  it('reads audio.transcriptions and audio.translations (Whisper): the transcript comes out in text, no output limit', () => {
    const code = `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      openai.audio.transcriptions.create({ file: audio, model: 'whisper-1', prompt: hint });
    `;
    expect(only(code)).toMatchObject({ provider: 'openai', inputs: ['hint'], textPaths: [['text']], limitKeys: [], textAccessor: '.text' });
    expect(calls(`import OpenAI from 'openai'; const o = new OpenAI(); o.audio.translations.create({ file: f, model: 'whisper-1' });`)).toEqual(['openai:o.audio.translations.create']);
    // Text to speech is not read: its result is audio, not text the model wrote.
    expect(calls(`import OpenAI from 'openai'; const o = new OpenAI(); o.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: t });`)).toEqual([]);
  });
});

describe('google', () => {
  it('@google/genai: models and chats, with config.systemInstruction and the chat setup', () => {
    const code = `
      import { GoogleGenAI } from '@google/genai';
      const ai = new GoogleGenAI({ apiKey: k });
      ai.models.generateContent({ model: 'g', contents: q, config: { systemInstruction: sys, maxOutputTokens: 10 } });
      const chat = ai.chats.create({ model: 'g', config: { systemInstruction: s2 } });
      chat.sendMessageStream({ message: m });
    `;
    const found = withModel(code, (m) =>
      m.llmCalls.map((c) => ({
        callee: textOf(code, calleeOf(c)),
        inputs: c.inputs.map((n) => textOf(code, n)),
        system: c.systemInputs.map((n) => textOf(code, n)),
        streaming: c.streaming,
        limit: outputLimit(c),
        textPaths: c.textPaths,
      })),
    );
    expect(found).toEqual([
      { callee: 'ai.models.generateContent', inputs: ['q'], system: ['sys'], streaming: false, limit: 'found', textPaths: [['text'], ['candidates', '*', 'content', 'parts', '*', 'text']] },
      {
        callee: 'chat.sendMessageStream', inputs: ['m'], system: ['s2'], streaming: true, limit: 'missing',
        textPaths: [['text'], ['candidates', '*', 'content', 'parts', '*', 'text'], ['*', 'text'], ['*', 'candidates', '*', 'content', 'parts', '*', 'text']],
      },
    ]);
  });

  it('@google/generative-ai: getGenerativeModel options are setup options', () => {
    const code = `
      const { GoogleGenerativeAI } = require('@google/generative-ai');
      const genAI = new GoogleGenerativeAI(key);
      const model = genAI.getGenerativeModel({ model: 'g', systemInstruction: sys, generationConfig: { maxOutputTokens: 50 } });
      async function h(prompt) {
        const r = await model.generateContent(prompt);
        const chat = model.startChat({ history: [] });
        await chat.sendMessage(prompt);
        return r;
      }
    `;
    const found = withModel(
      code,
      (m) =>
        m.llmCalls.map((c) => ({
          callee: textOf(code, calleeOf(c)),
          setup: c.setupOptions.length,
          inputs: c.inputs.map((n) => textOf(code, n)),
          system: c.systemInputs.map((n) => textOf(code, n)),
          limit: outputLimit(c),
          textAccessor: c.textAccessor,
        })),
      { sourceType: 'commonjs' },
    );
    expect(found).toEqual([
      { callee: 'model.generateContent', setup: 1, inputs: ['prompt'], system: ['sys'], limit: 'found', textAccessor: '.response.text()' },
      { callee: 'chat.sendMessage', setup: 2, inputs: ['prompt'], system: ['sys'], limit: 'found', textAccessor: '.response.text()' },
    ]);
  });
});

describe('vercel ai', () => {
  it('finds generateText/streamText/generateObject/streamObject, ESM and CJS', () => {
    const code = `
      import { generateText, streamText as st } from 'ai';
      import * as ai from 'ai';
      generateText({ model, system: sys, prompt: p, maxTokens: 100 });
      st({ model, messages: [{ role: 'system', content: s2 }] });
      ai.generateObject({ model, schema, prompt: p });
    `;
    expect(calls(code)).toEqual(['ai:generateText', 'ai:st', 'ai:ai.generateObject']);
    expect(
      withModel(code, (m) => m.llmCalls.map((c) => [c.systemInputs.map((n) => textOf(code, n)), c.streaming, c.textAccessor, outputLimit(c)])),
    ).toEqual([
      [['sys'], false, '.text', 'found'],
      [['s2'], true, undefined, 'missing'],
      [[], false, '.object', 'missing'],
    ]);
    const cjs = `const { streamObject } = require('ai'); streamObject({ prompt: p });`;
    expect(calls(cjs, { sourceType: 'commonjs' })).toEqual(['ai:streamObject']);
  });
});

describe('langchain', () => {
  it('finds model calls, also on withStructuredOutput/bind, with constructor options as setup', () => {
    const code = `
      import { ChatOpenAI } from '@langchain/openai';
      import { ChatAnthropic } from '@langchain/anthropic';
      import { SystemMessage, HumanMessage } from '@langchain/core/messages';
      const model = new ChatOpenAI({ model: 'gpt', maxTokens: 10 });
      const claude = new ChatAnthropic({});
      model.invoke([new SystemMessage(sys), new HumanMessage(q)]);
      claude.stream([['system', s2], ['human', q]]);
      model.withStructuredOutput(schema).invoke(q);
      model.bind({ stop: ['x'] }).batch([q]);
    `;
    const found = withModel(code, (m) =>
      m.llmCalls.map((c) => ({
        callee: textOf(code, calleeOf(c)),
        setup: c.setupOptions.map((s) => textOf(code, s)),
        system: c.systemInputs.map((n) => textOf(code, n)),
        streaming: c.streaming,
        textPaths: c.textPaths,
        limit: outputLimit(c),
      })),
    );
    expect(found).toEqual([
      { callee: 'model.invoke', setup: [`{ model: 'gpt', maxTokens: 10 }`], system: ['sys'], streaming: false, textPaths: [['content'], ['text'], ['lc_kwargs', 'content']], limit: 'found' },
      { callee: 'claude.stream', setup: ['{}'], system: ['s2'], streaming: true, textPaths: [['content'], ['text'], ['lc_kwargs', 'content'], ['*', 'content'], ['*', 'text'], ['*', 'lc_kwargs', 'content']], limit: 'missing' },
      { callee: 'model.withStructuredOutput(schema).invoke', setup: [`{ model: 'gpt', maxTokens: 10 }`], system: [], streaming: false, textPaths: [[]], limit: 'found' },
      { callee: "model.bind({ stop: ['x'] }).batch", setup: [`{ model: 'gpt', maxTokens: 10 }`], system: [], streaming: false, textPaths: [['content'], ['text'], ['lc_kwargs', 'content']], limit: 'found' },
    ]);
  });

  it('reads a ChatPromptTemplate piped into the model, and CommonJS langchain/* paths', () => {
    const code = `
      const { ChatGroq } = require('@langchain/groq');
      const { OpenAI } = require('langchain/llms/openai');
      const { ChatPromptTemplate } = require('@langchain/core/prompts');
      const prompt = ChatPromptTemplate.fromMessages([['system', sys], ['human', '{q}']]);
      const chain = prompt.pipe(new ChatGroq({}));
      chain.invoke({ q });
      new OpenAI({}).call(q);
    `;
    const found = withModel(
      code,
      (m) => m.llmCalls.map((c) => [textOf(code, calleeOf(c)), c.systemInputs.map((n) => textOf(code, n)), c.textPaths]),
      { sourceType: 'commonjs' },
    );
    expect(found).toEqual([
      ['chain.invoke', ['sys'], [['content'], ['text'], ['lc_kwargs', 'content']]],
      ['new OpenAI({}).call', [], [[]]],
    ]);
  });
});

describe('langchain prompt templates', () => {
  it('reads SystemMessagePromptTemplate parts and { role } messages passed to invoke', () => {
    const code = `
      import { ChatPromptTemplate, SystemMessagePromptTemplate } from '@langchain/core/prompts';
      import * as lc from '@langchain/ollama';
      const prompt = ChatPromptTemplate.fromMessages([SystemMessagePromptTemplate.fromTemplate(tpl), ['human', '{q}']]);
      const llm = new lc.ChatOllama({ numPredict: 20 });
      prompt.pipe(llm).invoke({ q });
      llm.invoke([{ role: 'system', content: s2 }, { role: 'user', content: q }]);
    `;
    expect(
      withModel(code, (m) => m.llmCalls.map((c) => [c.systemInputs.map((n) => textOf(code, n)), outputLimit(c)])),
    ).toEqual([
      [['tpl'], 'found'],
      [['s2'], 'found'],
    ]);
  });
});

describe('cohere, mistral, groq, ollama', () => {
  it('finds each SDK (ESM)', () => {
    const code = `
      import { CohereClient, CohereClientV2 } from 'cohere-ai';
      import { Mistral } from '@mistralai/mistralai';
      import Groq from 'groq-sdk';
      import ollama, { Ollama } from 'ollama';
      const co = new CohereClient({}); const co2 = new CohereClientV2({});
      const mistral = new Mistral({ apiKey });
      const groq = new Groq();
      const local = new Ollama({ host });
      co.chat({ message: q, preamble: sys });
      co2.chatStream({ messages: [{ role: 'system', content: s2 }] });
      mistral.chat.complete({ messages: [], maxTokens: 5 });
      mistral.chat.stream({ messages: [] });
      groq.chat.completions.create({ messages: [] });
      ollama.chat({ messages: [], options: { num_predict: 10 } });
      local.generate({ prompt: q, system: s3, stream: true });
    `;
    expect(calls(code)).toEqual([
      'cohere:co.chat', 'cohere:co2.chatStream', 'mistral:mistral.chat.complete', 'mistral:mistral.chat.stream',
      'groq:groq.chat.completions.create', 'ollama:ollama.chat', 'ollama:local.generate',
    ]);
    expect(
      withModel(code, (m) => m.llmCalls.map((c) => [c.systemInputs.map((n) => textOf(code, n)).join(), c.streaming, outputLimit(c)])),
    ).toEqual([
      ['sys', false, 'missing'], ['s2', true, 'missing'], ['', false, 'found'], ['', true, 'missing'],
      ['', false, 'missing'], ['', false, 'found'], ['s3', true, 'missing'],
    ]);
  });

  it('finds each SDK (CommonJS)', () => {
    const code = `
      const { CohereClientV2 } = require('cohere-ai');
      const { Mistral } = require('@mistralai/mistralai');
      const Groq = require('groq-sdk');
      const ollama = require('ollama').default;
      new CohereClientV2({}).chat({ messages: [] });
      new Mistral({}).chat.complete({ messages: [] });
      new Groq().chat.completions.create({ messages: [] });
      ollama.generate({ prompt: q });
    `;
    expect(calls(code, { sourceType: 'commonjs' })).toEqual([
      'cohere:new CohereClientV2({}).chat', 'mistral:new Mistral({}).chat.complete',
      'groq:new Groq().chat.completions.create', 'ollama:ollama.generate',
    ]);
  });
});

describe('openai v3', () => {
  it('finds createChatCompletion and createCompletion on an OpenAIApi client, with results under .data', () => {
    const code = `
      const { Configuration, OpenAIApi } = require('openai');
      const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
      openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'system', content: sys }] });
      openai.createCompletion({ model: 'text-davinci-003', prompt: q, max_tokens: 100 });
      openai.listModels();
    `;
    expect(calls(code, { sourceType: 'commonjs' })).toEqual(['openai:openai.createChatCompletion', 'openai:openai.createCompletion']);
    expect(
      withModel(code, (m) => m.llmCalls.map((c) => [c.systemInputs.map((n) => textOf(code, n)).join(), c.textPaths, outputLimit(c), c.textAccessor, outputLimit(c) === 'missing' ? limitInsertion(c)?.entry : '-']), {
        sourceType: 'commonjs',
      }),
    ).toEqual([
      // The v3 shape first; the v4 shapes follow (code written for v4 reads them: text or undefined).
      ['sys', [['data', 'choices', '*', 'message', 'content'], ['choices', '*', 'message', 'content'], ['choices', '*', 'text'], ['data', 'choices', '*', 'text']], 'missing', ".data.choices[0]?.message?.content ?? ''", 'max_tokens: 1024'],
      ['', [['data', 'choices', '*', 'text'], ['choices', '*', 'message', 'content'], ['choices', '*', 'text'], ['data', 'choices', '*', 'message', 'content']], 'found', ".data.choices[0]?.text ?? ''", '-'],
    ]);
  });
});

describe('@huggingface/inference', () => {
  it('finds chat and text-generation calls on the client classes and the standalone functions', () => {
    const code = `
      import { InferenceClient, HfInference, textGeneration } from '@huggingface/inference';
      const hf = new InferenceClient(process.env.HF_TOKEN);
      const legacy = new HfInference(token);
      hf.chatCompletion({ model: 'm', messages: [{ role: 'system', content: sys }], max_tokens: 5 });
      hf.chatCompletionStream({ model: 'm', messages: [] });
      legacy.textGeneration({ model: 'm', inputs: q, parameters: { max_new_tokens: 50 } });
      textGeneration({ accessToken: t, model: 'm', inputs: q });
    `;
    expect(calls(code)).toEqual([
      'huggingface:hf.chatCompletion', 'huggingface:hf.chatCompletionStream',
      'huggingface:legacy.textGeneration', 'huggingface:textGeneration',
    ]);
    expect(
      withModel(code, (m) =>
        m.llmCalls.map((c) => [c.systemInputs.map((n) => textOf(code, n)).join(), c.inputs.map((n) => textOf(code, n)).join(), c.streaming, outputLimit(c), c.textAccessor]),
      ),
    ).toEqual([
      ['sys', "[{ role: 'system', content: sys }]", false, 'found', ".choices[0]?.message?.content ?? ''"],
      ['', '[]', true, 'missing', undefined],
      ['', 'q', false, 'found', '.generated_text'],
      ['', 'q', false, 'missing', '.generated_text'],
    ]);
  });

  it('adds a missing text-generation limit inside `parameters`, where the API reads it', () => {
    const code = `
      const { InferenceClient } = require('@huggingface/inference');
      const hf = new InferenceClient(process.env.HF_TOKEN);
      hf.textGeneration({ model: 'm', inputs: q });
      hf.chatCompletion({ model: 'm', messages: [] });
    `;
    const out = withModel(
      code,
      (model) => model.llmCalls.map((c) => limitInsertion(c)?.entry),
      { sourceType: 'commonjs' },
    );
    expect(out).toEqual(['parameters: { max_new_tokens: 1024 }', 'max_tokens: 1024']);
  });
});

describe('bedrock', () => {
  it('the send call is the LLM call; options are the command object', () => {
    const code = `
      import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand, ListAsyncInvokesCommand } from '@aws-sdk/client-bedrock-runtime';
      const client = new BedrockRuntimeClient({ region });
      async function h() {
        await client.send(new ConverseCommand({ modelId, system: [{ text: sys }], messages: [], inferenceConfig: { maxTokens: 5 } }));
        const cmd = new InvokeModelCommand({ modelId, body: JSON.stringify({ system: s2, messages: [], max_tokens: 9 }) });
        await client.send(cmd);
        await client.send(new ListAsyncInvokesCommand({}));
      }
    `;
    const found = withModel(code, (m) =>
      m.llmCalls.map((c) => ({
        callee: textOf(code, calleeOf(c)),
        provider: c.provider,
        options: c.options && textOf(code, c.options).slice(0, 10),
        system: c.systemInputs.map((n) => textOf(code, n)),
        setup: c.setupOptions.length,
        limit: outputLimit(c),
        textPaths: c.textPaths,
      })),
    );
    expect(found).toEqual([
      { callee: 'client.send', provider: 'bedrock', options: '{ modelId,', system: ['[{ text: sys }]'], setup: 0, limit: 'found', textPaths: [['output', 'message', 'content', '*', 'text']] },
      { callee: 'client.send', provider: 'bedrock', options: '{ modelId,', system: ['s2'], setup: 1, limit: 'found', textPaths: [] },
    ]);
  });

  it('works with require', () => {
    const code = `
      const { BedrockRuntimeClient, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');
      const c = new BedrockRuntimeClient({});
      c.send(new ConverseStreamCommand({ messages: [] }));
    `;
    expect(withModel(code, (m) => m.llmCalls.map((c) => [c.provider, c.streaming]), { sourceType: 'commonjs' })).toEqual([['bedrock', true]]);
  });
});

describe('fetch and axios', () => {
  it('fetch to model hosts: string, template, new URL, const; another host only on the chat completions path', () => {
    const code = `
      const BASE = 'https://api.anthropic.com';
      const URL_CHAT = 'https://api.openai.com/v1/chat/completions';
      async function h(path) {
        await fetch(URL_CHAT, { method: 'POST', body: JSON.stringify({ model: 'x', messages: [{ role: 'system', content: sys }], max_tokens: 3 }) });
        await fetch(\`\${BASE}/v1/messages\`, { method: 'POST', body: JSON.stringify({ system: s2, messages: [] }) });
        await fetch(new URL('/v1beta/models/g:generateContent', 'https://generativelanguage.googleapis.com'), { body });
        await fetch('http://localhost:11434/api/generate', { body: JSON.stringify({ prompt: q }) });
        await fetch(\`https://api.x.ai/\${path}\`);
        await fetch('https://api.example.com/v1/chat/completions', { body: JSON.stringify({ messages: [] }) });
        await fetch(path);
      }
    `;
    const found = withModel(code, (m) =>
      m.llmCalls.map((c) => ({
        provider: c.provider,
        label: c.resultLabel,
        inputs: c.inputs.map((n) => textOf(code, n).slice(0, 12)),
        system: c.systemInputs.map((n) => textOf(code, n)),
        textPaths: c.textPaths,
        limit: outputLimit(c),
      })),
    );
    expect(found).toEqual([
      { provider: 'http', label: 'OpenAI API response', inputs: ['{ model: \'x\''], system: ['sys'], textPaths: [['choices', '*', 'message', 'content']], limit: 'found' },
      { provider: 'http', label: 'Anthropic API response', inputs: ['{ system: s2'], system: ['s2'], textPaths: [['content', '*', 'text']], limit: 'missing' },
      { provider: 'http', label: 'Gemini API response', inputs: ['body'], system: [], textPaths: [['candidates', '*', 'content', 'parts', '*', 'text']], limit: 'unknown' },
      { provider: 'http', label: 'Ollama API response', inputs: ['{ prompt: q '], system: [], textPaths: [['response']], limit: 'missing' },
      { provider: 'http', label: 'xAI API response', inputs: [], system: [], textPaths: [['choices', '*', 'message', 'content']], limit: 'unknown' },
      // An OpenAI-compatible server (llama.cpp, vLLM, a gateway) keeps the path whatever the host.
      { provider: 'http', label: 'OpenAI-compatible API response', inputs: ['{ messages: '], system: [], textPaths: [['choices', '*', 'message', 'content']], limit: 'missing' },
    ]);
  });

  it('the chat completions path on an unknown or relative base; other paths on other hosts are not model calls', () => {
    const code = `
      import axios from 'axios';
      const llama = axios.create({ baseURL: process.env.LLAMA_URL });
      async function h(body) {
        await llama.post('/chat/completions', body);
        await fetch('http://localhost:8080/v1/chat/completions', { method: 'POST', body: JSON.stringify(body) });
        await fetch('/api/chat', { method: 'POST', body: JSON.stringify(body) });
        await axios.post('https://hooks.example.com/chat/completions-log', body);
      }
    `;
    expect(withModel(code, (m) => m.llmCalls.map((c) => [c.resultLabel, c.node.loc.start.line]))).toEqual([
      ['OpenAI-compatible API response', 5],
      ['OpenAI-compatible API response', 6],
    ]);
  });

  it('a relay on any host that is handed a model API key literal; the same request without a key is not a model call', () => {
    const code = `
      const api_key = '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';
      async function h(arr) {
        await fetch('http://gpt-api.tech/send_message', { method: 'POST', body: JSON.stringify({ message: arr, api_key }) });
        await fetch('https://relay.example.com/v1/ask', { headers: { Authorization: \`Bearer \${api_key}\` }, body: arr });
        await fetch('http://gpt-api.tech/send_message', { method: 'POST', body: JSON.stringify({ message: arr }) });
      }
    `;
    expect(withModel(code, (m) => m.llmCalls.map((c) => [c.resultLabel, c.node.loc.start.line]))).toEqual([
      ['model relay response', 4],
      ['model relay response', 5],
    ]);
  });

  it('a base URL the environment may override is read for its default: the API the code is written for', () => {
    const code = `
      const BASE = process.env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com';
      const OTHER = process.env.SEARCH_URL ?? 'https://search.example.com';
      const ONLY_ENV = process.env.LLM_URL && 'https://api.openai.com';
      async function run(q) {
        const a = await fetch(BASE + '/v1/messages', { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: q }], max_tokens: 9 }) });
        const b = await fetch(\`\${OTHER}/v1/query\`, { method: 'POST', body: JSON.stringify({ q }) });
        const c = await fetch(\`\${ONLY_ENV}/v1/models\`, { method: 'GET' });
        return [a, b, c];
      }
    `;
    expect(withModel(code, (m) => m.llmCalls.map((c) => [c.resultLabel, c.node.loc.start.line]))).toEqual([['Anthropic API response', 6]]);
  });

  it("a model host's paths that manage stored things (datasets, files, batches, fine-tuning) are no model call; its generation paths are", () => {
    const code = `
      const base = 'https://api.cohere.ai';
      async function run(id) {
        const dataset = await fetch(\`https://api.cohere.ai/v1/datasets/\${id}\`, { method: 'GET' });
        const files = await fetch('https://api.openai.com/v1/files', { method: 'GET' });
        const job = await fetch(base + '/v1/fine-tuning/finetuned-models', { method: 'GET' });
        const chat = await fetch(\`https://api.cohere.ai/v1/chat\`, { method: 'POST', body: JSON.stringify({ message: id }) });
        return [dataset, files, job, chat];
      }
    `;
    expect(withModel(code, (m) => m.llmCalls.map((c) => [c.resultLabel, c.node.loc.start.line]))).toEqual([['Cohere API response', 7]]);
  });

  it('axios.post, axios(config) and axios.create({ baseURL }) instances; ESM and CJS', () => {
    const code = `
      import axios from 'axios';
      const api = axios.create({ baseURL: 'https://api.groq.com/openai/v1' });
      const other = axios.create({ baseURL: 'https://internal.example.com' });
      axios.post('https://api.mistral.ai/v1/chat/completions', { messages: [], max_tokens: 1 });
      axios({ url: 'https://api.cohere.com/v2/chat', method: 'post', data: { messages: [] } });
      api.post('/chat/completions', { messages: [] });
      other.post('/chat/completions', { messages: [] });
      axios.post('https://example.com/api', {});
    `;
    const found = withModel(code, (m) => m.llmCalls.map((c) => [textOf(code, calleeOf(c)), c.resultLabel, c.textPaths[0], c.textAccessor]));
    expect(found).toEqual([
      ['axios.post', 'Mistral API response', ['data', 'choices', '*', 'message', 'content'], ".data?.choices?.[0]?.message?.content ?? ''"],
      ['axios', 'Cohere API response', ['data', 'message', 'content', '*', 'text'], ".data?.message?.content?.[0]?.text ?? ''"],
      ['api.post', 'Groq API response', ['data', 'choices', '*', 'message', 'content'], ".data?.choices?.[0]?.message?.content ?? ''"],
      // The chat completions path on an internal gateway is an OpenAI-compatible server.
      ['other.post', 'OpenAI-compatible API response', ['data', 'choices', '*', 'message', 'content'], ".data?.choices?.[0]?.message?.content ?? ''"],
    ]);
    const cjs = `
      const axios = require('axios');
      axios.post('https://openrouter.ai/api/v1/chat/completions', { messages });
      require('axios').default.request({ url: 'https://api.deepseek.com/chat/completions', data: {} });
    `;
    expect(calls(cjs, { sourceType: 'commonjs' })).toEqual(['http:axios.post', "http:require('axios').default.request"]);
  });
});

describe('settings names', () => {
  it('bare and dotted names are custom LLM calls whose whole result is text', () => {
    const code = `
      import OpenAI from 'openai';
      askModel({ system: sys, prompt: q });
      llm.ask(q);
      llm.other(q);
      other.ask(q);
    `;
    const found = withModel(
      code,
      (m) => m.llmCalls.map((c) => [textOf(code, calleeOf(c)), c.provider, c.textPaths, c.limitKeys, c.systemInputs.map((n) => textOf(code, n))]),
      { settings: { 'llm-leak': { llmCalls: ['askModel', 'llm.ask'] } } },
    );
    expect(found).toEqual([
      ['askModel', 'custom', [[]], [], ['sys']],
      ['llm.ask', 'custom', [[]], [], []],
    ]);
  });
});

describe('odd shapes', () => {
  it('stays calm on unusual code', () => {
    const code = `
      import OpenAI from 'openai';
      import axios from 'axios';
      const c = new OpenAI;
      export default new OpenAI();
      const k = 'chat';
      c[k].completions.create({});
      c.chat.completions.create(...args);
      c.chat.completions.create(opts);
      this.client = c;
      function loop() { return loop(); }
      loop().chat.completions.create({});
      function self(x) { return self(x); }
      const { [k]: dyn, ...rest } = c;
      let v = c; v = other; v.chat.completions.create({});
      class A { static s = new OpenAI(); #p = new OpenAI(); m() { return this.#p.chat.completions.create({ messages: [] }); } }
      fetch();
      fetch(\`\${a}\${b}\`);
      axios.post();
      axios();
      new URL();
    `;
    expect(calls(code)).toEqual([
      'openai:c.chat.completions.create',
      'openai:c.chat.completions.create',
      // A variable that may hold the client counts (lazy singletons assign it later).
      'openai:v.chat.completions.create',
      'openai:this.#p.chat.completions.create',
    ]);
  });
});

describe('result metadata', () => {
  it('tells usage, ids and finish reasons from content paths', () => {
    expect(isMetadataPath(['usage'])).toBe(true);
    expect(isMetadataPath(['usage', 'total_tokens'])).toBe(true);
    expect(isMetadataPath(['id'])).toBe(true);
    expect(isMetadataPath(['choices', 0, 'finish_reason'])).toBe(true);
    expect(isMetadataPath(['response', 'id'])).toBe(true);
    expect(isMetadataPath([])).toBe(false);
    expect(isMetadataPath(['choices', 0, 'message', 'content'])).toBe(false);
    expect(isMetadataPath(['choices', 0, 'message', 'tool_calls'])).toBe(false);
    expect(isMetadataPath(['response', 'messages'])).toBe(false);
    // The call's own content paths decide first: Vercel's generateObject puts the generated value in `object`.
    expect(isMetadataPath(['object'])).toBe(true);
    expect(isMetadataPath(['object'], [['object']])).toBe(false);
    expect(isMetadataPath(['object', 'id'], [['object']])).toBe(false);
    expect(isMetadataPath(['choices', 0, 'finish_reason'], [['choices', '*', 'message', 'content']])).toBe(true);
    // Safety verdicts say why output was blocked, not what it was.
    expect(isMetadataPath(['candidates', 0, 'safetyRatings', '*', 'category'])).toBe(true);
    expect(isMetadataPath(['promptFeedback', 'blockReason'])).toBe(true);
  });
});

describe('llmSitesIn', () => {
  it('lists every direct call and every call of a same-file function that leads to one, skipping named inner functions', () => {
    const code = `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      async function helper(q) { return openai.responses.create({ model: 'x', input: q }); }
      export async function handler(req) {
        async function inner(q) { return openai.chat.completions.create({ model: 'x', messages: [] }); }
        if (req.a) await openai.chat.completions.create({ model: 'x', messages: [] });
        await Promise.all(req.qs.map(async (q) => helper(q)));
        req.rest.forEach(helper);
        return inner(req.q);
      }
    `;
    const sites = withModel(code, (m) => {
      const fn = m.file.index.functions.find((f) => f.type === 'FunctionDeclaration' && f.id?.name === 'handler')!;
      return m.llmSitesIn([fn]).map((s) => textOf(code, s.site).split('(')[0]);
    });
    expect(sites).toEqual(['openai.chat.completions.create', 'helper', 'req.rest.forEach', 'inner']);
  });
});

describe('limitInsertion', () => {
  it('adds the limit at the level each API reads it, only into objects written as arguments', () => {
    const code = `
      import OpenAI from 'openai';
      import { GoogleGenAI } from '@google/genai';
      import { GoogleGenerativeAI } from '@google/generative-ai';
      import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
      import { ChatOpenAI } from '@langchain/openai';
      import { generateText } from 'ai';
      const openai = new OpenAI();
      const ai = new GoogleGenAI({});
      const m = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'g' });
      const br = new BedrockRuntimeClient({});
      const lc = new ChatOpenAI({ model: 'x' });
      const shared = { model: 'x', messages: [] };
      openai.chat.completions.create({ model: 'x', messages: [] });
      ai.models.generateContent({ model: 'g', contents: 'q', config: { temperature: 0 } });
      ai.models.generateContent({ model: 'g', contents: 'q' });
      m.generateContent('q');
      br.send(new ConverseCommand({ modelId: 'x', messages: [] }));
      lc.invoke('q');
      generateText({ model: 'x', prompt: 'q' });
      openai.chat.completions.create(shared);
      fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body: JSON.stringify({ model: 'c', messages: [] }) });
    `;
    const out = withModel(code, (model) =>
      model.llmCalls.map((c) => {
        const ins = limitInsertion(c);
        return ins ? `${ins.entry} @ ${textOf(code, ins.object).slice(0, 12)}` : undefined;
      }),
    );
    expect(out).toEqual([
      'max_completion_tokens: 1024 @ { model: \'x\'',
      'maxOutputTokens: 1024 @ { temperatur',
      'config: { maxOutputTokens: 1024 } @ { model: \'g\'',
      'generationConfig: { maxOutputTokens: 1024 } @ { model: \'g\'',
      'inferenceConfig: { maxTokens: 1024 } @ { modelId: \'',
      undefined,
      'maxOutputTokens: 1024 @ { model: \'x\'',
      undefined,
      'max_tokens: 1024 @ { model: \'c\'',
    ]);
  });
});

describe('messageLists', () => {
  it('lists message lists not written out in place, except where the API refuses system roles or is told to drop them', () => {
    const code = `
      const OpenAI = require('openai');
      const Anthropic = require('@anthropic-ai/sdk');
      const { streamText } = require('ai');
      const openai = new OpenAI();
      const claude = new Anthropic();
      async function h(req) {
        const history = req.body.history;
        await openai.chat.completions.create({ model: 'x', messages: req.body.messages });
        await openai.chat.completions.create({ model: 'x', messages: [{ role: 'system', content: 's' }, ...history] });
        await openai.responses.create({ model: 'x', input: req.body.input });
        await claude.messages.create({ model: 'c', max_tokens: 9, messages: req.body.messages });
        streamText({ model: 'x', messages: req.body.messages });
        streamText({ model: 'x', messages: req.body.messages, allowSystemInMessages: false });
      }
    `;
    const out = withModel(code, (model) => model.llmCalls.map((c) => messageLists(c).map((n) => textOf(code, n))), { sourceType: 'commonjs' });
    expect(out).toEqual([['req.body.messages'], ['history'], [], [], ['req.body.messages'], []]);
  });
});
