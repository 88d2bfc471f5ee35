/** The one RuleCreator every rule uses, with our typed docs. */
import { ESLintUtils } from '@typescript-eslint/utils';
import { withPathRecorder } from './flow/paths.js';
import { readSettings, SettingsError } from './settings.js';
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

/** Files whose analysis already failed and was reported, so one failure is reported once, not by every rule. */
const failed = new WeakSet<object>();

/** The report a rule makes when the shared analysis throws on a file. */
export const ANALYSIS_FAILED = 'analysisFailed';
const ANALYSIS_FAILED_MESSAGE =
  'llm-leak could not analyse this file ({{error}}); its other findings may be missing. Please report it with the file.';

type Listener = (...args: unknown[]) => void;

/**
 * A rule never throws on code that parses: an error inside the shared analysis is reported once for the file, as
 * a message naming the error, and the lint run goes on with the other files. Settings errors still throw: they are
 * configuration mistakes the user must see as such.
 */
function guarded(context: Parameters<ReturnType<typeof baseCreateRule>['create']>[0], listeners: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fn] of Object.entries(listeners)) {
    if (typeof fn !== 'function') continue;
    // Fixed arity, no rest array: the recorder's `*` listener runs once per node of every file.
    out[key] = (a: unknown, b: unknown, c: unknown) => {
      try {
        (fn as Listener)(a, b, c);
      } catch (error) {
        if (error instanceof SettingsError) throw error;
        const ast = context.sourceCode.ast;
        if (failed.has(ast)) return;
        failed.add(ast);
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        (context.report as (d: unknown) => void)({
          loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
          messageId: ANALYSIS_FAILED,
          data: { error: text.length > 200 ? `${text.slice(0, 197)}...` : text },
        });
      }
    };
  }
  return out;
}

/**
 * RuleCreator, plus the code path recorder (src/flow/paths.ts) merged into the listeners of the first rule created
 * for each file (the model's "runs before" questions are answered from it at `Program:exit`), and every listener
 * guarded so that a failure of the analysis on one file is one report, never a crash of the run.
 */
export const createRule: typeof baseCreateRule = (spec) => {
  const rule = baseCreateRule({
    ...spec,
    meta: { ...spec.meta, messages: { ...spec.meta.messages, [ANALYSIS_FAILED]: ANALYSIS_FAILED_MESSAGE } },
  });
  return {
    ...rule,
    create: (context) => {
      const listeners = rule.create(context);
      // Only files that may hold a route, a model call, a tool or a timingSafeEqual ask "runs before": the others (most
      // of node_modules, utility files) skip the per-node recording.
      let needed = true;
      try {
        const s = signalsOf(context.sourceCode, readSettings(context.settings as Record<string, unknown>), context.filename);
        needed = s.framework || s.llm || s.crypto || s.authPackage || s.tools;
      } catch {
        // Bad settings: the rule reports them at Program:exit; record as if needed.
      }
      // The rule's own listeners are guarded here; the recorder guards itself (a failure there only loses answers).
      const safe = guarded(context, listeners as Record<string, unknown>) as typeof listeners;
      return needed ? withPathRecorder(context, safe) : safe;
    },
  };
};
