// Scenario B: a partner system posts prompts to /hooks/ask, signed with a shared HMAC key.
import { createHmac } from 'node:crypto';
import express from 'express';
import OpenAI from 'openai';

const client = new OpenAI();
const WEBHOOK_SECRET = process.env.WEBHOOK_SECRET || 'dev-webhook-secret';

export const webhookRouter = express.Router();

webhookRouter.post('/ask', async (req, res) => {
  const signature = req.get('X-Signature');
  const { prompt, partner } = req.body;
  console.log('webhook /ask', { prompt, signature });

  // The signature is computed over a re-serialisation of the parsed body, not the bytes the partner signed,
  // and compared with ===, which returns as soon as one character differs. Nothing in it says when it was sent, so a
  // captured request can be replayed at will.
  const expected = createHmac('sha256', WEBHOOK_SECRET).update(JSON.stringify(req.body)).digest('hex');
  if (signature === expected) {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        // The partner name comes from the request body; the orders API key goes into a prompt the model can repeat.
        {
          role: 'system',
          content: `You answer questions for ${partner}. Look up orders with the key ${process.env.ORDERS_API_KEY}.`,
        },
        { role: 'user', content: prompt },
      ],
    });
    const answer = completion.choices[0].message.content;
    console.log('model answered', answer);
    // The partner embeds the answer in its help page as is: markup the model writes (or is tricked into writing) runs there.
    if (req.query.format === 'html') return res.send(`<div class="answer">${answer}</div>`);
    return res.json({ answer });
  }
  return res.status(401).json({ error: 'bad signature' });
});
