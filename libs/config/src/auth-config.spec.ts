import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config.js';

const DATABASE_URL = 'postgres://u:p@127.0.0.1:5432/trialflow';
const pemOf = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) => key.export({ format: 'pem', type: 'pkcs8' }).toString();

const messageOf = (env: Record<string, string>): string => {
  try {
    loadConfig({ DATABASE_URL, ...env });
    return 'valid';
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
};

describe('authentication configuration', () => {
  it('defaults to the local issuer with a generated key, one-hour tokens and a 5-failure / 15-minute lockout', () => {
    expect(loadConfig({ DATABASE_URL }).auth).toEqual({ mode: 'local', tokenTtlSeconds: 3600, lockout: { maxFailures: 5, lockMinutes: 15 } });
  });

  it('accepts a configured EC, Ed25519 or RSA signing key, also with escaped newlines on one line', () => {
    const ec = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    expect(loadConfig({ DATABASE_URL, AUTH_LOCAL_SIGNING_KEY: ec.replaceAll('\n', '\\n') }).auth).toMatchObject({ mode: 'local', signingKeyPem: ec });
    expect(messageOf({ AUTH_LOCAL_SIGNING_KEY: pemOf(generateKeyPairSync('ed25519').privateKey) })).toBe('valid');
    expect(messageOf({ AUTH_LOCAL_SIGNING_KEY: pemOf(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey) })).toBe('valid');
  });

  it('names each bad authentication variable', () => {
    const weak = pemOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey);
    expect(messageOf({ AUTH_LOCAL_SIGNING_KEY: 'secret' })).toMatch(/AUTH_LOCAL_SIGNING_KEY: must be a PKCS#8 PEM private key/);
    expect(messageOf({ AUTH_LOCAL_SIGNING_KEY: weak })).toMatch(/AUTH_LOCAL_SIGNING_KEY: must be an EC P-256, Ed25519 or RSA \(at least 2048 bits\)/);
    expect(messageOf({ AUTH_MODE: 'ldap' })).toMatch(/AUTH_MODE: AUTH_MODE must be local or oidc/);
    const several = messageOf({ DATABASE_URL: 'mysql://x', AUTH_LOCKOUT_MAX_FAILURES: '0', AUTH_TOKEN_TTL_SECONDS: 'soon', AUTH_LOCAL_SIGNING_KEY: 'secret' });
    for (const name of ['DATABASE_URL', 'AUTH_LOCKOUT_MAX_FAILURES', 'AUTH_TOKEN_TTL_SECONDS', 'AUTH_LOCAL_SIGNING_KEY']) expect(several).toContain(`  ${name}: `);
  });

  it('requires issuer, audience and JWKS URL for an OIDC provider, and reads the claim names', () => {
    const message = messageOf({ AUTH_MODE: 'oidc' });
    for (const name of ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_AUDIENCE', 'AUTH_OIDC_JWKS_URL']) expect(message).toContain(`${name}: required when AUTH_MODE=oidc`);

    const oidc = {
      AUTH_MODE: 'oidc',
      AUTH_OIDC_ISSUER: 'https://login.example.org/realms/trials',
      AUTH_OIDC_AUDIENCE: 'trialflow-api',
      AUTH_OIDC_JWKS_URL: 'https://login.example.org/realms/trials/protocol/openid-connect/certs',
      AUTH_OIDC_ROLE_CLAIM: 'realm_access.roles',
    };
    expect(loadConfig({ DATABASE_URL, ...oidc }).auth).toEqual({
      mode: 'oidc',
      issuer: oidc.AUTH_OIDC_ISSUER,
      audience: 'trialflow-api',
      jwksUrl: oidc.AUTH_OIDC_JWKS_URL,
      roleClaim: 'realm_access.roles',
      sitesClaim: 'trialflow_sites',
      nameClaim: 'name',
      eSignatureMaxAgeSeconds: 300,
    });
    expect(messageOf({ ...oidc, AUTH_OIDC_JWKS_URL: 'ftp://x/certs' })).toMatch(/AUTH_OIDC_JWKS_URL: AUTH_OIDC_JWKS_URL must be an http\(s\) URL/);
  });

  it('refuses a half-configured OIDC provider left in local mode (the demo users would stay in charge)', () => {
    expect(messageOf({ AUTH_OIDC_ISSUER: 'https://login.example.org/realms/trials' })).toMatch(/AUTH_OIDC_ISSUER: set AUTH_MODE=oidc to use an OIDC issuer/);
  });
});
