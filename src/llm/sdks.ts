/**
 * What the plugin knows about model SDKs, as data: which exports make a client, which member paths of a client
 * are model calls, and at each call leaf where the prompt goes in, where the generated text comes out and which
 * options cap the output. The ReferenceTracker walks the module tables (ESM and CommonJS alike); the flow in
 * `index.ts` walks the client tables from the constructor to the call.
 */
import { CALL, CONSTRUCT, ESM, READ } from '../references.js';
import type { PathKey } from '../types.js';
import type { ModelFunction } from './model-function.js';

/**
 * Option objects that may hold an output limit or a system instruction one level down, per API:
 * `config` (@google/genai), `generationConfig` (@google/generative-ai and the Gemini REST API),
 * `inferenceConfig` (Bedrock Converse), `options` (Ollama), `textGenerationConfig` (Bedrock Titan bodies),
 * `parameters` (Hugging Face text generation).
 * A rule looking for a `limitKeys` entry checks the options object itself, then these children.
 */
export const LIMIT_CONTAINERS: readonly string[] = ['config', 'generationConfig', 'inferenceConfig', 'options', 'textGenerationConfig', 'parameters'];

/** SDK families by id, with the name reports give them. The one place a provider is named. */
export const PROVIDERS = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  ai: 'Vercel AI SDK',
  langchain: 'LangChain',
  cohere: 'Cohere',
  mistral: 'Mistral',
  groq: 'Groq',
  ollama: 'Ollama',
  bedrock: 'AWS Bedrock',
  huggingface: 'Hugging Face',
  http: 'model API',
  custom: 'model wrapper',
} as const;

/** An SDK family id. */
export type Provider = keyof typeof PROVIDERS;

/** The provider's display name: "OpenAI", "Anthropic", "model API". */
export function providerDisplayName(provider: string): string {
  return (PROVIDERS as Record<string, string>)[provider] ?? provider;
}

/** One kind of model call: the metadata at a leaf of a client table. */
export interface CallSpec {
  readonly type: 'call';
  readonly provider: Provider;
  readonly resultLabel: string;
  /** Index of the request options argument, or -1 when the call takes none. */
  readonly optionsArg: number;
  /** Index of a positional prompt argument (`model.invoke(x)`, `model.generateContent(x)`); an object literal there counts as options. */
  readonly promptArg?: number;
  /** Option keys whose value carries prompt content. */
  readonly inputKeys: readonly string[];
  /** Option keys (dotted for one level down) whose value is a system instruction. */
  readonly systemKeys: readonly string[];
  /** Option keys holding a message list in which `system`/`developer` roles are system instructions. */
  readonly messageKeys: readonly string[];
  /** Property paths of the awaited result that hold plain generated text; '*' is any array index; [] is the whole result. */
  readonly textPaths: readonly (readonly PathKey[])[];
  /** Option keys that cap the output (also looked up one level down in LIMIT_CONTAINERS). */
  readonly limitKeys: readonly string[];
  /** False when the API refuses system roles inside `messageKeys` lists (Anthropic, Bedrock Converse: user/assistant only). */
  readonly systemRoleInMessages?: false;
  /** The limit key a suggestion adds (default: the first of `limitKeys`). */
  readonly limitKey?: string;
  /**
   * Where a suggestion adds the limit: the nested options key that must hold it (`config`, `inferenceConfig`), or
   * null when no mechanical edit is right (the key depends on a model chosen elsewhere). Absent: the top level.
   */
  readonly limitHome?: string | null;
  /** true: always a stream; 'option': a stream when the options say `stream: true`. */
  readonly streaming: boolean | 'option';
  /** The call's value is not a model result (see LlmCall.opaqueResult). */
  readonly opaqueResult?: boolean;
  /** The call hands a client to a function not in this file (see LlmCall.handedClient). */
  readonly handedClient?: boolean;
  /** Only the call's whole value is known to carry model output (see LlmCall.wholeOnly). */
  readonly wholeOnly?: boolean;
  /** Where in the model's result the call's value sits (see LlmCall.resultPath). */
  readonly resultPath?: readonly PathKey[];
  /** A wrapper's call (a settings llmCall, an imported model function): the shape of its arguments is unknown. */
  readonly wrapper?: boolean;
  /** Source suffix giving only the text of the (non-streamed) result; '' when the result is the text itself. */
  readonly textAccessor: string | undefined;
  /** Members the client wraps the provider's result in (axios and openai v3 `.data`): reading them is the whole result. */
  readonly envelope?: readonly string[];
  /** Paths of plain text in a streamed result, from the result: `['*', 'choices', '*', 'delta', 'content']` for each chunk. */
  readonly streamTextPaths?: readonly (readonly PathKey[])[];
  /** Result paths the provider fills in, not the model (see LlmCall.servicePaths). */
  readonly servicePaths?: readonly (readonly PathKey[])[];
}

