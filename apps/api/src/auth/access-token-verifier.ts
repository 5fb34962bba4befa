import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * Turns a bearer token into the user it speaks for, or throws a problem (401 unusable token, 403 no
 * trialflow role, 503 provider unreachable). One implementation per AUTH_MODE; also the DI token.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<AuthenticatedUser>;
}
