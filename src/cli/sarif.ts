/** SARIF 2.1.0, the format GitHub code scanning takes (`github/codeql-action/upload-sarif`). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TSESLint } from '@typescript-eslint/utils';
import type { LlmLeakDocs } from '../create-rule.js';
import { REPO_URL } from '../create-rule.js';
import { routeLabel, type Report } from './report.js';

/** The repository root: the nearest folder up from `cwd` that holds `.git`, else `cwd` itself. */
export function findRepoRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** A path relative to the root as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
}

interface SarifTool {
  readonly name: string;
  readonly version: string;
  readonly rules: Record<string, TSESLint.LooseRuleDefinition>;
}

/** Renders the report as a SARIF 2.1.0 log with one run. */
export function formatSarif(
  report: Report,
  tool: SarifTool,
  ruleIds: readonly string[],
  defaultLevel: 'error' | 'warning',
  /** The config the run used (`eslint.config.js + configs.recommended`), kept in the invocation's properties. */
  config: string,
): string {
  const root = findRepoRoot(report.cwd);
  const level = (severity: 1 | 2): 'error' | 'warning' => (severity === 2 ? 'error' : 'warning');

  // Every enabled rule, so that a run with no results still describes what was checked.
  const ids = [...new Set([...ruleIds, ...report.files.flatMap((f) => f.findings.map((x) => x.ruleId))])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const name = id.replace(/^llm-leak\//, '');
    const meta = (tool.rules[name] as { meta?: { docs?: Partial<LlmLeakDocs> & { url?: string } } } | undefined)?.meta;
    const docs = meta?.docs;
    const cwe = (docs?.cwe ?? []).map((c) => `external/cwe/${c.toLowerCase()}`);
    return {
      id,
      name,
      shortDescription: { text: docs?.description ?? id },
      helpUri: docs?.url ?? `${REPO_URL}/blob/main/docs/rules/${name}.md`,
      help: { text: `${docs?.description ?? id}. See ${docs?.url ?? REPO_URL}` },
      defaultConfiguration: { level: defaultLevel },
      properties: { tags: ['security', ...cwe, ...(docs?.owaspLlm ?? [])] },
    };
  });

  const results = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) as number,
      level: level(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(root, file.filePath), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(f.route ? { properties: { route: routeLabel(f.route), framework: f.route.framework } } : {}),
    })),
  );

  // Files that could not be parsed were not checked: say so where code scanning shows tool problems.
  const notifications = report.files.flatMap((file) =>
    file.problems.map((p) => ({
      level: 'warning',
      message: { text: `Not checked: ${p.message}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(root, file.filePath), uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, p.line), startColumn: Math.max(1, p.column) },
          },
        },
      ],
    })),
  );

  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: { name: tool.name, version: tool.version, informationUri: REPO_URL, rules },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications, properties: { config } }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
