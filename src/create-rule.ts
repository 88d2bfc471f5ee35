/** The one RuleCreator every rule uses, with our typed docs. */
import { ESLintUtils } from '@typescript-eslint/utils';
import { withPathRecorder } from './flow/paths.js';
import { readSettings } from './settings.js';
import { signalsOf } from './signals.js';

export interface LlmLeakDocs {
  description: string;
  /** Which config turns the rule on: 'recommended' (and strict), or 'strict' only. */
  recommended: 'recommended' | 'strict';
  requiresTypeChecking?: boolean;
  /** CWE ids, e.g. ['CWE-306']. */
  cwe: readonly string[];
  /** OWASP Top 10 for LLM Applications 2025 items, e.g. ['LLM02:2025 Sensitive Information Disclosure']. */
  owaspLlm: readonly string[];
}

export const REPO_URL = 'https://github.com/llm-leak/eslint-plugin-llm-leak';

const baseCreateRule = ESLintUtils.RuleCreator<LlmLeakDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);

/**
 * RuleCreator, plus the code path recorder (src/flow/paths.ts) merged into the listeners of the first rule created
 * for each file: the model's "runs before" questions are answered from it at `Program:exit`.
 */
export const createRule: typeof baseCreateRule = (spec) => {
  const rule = baseCreateRule(spec);
  return {
    ...rule,
    create: (context) => {
      const listeners = rule.create(context);
      // Only files that may hold a route, a model call or a timingSafeEqual ask "runs before": the others (most
      // of node_modules, utility files) skip the per-node recording.
      let needed = true;
      try {
        const s = signalsOf(context.sourceCode, readSettings(context.settings as Record<string, unknown>), context.filename);
        needed = s.framework || s.llm || s.crypto || s.authPackage;
      } catch {
        // Bad settings: the rule reports them at Program:exit; record as if needed.
      }
      return needed ? withPathRecorder(context, listeners) : listeners;
    },
  };
};
