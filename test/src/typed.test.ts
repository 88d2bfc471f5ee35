/** The type-aware layer's predicates, on the declared types of test/fixtures/typed/probe.ts. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkRoleOf, sdkResultOf, typeInfoOf } from '../../src/typed/index.js';
import { withModel } from '../helpers.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/typed');
let checker: ts.TypeChecker;
const types = new Map<string, ts.Type>();

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const probe = path.join(dir, 'probe.ts');
  const program = ts.createProgram([...config.fileNames, probe], config.options);
  checker = program.getTypeChecker();
  const source = program.getSourceFile(probe)!;
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
    types.set(symbol.getName(), checker.getTypeOfSymbolAtLocation(symbol, source));
  }
});

const sdk = (name: string): string | undefined => {
  const type = types.get(name);
  if (!type) throw new Error(`probe.ts has no export ${name}`);
  return sdkResultOf(checker, type)?.spec.resultLabel;
};
const role = (name: string): string | undefined => {
  const type = types.get(name);
  if (!type) throw new Error(`probe.ts has no export ${name}`);
  const r = frameworkRoleOf(checker, type);
  return r && `${r.framework}:${r.role}`;
};

describe('sdkResultOf', () => {
  it('recognises SDK results by declaration', () => {
    expect(sdk('completion')).toBe('OpenAI completion');
    expect(sdk('openaiResponse')).toBe('OpenAI response');
    expect(sdk('message')).toBe('Anthropic message');
    expect(sdk('vercel')).toBe('Vercel AI SDK result');
    expect(sdk('vercelStream')).toBe('Vercel AI SDK result');
    expect(sdk('aiMessage')).toBe('LangChain model result');
    expect(sdk('aiChunk')).toBe('LangChain model result');
  });
  it('looks through intersections, unions, promises and base interfaces', () => {
    // openai 7: ChatCompletion & WithRequestID
    expect(sdk('withRequestId')).toBe('OpenAI completion');
    expect(sdk('maybe')).toBe('OpenAI completion');
    expect(sdk('promised')).toBe('OpenAI completion');
    expect(sdk('parsed')).toBe('OpenAI completion');
  });
  it('ignores look-alikes declared elsewhere', () => {
    expect(sdk('like')).toBeUndefined();
    expect(sdk('webResponse')).toBeUndefined();
    expect(sdk('text')).toBeUndefined();
    expect(sdk('res')).toBeUndefined();
  });
});

describe('frameworkRoleOf', () => {
  it('recognises request, response and context types of each framework', () => {
    expect(role('req')).toBe('express:req');
    expect(role('res')).toBe('express:res');
    expect(role('next')).toBe('express:next');
    expect(role('fastifyRequest')).toBe('fastify:req');
    expect(role('fastifyReply')).toBe('fastify:res');
    expect(role('hono')).toBe('hono:honoContext');
    expect(role('koa')).toBe('koa:ctx');
    // An intersection alias.
    expect(role('koaParameterized')).toBe('koa:ctx');
  });
  it('ignores the web Response and SDK values', () => {
    expect(role('webResponse')).toBeUndefined();
    expect(role('completion')).toBeUndefined();
    expect(role('text')).toBeUndefined();
  });
});

describe('typeInfoOf', () => {
  it('is undefined for a file parsed without type information', () => {
    expect(withModel('const x = 1;', (m) => typeInfoOf(m.file))).toBeUndefined();
  });
});
