// Scoring behind `npm run eval:real`: matches the plugin's findings on real-world apps against the labels in
// test/real-world/corpus.json. Pure functions, so that test/real-world.test.ts can check them on a fixture.
//
// A label is { file, line, rule, kind, why }: kind 'leak' (the rule must report here), 'safe' (a report here is
// a false positive on code we read and judged safe) or 'ignore' (a case we decided, before running the plugin,
// not to score either way). A finding matches a label when file, line and rule agree; several findings of one
// rule on one line count once.
import path from 'node:path';

const PREFIX = 'llm-leak/';

/** The rule ids a run scores: require-output-limit only under --strict. */
export function scoredRule(rule, strict) {
  return strict || rule !== 'require-output-limit';
}

/** Checks the corpus' shape; returns a list of problems (empty when it is well formed). */
export function checkCorpus(corpus, ruleIds) {
  const problems = [];
  const seen = new Set();
  for (const app of corpus) {
    const where = app.repo ?? '?';
    if (!/^[\w.-]+\/[\w.-]+$/.test(app.repo ?? '')) problems.push(`${where}: repo must be owner/name`);
    if (!/^[0-9a-f]{40}$/.test(app.commit ?? '')) problems.push(`${where}: commit must be a 40-hex hash`);
    if (typeof app.folder !== 'string' || path.isAbsolute(app.folder) || app.folder.split(/[\\/]/).includes('..')) {
      problems.push(`${where}: folder must be relative to the repository root`);
    }
    if (seen.has(app.repo)) problems.push(`${where}: listed twice`);
    seen.add(app.repo);
    for (const label of app.labels ?? []) {
      const at = `${where} ${label.file}:${label.line}`;
      if (!ruleIds.includes(label.rule)) problems.push(`${at}: unknown rule '${label.rule}'`);
      if (!['leak', 'safe', 'ignore'].includes(label.kind)) problems.push(`${at}: kind must be leak, safe or ignore`);
      if (!Number.isInteger(label.line) || label.line < 1) problems.push(`${at}: line must be a positive integer`);
      if (typeof label.why !== 'string' || label.why.length === 0 || label.why.includes('\n')) {
        problems.push(`${at}: why must be one line`);
      }
    }
  }
  return problems;
}

/** The directory a repository's snapshot lives in, under the snapshots folder. */
export function snapshotDir(root, repo) {
  return path.join(root, repo.replace('/', '+'));
}

/**
 * Turns ESLint's JSON results (from `llm-leak --format json`, run in `appDir`) into findings:
 * { file (relative to appDir, forward slashes), line, rule (without prefix) }, one per file/line/rule, plus the
 * problems that kept files from being checked (parse errors).
 */
export function readFindings(results, appDir) {
  const keys = new Set();
  const findings = [];
  const problems = [];
  for (const result of results) {
    const file = path.relative(appDir, result.filePath).split(path.sep).join('/');
    for (const m of result.messages ?? []) {
      if (m.ruleId === null || m.ruleId === undefined) {
        problems.push({ file, line: m.line ?? 0, message: m.message });
        continue;
      }
      if (!m.ruleId.startsWith(PREFIX)) continue;
      const rule = m.ruleId.slice(PREFIX.length);
      const key = `${file}\0${m.line}\0${rule}`;
      if (keys.has(key)) continue;
      keys.add(key);
      findings.push({ file, line: m.line, rule });
    }
  }
  return { findings, problems };
}

/** Scores one app: its labels against its findings. */
export function scoreApp(app, findings, { strict = false } = {}) {
  const key = (x) => `${x.file}\0${x.line}\0${x.rule}`;
  const labels = new Map();
  for (const label of app.labels) if (scoredRule(label.rule, strict)) labels.set(key(label), label);
  const found = new Set();
  const tp = [];
  const fp = [];
  const ignored = [];
  for (const f of findings) {
    if (!scoredRule(f.rule, strict)) continue;
    const label = labels.get(key(f));
    found.add(key(f));
    if (label?.kind === 'leak') tp.push({ ...f, why: label.why });
    else if (label?.kind === 'ignore') ignored.push({ ...f, why: label.why });
    else fp.push({ ...f, why: label?.why ?? null, labelledSafe: label?.kind === 'safe' });
  }
  const fn = [...labels.values()].filter((l) => l.kind === 'leak' && !found.has(key(l)))
    .map(({ file, line, rule, why }) => ({ file, line, rule, why }));
  return { repo: app.repo, framework: app.framework, expected: tp.length + fn.length, tp, fp, fn, ignored };
}

const ratio = (a, b) => (b === 0 ? null : a / b);

/** Adds up the per-app scores into per-rule and total figures. */
export function summarise(appScores, ruleIds, { strict = false } = {}) {
  const rules = ruleIds.filter((r) => scoredRule(r, strict)).map((rule) => {
    const count = (k) => appScores.reduce((n, s) => n + s[k].filter((x) => x.rule === rule).length, 0);
    const tp = count('tp');
    const fp = count('fp');
    const fn = count('fn');
    return { rule, expected: tp + fn, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
  });
  const sum = (k) => rules.reduce((n, r) => n + r[k], 0);
  const total = { expected: sum('expected'), tp: sum('tp'), fp: sum('fp'), fn: sum('fn') };
  total.precision = ratio(total.tp, total.tp + total.fp);
  total.recall = ratio(total.tp, total.tp + total.fn);
  return { rules, total };
}

const num = (x) => (x === null ? '    -' : x.toFixed(3));

/** The human-readable table. */
export function formatReport({ rules, total }, appScores, extra = {}) {
  const out = [];
  const w = Math.max(26, ...rules.map((r) => r.rule.length));
  out.push(`${'rule'.padEnd(w)}  expected   TP   FP   FN  precision  recall`);
  const row = (name, r) =>
    `${name.padEnd(w)}  ${String(r.expected).padStart(8)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ` +
    `${String(r.fn).padStart(4)}  ${num(r.precision).padStart(9)}  ${num(r.recall).padStart(6)}`;
  for (const r of rules) out.push(row(r.rule, r));
  out.push('', row('total', total), '');
  const rw = Math.max(4, ...appScores.map((s) => s.repo.length));
  out.push(`${'repo'.padEnd(rw)}  framework  files  expected   TP   FP   FN  ignored  problems`);
  for (const s of appScores) {
    out.push(
      `${s.repo.padEnd(rw)}  ${String(s.framework).padEnd(9)}  ${String(s.files ?? '-').padStart(5)}  ` +
        `${String(s.expected).padStart(8)} ${String(s.tp.length).padStart(4)} ${String(s.fp.length).padStart(4)} ` +
        `${String(s.fn.length).padStart(4)}  ${String(s.ignored.length).padStart(7)}  ${String(s.problems?.length ?? 0).padStart(8)}`,
    );
  }
  if (extra.details) {
    for (const s of appScores) {
      const lines = [
        ...s.fn.map((x) => `  FN ${x.file}:${x.line} ${x.rule} (${x.why})`),
        ...s.fp.map((x) => `  FP ${x.file}:${x.line} ${x.rule}${x.labelledSafe ? ' (labelled safe)' : ''}`),
        ...(s.problems ?? []).map((p) => `  !! ${p.file}:${p.line} ${p.message}`),
      ];
      if (lines.length > 0) out.push('', s.repo, ...lines);
    }
  }
  return out.join('\n');
}
