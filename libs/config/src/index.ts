export * from './app-config.js';
export type { AuthConfig, LocalAuthConfig, OidcAuthConfig } from './auth-config.js';
