import { errors } from 'jose';
import type { ProblemException } from '../http/problem.js';
import { identityProviderUnavailable, unauthenticated } from './auth-problems.js';

/** What a token verification failure means for the caller; the detail never echoes the token. */
export function tokenFailure(error: unknown): ProblemException {
  if (error instanceof errors.JWTExpired) return unauthenticated('The access token has expired; sign in again.', true);
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return identityProviderUnavailable();
  if (error instanceof errors.JWTClaimValidationFailed) return unauthenticated(`The access token is not valid here (${error.claim}).`, true);
  if (error instanceof errors.JOSEError) return unauthenticated('The access token is invalid.', true);
  // Anything else came from fetching the provider's keys (network, TLS, not JSON).
  return identityProviderUnavailable();
}
