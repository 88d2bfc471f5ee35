import { generateAIResponse } from '../services/ai.js';

// Registered by src/app.js; this module imports no framework.
export const sendMessage = async (req, res) => {
  const aiResponse = await generateAIResponse(req.body.message);
  res.status(200).json({
    reply: aiResponse.content,
    aiError: aiResponse.success ? null : aiResponse.error, // expect: llm-leak/no-error-details-to-client
  });
};

export const sendQuietly = async (req, res) => {
  const aiResponse = await generateAIResponse(req.body.message);
  res.status(aiResponse.success ? 200 : 502).json({ reply: aiResponse.content });
};
