import response from '../util/response.js';

// Registered by src/index.js; this module imports no framework.
export const errorHandler = async (ctx, next) => {
  try {
    await next();
  } catch (ex) {
    console.error(ex);
    ctx.status = ex.status || 500;
    ctx.body = response.error(ex.message); // expect: llm-leak/no-error-details-to-client
  }
};

export const quietErrorHandler = async (ctx, next) => {
  try {
    await next();
  } catch (ex) {
    console.error(ex);
    ctx.status = ex.status || 500;
    ctx.body = ex.expose ? response.error(ex.message) : response.failed(ctx.status);
  }
};
