// Helpers that receive the request beside other values: `{ usage, model }` reads those properties alone, and a
// safety verdict says why output was blocked, not what it was.
import express from 'express';
import { GoogleGenAI } from '@google/genai';
import { requireUser } from './auth.js';

const app = express();
app.use(express.json());
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

async function toContents({ req, prompt }) {
  const style = await loadStyle(req.user.id);
  return [{ text: `${prompt} in the style ${style}` }];
}

function safetyBlock(response) {
  const candidate = response.candidates?.[0];
  if (!candidate) return { reason: 'NO_CANDIDATES' };
  for (const rating of candidate.safetyRatings ?? []) {
    if (rating.blocked) return { reason: candidate.finishReason, message: `Blocked due to ${rating.category}` };
  }
  return null;
}

async function recordUsage({ usageMetadata, req, model }) {
  const promptTokens = usageMetadata?.promptTokenCount ?? 0;
  const completionTokens = usageMetadata?.candidatesTokenCount ?? 0;
  console.debug('usage', { promptTokens, completionTokens, model });
  await saveUsage(req.user.id, promptTokens + completionTokens);
}

app.post('/image', requireUser, async (req, res) => {
  const contents = await toContents({ req, prompt: String(req.body.prompt) });
  const model = process.env.GEMINI_IMAGE_MODEL || 'gemini-2.5-flash-image';
  const response = await ai.models.generateContent({ model, contents, config: { maxOutputTokens: 1024 } });
  const block = safetyBlock(response);
  if (block) {
    console.warn('safety block', block);
    return res.status(422).json({ error: 'blocked' });
  }
  await recordUsage({ usageMetadata: response.usageMetadata, req, model });
  res.json({ text: response.text });
});

app.listen(3000);
