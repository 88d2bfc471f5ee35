import { Router } from 'express';
import { expressjwt } from 'express-jwt';
import publicRouter from './public.js';
import chatRouter from './chat.js';

const router = Router();
router.use('/public', publicRouter);
router.use(expressjwt({ secret: process.env.JWT_SECRET ?? '', algorithms: ['HS256'] }));
router.use('/chat', chatRouter);

export default router;
