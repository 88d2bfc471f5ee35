const Fastify = require('fastify');
const OpenAI = require('openai');

const app = Fastify();
const openai = new OpenAI();

app.register(require('@fastify/basic-auth'), {
  validate: async (username, password) => {
    if (username !== 'ops' || password !== process.env.OPS_PASSWORD) { // expect: llm-leak/timing-safe-compare, llm-leak/no-hardcoded-credentials
      throw new Error('Unauthorized');
    }
  },
  authenticate: true,
});

app.after(() => {
  app.addHook('onRequest', app.basicAuth);
  app.post('/ops/explain', async (request) => {
    const r = await openai.chat.completions.create({
      model: 'gpt-4o',
      max_tokens: 500,
      messages: [{ role: 'user', content: `Explain this alert: ${request.body.alert}` }],
    });
    return { text: r.choices[0].message.content };
  });
});

app.listen({ port: 3000 });
