/**
 * The project map reads nothing outside the project (issue 14): every `fs` call the lint makes while following a
 * route's imports and mounts is traced, on a project whose files import `/proc` paths, `/etc/passwd` and a sibling
 * folder holding a model client. (The resolver's own lookups are native code; what it answers is checked by the
 * guard before anything is read, which is what this traces.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { clearProjectCache } from '../../src/project/index.js';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'llm-leak-reads-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function write(dir: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

describe('reads outside the project', () => {
  it('following imports of /proc, /etc/passwd and a sibling folder opens and stats nothing there', () => {
    const outside = path.join(tmp, 'outside');
    write(outside, 'secret.js', `import OpenAI from 'openai';\nexport const openai = new OpenAI();\nexport default function r(app) {}\n`);
    const app = path.join(tmp, 'app');
    const climb = '../'.repeat(path.join(app, 'routes').split(path.sep).length);
    write(app, 'package.json', '{ "type": "module" }\n');
    const route = `import express from 'express';\nimport { openai } from '../../outside/secret.js';\nimport kmsg from '${climb}proc/kmsg';\nimport env from '${climb}proc/self/environ.js';\nimport pw from '/etc/passwd';\nconst router = express.Router();\nrouter.post('/chat', async (req, res) => res.json(await openai.chat.completions.create({ messages: [] })));\nrouter.use(kmsg);\nrouter.use(env);\nrouter.use(pw);\nexport default router;\n`;
    write(app, 'routes/chat.js', route);
    write(app, 'app.js', `import express from 'express';\nimport chat from './routes/chat.js';\nimport secret from '../outside/secret.js';\nimport kmsg from '/proc/kmsg';\nconst app = express();\napp.use('/api', chat);\napp.use(secret);\napp.use(kmsg);\napp.listen(3000);\n`);

    clearProjectCache();
    const touched: string[] = [];
    for (const name of ['readFileSync', 'openSync', 'statSync', 'lstatSync', 'realpathSync', 'readdirSync', 'existsSync'] as const) {
      const orig = fs[name] as (...a: unknown[]) => unknown;
      vi.spyOn(fs, name).mockImplementation(((p: unknown, ...rest: unknown[]) => {
        if (typeof p === 'string') touched.push(path.resolve(p));
        return orig.call(fs, p, ...rest);
      }) as never);
    }
    const linter = new Linter({ cwd: app, configType: 'flat' });
    const file = path.join(app, 'routes', 'chat.js');
    const messages = linter.verify(
      route,
      [
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: 'module' },
          plugins: { 'llm-leak': plugin as never },
          rules: { 'llm-leak/require-auth-for-llm-route': 'error', 'llm-leak/no-raw-llm-response': 'error' },
        },
      ],
      file,
    );
    // The map did run: it read app.js to find the mount.
    expect(touched).toContain(path.join(app, 'app.js'));
    expect(touched.filter((p) => p.startsWith('/proc') || p.startsWith('/etc') || p.startsWith(outside))).toEqual([]);
    // The client outside the project stays unknown: no model call, no report.
    expect(messages.map((m) => m.ruleId)).toEqual([]);
  });
});
