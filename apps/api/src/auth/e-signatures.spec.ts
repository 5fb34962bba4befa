import { Logger } from '@nestjs/common';
import type { LocalAuthConfig, OidcAuthConfig } from '@trialflow/config';
import { ProblemException } from '../http/problem.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ESignatures, eSignatureFieldsSchema } from './e-signatures.js';
import { LocalUsers } from './local-users.js';

const investigator: AuthenticatedUser = { id: 'investigator.b', name: 'Dr Anna Müller', role: 'investigator', sites: ['DEMO-02'] };
const start = Date.parse('2026-01-05T09:00:00Z');

async function outcome(promise: Promise<void>): Promise<string> {
  try {
    await promise;
    return 'confirmed';
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return `${error.problem.status} ${error.problem.code}`;
  }
}

beforeAll(() => Logger.overrideLogger(false));

describe('e-signature re-authentication, local users', () => {
  const config: LocalAuthConfig = { mode: 'local', tokenTtlSeconds: 3600, lockout: { maxFailures: 3, lockMinutes: 15 } };

  it('confirms the signer’s own password, refuses another, and locks after repeated failures', async () => {
    const users = new LocalUsers(config, () => start);
    const signatures = new ESignatures(config, () => start, users);
    expect(await outcome(signatures.confirm(investigator, { password: 'trialflow-demo' }))).toBe('confirmed');
    expect(await outcome(signatures.confirm(investigator, { password: 'wrong-1' }))).toBe('401 REAUTHENTICATION_FAILED');
    expect(await outcome(signatures.confirm(investigator, { password: 'wrong-2' }))).toBe('401 REAUTHENTICATION_FAILED');
    expect(await outcome(signatures.confirm(investigator, { password: 'wrong-3' }))).toBe('401 REAUTHENTICATION_FAILED');
    // Locked: the signature is refused even with the right password, and so is signing in.
    expect(await outcome(signatures.confirm(investigator, { password: 'trialflow-demo' }))).toBe('429 ACCOUNT_LOCKED');
    expect((await users.checkPassword('investigator.b', 'trialflow-demo', 'sign-in')).status).toBe('locked');
  });
});

describe('e-signature re-authentication, OIDC users', () => {
  const config: OidcAuthConfig = {
    mode: 'oidc',
    issuer: 'https://idp.example.org',
    audience: 'trialflow-api',
    jwksUrl: 'https://idp.example.org/certs',
    roleClaim: 'role',
    sitesClaim: 'sites',
    nameClaim: 'name',
    eSignatureMaxAgeSeconds: 300,
  };
  const signatures = new ESignatures(config, () => start);
  const signedInAgo = (seconds: number): AuthenticatedUser => ({ ...investigator, authTime: start / 1000 - seconds });

  it('needs a sign-in at the provider within the configured age (auth_time), whatever password is sent', async () => {
    expect(await outcome(signatures.confirm(signedInAgo(300), { password: 'anything' }))).toBe('confirmed');
    expect(await outcome(signatures.confirm(signedInAgo(301), { password: 'anything' }))).toBe('401 REAUTHENTICATION_REQUIRED');
    expect(await outcome(signatures.confirm(investigator, { password: 'anything' }))).toBe('401 REAUTHENTICATION_REQUIRED');
  });
});

describe('the e-signature request fields', () => {
  it('require a non-empty password', () => {
    expect(eSignatureFieldsSchema.safeParse({ password: 'x' }).success).toBe(true);
    expect(eSignatureFieldsSchema.safeParse({ password: '' }).error?.issues[0]?.message).toBe('is required');
    expect(eSignatureFieldsSchema.safeParse({}).error?.issues[0]?.message).toBe('is required');
  });
});
