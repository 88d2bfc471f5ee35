import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(process.env.NOTES_DIR ?? './notes') + path.sep;
const server = new McpServer({ name: 'notes', version: '1.0.0' });

server.tool('read_note', 'Read a note', { file: z.string() }, async ({ file }) => {
  const text = await readFile(file, 'utf8'); // expect: llm-leak/no-unsafe-llm-output
  return { content: [{ type: 'text', text }] };
});

server.tool('read_note_safe', 'Read a note from the notes folder', { file: z.string() }, async ({ file }) => {
  const full = path.resolve(ROOT, file);
  if (!full.startsWith(ROOT)) return { content: [{ type: 'text', text: 'Outside the notes folder.' }], isError: true };
  return { content: [{ type: 'text', text: await readFile(full, 'utf8') }] };
});

server.tool('read_kind', 'Read one of the fixed notes', { kind: z.enum(['todo', 'ideas']) }, async ({ kind }) => ({
  content: [{ type: 'text', text: await readFile(path.join(ROOT, `${kind}.md`), 'utf8') }],
}));

await server.connect(new StdioServerTransport());
