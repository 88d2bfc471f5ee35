export { default as chatRouter } from './chat.js';
export * from './admin.js';
