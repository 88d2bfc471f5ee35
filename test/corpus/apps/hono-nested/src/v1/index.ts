import { Hono } from 'hono';
import chat from './chat.js';

const v1 = new Hono();
v1.route('/chat', chat);

export default v1;
