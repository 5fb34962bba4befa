import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, jwtVerify, SignJWT, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import type { AuthenticatedUser } from './authenticated-user.js';
import { AUTH_CLOCK, LOCAL_AUTH_CONFIG, type AuthClock, type LocalAuthConfig } from './auth.tokens.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { unauthenticated } from './auth-problems.js';
import { LocalUsers } from './local-users.js';
import { LOCAL_CLAIMS, userFromClaims } from './token-claims.js';
import { tokenFailure } from './token-failure.js';
import { VerifiedTokens } from './verified-tokens.js';

export const LOCAL_ISSUER = 'urn:trialflow:local-issuer';
export const LOCAL_AUDIENCE = 'trialflow-api';

interface SigningKey {
  readonly privateKey: KeyObject;
  readonly alg: 'ES256' | 'EdDSA' | 'RS256';
  readonly publicJwk: JWK;
}

function algorithmOf(key: KeyObject): SigningKey['alg'] {
  if (key.asymmetricKeyType === 'ec') return 'ES256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  return 'RS256';
}

/**
 * The embedded default's token issuer: signs short-lived access tokens for the local users with a key from
 * AUTH_LOCAL_SIGNING_KEY, or with a key generated at start (tokens then die with the process, which is what
 * a laptop wants; several API instances need a configured key), and publishes the public key as a JWKS.
 */
@Injectable()
export class LocalTokenIssuer extends AccessTokenVerifier {
  private readonly key: Promise<SigningKey>;
  private readonly keySet: Promise<ReturnType<typeof createLocalJWKSet>>;
  private readonly verified = new VerifiedTokens();

  constructor(
    @Inject(LOCAL_AUTH_CONFIG) private readonly config: LocalAuthConfig,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
    private readonly users: LocalUsers,
  ) {
    super();
    this.key = this.loadKey();
    this.keySet = this.key.then((key) => createLocalJWKSet({ keys: [key.publicJwk] }));
  }

  private async loadKey(): Promise<SigningKey> {
    const privateKey = this.config.signingKeyPem ? createPrivateKey(this.config.signingKeyPem) : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const alg = algorithmOf(privateKey);
    const jwk = await exportJWK(createPublicKey(privateKey));
    const kid = await calculateJwkThumbprint(jwk);
    return { privateKey, alg, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
  }

  async jwks(): Promise<JSONWebKeySet> {
    return { keys: [(await this.key).publicJwk] };
  }

  /** A signed access token for a user who has just proved who they are (auth_time = now). */
  async issue(user: AuthenticatedUser): Promise<{ readonly token: string; readonly expiresIn: number }> {
    const key = await this.key;
    const now = Math.floor(this.clock() / 1000);
    const expiresIn = this.config.tokenTtlSeconds;
    const token = await new SignJWT({ [LOCAL_CLAIMS.name]: user.name, [LOCAL_CLAIMS.role]: user.role, [LOCAL_CLAIMS.sites]: [...user.sites], auth_time: now })
      .setProtectedHeader({ alg: key.alg, kid: key.publicJwk.kid ?? '', typ: 'at+jwt' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(key.privateKey);
    return { token, expiresIn };
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const user = this.verified.find(token, this.clock()) ?? (await this.verifySignedToken(token));
    // A locked account's open sessions stop too: repeated wrong e-signature passwords on a session that is
    // not the person's own must not go on signing in their name (21 CFR 11.300(d)).
    if (this.users.lockedFor(user.id) !== undefined) throw unauthenticated('The account is locked after too many failed password attempts.', true);
    return user;
  }

  private async verifySignedToken(token: string): Promise<AuthenticatedUser> {
    const key = await this.key;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [key.alg],
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(this.clock()),
      }));
    } catch (error) {
      throw tokenFailure(error);
    }
    const user = userFromClaims(payload, LOCAL_CLAIMS);
    this.verified.remember(token, payload, user);
    return user;
  }
}
