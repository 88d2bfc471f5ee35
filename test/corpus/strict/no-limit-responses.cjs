const Fastify = require('fastify');
const OpenAI = require('openai');

const app = Fastify();
const openai = new OpenAI();

app.addHook('onRequest', async (request, reply) => {
  await request.jwtVerify();
});

app.post('/research', async (request) => {
  const r = await openai.responses.create({ model: 'o4-mini', input: request.body.topic }); // expect: llm-leak/require-output-limit
  return { text: r.output_text };
});

app.listen({ port: 3000 });
