/**
 * Signing in to the API from end-to-end tests, as a client would: POST /v1/auth/token with a seeded demo
 * user's name and the shared demo password, then send the access token as a Bearer header.
 *
 * Demo users (seeded by the API's local issuer in the embedded default): `${role}.a` is bound to the sites
 * DEMO-01 (trial ucart-cd19-bcma) and CN-BJ-GB (trial cb-cd19-bcma); `${role}.b` to DEMO-02 only.
 */
export const DEMO_PASSWORD = 'trialflow-demo';

export const DEMO_ROLES = ['coordinator', 'investigator', 'auditor', 'admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export const DEMO_USERS = [
  'coordinator.a',
  'coordinator.b',
  'investigator.a',
  'investigator.b',
  'auditor.a',
  'auditor.b',
  'admin.a',
  'admin.b',
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

/** The sites each demo user is bound to (mirrors the API's seed; the auth e2e test checks they agree). */
export const DEMO_USER_SITES: Readonly<Record<'a' | 'b', readonly string[]>> = { a: ['DEMO-01', 'CN-BJ-GB'], b: ['DEMO-02'] };

const tokens = new Map<string, Promise<string>>();

/**
 * A bearer access token for the demo user. Tokens are cached per API base URL and user (one sign-in per
 * test file is enough: tokens last an hour), and a failed sign-in is not cached.
 */
export async function signIn(baseUrl: string, username: DemoUser): Promise<string> {
  const key = `${baseUrl} ${username}`;
  let pending = tokens.get(key);
  if (!pending) {
    pending = requestToken(baseUrl, username, DEMO_PASSWORD);
    tokens.set(key, pending);
    pending.catch(() => tokens.delete(key));
  }
  return pending;
}

async function requestToken(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown };
  if (response.status !== 200 || typeof body.access_token !== 'string') {
    throw new Error(`sign-in of ${username} at ${baseUrl} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

export function authHeader(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
