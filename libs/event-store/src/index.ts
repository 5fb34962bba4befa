export * from './errors.js';
export * from './stored-event.js';
export * from './postgres-event-store.js';
export * from './migrate.js';
export * from './migrations/index.js';
