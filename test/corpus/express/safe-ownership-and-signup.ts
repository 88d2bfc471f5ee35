// Comparisons that hold no secret: ownership checks on ids of the logged-in user, a password against its
// confirmation field, enum constants, token counts; and a timingSafeEqual on Uint8Array views after a length check.
import express from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Jobs, Users } from './db';

const app = express();
app.use(express.json());

enum TokenKind { Access = 'access', Refresh = 'refresh' }

app.use('/admin', (req, res, next) => {
  const given = Buffer.from(String(req.headers['x-admin-key'] ?? ''));
  const expected = Buffer.from(process.env.ADMIN_KEY ?? '');
  if (given.length !== expected.length) return res.status(401).end();
  if (!timingSafeEqual(new Uint8Array(given), new Uint8Array(expected))) return res.status(401).end();
  next();
});

app.post('/signup', async (req, res) => {
  const { email, password, confirmPassword, tokenType } = req.body;
  if (password !== confirmPassword) return res.status(400).json({ error: 'passwords differ' });
  if (tokenType === TokenKind.Refresh) return res.status(400).json({ error: 'wrong token kind' });
  await Users.create({ email, password });
  res.status(201).end();
});

app.delete('/jobs/:id', async (req, res) => {
  const job = await Jobs.findById(req.params.id);
  if (!job || job.userId !== req.user.id) return res.status(404).end();
  if (job.tokensUsed === job.tokenLimit) console.log('job used its whole budget', job.tokenLimit);
  console.log('key file', process.env.PRIVATE_KEY_PATH);
  await Jobs.remove(job.id);
  res.status(204).end();
});

app.listen(3000);
