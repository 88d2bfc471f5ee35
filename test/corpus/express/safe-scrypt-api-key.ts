// API keys stored as scrypt hashes: the supplied key only goes into scrypt (64 bytes out), compared with the stored
// 64-byte hash, so neither length is the client's and timingSafeEqual cannot throw on it.
import express from 'express';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { findKeyRecord } from './keys';

export const generateSecretHash = (apiKey: string): string => {
  const salt = randomBytes(8).toString('hex');
  const buffer = scryptSync(apiKey, salt, 64) as Buffer;
  return `${buffer.toString('hex')}.${salt}`;
};

export const compareKeys = (storedKey: string, suppliedKey: string): boolean => {
  const [hashedPassword, salt] = storedKey.split('.');
  const buffer = scryptSync(suppliedKey, salt, 64) as Buffer;
  return timingSafeEqual(Buffer.from(hashedPassword, 'hex'), buffer);
};

const app = express();
app.use(async (req, res, next) => {
  const supplied = req.get('x-api-key');
  const record = supplied ? await findKeyRecord(supplied.slice(0, 8)) : undefined;
  if (!supplied || !record || !compareKeys(record.apiSecret, supplied)) return res.sendStatus(401);
  next();
});
app.listen(3000);
