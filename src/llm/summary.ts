/**
 * What another module's export is, as far as model calls go: the data a module summary holds (src/project/facts.ts
 * computes it from that module's model) and the importing file's Finder reads. One level deep: only the linted file
 * is given summaries, so a summary never depends on another.
 */
import type { PathKey } from '../types.js';
import type { ClientMap } from './sdks.js';

/** A tracked SDK value the flow bound or exported, by the start of the node holding it. */
export interface TrackedValue {
  readonly map: ClientMap;
  /** Setup options were given where the value was made (a LangChain model's constructor): not kept across files. */
  readonly setup: boolean;
}

/** What the flow saw bound to variables, exported, or returned from functions, by start offset. */
export interface TrackedValues {
  /** Expressions that evaluate to a tracked value (declarator inits, exported and assigned values). */
  readonly values: ReadonlyMap<number, TrackedValue>;
  /** Functions (by their start) whose return value is a tracked value. */
  readonly factories: ReadonlyMap<number, TrackedValue>;
}

/** What a function that reaches a model call returns. */
export type ModelReturn =
  | { readonly kind: 'text' }
  | { readonly kind: 'unknown' }
  /** The call's whole result, as the SDK gives it. */
  | {
      readonly kind: 'raw';
      readonly resultLabel: string;
      readonly textPaths: readonly (readonly PathKey[])[];
      readonly textAccessor: string | undefined;
      readonly envelope: readonly string[];
      readonly streaming: boolean;
    };

/** A function from which a model call is reached. */
export interface ModelFunction {
  readonly kind: 'model function';
  readonly provider: string;
  readonly returns: ModelReturn;
  /** Every model call in it runs behind its own credential check that ends the request (a controller's `if (!req.user)`). */
  readonly guarded: boolean;
  /**
   * The parameters whose value reaches the model call's prompt or system input, by index; for a destructured
   * parameter (`({ question, user })`), the keys that do. A call of the function sends those arguments to the model,
   * and only those: `loadTools({ user: req.user.id, ... })` does not put the user id in a prompt.
   */
  readonly promptParams: readonly PromptParam[];
}

/** A parameter of a model function that reaches the prompt (see ModelFunction.promptParams). */
export interface PromptParam {
  readonly index: number;
  /** For an object pattern: the keys whose values reach it; undefined: the whole argument. */
  readonly keys?: readonly string[];
}

/** One export of another module, summarised. */
export type ExportSummary =
  | { readonly kind: 'client'; readonly value: TrackedValue }
  | { readonly kind: 'client factory'; readonly value: TrackedValue }
  | ModelFunction
  /** An object literal or an instance of a same-file class, with the methods that reach a model call. */
  | { readonly kind: 'object'; readonly methods: ReadonlyMap<string, ModelFunction> };

/** The summary of `name` exported by the module `specifier` names, or undefined when unknown. */
export type ImportedExport = (specifier: string, name: string) => ExportSummary | undefined;
