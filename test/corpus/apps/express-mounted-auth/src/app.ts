import express from 'express';
import { expressjwt } from 'express-jwt';
import chatRouter from './routes/chat.js';

const app = express();
app.use(express.json());
app.use('/api', expressjwt({ secret: process.env.JWT_SECRET ?? '', algorithms: ['HS256'] }), chatRouter);

export default app;
