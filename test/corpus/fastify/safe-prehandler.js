import Fastify from 'fastify';
import { GoogleGenAI } from '@google/genai';
import { authenticate } from './auth.js';

const app = Fastify();
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

app.post('/describe', { preHandler: [authenticate] }, async (request, reply) => {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: `Describe this product in one paragraph: ${request.body.name}`,
    config: { maxOutputTokens: 300, systemInstruction: 'You write product copy.' },
  });
  return reply.send({ text: response.text });
});

app.listen({ port: 3000 });
