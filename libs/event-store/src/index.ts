export * from './errors.js';
export * from './stored-event.js';
export * from './hash-chain.js';
export * from './postgres-event-store.js';
export * from './appended-signal.js';
export * from './integrity/verify-stream.js';
export * from './migrate.js';
export * from './migrations/index.js';
