const Fastify = require('fastify');
const { Ollama } = require('ollama');

const app = Fastify({ logger: true });
const ollama = new Ollama({ host: 'http://127.0.0.1:11434' });

async function requireUser(request, reply) {
  const session = await request.server.sessions.get(request.cookies.sid);
  if (!session) return reply.code(401).send({ error: 'login required' });
  request.user = session.user;
}

app.route({
  method: 'POST',
  url: '/notes/title',
  preValidation: requireUser,
  handler: async (request) => {
    const res = await ollama.chat({
      model: 'llama3.2',
      options: { num_predict: 30 },
      messages: [{ role: 'user', content: `Title for this note: ${request.body.note}` }],
    });
    return { title: res.message.content };
  },
});

app.listen({ port: 3000 });
