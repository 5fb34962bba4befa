import { createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { nonEmptyText, wholeNumber } from './env-fields.js';

/**
 * Authentication settings. Two modes, never both at once, so a production deployment configured for its
 * identity provider cannot silently keep the demo users alive:
 * - `local` (embedded default): the API issues its own signed tokens to seeded demo users;
 * - `oidc`: tokens come from an external OpenID Connect provider, verified against its published keys.
 */
export interface LocalAuthConfig {
  readonly mode: 'local';
  /** PKCS#8 PEM private key (EC P-256, RSA ≥ 2048 or Ed25519); absent = a fresh key per process start. */
  readonly signingKeyPem?: string;
  readonly tokenTtlSeconds: number;
  /** Brute-force protection (21 CFR 11.300(d)): failed sign-ins or e-signatures before the account locks. */
  readonly lockout: { readonly maxFailures: number; readonly lockMinutes: number };
}

export interface OidcAuthConfig {
  readonly mode: 'oidc';
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** Claim (dotted path for nested claims, e.g. `realm_access.roles`) holding the trialflow role. */
  readonly roleClaim: string;
  /** Claim holding the sites the person is bound to (array, or a space/comma-separated string). */
  readonly sitesClaim: string;
  readonly nameClaim: string;
  /** An e-signature needs an authentication at the provider at most this old (the token's `auth_time`). */
  readonly eSignatureMaxAgeSeconds: number;
}

export type AuthConfig = LocalAuthConfig | OidcAuthConfig;

const claimPath = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_:/.-]+$/, 'must be a claim name (dotted path for a nested claim)')
    .default(fallback);

const https = (name: string) => z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` }).optional();

export const authEnvSchema = z.object({
  AUTH_MODE: z.enum(['local', 'oidc'], { error: 'AUTH_MODE must be local or oidc' }).default('local'),
  /** PEM text; `\n` escapes are accepted so the key fits in one environment line. */
  AUTH_LOCAL_SIGNING_KEY: z
    .string()
    .optional()
    .transform((pem) => pem?.replaceAll('\\n', '\n'))
    .superRefine((pem, ctx) => {
      const problem = pem === undefined ? undefined : signingKeyProblem(pem);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  AUTH_TOKEN_TTL_SECONDS: wholeNumber(60, 86_400).default(3_600),
  AUTH_LOCKOUT_MAX_FAILURES: wholeNumber(1, 100).default(5),
  AUTH_LOCKOUT_MINUTES: wholeNumber(1, 1_440).default(15),
  AUTH_OIDC_ISSUER: https('AUTH_OIDC_ISSUER'),
  AUTH_OIDC_AUDIENCE: nonEmptyText().optional(),
  AUTH_OIDC_JWKS_URL: https('AUTH_OIDC_JWKS_URL'),
  AUTH_OIDC_ROLE_CLAIM: claimPath('trialflow_role'),
  AUTH_OIDC_SITES_CLAIM: claimPath('trialflow_sites'),
  AUTH_OIDC_NAME_CLAIM: claimPath('name'),
  AUTH_ESIGN_MAX_AGE_SECONDS: wholeNumber(10, 3_600).default(300),
});

type AuthEnv = z.infer<typeof authEnvSchema>;

/** Why a PEM cannot sign our tokens, or undefined when it can. */
export function signingKeyProblem(pem: string): string | undefined {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    return 'must be a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)';
  }
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'ec' && details.namedCurve === 'prime256v1') return undefined;
  if (type === 'ed25519') return undefined;
  if (type === 'rsa' && (details.modulusLength ?? 0) >= 2048) return undefined;
  return 'must be an EC P-256, Ed25519 or RSA (at least 2048 bits) private key';
}

const OIDC_ONLY = ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_AUDIENCE', 'AUTH_OIDC_JWKS_URL'] as const;

/** Rules between the authentication variables; they ask only whether each is set, and the mode. */
export function authIssues(env: { readonly AUTH_MODE: AuthEnv['AUTH_MODE'] } & Partial<Record<'AUTH_LOCAL_SIGNING_KEY' | (typeof OIDC_ONLY)[number], string>>, ctx: z.RefinementCtx): void {
  if (env.AUTH_MODE === 'oidc') {
    for (const name of OIDC_ONLY) if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when AUTH_MODE=oidc' });
    if (env.AUTH_LOCAL_SIGNING_KEY) ctx.addIssue({ code: 'custom', path: ['AUTH_LOCAL_SIGNING_KEY'], message: 'only used when AUTH_MODE=local' });
    return;
  }
  // Half-configured OIDC would otherwise leave the demo users in charge without anyone noticing.
  for (const name of OIDC_ONLY) if (env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'set AUTH_MODE=oidc to use an OIDC issuer' });
}

export function toAuthConfig(e: AuthEnv): AuthConfig {
  if (e.AUTH_MODE === 'oidc') {
    // authIssues has already refused an oidc mode without these three.
    if (!e.AUTH_OIDC_ISSUER || !e.AUTH_OIDC_AUDIENCE || !e.AUTH_OIDC_JWKS_URL) throw new Error('AUTH_MODE=oidc needs AUTH_OIDC_ISSUER, AUTH_OIDC_AUDIENCE and AUTH_OIDC_JWKS_URL');
    return {
      mode: 'oidc',
      issuer: e.AUTH_OIDC_ISSUER,
      audience: e.AUTH_OIDC_AUDIENCE,
      jwksUrl: e.AUTH_OIDC_JWKS_URL,
      roleClaim: e.AUTH_OIDC_ROLE_CLAIM,
      sitesClaim: e.AUTH_OIDC_SITES_CLAIM,
      nameClaim: e.AUTH_OIDC_NAME_CLAIM,
      eSignatureMaxAgeSeconds: e.AUTH_ESIGN_MAX_AGE_SECONDS,
    };
  }
  return {
    mode: 'local',
    ...(e.AUTH_LOCAL_SIGNING_KEY ? { signingKeyPem: e.AUTH_LOCAL_SIGNING_KEY } : {}),
    tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
    lockout: { maxFailures: e.AUTH_LOCKOUT_MAX_FAILURES, lockMinutes: e.AUTH_LOCKOUT_MINUTES },
  };
}
