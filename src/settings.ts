/** Reads and validates `settings['llm-leak']` once per settings object. */
import path from 'node:path';
import picomatch from 'picomatch';

export interface LlmLeakSettings {
  /** Extra functions that call a model: bare names (`askModel`) or dotted paths (`ai.ask`, `llm.chat`). */
  readonly llmCalls: readonly string[];
  /** Extra middleware names that authenticate: bare names (`requireUser`) or dotted paths (`auth.required`). */
  readonly authMiddleware: readonly string[];
  /** Extra logger object or function names (`logger`, `log`, `audit.write`). */
  readonly loggers: readonly string[];
  /** Extra names of headers, variables or fields that hold secrets (`x-tenant-key`, `clientSecret`). */
  readonly sensitiveNames: readonly string[];
  /** Entry files of the app (paths or globs relative to the cwd) the project route map starts from, besides the ones it finds. */
  readonly entries: readonly string[];
  /** What to do with a route whose router no entry mounts: 'report' it (the default) or 'ignore' it. */
  readonly unmountedRouters: 'report' | 'ignore';
}

const KEYS = ['llmCalls', 'authMiddleware', 'loggers', 'sensitiveNames', 'entries', 'unmountedRouters'] as const;
const UNMOUNTED = ['report', 'ignore'] as const;

export const DEFAULT_SETTINGS: LlmLeakSettings = Object.freeze({
  llmCalls: [],
  authMiddleware: [],
  loggers: [],
  sensitiveNames: [],
  entries: [],
  unmountedRouters: 'report',
});

const cache = new WeakMap<object, LlmLeakSettings>();

/** Thrown for a malformed `settings['llm-leak']`; the message names the bad key. */
export class SettingsError extends Error {
  override name = 'LlmLeakSettingsError';
}

/** Validates the plugin's shared settings, caching the result per settings object. */
export function readSettings(all: Readonly<Record<string, unknown>> | undefined): LlmLeakSettings {
  const raw = all?.['llm-leak'];
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SettingsError(`settings['llm-leak'] must be an object, got ${describe(raw)}.`);
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new SettingsError(
        `settings['llm-leak'] has an unknown key '${key}'; the known keys are ${KEYS.join(', ')}.`,
      );
    }
    if (key === 'unmountedRouters') {
      if (!(UNMOUNTED as readonly unknown[]).includes(value)) {
        throw new SettingsError(`settings['llm-leak'].unmountedRouters must be 'report' or 'ignore', got ${describe(value)}.`);
      }
      out[key] = value;
      continue;
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
      throw new SettingsError(
        `settings['llm-leak'].${key} must be an array of non-empty strings, got ${describe(value)}.`,
      );
    }
    if (key === 'entries') for (const pattern of value as string[]) checkEntry(pattern);
    out[key] = Object.freeze([...value]);
  }
  const settings = Object.freeze({ ...DEFAULT_SETTINGS, ...out }) as LlmLeakSettings;
  cache.set(raw, settings);
  return settings;
}

/** An entry path or glob must stay inside the project and be a pattern picomatch can read. */
function checkEntry(pattern: string): void {
  const where = `settings['llm-leak'].entries has '${pattern}'`;
  if (path.isAbsolute(pattern) || /^[A-Za-z]:/.test(pattern) || pattern.split(/[\\/]/).includes('..')) {
    throw new SettingsError(`${where}: entries are paths or globs inside the project, relative to the working folder (no absolute paths, no '..').`);
  }
  try {
    picomatch.makeRe(pattern, { strictBrackets: true });
  } catch (error) {
    throw new SettingsError(`${where}, which is not a valid glob: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value} (${JSON.stringify(value)?.slice(0, 60)})`;
}
