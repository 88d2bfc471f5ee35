/** What another module's function that reaches a model call is: the part of a module summary a client table can hold. */
import type { PathKey } from '../types.js';

/** What a function that reaches a model call returns. */
export type ModelReturn =
  | { readonly kind: 'text' }
  /**
   * An object or array the function builds with generated content among its fields (`return { data, ...object }`):
   * the value as a whole carries model output; what a field of it holds is not known.
   */
  | { readonly kind: 'holds' }
  | { readonly kind: 'unknown' }
  /** The call's whole result, as the SDK gives it. */
  | {
      readonly kind: 'raw';
      readonly resultLabel: string;
      readonly textPaths: readonly (readonly PathKey[])[];
      readonly textAccessor: string | undefined;
      readonly envelope: readonly string[];
      readonly streaming: boolean;
      /** The function returns this part of the result (`response.choices[0].message`); absent: the whole of it. */
      readonly path?: readonly PathKey[];
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