/** A method whose result is another tracked object (`chats.create()`, `getGenerativeModel()`, `withStructuredOutput()`). */
export interface InstanceLeaf {
  readonly type: 'instance';
  readonly map: () => ClientMap;
  /** Argument of this call that shapes later calls (setup options), if any. */
  readonly setupArg?: number;
}

/** `fetch(url, init)` or an axios call: recognised by the URL's host. */
export interface HttpLeaf {
  readonly type: 'http';
  readonly via: 'fetch' | 'axios';
  /** For axios: 'call' (`axios(...)`), 'request' (`axios.request(config)`), or the HTTP method name (`post`). */
  readonly method?: string;
}

/** `client.send(command)` of the Bedrock runtime client. */
export interface SendLeaf {
  readonly type: 'bedrock-send';
}

/** A Bedrock command class; the LLM call is the `send` that receives it. */
export interface CommandLeaf {
  readonly type: 'command';
  readonly spec: CallSpec;
}

/** A method of an instance of another module's class that reaches a model call (its module summary says so). */
export interface ModelFunctionLeaf {
  readonly type: 'model function';
  readonly fn: ModelFunction;
}

export type Leaf = CallSpec | InstanceLeaf | HttpLeaf | SendLeaf | CommandLeaf | ModelFunctionLeaf;

/** The members of a tracked object (client, model, chat), like a trace map: `call` is what calling it does. */
export interface ClientMap {
  readonly members: Readonly<Record<string, ClientMap>>;
  readonly call?: Leaf;
  /**
   * An instance of a class another module exports (`new OpenAiLLM()` with the class required), seen where that module's
   * summary was not read: the project map puts the class's table in its place when a summary holding it is read.
   */
  readonly instanceOf?: { readonly specifier: string; readonly name: string };
}

/** Builds a client table from dotted member paths: `{ 'chat.completions.create': leaf }`. */
function tree(leaves: Record<string, Leaf>): ClientMap {
  const root: { members: Record<string, ClientMap>; call?: Leaf } = { members: {} };
  for (const [path, leaf] of Object.entries(leaves)) {
    let node = root;
    for (const key of path.split('.')) {
      node.members[key] ??= { members: {} };
      node = node.members[key] as typeof root;
    }
    node.call = leaf;
  }
  return root;
}

const spec = (s: Omit<CallSpec, 'type' | 'inputKeys' | 'systemKeys' | 'messageKeys' | 'optionsArg'> & Partial<CallSpec>): CallSpec => ({
  type: 'call',
  optionsArg: 0,
  inputKeys: [],
  systemKeys: [],
  messageKeys: [],
  ...s,
});

// --- OpenAI-style chat completions (openai, groq-sdk) ---
const OPENAI_CHAT_TEXT: PathKey[] = ['choices', '*', 'message', 'content'];
/**
 * Text paths of every shape of the OpenAI family: chat (`choices[].message.content`) and legacy completions
 * (`choices[].text`), bare (v4) or in the axios `.data` envelope (v3). Code written for one shape and run against
 * another (`.data.choices[0].text` on a v4 chat completion) reads members the result does not have: it gets
 * `undefined` (or throws), never a part of the result that is not text.
 */
const OPENAI_FAMILY_TEXT: PathKey[][] = [
  OPENAI_CHAT_TEXT,
  ['choices', '*', 'text'],
  ['data', ...OPENAI_CHAT_TEXT],
  ['data', 'choices', '*', 'text'],
];
/** A call's own text paths first, then the other shapes of the family. */
const withFamily = (own: PathKey[][]): PathKey[][] => [
  ...own,
  ...OPENAI_FAMILY_TEXT.filter((p) => !own.some((o) => o.join('.') === p.join('.'))),
];
const openaiChat = (provider: Provider, resultLabel: string, streaming: boolean | 'option', parsed = false): CallSpec =>
  spec({
    provider,
    resultLabel,
    inputKeys: ['messages'],
    messageKeys: ['messages'],
    textPaths: withFamily(parsed ? [OPENAI_CHAT_TEXT, ['choices', '*', 'message', 'parsed']] : [OPENAI_CHAT_TEXT]),
    limitKeys: ['max_tokens', 'max_completion_tokens'],
    // `max_tokens` is deprecated in the openai SDK and rejected by reasoning models.
    ...(provider === 'openai' ? { limitKey: 'max_completion_tokens' } : {}),
    streaming,
    textAccessor: ".choices[0]?.message?.content ?? ''",
    streamTextPaths: [['*', 'choices', '*', 'delta', 'content']],
  });
