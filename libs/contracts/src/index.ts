export * from './task-queues.js';
export * from './journey-messages.js';
export * from './journey-activities.js';
export * from './search-attributes.js';
