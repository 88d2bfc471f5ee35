/**
 * The linted file's own facts, which the route map's walk reads when it reaches the file (a router's further mounts,
 * the middleware it applies), come from its lint's parse when the disk holds the same text (LintOptions.own).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { lintProjectFile, projectMaker } from '../helpers.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache, parseCount } from '../../src/project/index.js';
import plugin from '../../src/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-own-parse-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearProjectCache());

const project = projectMaker(root);
const RULE = 'require-auth-for-llm-route';

const APP = `import express from 'express';
import v1 from './v1.js';
const app = express();
app.use('/v1', v1);
app.listen(3000);
`;
const V1 = `import { Router } from 'express';
import OpenAI from 'openai';
const openai = new OpenAI();
const v1 = Router();
v1.post('/chat', async (req, res) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
  res.json({ text: r.choices[0].message.content });
});
export default v1;
`;

/** Lints `text` as the file `file` of `dir` (an editor's unsaved buffer when it is not what the disk holds). */
function lintText(dir: string, file: string, text: string): string[] {
  return new Linter({ cwd: dir, configType: 'flat' })
    .verify(text, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { 'llm-leak': plugin as never }, rules: { [`llm-leak/${RULE}`]: 'error' } }], path.join(dir, file))
    .map((m) => `${m.line} ${m.ruleId ?? m.message}`);
}

describe("the linted file's own parse", () => {
  it('gives the walk the facts of the file it reaches: the entry is parsed, the linted router is not', () => {
    const dir = project({ 'app.ts': APP, 'v1.ts': V1 });
    const before = parseCount();
    expect(lintProjectFile(dir, 'v1.ts', [RULE]).map((m) => `${m.line} ${m.ruleId}`)).toEqual([`5 llm-leak/${RULE}`]);
    expect(parseCount() - before).toBe(1);
  });

  it('is not used for an unsaved buffer: the disk is parsed, as another file reading the module would see it', () => {
    const dir = project({ 'app.ts': APP, 'v1.ts': V1 });
    const before = parseCount();
    expect(lintText(dir, 'v1.ts', `// edited\n${V1}`)).toEqual([`6 llm-leak/${RULE}`]);
    expect(parseCount() - before).toBe(2);
  });
});
