/** Turns ESLint's results into the CLI's report: findings per file, each attached to its route when known. */
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { ROUTES_RULE_ID, readRouteMap, type RouteInfo } from './routes-rule.js';

/** One finding of a plugin rule. */
export interface Finding {
  readonly ruleId: string;
  readonly message: string;
  readonly severity: 1 | 2;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The route whose registration or handler holds the finding's line; undefined for module code. */
  readonly route: RouteInfo | undefined;
}

/** A problem that kept a file from being checked, or a note from ESLint about it (never a finding). */
export interface Problem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** True when the plugin's analysis failed on the file (the run is incomplete), not the parser. */
  readonly analysis?: boolean;
}

/** One linted file with something to say. */
export interface FileReport {
  readonly filePath: string;
  readonly findings: readonly Finding[];
  readonly routes: readonly RouteInfo[];
  readonly problems: readonly Problem[];
}

/** The whole run. */
export interface Report {
  readonly cwd: string;
  readonly fileCount: number;
  /** Files with findings or problems, in path order. */
  readonly files: readonly FileReport[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Files the plugin's analysis failed on: their findings may be missing, so the run is incomplete. */
  readonly failedCount: number;
  /** ESLint's results without the CLI's route map, counts recomputed, each message with its `route`. */
  readonly results: readonly ESLint.LintResult[];
  /** Other files the findings depend on (from the route map messages), for --cache (deps-stamp.ts). */
  readonly deps: readonly string[];
}

/** ESLint's message for a `/* eslint-env *\/` comment under flat config (ESLint 9 warns, 10 reports it fatal). */
const ESLINT_ENV = /eslint-env \*\/ comments are no longer/;

const isPluginRule = (id: string | null): id is string => id !== null && id.startsWith('llm-leak/');

/** The route a line belongs to: the one with the narrowest range that holds it (a handler inside a registration). */
export function routeOfLine(routes: readonly RouteInfo[], line: number): RouteInfo | undefined {
  let best: RouteInfo | undefined;
  let bestSpan = Infinity;
  for (const route of routes) {
    for (const [start, end] of route.ranges) {
      if (line >= start && line <= end && end - start < bestSpan) {
        best = route;
        bestSpan = end - start;
      }
    }
  }
  return best;
}

/** Builds the report from ESLint's results. */
export function buildReport(cwd: string, fileCount: number, results: readonly ESLint.LintResult[]): Report {
  const files: FileReport[] = [];
  const cleaned: ESLint.LintResult[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const deps = new Set<string>();
  for (const result of [...results].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    // A file-wide eslint-disable comment moves the route map to the suppressed messages.
    const mapMessage = [...result.messages, ...(result.suppressedMessages ?? [])].find((m) => m.ruleId === ROUTES_RULE_ID);
    const map = mapMessage ? readRouteMap(mapMessage.message) : { routes: [], deps: [] };
    const routes = map.routes;
    for (const d of map.deps) deps.add(d);
    const findings: Finding[] = [];
    const problems: Problem[] = [];
    const messages: (Linter.LintMessage & { route?: { method: string; path: string | null; line: number } | null })[] = [];
    for (const m of result.messages) {
      if (m.ruleId === null) {
        // ESLint 10 marks a leftover `/* eslint-env */` comment fatal yet lints the file: it was checked, and the
        // message (about a comment, not the code) is dropped so no report calls the file unchecked.
        if (ESLINT_ENV.test(m.message)) continue;
        problems.push({ line: m.line, column: m.column, message: m.message });
        messages.push(m);
        continue;
      }
      // Rules named by the project's own inline `/* eslint ... */` comments are not this tool's business.
      if (!isPluginRule(m.ruleId)) continue;
      // The analysis failed on this file (src/create-rule.ts): not a finding, a file not fully checked.
      if (m.messageId === 'analysisFailed') {
        problems.push({ line: m.line, column: m.column, message: m.message, analysis: true });
        messages.push(m);
        continue;
      }
      const route = routeOfLine(routes, m.line);
      const severity = m.severity === 1 ? 1 : 2;
      findings.push({
        ruleId: m.ruleId,
        message: m.message.replace(/\s*\n\s*/g, ' '),
        severity,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
        route,
      });
      messages.push({ ...m, route: route ? { method: route.method, path: route.path, line: route.line } : null });
      if (severity === 2) errorCount += 1;
      else warningCount += 1;
    }
    const fileErrors = findings.filter((f) => f.severity === 2).length;
    const { source: _source, ...rest } = result;
    cleaned.push({
      ...rest,
      messages,
      suppressedMessages: (result.suppressedMessages ?? []).filter((m) => isPluginRule(m.ruleId)),
      errorCount: fileErrors,
      warningCount: findings.length - fileErrors,
      fatalErrorCount: problems.length > 0 ? result.fatalErrorCount : 0,
    });
    if (findings.length > 0 || problems.length > 0) files.push({ filePath: result.filePath, findings, routes, problems });
  }
  const failedCount = files.filter((f) => f.problems.some((p) => p.analysis)).length;
  return { cwd, fileCount, files, errorCount, warningCount, failedCount, results: cleaned, deps: [...deps] };
}

/** A route's label: `POST /chat`. */
export const routeLabel = (route: RouteInfo): string => `${route.method} ${route.path ?? '(path not static)'}`;

/** Path shown to the user: relative to the working folder, with forward slashes. */
export const displayPath = (cwd: string, file: string): string => path.relative(cwd, file).split(path.sep).join('/') || file;
