export { default as chatPlugin } from './chat.js';
export { default as openPlugin } from './open.js';