const openaiResponses = (streaming: boolean | 'option', parsed = false): CallSpec =>
  spec({
    provider: 'openai',
    resultLabel: 'OpenAI response',
    inputKeys: ['input'],
    systemKeys: ['instructions'],
    messageKeys: ['input'],
    textPaths: [['output_text'], ['output', '*', 'content', '*', 'text'], ...(parsed ? [['output_parsed']] : [])],
    limitKeys: ['max_output_tokens'],
    streaming,
    textAccessor: '.output_text',
    // `response.output_text.delta` events carry the text in `delta`.
    streamTextPaths: [['*', 'delta']],
  });
const openaiCompletion = spec({
  provider: 'openai',
  resultLabel: 'OpenAI completion',
  inputKeys: ['prompt'],
  textPaths: withFamily([['choices', '*', 'text']]),
  limitKeys: ['max_tokens'],
  streaming: 'option',
  textAccessor: ".choices[0]?.text ?? ''",
  streamTextPaths: [['*', 'choices', '*', 'text']],
});

// Image generation: the prompt goes in as `prompt`; the generated images (url, b64_json, revised_prompt) come back
// in `data`. There is no output limit to set.
const openaiImages = spec({
  provider: 'openai',
  resultLabel: 'OpenAI image response',
  inputKeys: ['prompt'],
  textPaths: [['data']],
  limitKeys: [],
  limitHome: null,
  streaming: 'option',
  textAccessor: '.data',
  streamTextPaths: [],
  // `data[].url` is where the service stores the image, not something the model wrote.
  servicePaths: [['data', '*', 'url']],
});

// Speech to text (Whisper, gpt-4o-transcribe): the audio goes in as `file`, with an optional `prompt` to steer it; the
// transcript comes back in `text`. There is no output limit to set.
const openaiTranscription = spec({
  provider: 'openai',
  resultLabel: 'OpenAI transcription',
  inputKeys: ['prompt'],
  textPaths: [['text']],
  limitKeys: [],
  limitHome: null,
  streaming: 'option',
  textAccessor: '.text',
  streamTextPaths: [['*', 'delta']],
});

const OPENAI = tree({
  'chat.completions.create': openaiChat('openai', 'OpenAI completion', 'option'),
  'chat.completions.parse': openaiChat('openai', 'OpenAI completion', false, true),
  'chat.completions.stream': openaiChat('openai', 'OpenAI completion stream', true),
  'beta.chat.completions.parse': openaiChat('openai', 'OpenAI completion', false, true),
  'beta.chat.completions.stream': openaiChat('openai', 'OpenAI completion stream', true),
  'responses.create': openaiResponses('option'),
  'responses.parse': openaiResponses(false, true),
  'responses.stream': openaiResponses(true),
  'completions.create': openaiCompletion,
  'images.generate': openaiImages,
  'images.edit': openaiImages,
  'audio.transcriptions.create': openaiTranscription,
  'audio.translations.create': openaiTranscription,
});

// openai v3 (`new OpenAIApi(new Configuration(...))`): axios underneath, so every result sits in `.data`.
// createTranscription(file, model, prompt?, responseFormat?, temperature?, language?) and createTranslation take
// positional arguments, the steering prompt third; the transcript is in `.data.text`.
const openaiV3Transcription = spec({
  ...openaiTranscription,
  optionsArg: -1,
  promptArg: 2,
  textPaths: [['data', 'text']],
  envelope: ['data'],
  textAccessor: '.data.text',
  streamTextPaths: [],
});
const OPENAI_V3 = tree({
  createChatCompletion: spec({
    ...openaiChat('openai', 'OpenAI completion', 'option'),
    textPaths: withFamily([['data', ...OPENAI_CHAT_TEXT]]),
    envelope: ['data'],
    limitKeys: ['max_tokens'],
    limitKey: 'max_tokens',
    textAccessor: ".data.choices[0]?.message?.content ?? ''",
    // A v3 stream is the raw server-sent-event bytes in `.data`: no plain-text path.
    streamTextPaths: [],
  }),
  createCompletion: spec({
    ...openaiCompletion,
    textPaths: withFamily([['data', 'choices', '*', 'text']]),
    envelope: ['data'],
    textAccessor: ".data.choices[0]?.text ?? ''",
    streamTextPaths: [],
  }),
  createImage: spec({
    ...openaiImages,
    textPaths: [['data', 'data']],
    envelope: ['data'],
    textAccessor: '.data.data',
    servicePaths: [['data', 'data', '*', 'url']],
  }),
  createTranscription: openaiV3Transcription,
  createTranslation: openaiV3Transcription,
});

const GROQ = tree({ 'chat.completions.create': openaiChat('groq', 'Groq completion', 'option') });

// --- Anthropic ---
const anthropicMessages = (streaming: boolean | 'option'): CallSpec =>
  spec({
    provider: 'anthropic',
    resultLabel: 'Anthropic message',
    inputKeys: ['messages'],
    systemKeys: ['system'],
    messageKeys: ['messages'],
    textPaths: [['content', '*', 'text']],
    limitKeys: ['max_tokens'],
    systemRoleInMessages: false,
    streaming,
    textAccessor: ".content.find((b) => b.type === 'text')?.text ?? ''",
    // `content_block_delta` events: `event.delta.text`.
    streamTextPaths: [['*', 'delta', 'text']],
  });
