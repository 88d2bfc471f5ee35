// The first fix of examples/vulnerable's /chat: a login, only the text goes back, the debug page is gone.
// It still ships default credentials and compares them in a way that leaks timing; see README.md.
import express from 'express';
import OpenAI from 'openai';

const app = express();
app.use(express.json());

const client = new OpenAI();

const BASIC_USER = process.env.BASIC_USER || 'admin';
const BASIC_PASS = process.env.BASIC_PASS || 'secret';

function basicAuth(req, res, next) {
  const header = req.headers.authorization ?? '';
  const [scheme, encoded] = header.split(' ');
  if (scheme !== 'Basic' || !encoded) {
    res.set('WWW-Authenticate', 'Basic realm="chat"');
    return res.status(401).json({ error: 'Authentication required' });
  }
  const [user, pass] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  if (user === BASIC_USER && pass === BASIC_PASS) {
    return next();
  }
  res.set('WWW-Authenticate', 'Basic realm="chat"');
  return res.status(401).json({ error: 'Invalid credentials' });
}

app.post('/chat', basicAuth, async (req, res) => {
  const { prompt } = req.body;
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are the support assistant of Acme Corp.' },
      { role: 'user', content: prompt },
    ],
  });
  res.json({ text: completion.choices[0].message.content });
});

app.listen(process.env.PORT ?? 3000);
