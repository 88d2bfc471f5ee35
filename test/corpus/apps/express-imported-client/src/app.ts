import express from 'express';
import chatRouter from './routes/chat.js';

const app = express();
app.use(express.json());
app.use('/api', chatRouter);
app.listen(3000);
