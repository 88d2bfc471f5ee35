import express from 'express';
import { expressjwt } from 'express-jwt';
import { adminRouter, chatRouter } from './routes/index.js';

const app = express();
app.use(express.json());
app.use('/v1', chatRouter);
app.use('/admin', expressjwt({ secret: process.env.JWT_SECRET ?? '', algorithms: ['HS256'] }), adminRouter);
app.listen(3000);
