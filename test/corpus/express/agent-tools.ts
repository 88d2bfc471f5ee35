import express from 'express';
import OpenAI from 'openai';
import { exec, execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const REPORTS = '/srv/reports';
const GIT_COMMANDS = new Set(['status', 'log', 'diff']);

const tools = [
  { type: 'function', function: { name: 'shell', parameters: { type: 'object', properties: { command: { type: 'string' } } } } },
  { type: 'function', function: { name: 'save', parameters: { type: 'object', properties: { file: { type: 'string' }, body: { type: 'string' } } } } },
  { type: 'function', function: { name: 'git', parameters: { type: 'object', properties: { sub: { type: 'string' } } } } },
];

app.post('/agent', requireUser, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 800,
    tools,
    messages: [{ role: 'user', content: String(req.body.task) }],
  });
  const call = completion.choices[0].message.tool_calls?.[0];
  if (!call) return res.json({ text: completion.choices[0].message.content });
  const args = JSON.parse(call.function.arguments);
  if (call.function.name === 'shell') {
    exec(args.command, (err, stdout) => res.json({ stdout })); // expect: llm-leak/no-unsafe-llm-output
  } else if (call.function.name === 'save') {
    await fs.writeFile(path.join(REPORTS, args.file), args.body); // expect: llm-leak/no-unsafe-llm-output
    await fs.writeFile(path.join(REPORTS, path.basename(args.file) + '.bak'), args.body);
    res.json({ saved: true });
  } else {
    if (!GIT_COMMANDS.has(args.sub)) return res.status(400).json({ error: 'not allowed' });
    execFile('git', [args.sub], (err, stdout) => res.json({ stdout }));
  }
});

app.listen(3000);
