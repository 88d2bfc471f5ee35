/**
 * Editor squiggles, for real: start the ESLint language server that editors use (vscode-langservers-extracted) over
 * stdio on test/fixtures/lsp-workspace, open files there and pull their diagnostics (the server answers only LSP 3.17
 * `textDocument/diagnostic`, never `publishDiagnostics`). The workspace's eslint.config.js loads the built plugin.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = path.join(root, 'test/fixtures/lsp-workspace');
const server = path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

/** How long one request may take before the test fails with the server's log instead of hanging. */
const REQUEST_TIMEOUT_MS = 30_000;

interface RpcMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

interface Position {
  line: number;
  character: number;
}

interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  code?: string | number;
  source?: string;
  severity?: number;
}

/** A dependency-free JSON-RPC 2.0 client over stdio with LSP's `Content-Length` framing. */
class LspClient {
  readonly log: string[] = [];
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly proc: ChildProcessWithoutNullStreams,
    private readonly onRequest: (method: string, params: unknown) => unknown,
  ) {
    proc.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    proc.stderr.on('data', (chunk: Buffer) => this.log.push(`stderr: ${chunk.toString('utf8')}`));
    proc.on('exit', (code, signal) => {
      const error = new Error(`language server exited (code ${code}, signal ${signal})\n${this.tail()}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${REQUEST_TIMEOUT_MS} ms\n${this.tail()}`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  tail(): string {
    return this.log.slice(-20).join('\n');
  }

  private send(message: RpcMessage): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!match) throw new Error(`bad LSP header: ${this.buffer.subarray(0, headerEnd).toString('ascii')}`);
      const start = headerEnd + 4;
      const end = start + Number(match[1]);
      // Content-Length counts bytes, so wait for the whole body before decoding it.
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as RpcMessage;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: RpcMessage): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: it waits for our answer.
      let result: unknown = null;
      try {
        result = this.onRequest(message.method, message.params);
      } catch (e) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(e) } });
        return;
      }
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } else if (message.method !== undefined) {
      const params = message.params as { message?: string } | undefined;
      this.log.push(`${message.method}: ${params?.message ?? JSON.stringify(message.params)}`);
    } else if (typeof message.id === 'number') {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!p) return;
      if (message.error) p.reject(new Error(`${message.error.message}\n${this.tail()}`));
      else p.resolve(message.result);
    }
  }
}

const workspaceUri = pathToFileURL(workspace).href;

/** The settings VS Code's ESLint extension sends; `experimental: {}` must be there, and `useFlatConfig` must not be set with ESLint 10. */
const settings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  experimental: {},
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workspaceFolder: { name: 'lsp-workspace', uri: workspaceUri },
};

function answer(method: string, params: unknown): unknown {
  switch (method) {
    case 'workspace/configuration':
      return ((params as { items?: unknown[] }).items ?? []).map(() => settings);
    case 'client/registerCapability':
    case 'client/unregisterCapability':
    case 'window/workDoneProgress/create':
    case 'workspace/diagnostic/refresh':
      return null;
    default:
      // The server's own requests (eslint/noLibrary, eslint/probeFailed, ...) would mean it cannot lint: record them.
      throw new Error(`unexpected request ${method}: ${JSON.stringify(params)}`);
  }
}

describe('the ESLint language server with the plugin', () => {
  let proc: ChildProcessWithoutNullStreams | undefined;
  let client: LspClient;
  let version = 0;
  const unexpected: string[] = [];

  beforeAll(async () => {
    // The workspace's config imports dist/; a clean clone builds it in `npm ci`, a working copy may not have it yet.
    if (!existsSync(path.join(root, 'dist/src/index.js'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    }
    proc = spawn(process.execPath, [server, '--stdio'], { cwd: workspace, stdio: 'pipe' });
    client = new LspClient(proc, (method, params) => {
      try {
        return answer(method, params);
      } catch (e) {
        unexpected.push(String(e));
        throw e;
      }
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: workspaceUri,
      workspaceFolders: [{ uri: workspaceUri, name: 'lsp-workspace' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
          publishDiagnostics: { relatedInformation: true },
        },
        window: { workDoneProgress: true },
      },
    });
    client.notify('initialized', {});
  });

  afterAll(async () => {
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc!.once('exit', () => resolve()));
    // Ask politely, then make sure: a language server left running would keep vitest's worker alive.
    await Promise.race([
      client.request('shutdown', null).then(() => client.notify('exit', null)),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]).catch(() => undefined);
    const timer = setTimeout(() => proc!.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  });

  /** Opens a fixture file and pulls its diagnostics. */
  async function diagnosticsOf(name: string): Promise<Diagnostic[]> {
    const file = path.join(workspace, name);
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'javascript', version: ++version, text: readFileSync(file, 'utf8') },
    });
    const report = await client.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expect(report.kind, client.tail()).toBe('full');
    return report.items ?? [];
  }

  /** What ESLint itself reports for the file under the same config, in LSP's 0-based positions. */
  async function expectedOf(name: string) {
    const eslint = new ESLint({ cwd: workspace });
    const [result] = await eslint.lintFiles([path.join(workspace, name)]);
    return result!.messages.map((m) => ({
      code: m.ruleId,
      message: m.message,
      range: {
        start: { line: m.line - 1, character: m.column - 1 },
        end: { line: (m.endLine ?? m.line) - 1, character: (m.endColumn ?? m.column) - 1 },
      },
    }));
  }

  it('underlines the leaking route and the raw response with the rules\' messages', async () => {
    const items = await diagnosticsOf('leaking.js');
    const got = items
      .map((d) => ({ code: d.code, message: d.message, range: d.range }))
      .sort((a, b) => a.range.start.line - b.range.start.line);

    // Pinned, so that the check does not only compare the server with ESLint: `app.post('/chat'` on line 9 and
    // `completion` in `res.json(completion)` on line 14 (1-based).
    expect(got.map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['llm-leak/require-auth-for-llm-route', { line: 8, character: 0 }, { line: 8, character: 16 }],
      ['llm-leak/no-raw-llm-response', { line: 13, character: 11 }, { line: 13, character: 21 }],
    ]);
    expect(got.find((d) => d.code === 'llm-leak/no-raw-llm-response')?.message).toMatch(
      /^The OpenAI completion is sent to the client as is/,
    );
    // Exactly what the rules report through ESLint, message for message.
    expect(got).toEqual(await expectedOf('leaking.js'));
    expect(items.every((d) => d.source === 'eslint' && d.severity === 1)).toBe(true);
    expect(unexpected).toEqual([]);
  });

  it('shows nothing on the fixed route', async () => {
    expect(await diagnosticsOf('clean.js')).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});