const ANTHROPIC = tree({
  'messages.create': anthropicMessages('option'),
  'messages.stream': anthropicMessages(true),
  'beta.messages.create': anthropicMessages('option'),
  'beta.messages.stream': anthropicMessages(true),
  'completions.create': spec({
    provider: 'anthropic',
    resultLabel: 'Anthropic completion',
    inputKeys: ['prompt'],
    textPaths: [['completion']],
    limitKeys: ['max_tokens_to_sample'],
    streaming: 'option',
    textAccessor: '.completion',
    streamTextPaths: [['*', 'completion']],
  }),
});

// --- Google ---
const GEMINI_PARTS: PathKey[] = ['candidates', '*', 'content', 'parts', '*', 'text'];
const genai = (streaming: boolean, keys: { input: string; options: number }): CallSpec =>
  spec({
    provider: 'google',
    resultLabel: 'Gemini response',
    optionsArg: keys.options,
    inputKeys: [keys.input],
    systemKeys: ['config.systemInstruction', 'systemInstruction'],
    textPaths: [['text'], GEMINI_PARTS],
    limitKeys: ['maxOutputTokens'],
    limitHome: 'config',
    streaming,
    textAccessor: '.text',
    streamTextPaths: [['*', 'text'], ['*', ...GEMINI_PARTS]],
  });
const GENAI_CHAT = tree({
  sendMessage: genai(false, { input: 'message', options: 0 }),
  sendMessageStream: genai(true, { input: 'message', options: 0 }),
});
const GENAI = tree({
  'models.generateContent': genai(false, { input: 'contents', options: 0 }),
  'models.generateContentStream': genai(true, { input: 'contents', options: 0 }),
  'chats.create': { type: 'instance', map: () => GENAI_CHAT, setupArg: 0 },
});

const generativeAi = (streaming: boolean): CallSpec =>
  spec({
    provider: 'google',
    resultLabel: 'Gemini response',
    promptArg: 0,
    inputKeys: ['contents'],
    systemKeys: ['systemInstruction'],
    textPaths: [['response', 'text'], ['response', ...GEMINI_PARTS]],
    limitKeys: ['maxOutputTokens'],
    limitHome: 'generationConfig',
    streaming,
    textAccessor: '.response.text()',
    streamTextPaths: [['stream', '*', 'text'], ['stream', '*', ...GEMINI_PARTS]],
  });
const GENERATIVE_AI_CHAT = tree({ sendMessage: generativeAi(false), sendMessageStream: generativeAi(true) });
const GENERATIVE_AI_MODEL = tree({
  generateContent: generativeAi(false),
  generateContentStream: generativeAi(true),
  startChat: { type: 'instance', map: () => GENERATIVE_AI_CHAT, setupArg: 0 },
});
const GENERATIVE_AI = tree({
  getGenerativeModel: { type: 'instance', map: () => GENERATIVE_AI_MODEL, setupArg: 0 },
});

// --- Vercel ai ---
const vercel = (textPaths: PathKey[][], streaming: boolean, textAccessor: string | undefined): CallSpec =>
  spec({
    provider: 'ai',
    resultLabel: 'Vercel AI SDK result',
    inputKeys: ['prompt', 'messages'],
    systemKeys: ['system'],
    messageKeys: ['messages'],
    textPaths,
    limitKeys: ['maxTokens', 'maxOutputTokens'],
    // ai 5 renamed `maxTokens` to `maxOutputTokens`.
    limitKey: 'maxOutputTokens',
    streaming,
    textAccessor,
  });

// --- LangChain ---
const langchain = (textPaths: PathKey[][], textAccessor: string, streaming: boolean): CallSpec =>
  spec({
    provider: 'langchain',
    resultLabel: 'LangChain model result',
    optionsArg: -1,
    promptArg: 0,
    textPaths,
    limitKeys: ['maxTokens', 'maxCompletionTokens', 'maxOutputTokens', 'numPredict', 'max_tokens'],
    // The key depends on the model class (ChatOllama `numPredict`, ChatGoogleGenerativeAI `maxOutputTokens`).
    limitHome: null,
    streaming,
    textAccessor,
    // Streamed chunks have the same shape as the whole result.
    streamTextPaths: textPaths.map((p) => ['*', ...p]),
  });
