const OpenAI = require('openai');

const openai = new OpenAI();

// Registers its routes on the router the entry hands it: mounted at /api with no auth.
function chatEndpoints(app) {
  if (!app) return;
  app.post('/workspace/chat', async (request, response) => { // expect: llm-leak/require-auth-for-llm-route
    try {
      const completion = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        max_tokens: 500,
        messages: [{ role: 'user', content: String(request.body.message) }],
      });
      response.json({ text: completion.choices[0]?.message?.content ?? '' });
    } catch (e) {
      response.status(500).json({ error: e.message }); // expect: llm-leak/no-error-details-to-client
    }
  });
}

module.exports = { chatEndpoints };
