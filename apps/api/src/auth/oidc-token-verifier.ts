import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { AuthenticatedUser } from './authenticated-user.js';
import { AUTH_CLOCK, OIDC_AUTH_CONFIG, type AuthClock, type OidcAuthConfig } from './auth.tokens.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { userFromClaims } from './token-claims.js';
import { tokenFailure } from './token-failure.js';
import { VerifiedTokens } from './verified-tokens.js';

/**
 * Asymmetric algorithms only: an HMAC or `none` token could be forged by anyone who knows (or guesses)
 * the shared secret, so such tokens are refused whatever the provider publishes.
 */
const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Production mode: access tokens issued by an OpenID Connect provider, verified against the keys it
 * publishes (fetched on first use, cached, re-fetched when an unknown `kid` appears after key rotation).
 * Role, sites and display name come from configurable claims.
 */
@Injectable()
export class OidcTokenVerifier extends AccessTokenVerifier {
  private readonly keySet: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new VerifiedTokens(CLOCK_TOLERANCE_SECONDS);

  constructor(
    @Inject(OIDC_AUTH_CONFIG) private readonly config: OidcAuthConfig,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
  ) {
    super();
    this.keySet = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    return this.verified.find(token, this.clock()) ?? (await this.verifySignedToken(token));
  }

  private async verifySignedToken(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(this.clock()),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw tokenFailure(error);
    }
    const user = userFromClaims(payload, { role: this.config.roleClaim, sites: this.config.sitesClaim, name: this.config.nameClaim });
    this.verified.remember(token, payload, user);
    return user;
  }
}