const langchainMethods = (textPaths: PathKey[][], textAccessor: string, self: () => ClientMap, structured: () => ClientMap): ClientMap =>
  tree({
    invoke: langchain(textPaths, textAccessor, false),
    call: langchain(textPaths, textAccessor, false),
    batch: langchain(textPaths, textAccessor, false),
    generate: langchain([['generations', '*', '*', 'text']], '', false),
    predict: langchain([[]], '', false),
    stream: langchain(textPaths, textAccessor, true),
    bind: { type: 'instance', map: self },
    bindTools: { type: 'instance', map: self },
    withConfig: { type: 'instance', map: self },
    withRetry: { type: 'instance', map: self },
    withStructuredOutput: { type: 'instance', map: structured },
    pipe: { type: 'instance', map: structured },
  });
/** A chat model: the result is an AIMessage (whose `lc_kwargs` are the fields it was made with: the same content). */
export const LANGCHAIN_CHAT: ClientMap = langchainMethods([['content'], ['text'], ['lc_kwargs', 'content']], '.content', () => LANGCHAIN_CHAT, () => LANGCHAIN_PLAIN);
/** A text LLM, a structured-output runnable or a model piped into a parser: the whole result is generated data. */
export const LANGCHAIN_PLAIN: ClientMap = langchainMethods([[]], '', () => LANGCHAIN_PLAIN, () => LANGCHAIN_PLAIN);

// --- Cohere, Mistral, Ollama ---
const cohere = (v2: boolean, streaming: boolean): CallSpec =>
  spec({
    provider: 'cohere',
    resultLabel: 'Cohere response',
    inputKeys: v2 ? ['messages'] : ['message', 'chatHistory'],
    systemKeys: v2 ? [] : ['preamble'],
    messageKeys: v2 ? ['messages'] : ['chatHistory'],
    textPaths: v2 ? [['message', 'content', '*', 'text']] : [['text']],
    limitKeys: ['maxTokens', 'max_tokens'],
    streaming,
    textAccessor: v2 ? ".message?.content?.[0]?.text ?? ''" : '.text',
    streamTextPaths: v2 ? [['*', 'delta', 'message', 'content', 'text']] : [['*', 'text']],
  });
const cohereGenerate = spec({
  provider: 'cohere',
  resultLabel: 'Cohere generation',
  inputKeys: ['prompt'],
  textPaths: [['generations', '*', 'text']],
  limitKeys: ['maxTokens', 'max_tokens'],
  streaming: false,
  textAccessor: ".generations[0]?.text ?? ''",
});
const COHERE = tree({ chat: cohere(false, false), chatStream: cohere(false, true), generate: cohereGenerate });
const COHERE_V2 = tree({ chat: cohere(true, false), chatStream: cohere(true, true), generate: cohereGenerate });

const mistral = (streaming: boolean): CallSpec =>
  spec({
    ...openaiChat('mistral', 'Mistral completion', streaming),
    limitKeys: ['maxTokens', 'max_tokens'],
    streamTextPaths: [['*', 'data', 'choices', '*', 'delta', 'content']],
  });
const MISTRAL = tree({ 'chat.complete': mistral(false), 'chat.stream': mistral(true) });

const OLLAMA = tree({
  chat: spec({
    provider: 'ollama',
    resultLabel: 'Ollama response',
    inputKeys: ['messages'],
    messageKeys: ['messages'],
    textPaths: [['message', 'content']],
    limitKeys: ['num_predict'],
    limitHome: 'options',
    streaming: 'option',
    textAccessor: '.message.content',
    streamTextPaths: [['*', 'message', 'content']],
  }),
  generate: spec({
    provider: 'ollama',
    resultLabel: 'Ollama response',
    inputKeys: ['prompt'],
    systemKeys: ['system'],
    textPaths: [['response']],
    limitKeys: ['num_predict'],
    limitHome: 'options',
    streaming: 'option',
    textAccessor: '.response',
    streamTextPaths: [['*', 'response']],
  }),
});

// --- Hugging Face (@huggingface/inference): an OpenAI-shaped chat API and a raw text-generation task ---
const hfText = (streaming: boolean): CallSpec =>
  spec({
    provider: 'huggingface',
    resultLabel: 'Hugging Face generation',
    inputKeys: ['inputs'],
    textPaths: streaming ? [] : [['generated_text']],
    limitKeys: ['max_new_tokens'],
    limitHome: 'parameters',
    streaming,
    textAccessor: streaming ? undefined : '.generated_text',
    // Each streamed event carries one token.
    streamTextPaths: [['*', 'token', 'text']],
  });
const HUGGINGFACE = tree({
  chatCompletion: openaiChat('huggingface', 'Hugging Face completion', false),
  chatCompletionStream: openaiChat('huggingface', 'Hugging Face completion stream', true),
  textGeneration: hfText(false),
  textGenerationStream: hfText(true),
});

