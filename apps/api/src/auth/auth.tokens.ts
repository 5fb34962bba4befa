import type { LocalAuthConfig, OidcAuthConfig } from '@trialflow/config';

/** Milliseconds since the epoch; injected so lockout and expiry can be tested without waiting. */
export type AuthClock = () => number;
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');

export const LOCAL_AUTH_CONFIG = Symbol('LOCAL_AUTH_CONFIG');
export const OIDC_AUTH_CONFIG = Symbol('OIDC_AUTH_CONFIG');
export type { LocalAuthConfig, OidcAuthConfig };
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
