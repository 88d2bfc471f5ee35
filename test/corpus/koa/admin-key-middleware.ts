// A Koa middleware in its own module (no framework import): the key taken from the Authorization header is
// compared with the admin key from config with ===.
import config from '../config';

export const authHandler = async (ctx: any, next: () => Promise<void>) => {
  const authorization: string = ctx.header.authorization || '';
  const apiKey = authorization.length > 20 ? authorization.substring(7) : null;
  if (!apiKey) ctx.throw(401, 'api key required');
  if (apiKey === config.admin_api_key) { // expect: llm-leak/timing-safe-compare
    ctx.state.user = { id: -1, role: 'admin' };
  } else {
    const key = await ctx.db.loadKey(apiKey);
    if (!key) ctx.throw(401, 'api key error');
    ctx.state.user = { id: key.id, role: 'user' };
  }
  if (ctx.state.user.id !== ctx.params.ownerId && ctx.state.user.role !== 'admin') ctx.throw(403);
  await next();
};
