const OpenAI = require('openai');

const openai = new OpenAI();

// Reached through developerEndpoints(app, v1Router): behind the JWT check of /v1.
function apiWorkspaceEndpoints(router) {
  router.post('/workspace/chat', async (request, response) => {
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

module.exports = { apiWorkspaceEndpoints };
