/**
 * The options module ESLint's worker threads load (`ESLint.fromOptionsModule`): the CLI's parameters travel as
 * JSON in this module's URL (`options-module.js?p=...`), so each worker builds the same options as the main thread.
 */
import { buildOptions, type OptionParams } from './options.js';

const raw = new URL(import.meta.url).searchParams.get('p');
// Defensive: the CLI always passes `p`; without it this module has no options to give.
if (raw === null) throw new Error('llm-leak: options-module.js needs its parameters in the URL (?p=...)');

export default await buildOptions(JSON.parse(raw) as OptionParams);
