import { problem, type ProblemException } from '../http/problem.js';
import type { UserRole } from './roles.decorator.js';

const REALM = 'trialflow';

/**
 * 401 with the challenge RFC 6750 asks for: `invalid_token` when a token was sent but is unusable
 * (expired, tampered, wrong issuer), none when no token was sent at all.
 */
export function unauthenticated(detail: string, tokenSent: boolean): ProblemException {
  const p = problem(401, 'UNAUTHENTICATED', 'Authentication is required', detail);
  p.headers['WWW-Authenticate'] = tokenSent ? `Bearer realm="${REALM}", error="invalid_token", error_description="${detail.replaceAll('"', "'")}"` : `Bearer realm="${REALM}"`;
  return p;
}

/**
 * 401 for a signature whose re-authentication failed or is too old. The challenge is RFC 9470's
 * `insufficient_user_authentication` (with `max_age` for OIDC: sign in again at the provider).
 */
export function reauthenticationProblem(code: 'REAUTHENTICATION_FAILED' | 'REAUTHENTICATION_REQUIRED', detail: string, maxAgeSeconds?: number): ProblemException {
  const p = problem(401, code, 'The electronic signature could not be confirmed', detail, code === 'REAUTHENTICATION_FAILED' ? { errors: [{ field: 'password', message: 'does not match' }] } : {});
  p.headers['WWW-Authenticate'] =
    `Bearer realm="${REALM}", error="insufficient_user_authentication", error_description="${detail.replaceAll('"', "'")}"` + (maxAgeSeconds === undefined ? '' : `, max_age=${maxAgeSeconds}`);
  return p;
}

export function accountLocked(retryAfterSeconds: number): ProblemException {
  const p = problem(429, 'ACCOUNT_LOCKED', 'The account is locked', `Too many failed password attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  p.headers['Retry-After'] = String(retryAfterSeconds);
  return p;
}

export const roleNotAllowed = (role: UserRole, allowed: readonly UserRole[]): ProblemException =>
  problem(403, 'ROLE_NOT_ALLOWED', 'Not allowed for your role', `The ${role} role may not do this; allowed: ${allowed.join(', ') || 'nobody'}.`);

export const siteNotAllowed = (siteId: string, field?: string): ProblemException =>
  problem(403, 'SITE_NOT_ALLOWED', 'Not allowed for this site', `You are not bound to site ${siteId}.`, field === undefined ? {} : { errors: [{ field, message: 'is a site you are not bound to' }] });

export function identityProviderUnavailable(): ProblemException {
  const p = problem(503, 'IDENTITY_PROVIDER_UNAVAILABLE', 'The identity provider did not answer', 'The keys to verify the token could not be fetched; try again shortly.');
  p.headers['Retry-After'] = '5';
  return p;
}
