const OpenAI = require('openai');

const openai = new OpenAI();

async function complete(prompt) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [{ role: 'user', content: prompt }],
  });
  return completion;
}

module.exports = { complete };
