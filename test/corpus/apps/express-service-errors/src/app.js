import express from 'express';
import passport from 'passport';
import { sendMessage, sendQuietly } from './controllers/chat.js';

const app = express();
app.use(express.json());
app.use(passport.authenticate('jwt', { session: false }));
app.post('/chat', sendMessage);
app.post('/chat/quiet', sendQuietly);
app.use((err, req, res, next) => {
  console.error('Error occurred:', err);
  res.status(500).json({
    success: false,
    error: process.env.NODE_ENV === 'development' ? err.message : 'Something went wrong',
  });
});
app.listen(3000);
