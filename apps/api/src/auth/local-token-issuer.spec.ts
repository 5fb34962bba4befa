import { generateKeyPairSync } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import type { LocalAuthConfig } from '@trialflow/config';
import { ProblemException } from '../http/problem.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalTokenIssuer } from './local-token-issuer.js';
import { LocalUsers } from './local-users.js';

const config: LocalAuthConfig = { mode: 'local', tokenTtlSeconds: 3600, lockout: { maxFailures: 5, lockMinutes: 15 } };
const investigator: AuthenticatedUser = { id: 'investigator.a', name: 'Dr Wang Lei', role: 'investigator', sites: ['DEMO-01', 'CN-BJ-GB'] };
const start = Date.parse('2026-01-05T09:00:00Z');

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return `${error.problem.status} ${error.problem.code}: ${error.problem.detail}`;
  }
}

beforeAll(() => Logger.overrideLogger(false));

describe('the local token issuer', () => {
  let now: number;
  let users: LocalUsers;
  let issuer: LocalTokenIssuer;

  beforeAll(() => {
    now = start;
    users = new LocalUsers(config, () => now);
    issuer = new LocalTokenIssuer(config, () => now, users);
  });

  beforeEach(() => {
    now = start;
  });

  it('issues a signed ES256 access token that verifies back to the same user, with auth_time = sign-in time', async () => {
    const { token, expiresIn } = await issuer.issue(investigator);
    expect(expiresIn).toBe(3600);
    const { kid, alg, typ } = decodeProtectedHeader(token);
    expect({ alg, typ }).toEqual({ alg: 'ES256', typ: 'at+jwt' });
    expect(decodeJwt(token)).toMatchObject({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'investigator.a', iat: start / 1000, exp: start / 1000 + 3600, auth_time: start / 1000 });
    expect((await issuer.jwks()).keys).toEqual([expect.objectContaining({ kid, alg: 'ES256', use: 'sig', kty: 'EC', crv: 'P-256' })]);
    expect((await issuer.jwks()).keys[0]).not.toHaveProperty('d');

    expect(await issuer.verify(token)).toEqual({ ...investigator, authTime: start / 1000 });
  });

  it('refuses the token once it has expired', async () => {
    const { token } = await issuer.issue(investigator);
    now = start + 3599_000;
    await expect(issuer.verify(token)).resolves.toMatchObject({ id: 'investigator.a' });
    now = start + 3601_000;
    expect(await refusal(issuer.verify(token))).toBe('401 UNAUTHENTICATED: The access token has expired; sign in again.');
  });

  it('refuses a token whose claims were altered after signing (role raised to investigator)', async () => {
    const { token } = await issuer.issue({ ...investigator, id: 'coordinator.a', role: 'coordinator' });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, trialflow_role: 'investigator' })).toString('base64url');
    expect(await refusal(issuer.verify(`${header}.${forged}.${signature}`))).toBe('401 UNAUTHENTICATED: The access token is invalid.');
  });

  it('refuses tokens signed by another key, unsigned tokens, other audiences and garbage', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = (await issuer.jwks()).keys[0]!.kid!;
    const claims = { trialflow_role: 'admin', trialflow_sites: ['DEMO-01'] };
    const sign = (issuerName: string, audience: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' }).setIssuer(issuerName).setAudience(audience).setSubject('admin.a').setIssuedAt(start / 1000).setExpirationTime(start / 1000 + 60).sign(privateKey);
    expect(await refusal(issuer.verify(await sign(LOCAL_ISSUER, LOCAL_AUDIENCE)))).toMatch(/^401 UNAUTHENTICATED/);
    const unsigned = new UnsecuredJWT(claims).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setSubject('admin.a').setIssuedAt(start / 1000).setExpirationTime(start / 1000 + 60).encode();
    expect(await refusal(issuer.verify(unsigned))).toMatch(/^401 UNAUTHENTICATED/);
    expect(await refusal(issuer.verify('not.a.token'))).toMatch(/^401 UNAUTHENTICATED/);
  });

  it('signs with a configured key (so several API instances accept each other’s tokens)', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const withKey = { ...config, signingKeyPem: pem };
    const first = new LocalTokenIssuer(withKey, () => now, users);
    const second = new LocalTokenIssuer(withKey, () => now, users);
    const { token } = await first.issue(investigator);
    expect(decodeProtectedHeader(token).alg).toBe('EdDSA');
    await expect(second.verify(token)).resolves.toMatchObject({ id: 'investigator.a' });
    // A generated key is per process: another instance without the configured key refuses the token.
    expect(await refusal(issuer.verify(token))).toMatch(/^401/);
  });

  it('stops accepting the tokens of an account once it is locked', async () => {
    const { token } = await issuer.issue({ ...investigator, id: 'auditor.b', role: 'auditor', sites: ['DEMO-02'] });
    // Accepted once (and so remembered as verified): the lock must stop it all the same.
    await expect(issuer.verify(token)).resolves.toMatchObject({ id: 'auditor.b' });
    for (let i = 0; i < 5; i += 1) expect((await users.checkPassword('auditor.b', 'guess', 'e-signature')).status).toBe('invalid');
    expect(await refusal(issuer.verify(token))).toMatch(/^401 UNAUTHENTICATED: The account is locked/);
  });
});

describe('the local users', () => {
  it('check the demo password, match names without regard to case, and give one answer for unknown names', async () => {
    const users = new LocalUsers(config, () => start);
    expect(await users.checkPassword(' Coordinator.A ', 'trialflow-demo', 'sign-in')).toEqual({
      status: 'ok',
      user: { id: 'coordinator.a', name: 'Li Na', role: 'coordinator', sites: ['DEMO-01', 'CN-BJ-GB'] },
    });
    expect(await users.checkPassword('coordinator.a', 'wrong', 'sign-in')).toEqual({ status: 'invalid' });
    expect(await users.checkPassword('nobody', 'trialflow-demo', 'sign-in')).toEqual({ status: 'invalid' });
  });

  it('refuse even the right password while locked, without looking at it', async () => {
    let now = start;
    const users = new LocalUsers(config, () => now);
    for (let i = 0; i < 5; i += 1) await users.checkPassword('admin.a', 'wrong', 'sign-in');
    expect(await users.checkPassword('admin.a', 'trialflow-demo', 'sign-in')).toEqual({ status: 'locked', retryAfterSeconds: 900 });
    now += 900_000;
    expect((await users.checkPassword('admin.a', 'trialflow-demo', 'sign-in')).status).toBe('ok');
  });
});