// --- AWS Bedrock ---
const bedrock = (converse: boolean, streaming: boolean): CommandLeaf => ({
  type: 'command',
  spec: spec({
    provider: 'bedrock',
    resultLabel: 'Bedrock response',
    inputKeys: converse ? ['messages'] : ['body'],
    systemKeys: converse ? ['system'] : [],
    messageKeys: converse ? ['messages'] : [],
    systemRoleInMessages: false,
    // InvokeModel returns the provider's JSON as bytes in `body`: no plain-text path until it is decoded.
    textPaths: converse && !streaming ? [['output', 'message', 'content', '*', 'text']] : [],
    limitKeys: ['maxTokens', 'max_tokens', 'max_gen_len', 'maxTokenCount'],
    // InvokeModel's JSON body has the chosen model's own limit key.
    limitHome: converse ? 'inferenceConfig' : null,
    streaming,
    textAccessor: converse && !streaming ? ".output?.message?.content?.[0]?.text ?? ''" : undefined,
  }),
});
const BEDROCK_CLIENT = tree({ send: { type: 'bedrock-send' } });

// --- HTTP clients ---
const AXIOS_INSTANCE = tree({
  post: { type: 'http', via: 'axios', method: 'post' },
  put: { type: 'http', via: 'axios', method: 'put' },
  request: { type: 'http', via: 'axios', method: 'request' },
});
const AXIOS_ROOT: ClientMap = { members: AXIOS_INSTANCE.members, call: { type: 'http', via: 'axios', method: 'call' } };

/** What an export of a module is: a class to construct, a function to call, or a ready object to read. */
export type ExportLeaf =
  | { readonly construct: ClientMap; readonly setupArg?: number }
  | { readonly call: Leaf }
  | { readonly read: ClientMap }
  | { readonly command: CommandLeaf }
  /** A LangChain message or prompt helper, used to find system parts. */
  | { readonly marker: 'system-message' | 'system-template' | 'prompt-messages' };

const client = (map: ClientMap, setupArg?: number): ExportLeaf => ({ construct: map, setupArg });
const lcChat: ExportLeaf = { construct: LANGCHAIN_CHAT, setupArg: 0 };
const lcLlm: ExportLeaf = { construct: LANGCHAIN_PLAIN, setupArg: 0 };
const langchainPrompts = {
  ChatPromptTemplate: { fromMessages: { marker: 'prompt-messages' } },
  SystemMessagePromptTemplate: { fromTemplate: { marker: 'system-template' } },
} as const;

/**
 * Module tables: module → export path → leaf. '' is the module object itself (a default import or `require(...)`);
 * dotted keys go deeper (`default.OpenAI`). Turned into ReferenceTracker trace maps by `traceMaps()`.
 */
