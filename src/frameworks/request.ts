/** The request and response objects several frameworks share: Node's, grown by middleware, and the web `Request`. */
import type { RequestShape } from './adapter.js';

/** Members and methods of a request: Express `req`, Fastify `request`, the web `Request` (Next.js, Hono's `c.req.raw`). */
export const REQUEST: RequestShape = {
  members: {
    body: 'body', files: 'body', file: 'body', query: 'query', params: 'params', headers: 'headers',
    cookies: 'cookies', signedCookies: 'cookies', session: 'session', auth: 'auth', user: 'auth', rawBody: 'rawBody',
    url: 'query', originalUrl: 'query', nextUrl: 'query', search: 'query', searchParams: 'query',
    raw: { handle: 'req', final: 'rawBody' },
  },
  methods: { get: 'headers', header: 'headers', json: 'body', formData: 'body', text: 'rawBody', arrayBuffer: 'rawBody', blob: 'rawBody' },
};

/** Node-style response methods that send their first argument: `res.json(x)`, `res.status(n).send(x)`. */
export const RESPONSE_SEND: ReadonlySet<string> = new Set(['json', 'send', 'jsonp', 'write', 'end']);
