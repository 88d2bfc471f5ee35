import OpenAI from 'openai';

const openai = new OpenAI();

export async function generateAIResponse(message) {
  try {
    const r = await openai.responses.create({ model: 'gpt-4o-mini', max_output_tokens: 500, input: String(message) });
    return { success: true, content: r.output_text };
  } catch (error) {
    console.error('AI service error:', error);
    return { success: false, content: 'Sorry, something went wrong.', error: error.message };
  }
}
