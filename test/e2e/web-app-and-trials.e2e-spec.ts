import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { authHeader, signIn, type DemoUser } from '../support/api-auth.js';
import { ensureWebAppBuilt } from '../support/browser.js';
import { repoRoot } from '../support/built-app.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

/**
 * The API serves the built web app next to itself (apps/api/src/web) and the reference data the app needs
 * to offer the protocol's choices (apps/api/src/trials), scoped to the reader's sites.
 */
let system: RunningSystem;

beforeAll(async () => {
  ensureWebAppBuilt();
  system = await startSystem();
});

afterAll(async () => {
  await system?.stop();
});

const page = (path: string) => fetch(`${system.baseUrl}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
const read = async (user: DemoUser, path: string) => {
  const response = await fetch(`${system.baseUrl}${path}`, { headers: authHeader(await signIn(system.baseUrl, user)) });
  return { status: response.status, body: (await response.json()) as any };
};

describe('the web app, served by the API', () => {
  it('answers the app at / and at any page path the app routes in the browser, with a strict content security policy', async () => {
    for (const path of ['/', '/participants', '/participants/7f0c3c1e-8d2b-4a49-9b7c-5a8d0f7c2e11']) {
      const response = await page(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="app"></div>');
    }
  });

  it('serves the hashed assets for good, and a missing asset is a 404, not the app', async () => {
    const script = readdirSync(join(repoRoot, 'dist/web/assets')).find((f) => f.endsWith('.js'))!;
    const asset = await fetch(`${system.baseUrl}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${system.baseUrl}/assets/not-there.js`)).status).toBe(404);
  });

  it('leaves the API paths to the API: an unknown one is still a problem-details 404, docs and health unchanged', async () => {
    const unknown = await page('/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await page('/health/live')).status).toBe(200);
    expect((await fetch(`${system.baseUrl}/docs/openapi.json`)).headers.get('content-type')).toMatch(/json/);
  });
});

describe('the trials and protocols of the reader’s sites', () => {
  it('lists the trials with a site of the reader, with only their sites and the time zones dates are shown in', async () => {
    const a = await read('coordinator.a', '/v1/trials');
    expect(a.status).toBe(200);
    expect(a.body.items.map((t: any) => [t.trialId, t.sites.map((s: any) => s.id)])).toEqual([
      ['ucart-cd19-bcma', ['DEMO-01']],
      ['cb-cd19-bcma', ['CN-BJ-GB']],
    ]);
    expect(a.body.items[0].sites[0].timeZone).toBe('Asia/Shanghai');
    expect(a.body.items[0].cohorts.map((c: any) => c.id)).toContain('SLE');
    const b = await read('auditor.b', '/v1/trials');
    expect(b.body.items.map((t: any) => [t.trialId, t.sites.map((s: any) => s.id)])).toEqual([['ucart-cd19-bcma', ['DEMO-02']]]);
  });

  it('gives a protocol version as data, and a trial without a site of the reader as unknown', async () => {
    const protocol = await read('coordinator.a', '/v1/trials/cb-cd19-bcma/protocol');
    expect(protocol.status).toBe(200);
    expect(protocol.body.sites.map((s: any) => s.id)).toEqual(['CN-BJ-GB']);
    expect(protocol.body.cohorts[0].eligibility.length).toBeGreaterThan(0);
    expect(protocol.body.visits.length).toBeGreaterThan(0);
    expect((await read('coordinator.a', '/v1/trials/ucart-cd19-bcma/protocol?version=1.0')).body.protocolVersion).toBe('1.0');

    const otherSite = await read('coordinator.b', '/v1/trials/cb-cd19-bcma/protocol');
    expect([otherSite.status, otherSite.body.code]).toEqual([404, 'TRIAL_NOT_FOUND']);
    const noVersion = await read('coordinator.a', '/v1/trials/ucart-cd19-bcma/protocol?version=9.9');
    expect([noVersion.status, noVersion.body.code, noVersion.body.errors[0].field]).toEqual([404, 'PROTOCOL_VERSION_NOT_FOUND', 'version']);
  });
});