export const MODULES: Readonly<Record<string, Readonly<Record<string, ExportLeaf | Record<string, ExportLeaf>>>>> = {
  openai: {
    '': client(OPENAI),
    default: client(OPENAI),
    OpenAI: client(OPENAI),
    AzureOpenAI: client(OPENAI),
    OpenAIApi: client(OPENAI_V3),
  },
  '@anthropic-ai/sdk': { '': client(ANTHROPIC), default: client(ANTHROPIC), Anthropic: client(ANTHROPIC) },
  // A scope row (see SCOPES): any package of Anthropic's npm scope whose client class is constructed. The SDK and
  // its Bedrock and Vertex editions (`@anthropic-ai/bedrock-sdk`, `@anthropic-ai/vertex-sdk`) share the messages
  // API; a package named otherwise in the scope is read the same way once the code constructs it with `new`.
  '@anthropic-ai/*': {
    '': client(ANTHROPIC),
    default: client(ANTHROPIC),
    Anthropic: client(ANTHROPIC),
    AnthropicBedrock: client(ANTHROPIC),
    AnthropicVertex: client(ANTHROPIC),
  },
  '@google/genai': { GoogleGenAI: client(GENAI) },
  '@google/generative-ai': { GoogleGenerativeAI: client(GENERATIVE_AI) },
  ai: {
    generateText: { call: vercel([['text']], false, '.text') },
    streamText: { call: vercel([['text'], ['textStream']], true, undefined) },
    generateObject: { call: vercel([['object']], false, '.object') },
    streamObject: { call: vercel([['object'], ['partialObjectStream']], true, undefined) },
  },
  '@langchain/openai': { ChatOpenAI: lcChat, AzureChatOpenAI: lcChat, OpenAI: lcLlm, AzureOpenAI: lcLlm },
  '@langchain/anthropic': { ChatAnthropic: lcChat },
  '@langchain/google-genai': { ChatGoogleGenerativeAI: lcChat },
  '@langchain/google-vertexai': { ChatVertexAI: lcChat },
  '@langchain/mistralai': { ChatMistralAI: lcChat },
  '@langchain/groq': { ChatGroq: lcChat },
  '@langchain/ollama': { ChatOllama: lcChat, Ollama: lcLlm },
  '@langchain/aws': { ChatBedrockConverse: lcChat },
  '@langchain/cohere': { ChatCohere: lcChat },
  '@langchain/community/chat_models/ollama': { ChatOllama: lcChat },
  '@langchain/community/chat_models/bedrock': { BedrockChat: lcChat },
  'langchain/chat_models/openai': { ChatOpenAI: lcChat, AzureChatOpenAI: lcChat },
  'langchain/chat_models/anthropic': { ChatAnthropic: lcChat },
  'langchain/chat_models/ollama': { ChatOllama: lcChat },
  'langchain/llms/openai': { OpenAI: lcLlm },
  'langchain/chat_models/universal': { initChatModel: { call: { type: 'instance', map: () => LANGCHAIN_CHAT, setupArg: 1 } } },
  '@langchain/core/messages': { SystemMessage: { marker: 'system-message' } },
  'langchain/schema': { SystemMessage: { marker: 'system-message' } },
  '@langchain/core/prompts': langchainPrompts,
  'langchain/prompts': langchainPrompts,
  'cohere-ai': { CohereClient: client(COHERE), CohereClientV2: client(COHERE_V2) },
  '@mistralai/mistralai': { Mistral: client(MISTRAL) },
  'groq-sdk': { '': client(GROQ), default: client(GROQ), Groq: client(GROQ) },
  '@huggingface/inference': {
    InferenceClient: client(HUGGINGFACE),
    HfInference: client(HUGGINGFACE),
    chatCompletion: { call: openaiChat('huggingface', 'Hugging Face completion', false) },
    chatCompletionStream: { call: openaiChat('huggingface', 'Hugging Face completion stream', true) },
    textGeneration: { call: hfText(false) },
    textGenerationStream: { call: hfText(true) },
  },
  ollama: { '': { read: OLLAMA }, default: { read: OLLAMA }, Ollama: client(OLLAMA) },
  'ollama/browser': { '': { read: OLLAMA }, default: { read: OLLAMA }, Ollama: client(OLLAMA) },
  '@aws-sdk/client-bedrock-runtime': {
    BedrockRuntimeClient: client(BEDROCK_CLIENT),
    BedrockRuntime: client(BEDROCK_CLIENT),
    InvokeModelCommand: { command: bedrock(false, false) },
    InvokeModelWithResponseStreamCommand: { command: bedrock(false, true) },
    ConverseCommand: { command: bedrock(true, false) },
    ConverseStreamCommand: { command: bedrock(true, true) },
  },
  axios: { '': { read: AXIOS_ROOT }, default: { read: AXIOS_ROOT } },
  'node-fetch': { '': { call: { type: 'http', via: 'fetch' } }, default: { call: { type: 'http', via: 'fetch' } } },
  undici: { fetch: { call: { type: 'http', via: 'fetch' } } },
};

/**
 * Scope rows of MODULES (`'@anthropic-ai/*'`): the row applies to every package of the npm scope that has no row of
 * its own. A scope belongs to one publisher on npm, so its name says whose API the package speaks.
 */
const SCOPES: readonly string[] = Object.keys(MODULES).filter((m) => m.endsWith('/*')).map((m) => m.slice(0, -1));

/** The MODULES row that describes `specifier`: its own row, or its scope's row; undefined when none does. */
export function moduleRowOf(specifier: string): string | undefined {
  if (Object.hasOwn(MODULES, specifier) && !specifier.endsWith('/*')) return specifier;
  const scope = SCOPES.find((s) => specifier.startsWith(s) && specifier.length > s.length && !specifier.slice(s.length).includes('/'));
  return scope === undefined ? undefined : `${scope}*`;
}

/** The `axios.create({ baseURL })` leaf, kept apart because it needs the AXIOS_INSTANCE table. */
export const AXIOS_CREATE: InstanceLeaf = { type: 'instance', map: () => AXIOS_INSTANCE, setupArg: 0 };
(AXIOS_ROOT.members as Record<string, ClientMap>)['create'] = { members: {}, call: AXIOS_CREATE };

/** The `fetch` global as a leaf. */
export const FETCH_LEAF: HttpLeaf = { type: 'http', via: 'fetch' };

const isHttpExport = (leaf: ExportLeaf): boolean =>
  ('call' in leaf && leaf.call.type === 'http') || ('read' in leaf && leaf.read.call?.type === 'http');

/**
 * Modules whose import alone makes a file model code: every module of MODULES except the plain HTTP clients, which
 * count only with a model host in the file (see src/signals.ts).
 */
const MODEL_ROWS: ReadonlySet<string> = new Set(
  Object.entries(MODULES)
    .filter(([, exports]) =>
      Object.values(exports).some((v) => {
        const leaves = ['construct', 'call', 'read', 'command', 'marker'].some((k) => k in v) ? [v as ExportLeaf] : (Object.values(v) as ExportLeaf[]);
        return leaves.some((l) => !isHttpExport(l));
      }),
    )
    .map(([mod]) => mod),
);

