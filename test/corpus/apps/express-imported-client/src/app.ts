import express from 'express';
import chatRouter from './routes/chat.js';
import legacyRouter from './routes/legacy.cjs';

const app = express();
app.use(express.json());
app.use('/api', chatRouter);
app.use('/legacy', legacyRouter);
app.listen(3000);
