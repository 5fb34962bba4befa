import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@trialflow/config';
import { participantWorkflowId } from '@trialflow/contracts';
import { createLocalJWKSet, exportJWK, jwtVerify, SignJWT } from 'jose';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { authHeader, DEMO_PASSWORD, DEMO_USER_SITES, DEMO_USERS, signIn, type DemoUser } from '../support/api-auth.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

/** The local issuer signs with this configured key, so the tests can forge expired and foreign tokens. */
const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const LOCAL_ISSUER = 'urn:trialflow:local-issuer';
const AUDIENCE = 'trialflow-api';

let system: RunningSystem;
let kid: string;

beforeAll(async () => {
  system = await startSystem({ AUTH_LOCAL_SIGNING_KEY: signingKey.export({ format: 'pem', type: 'pkcs8' }).toString() });
  const jwks = (await (await fetch(`${system.baseUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  kid = jwks.keys[0]!.kid;
});

afterAll(async () => {
  await system?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

async function call(base: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.token ? authHeader(options.token) : {}), ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

const api = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(system.baseUrl, method, path, options);

async function eventCount(): Promise<number> {
  return (await system.sql.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
}

async function workflowExists(participantCode: string): Promise<boolean> {
  try {
    await system.temporal.workflow.getHandle(participantWorkflowId(participantCode)).describe();
    return true;
  } catch {
    return false;
  }
}

const code = (): string => `AUTH-${randomUUID().slice(0, 8).toUpperCase()}`;

async function register(username: DemoUser, siteId: string): Promise<Answer & { participantCode: string }> {
  const participantCode = code();
  const token = await signIn(system.baseUrl, username);
  const answer = await api('POST', '/v1/trials/ucart-cd19-bcma/participants', { token, body: { commandId: randomUUID(), participantCode, cohortId: 'SLE', siteId } });
  // The journey writes its events just after it answers: wait until they are stored and projected, so that
  // later counts of stored events only change for what the test does next.
  if (answer.status === 201) expect((await api('GET', `/v1/participants/${answer.json.summary.participantId}?minVersion=1`, { token })).status).toBe(200);
  return { ...answer, participantCode };
}

/** A token signed like the local issuer's, with chosen claims (and key). */
function forge(claims: Record<string, unknown>, key: KeyObject = signingKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: 'Li Na', trialflow_role: 'coordinator', trialflow_sites: ['DEMO-01', 'CN-BJ-GB'], auth_time: now, ...claims })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('coordinator.a')
    .setIssuedAt(now - 60)
    .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now + 600)
    .sign(key);
}

describe('sign-in at the local issuer', () => {
  it('issues a signed bearer token that the API accepts and the published JWKS verifies', async () => {
    const answer = await api('POST', '/v1/auth/token', { body: { username: 'investigator.a', password: DEMO_PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.json).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      user: { id: 'investigator.a', name: 'Dr Wang Lei', role: 'investigator', sites: ['DEMO-01', 'CN-BJ-GB'] },
    });

    const me = await api('GET', '/v1/auth/me', { token: answer.json.access_token });
    expect(me).toMatchObject({ status: 200, json: { id: 'investigator.a', role: 'investigator', sites: ['DEMO-01', 'CN-BJ-GB'] } });

    const jwks = await api('GET', '/.well-known/jwks.json');
    expect(jwks.json.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256', use: 'sig', kid })]);
    const { payload } = await jwtVerify(answer.json.access_token, createLocalJWKSet(jwks.json), { issuer: LOCAL_ISSUER, audience: AUDIENCE });
    expect(payload).toMatchObject({ sub: 'investigator.a', trialflow_role: 'investigator' });
  });

  it('knows every demo user with the documented password, role and sites', async () => {
    for (const username of DEMO_USERS) {
      const me = await api('GET', '/v1/auth/me', { token: await signIn(system.baseUrl, username) });
      const [role, group] = username.split('.') as [string, 'a' | 'b'];
      expect(me.json).toMatchObject({ id: username, role, sites: DEMO_USER_SITES[group] });
      expect(me.json.name).toEqual(expect.any(String));
    }
  });

  it('answers a wrong password and an unknown user alike (401 INVALID_CREDENTIALS), and 400 for missing fields', async () => {
    const wrong = await api('POST', '/v1/auth/token', { body: { username: 'coordinator.a', password: 'not-the-password' } });
    const unknown = await api('POST', '/v1/auth/token', { body: { username: 'nobody.x', password: DEMO_PASSWORD } });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'The user name or password is wrong.' });
      expect(answer.json).not.toHaveProperty('access_token');
    }
    const missing = await api('POST', '/v1/auth/token', { body: { username: 'coordinator.a' } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ field: 'password', message: 'is required' }]);
  });

  it('locks the account after five failures, for fifteen minutes, even against the right password, and ends its open sessions', async () => {
    const before = await signIn(system.baseUrl, 'admin.b');
    expect((await api('GET', '/v1/auth/me', { token: before })).status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await api('POST', '/v1/auth/token', { body: { username: 'admin.b', password: `guess-${attempt}` } });
      expect([attempt, failed.status, failed.json.code]).toEqual([attempt, 401, 'INVALID_CREDENTIALS']);
    }
    const locked = await api('POST', '/v1/auth/token', { body: { username: 'admin.b', password: DEMO_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.json.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    // The name is matched without regard to case: no way around the lock.
    expect((await api('POST', '/v1/auth/token', { body: { username: 'ADMIN.B', password: DEMO_PASSWORD } })).status).toBe(429);
    expect((await api('GET', '/v1/auth/me', { token: before })).status).toBe(401);
    // Other accounts are not affected.
    expect((await api('POST', '/v1/auth/token', { body: { username: 'admin.a', password: DEMO_PASSWORD } })).status).toBe(200);
  });
});

describe('bearer tokens', () => {
  it('answers 401 UNAUTHENTICATED with a Bearer challenge when no token is sent', async () => {
    for (const [method, path] of [['GET', `/v1/participants/${randomUUID()}`], ['POST', '/v1/trials/ucart-cd19-bcma/participants'], ['GET', '/v1/auth/me']] as const) {
      const answer = await api(method, path, method === 'POST' ? { body: {} } : {});
      expect([path, answer.status, answer.json.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="trialflow"');
    }
  });

  it('answers 401 invalid_token for a malformed header, garbage, an expired token, a tampered token and a foreign key', async () => {
    const valid = await forge({});
    expect((await api('GET', '/v1/auth/me', { token: valid })).status).toBe(200); // the forging itself is right

    const expired = await forge({ exp: Math.floor(Date.now() / 1000) - 5 });
    const [header, payload, signature] = (await signIn(system.baseUrl, 'coordinator.a')).split('.');
    const raised = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), trialflow_role: 'investigator' })).toString('base64url');
    const tampered = `${header}.${raised}.${signature}`;
    const foreign = await forge({}, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);

    const cases: [string, Record<string, string>, RegExp][] = [
      ['basic scheme', { authorization: 'Basic Y29vcmRpbmF0b3IuYTp0cmlhbGZsb3ctZGVtbw==' }, /must be "Bearer <token>"/],
      ['garbage', authHeader('not-a-jwt'), /invalid/],
      ['expired', authHeader(expired), /expired/],
      ['tampered', authHeader(tampered), /invalid/],
      ['foreign key', authHeader(foreign), /invalid/],
    ];
    for (const [name, headers, detail] of cases) {
      const answer = await api('GET', '/v1/auth/me', { headers });
      expect([name, answer.status, answer.json.code]).toEqual([name, 401, 'UNAUTHENTICATED']);
      expect(answer.json.detail).toMatch(detail);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="trialflow", error="invalid_token"/);
    }
  });

  it('needs no token for health, documentation, sign-in keys', async () => {
    for (const path of ['/health/live', '/docs/openapi.json', '/.well-known/jwks.json']) expect([path, (await api('GET', path)).status]).toEqual([path, 200]);
  });
});

describe('roles and sites', () => {
  it('refuses a command to an auditor and an admin (403 ROLE_NOT_ALLOWED) and stores nothing', async () => {
    const before = await eventCount();
    for (const username of ['auditor.a', 'admin.a'] as const) {
      const answer = await register(username, 'DEMO-01');
      expect([username, answer.status, answer.json.code]).toEqual([username, 403, 'ROLE_NOT_ALLOWED']);
      expect(await workflowExists(answer.participantCode)).toBe(false);
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses a registration at a site the coordinator is not bound to (403 SITE_NOT_ALLOWED) and starts no journey', async () => {
    const before = await eventCount();
    const answer = await register('coordinator.b', 'DEMO-01');
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'SITE_NOT_ALLOWED', errors: [{ field: 'siteId' }] });
    expect(await eventCount()).toBe(before);
    expect(await workflowExists(answer.participantCode)).toBe(false);
  });

  it('does not show a participant of another site (404), and shows it to the users of its site', async () => {
    const registered = await register('coordinator.b', 'DEMO-02');
    expect(registered.status).toBe(201);
    const path = `/v1/participants/${registered.json.summary.participantId}?minVersion=1`;
    expect((await api('GET', path, { token: await signIn(system.baseUrl, 'auditor.b') })).status).toBe(200);
    const other = await api('GET', path, { token: await signIn(system.baseUrl, 'coordinator.a') });
    expect([other.status, other.json.code]).toEqual([404, 'PARTICIPANT_NOT_FOUND']);
  });
});

/** The sign-eligibility endpoint's path, as the served OpenAPI document names it. */
async function signEligibilityPath(base: string, participantId: string): Promise<string> {
  const document = (await call(base, 'GET', '/docs/openapi.json')).json;
  for (const [path, item] of Object.entries<Record<string, { operationId?: string }>>(document.paths)) {
    if (item.post?.operationId === 'signEligibility') return path.replace('{participantId}', participantId);
  }
  throw new Error('no signEligibility operation in the OpenAPI document');
}

const signatureBody = (password: string) => ({ commandId: randomUUID(), meaning: 'I confirm the participant is eligible', recordHash: 'a'.repeat(64), password });

describe('electronic signatures (21 CFR 11.200)', () => {
  it('refuses a signature with a wrong password (401 REAUTHENTICATION_FAILED) and records nothing', async () => {
    const registered = await register('coordinator.a', 'DEMO-01');
    const path = await signEligibilityPath(system.baseUrl, registered.json.summary.participantId);
    const investigator = await signIn(system.baseUrl, 'investigator.a');
    const before = await eventCount();

    const wrong = await api('POST', path, { token: investigator, body: signatureBody('not-my-password') });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ code: 'REAUTHENTICATION_FAILED', errors: [{ field: 'password' }] });
    expect(wrong.headers.get('www-authenticate')).toMatch(/error="insufficient_user_authentication"/);
    expect(JSON.stringify(wrong.json)).not.toContain('not-my-password');
    expect(await eventCount()).toBe(before);

    // Only investigators sign; a coordinator is refused whatever the password.
    const coordinator = await api('POST', path, { token: await signIn(system.baseUrl, 'coordinator.a'), body: signatureBody(DEMO_PASSWORD) });
    expect([coordinator.status, coordinator.json.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);

    // The right password passes re-authentication and reaches the journey, which judges the signature itself.
    const right = await api('POST', path, { token: investigator, body: signatureBody(DEMO_PASSWORD) });
    expect([401, 403]).not.toContain(right.status);
    // (The wrong attempt above did not lock anything: the investigator's token still works.)
    expect((await api('GET', '/v1/auth/me', { token: investigator })).status).toBe(200);
  });
});

describe('with an OIDC provider (AUTH_MODE=oidc)', () => {
  const providerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const ISSUER = 'https://idp.example.test/realms/trialflow';
  let provider: Server;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(providerKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    provider = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    const config = loadConfig({
      DATABASE_URL: system.config.databaseUrl,
      TEMPORAL_ADDRESS: system.config.temporal.address,
      TEMPORAL_TASK_QUEUE: system.config.temporal.taskQueue,
      LOG_LEVEL: 'silent',
      AUTH_MODE: 'oidc',
      AUTH_OIDC_ISSUER: ISSUER,
      AUTH_OIDC_AUDIENCE: AUDIENCE,
      AUTH_OIDC_JWKS_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/jwks`,
      AUTH_OIDC_ROLE_CLAIM: 'realm_access.roles',
      AUTH_ESIGN_MAX_AGE_SECONDS: '300',
    });
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((done) => provider?.close(done));
  });

  const providerToken = (claims: Record<string, unknown>, options: { authAgeSeconds?: number; audience?: string } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ name: 'Dr Provider', realm_access: { roles: ['offline_access', 'investigator'] }, trialflow_sites: ['DEMO-01'], auth_time: now - (options.authAgeSeconds ?? 10), ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject('f3c1-investigator')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(providerKey);
  };

  it('accepts the provider’s tokens with role and sites from the configured claims, and has no local sign-in', async () => {
    const me = await call(base, 'GET', '/v1/auth/me', { token: await providerToken({}) });
    expect(me).toMatchObject({ status: 200, json: { id: 'f3c1-investigator', name: 'Dr Provider', role: 'investigator', sites: ['DEMO-01'] } });

    expect((await call(base, 'GET', '/v1/auth/me', { token: await providerToken({}, { audience: 'another-api' }) })).status).toBe(401);
    expect((await call(base, 'GET', '/v1/auth/me', { token: await signIn(system.baseUrl, 'investigator.a') })).status).toBe(401);
    const noRole = await call(base, 'GET', '/v1/auth/me', { token: await providerToken({ realm_access: { roles: ['offline_access'] } }) });
    expect([noRole.status, noRole.json.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await call(base, 'POST', '/v1/auth/token', { body: { username: 'investigator.a', password: DEMO_PASSWORD } })).status).toBe(404);
  });

  it('requires a recent sign-in at the provider for an e-signature (401 REAUTHENTICATION_REQUIRED with max_age)', async () => {
    const registered = await register('coordinator.a', 'DEMO-01');
    const path = await signEligibilityPath(base, registered.json.summary.participantId);
    const before = await eventCount();

    const stale = await call(base, 'POST', path, { token: await providerToken({}, { authAgeSeconds: 301 }), body: signatureBody('ignored') });
    expect(stale.status).toBe(401);
    expect(stale.json.code).toBe('REAUTHENTICATION_REQUIRED');
    expect(stale.headers.get('www-authenticate')).toMatch(/error="insufficient_user_authentication".*max_age=300/);
    expect(await eventCount()).toBe(before);

    const fresh = await call(base, 'POST', path, { token: await providerToken({}, { authAgeSeconds: 5 }), body: signatureBody('ignored') });
    expect([401, 403]).not.toContain(fresh.status);
  });
});
