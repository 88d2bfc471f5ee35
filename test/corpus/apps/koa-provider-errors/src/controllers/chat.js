import claude from '../providers/claude.js';

export default {
  completions: async (ctx) => claude.chat(ctx.request.body.prompt, ctx),
};
