import { describe, expect, it } from 'vitest';
import { textOf, withModel } from '../helpers.js';

const loggers = (code: string, sourceType?: 'module' | 'commonjs', settings?: Record<string, unknown>) =>
  withModel(code, (m) => m.loggerCalls.map((c) => `${c.logger}:${textOf(code, c.node.callee)}`), { sourceType, settings });

describe('logger calls', () => {
  it('finds console, aliased pino, winston and debug loggers', () => {
    const code = `
      import P from 'pino';
      import { createLogger } from 'winston';
      import winston from 'winston';
      import createDebug from 'debug';
      const log = P().child({ svc: 'x' });
      const w = winston.createLogger({});
      const dbg = createDebug('app');
      console.log(1); log.info(2); w.warn(3); dbg(4); winston.error(5); const w2 = createLogger({}); w2.info(7);
      other.info(6);
    `;
    expect(loggers(code)).toEqual([
      'console:console.log', 'pino:log.info', 'winston:w.warn', 'debug:dbg', 'winston:winston.error', 'winston:w2.info',
    ]);
  });
  it('finds require()d loggers and request loggers', () => {
    const code = `
      const { createLogger } = require('bunyan');
      const b = createLogger({ name: 'x' });
      function h(req, reply) { req.log.info('a'); b.info('b'); fastify.log.error('c'); }
    `;
    expect(loggers(code, 'commonjs')).toEqual(['request-logger:req.log.info', 'bunyan:b.info', 'framework-logger:fastify.log.error']);
  });
  it('adds names from settings and keeps unrelated calls out', () => {
    const code = `audit.write(x); audit.read(y); metrics.info(z);`;
    expect(loggers(code, 'module', { 'llm-leak': { loggers: ['audit.write'] } })).toEqual(['custom:audit.write']);
  });
});
