export * from './endpoints.js';
export * from './schemas.js';
export * from './client.js';
