export * from './calculation.js';
export * from './quantity.js';
