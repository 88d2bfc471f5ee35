/**
 * What another module's export is, as far as model calls go: the data a module summary holds (src/project/facts.ts
 * computes it from that module's model) and the importing file's Finder reads. A summary is built at a level (see
 * SUMMARY_LEVELS in src/project/files.ts) from its imports' summaries one level lower; an instance of another module's
 * class made where that module was not read is resolved when the summary is read (ClientMap.instanceOf).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../types.js';
import type { ClientMap } from './sdks.js';
import type { ModelFunction } from './model-function.js';

export type { ModelFunction, ModelReturn, PromptParam } from './model-function.js';

/** A tracked SDK value the flow bound or exported, by the start of the node holding it. */
export interface TrackedValue {
  readonly map: ClientMap;
  /** Setup options were given where the value was made (a LangChain model's constructor): not kept across files. */
  readonly setup: boolean;
  /** For a factory: the path of the value inside what it returns (`return { connector: new Provider() }`). */
  readonly need?: readonly string[];
}

/** What the flow saw bound to variables, exported, or returned from functions, by start offset. */
export interface TrackedValues {
  /** Expressions that evaluate to a tracked value (declarator inits, exported and assigned values). */
  readonly values: ReadonlyMap<number, TrackedValue>;
  /** Functions (by their start) whose return value is a tracked value. */
  readonly factories: ReadonlyMap<number, TrackedValue>;
  /** Classes (by their start) whose instances hold a tracked value at a key (`this.openai = new OpenAIApi()`). */
  readonly fields?: ReadonlyMap<number, ReadonlyMap<string, TrackedValue>>;
}

/** One export of another module, summarised. */
export type ExportSummary =
  | { readonly kind: 'client'; readonly value: TrackedValue }
  | { readonly kind: 'client factory'; readonly value: TrackedValue }
  | ModelFunction
  /** An object literal or an instance of a same-file class, with the methods that reach a model call. */
  | { readonly kind: 'object'; readonly methods: ReadonlyMap<string, ModelFunction> }
  /**
   * A class whose instance methods reach a model call, or whose instances hold a client in a field (`fields`):
   * `new Provider()` makes an object with those methods and fields.
   */
  | { readonly kind: 'class'; readonly methods: ReadonlyMap<string, ModelFunction>; readonly fields?: ReadonlyMap<string, TrackedValue> };

/** A client, or a function that returns one: what a module hands out that calls a model when it is used. */
export function handsOutClient(s: ExportSummary | undefined): s is Extract<ExportSummary, { kind: 'client' | 'client factory' }> {
  return s?.kind === 'client' || s?.kind === 'client factory';
}

/** A client, a factory of one, or a class whose instances hold one: an importer can reach a client through it. */
export function holdsClient(s: ExportSummary | undefined): boolean {
  return handsOutClient(s) || (s?.kind === 'class' && (s.fields?.size ?? 0) > 0);
}

/**
 * The summary of `name` exported by the module `specifier` names, or undefined when unknown. A `probe` (facts built
 * without reading imports) answers nothing.
 */
export type ImportedExport = ((specifier: string, name: string) => ExportSummary | undefined) & {
  /** Whether a specifier names one of the project's own modules. */
  readonly project?: (specifier: string) => boolean;
  readonly probe?: true;
  /**
   * What export `name` (or its method `member`) of the module `specifier` names does when its parameter `index` is
   * handed a client of table `map` (`controller.test(req.body, chatModel)`): read with that parameter as the client.
   * Undefined when it reaches no model call through it, or nothing is known.
   */
  readonly seeded?: (ref: { readonly specifier: string; readonly name: string; readonly member?: string }, seed: ClientSeed) => ModelFunction | undefined;
  /** The string export `name` of the module `specifier` names is a constant bound to (facts.ts `literals`). */
  readonly literal?: (specifier: string, name: string) => string | undefined;
  /** Whether function `name` of the module `specifier` names hands its first argument back whole (ErrorFlow.carries). */
  readonly handsBack?: (specifier: string, name: string) => boolean;
};

/** A parameter of a function taken to hold a model client, for a summary read with it (ImportedExport.seeded). */
export interface ClientSeed {
  readonly index: number;
  readonly map: ClientMap;
}

/** An exported function (or method `member` of an exported object) with a parameter taken to hold a client. */
export interface ExportSeed {
  readonly name: string;
  readonly member?: string;
  readonly seed: ClientSeed;
}

/**
 * What the linted file's Fastify instances are decorated with by the app's other modules (src/project/index.ts
 * `appDecorations`): `fastify.openai`, `request.server.openai`, `this.openai` read as the value's summary.
 */
export interface Decorated {
  /**
   * Whether an expression holds an app's decorations: one of this file's Fastify instances (src/frameworks/fastify.ts
   * `fastifyInstances`), or Express's `req.app.locals` (src/frameworks/express.ts).
   */
  isInstance(node: Node): boolean;
  /** The decoration a call reads, when it reads an app setting (`req.app.get('openai')`). */
  settingOf(call: TSESTree.CallExpression): string | undefined;
  /** The app's decorations, read from the project when first asked. */
  app(): { readonly names: ReadonlySet<string>; summary(name: string): ExportSummary | undefined } | undefined;
}

const classMaps = new WeakMap<ReadonlyMap<string, ModelFunction>, ClientMap>();

/** Whether a table is a class's (classMap): an instance of a project class, not an SDK client. */
export function isClassMap(map: ClientMap): boolean {
  return classTables.has(map);
}

const classTables = new WeakSet<ClientMap>();

/**
 * The client table of an instance of a summarised class: each model method is a call leaf, each client field the
 * client's own table (one table per summary).
 */
export function classMap({ methods, fields }: Extract<ExportSummary, { kind: 'class' }>): ClientMap {
  let map = classMaps.get(methods);
  if (!map) {
    const members: Record<string, ClientMap> = {};
    for (const [name, field] of fields ?? []) members[name] = field.map;
    for (const [name, fn] of methods) members[name] = { members: {}, call: { type: 'model function', fn } };
    classMaps.set(methods, (map = { members }));
    classTables.add(map);
  }
  return map;
}
