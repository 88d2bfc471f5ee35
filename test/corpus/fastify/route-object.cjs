const fastify = require('fastify')({ logger: true });
const Anthropic = require('@anthropic-ai/sdk');

const anthropic = new Anthropic();

fastify.route({ // expect: llm-leak/require-auth-for-llm-route
  method: 'POST',
  url: '/summaries',
  handler: async (request, reply) => {
    try {
      const msg = await anthropic.messages.create({
        model: 'claude-3-5-haiku-latest',
        max_tokens: 400,
        messages: [{ role: 'user', content: `Summarize: ${request.body.text}` }],
      });
      reply.send({ summary: msg.content[0].text });
    } catch (err) {
      reply.code(500).send({ error: err.error }); // expect: llm-leak/no-error-details-to-client
    }
  },
});

fastify.listen({ port: 3000 });
