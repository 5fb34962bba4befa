import type { AppConfig } from '@trialflow/config';

/** Injection token of the validated configuration (a symbol, not a string, so it cannot collide). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export type { AppConfig };
