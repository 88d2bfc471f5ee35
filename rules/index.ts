/** Every rule of the plugin, by id. */
import type { TSESLint } from '@typescript-eslint/utils';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {};
