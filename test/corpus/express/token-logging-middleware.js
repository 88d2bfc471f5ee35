// An auth module that imports no framework: its middleware is mounted elsewhere, so nothing says `req` is a
// request, but the Authorization header and a freshly signed JWT are credentials whoever holds them.
import jwt from 'jsonwebtoken';

export function issueToken(user) {
  const token = jwt.sign({ id: user.id, email: user.email }, process.env.JWT_SECRET, { expiresIn: '7d' });
  console.log('issued token', token.substring(0, 20) + '...'); // expect: llm-leak/no-sensitive-logging
  return token;
}

export function authenticate(req, res, next) {
  const header = req.headers.authorization;
  console.log('auth header:', header); // expect: llm-leak/no-sensitive-logging
  const token = header && header.split(' ')[1];
  if (!token) return res.status(401).json({ error: 'token required' });
  const parts = token.split('.');
  console.log('token length', token.length, 'parts', parts.length);
  console.log('segments', parts.map((p) => p.slice(0, 12))); // expect: llm-leak/no-sensitive-logging
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
    console.log('user', req.user.id, 'token limit', req.user.tokenLimit);
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
}