/** Whether importing `specifier` alone makes a file model code (its row, or its scope's row, is in MODEL_ROWS). */
export function isModelModule(specifier: string): boolean {
  const row = moduleRowOf(specifier);
  return row !== undefined && MODEL_ROWS.has(row);
}

/** The rows of MODULES whose import alone makes a file model code (scope rows as `'@scope/*'`). */
export const MODEL_MODULES: ReadonlySet<string> = MODEL_ROWS;

type TraceNode = { [key: string]: TraceNode } & { [CALL]?: unknown; [CONSTRUCT]?: unknown; [READ]?: unknown; [ESM]?: boolean };

function traceLeaf(leaf: ExportLeaf): TraceNode {
  const node = {} as TraceNode;
  if ('construct' in leaf) node[CONSTRUCT] = leaf;
  else if ('call' in leaf) node[CALL] = leaf;
  else if ('read' in leaf) node[READ] = leaf;
  else if ('command' in leaf) node[CONSTRUCT] = leaf;
  else node[CALL] = node[CONSTRUCT] = leaf;
  return node;
}

let cached: Record<string, TraceNode> | undefined;

/**
 * MODULES as a ReferenceTracker trace map whose leaves' info is the ExportLeaf. The tracker matches module names
 * exactly, so a scope row is entered under each of `specifiers` (the file's imports) that it describes.
 */
export function traceMaps(specifiers: Iterable<string> = []): Record<string, TraceNode> {
  const base = baseTraceMaps();
  let out: Record<string, TraceNode> | undefined;
  for (const spec of specifiers) {
    const row = moduleRowOf(spec);
    if (row === undefined || row === spec || Object.hasOwn(base, spec)) continue;
    out ??= { ...base };
    out[spec] = base[row]!;
  }
  return out ?? base;
}

function baseTraceMaps(): Record<string, TraceNode> {
  if (cached) return cached;
  const out: Record<string, TraceNode> = {};
  for (const [mod, exports] of Object.entries(MODULES)) {
    const self = exports[''];
    const root: TraceNode = self ? traceLeaf(self as ExportLeaf) : ({} as TraceNode);
    // Read imports as ES modules: a default import is the `default` entry, named imports are the named entries.
    root[ESM] = true;
    for (const [key, value] of Object.entries(exports)) {
      if (key === '') continue;
      const isLeaf = ['construct', 'call', 'read', 'command', 'marker'].some((k) => k in value);
      root[key] = isLeaf
        ? traceLeaf(value as ExportLeaf)
        : (Object.fromEntries(Object.entries(value).map(([k, v]) => [k, traceLeaf(v as ExportLeaf)])) as TraceNode);
    }
    out[mod] = root;
  }
  return (cached = out);
}

/** A declared SDK result type, for the type-aware mode: a value of this type came out of a model call. */
export interface ResultType {
  /** npm packages whose declaration files may declare it (matched as `node_modules/<package>/`). */
  readonly packages: readonly string[];
  /** Type, interface or class names (the symbol or alias name). */
  readonly names: readonly string[];
  /** Only declarations whose file path matches (`Response` is a common name even inside openai). */
  readonly file?: RegExp;
  /** What a call of this SDK returning it would be: label, text paths, text accessor. */
  readonly spec: CallSpec;
}

/** SDK result types by declaration; checked in order. Base interfaces are followed (`ParsedChatCompletion`). */
export const RESULT_TYPES: readonly ResultType[] = [
  { packages: ['openai'], names: ['ChatCompletion'], file: /[\\/]resources[\\/]chat[\\/]/, spec: openaiChat('openai', 'OpenAI completion', false) },
  { packages: ['openai'], names: ['Response'], file: /[\\/]resources[\\/]responses[\\/]/, spec: openaiResponses(false) },
  { packages: ['openai'], names: ['Completion'], file: /[\\/]resources[\\/]completions\./, spec: { ...openaiCompletion, streaming: false } },
  { packages: ['@anthropic-ai/sdk'], names: ['Message', 'BetaMessage'], file: /[\\/]resources[\\/]/, spec: anthropicMessages(false) },
  { packages: ['ai'], names: ['GenerateTextResult'], spec: vercel([['text']], false, '.text') },
  { packages: ['ai'], names: ['StreamTextResult'], spec: vercel([['text'], ['textStream']], true, undefined) },
  { packages: ['ai'], names: ['GenerateObjectResult'], spec: vercel([['object']], false, '.object') },
  { packages: ['ai'], names: ['StreamObjectResult'], spec: vercel([['object'], ['partialObjectStream']], true, undefined) },
  { packages: ['@langchain/core'], names: ['AIMessage', 'AIMessageChunk'], spec: langchain([['content'], ['text']], '.content', false) },
];
