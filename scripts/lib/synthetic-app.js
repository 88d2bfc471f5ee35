// A generated multi-module Express app for the bench: the layout real LLM servers have (app → routers → controllers
// → services → one client module), at a chosen size. Our own text, written to a temporary folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes an app of about `5 * features + 3` files under `dir`: per feature a router, a controller, a service, a data
 * model and a utility module; one client module, one auth middleware, one entry. Half the routers are mounted
 * behind the auth middleware. Returns the files, entry first.
 * @param {string} dir
 * @param {number} features
 * @returns {string[]}
 */
export function writeSyntheticApp(dir, features) {
  const files = [];
  const put = (rel, text) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push(file);
  };
  const mounts = [];
  const imports = [];
  for (let i = 0; i < features; i++) {
    imports.push(`import r${i} from './routes/r${i}.js';`);
    mounts.push(i % 2 ? `app.use('/api/f${i}', requireUser, r${i});` : `app.use('/api/f${i}', r${i});`);
  }
  put(
    'app.js',
    `import express from 'express';\nimport { requireUser } from './middleware/auth.js';\n${imports.join('\n')}\n\nconst app = express();\napp.use(express.json());\n${mounts.join('\n')}\napp.listen(3000);\n`,
  );
  put('package.json', '{ "name": "synthetic-app", "type": "module" }\n');
  put('lib/openai.js', `import OpenAI from 'openai';\n\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`);
  put(
    'middleware/auth.js',
    `import jwt from 'jsonwebtoken';\n\nexport function requireUser(req, res, next) {\n  const token = req.headers.authorization?.slice(7);\n  if (!token) return res.status(401).json({ error: 'login required' });\n  try {\n    req.user = jwt.verify(token, process.env.JWT_SECRET);\n    return next();\n  } catch {\n    return res.status(401).json({ error: 'login required' });\n  }\n}\n`,
  );
  for (let i = 0; i < features; i++) {
    put(
      `routes/r${i}.js`,
      `import express from 'express';\nimport * as c from '../controllers/c${i}.js';\n\nconst router = express.Router();\nrouter.post('/chat', c.reply);\nrouter.get('/items', c.list);\nrouter.get('/items/:id', c.show);\n\nexport default router;\n`,
    );
    put(
      `controllers/c${i}.js`,
      `import { ask } from '../services/s${i}.js';\nimport { findItems, findItem } from '../models/m${i}.js';\nimport { paginate } from '../utils/u${i}.js';\n\nexport async function reply(req, res) {\n  try {\n    const text = await ask(req.body.question);\n    res.json({ text });\n  } catch (err) {\n    console.error('reply failed', err);\n    res.status(500).json({ error: 'failed' });\n  }\n}\n\nexport async function list(req, res) {\n  const items = await findItems(req.user?.id);\n  res.json(paginate(items, Number(req.query.page ?? 1)));\n}\n\nexport async function show(req, res) {\n  const item = await findItem(req.params.id);\n  if (!item || item.owner !== req.user?.id) return res.status(404).end();\n  res.json(item);\n}\n`,
    );
    put(
      `services/s${i}.js`,
      `import { openai } from '../lib/openai.js';\n\nconst SYSTEM = 'You answer questions about feature ${i}.';\n\nexport async function ask(question) {\n  const completion = await openai.chat.completions.create({\n    model: 'gpt-4o-mini',\n    max_completion_tokens: 400,\n    messages: [\n      { role: 'system', content: SYSTEM },\n      { role: 'user', content: String(question).slice(0, 2000) },\n    ],\n  });\n  return completion.choices[0]?.message?.content ?? '';\n}\n`,
    );
    put(
      `models/m${i}.js`,
      `const items = new Map();\n\nexport async function findItems(owner) {\n  return [...items.values()].filter((x) => x.owner === owner);\n}\n\nexport async function findItem(id) {\n  return items.get(id);\n}\n`,
    );
    put(
      `utils/u${i}.js`,
      `export function paginate(list, page, size = 20) {\n  const start = (Math.max(1, page) - 1) * size;\n  return { page, total: list.length, items: list.slice(start, start + size) };\n}\n`,
    );
  }
  return files;
}
