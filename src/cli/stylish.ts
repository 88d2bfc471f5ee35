/** The human format: findings per file, grouped by route, then a summary by rule. */
import { displayPath, routeLabel, type Finding, type Report } from './report.js';
import type { RouteInfo } from './routes-rule.js';

/** ANSI styling, or none. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** Colours for a terminal. */
export const COLOUR: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39) };
/** No styling (files, pipes, NO_COLOR). */
export const PLAIN: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, green: (t) => t };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Renders the report as text. */
export function formatStylish(report: Report, configName: string, style: Style = PLAIN): string {
  const out: string[] = [];
  const ruleCounts = new Map<string, number>();
  let routesWithFindings = 0;

  for (const file of report.files) {
    out.push(style.bold(displayPath(report.cwd, file.filePath)));
    for (const p of file.problems) {
      out.push(`  ${style.yellow('not checked')} ${p.line}:${p.column}  ${p.message.replace(/\s*\n\s*/g, ' ')}`);
    }
    // Groups in source order of their first line; module code last.
    const groups = new Map<RouteInfo | undefined, Finding[]>();
    for (const f of file.findings) {
      const list = groups.get(f.route) ?? [];
      list.push(f);
      groups.set(f.route, list);
      ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1);
    }
    const ordered = [...groups.entries()].sort(([a], [b]) => (a?.line ?? Infinity) - (b?.line ?? Infinity));
    for (const [route, findings] of ordered) {
      if (route) routesWithFindings += 1;
      const heading = route
        ? `${style.bold(routeLabel(route))} ${style.dim(`(${route.framework}, line ${route.line})`)}`
        : style.bold('module code');
      out.push(`  ${heading}`);
      const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
      for (const f of findings.sort((a, b) => a.line - b.line || a.column - b.column)) {
        const level = f.severity === 2 ? style.red('error  ') : style.yellow('warning');
        out.push(`    ${`${f.line}:${f.column}`.padEnd(width)}  ${level}  ${f.message}  ${style.dim(f.ruleId)}`);
      }
    }
    out.push('');
  }

  const total = report.errorCount + report.warningCount;
  if (total > 0) {
    out.push(style.bold('Summary by rule'));
    const rows = [...ruleCounts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    const width = Math.max(...rows.map(([id]) => id.length));
    for (const [id, n] of rows) out.push(`  ${id.padEnd(width)}  ${n}`);
    out.push('');
  }
  const checked = `${plural(report.fileCount, 'file')} checked with ${configName}`;
  const notChecked = report.files.reduce((n, f) => n + (f.problems.length > 0 ? 1 : 0), 0);
  const tail = notChecked > 0 ? style.yellow(`; ${plural(notChecked, 'file')} could not be checked`) : '';
  if (total === 0) {
    out.push(`${style.green('✔ no findings')}: ${checked}${tail}`);
  } else {
    const severities = [
      report.errorCount > 0 ? plural(report.errorCount, 'error') : '',
      report.warningCount > 0 ? plural(report.warningCount, 'warning') : '',
    ].filter(Boolean);
    const filesWith = report.files.filter((f) => f.findings.length > 0).length;
    out.push(
      `${style.red(`✖ ${plural(total, 'finding')}`)} (${severities.join(', ')}) in ${plural(filesWith, 'file')}` +
        `${routesWithFindings > 0 ? `, ${plural(routesWithFindings, 'route')}` : ''}: ${checked}${tail}`,
    );
  }
  return `${out.join('\n')}\n`;
}
