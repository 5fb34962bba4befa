import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { loadConfig } from '@trialflow/config';
import { PostgresEventStore } from '@trialflow/event-store';
import { Projector, allProjections, createTrialflowDataSource } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { freePort } from '../../infra/dev/net.mjs';
import { authHeader, signIn } from '../support/api-auth.js';
import { ensureBuilt, repoRoot } from '../support/built-app.js';
import { appendsOf, withdrawnJourney } from '../support/journeys.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';
import { createTestDatabase } from '../support/test-database.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});

afterAll(async () => {
  await system?.stop();
});

describe('operations endpoints', () => {
  it('reports ready when PostgreSQL, Temporal and a journey worker all answer and the projections keep up', async () => {
    const response = await fetch(`${system.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    const caughtUp = { eventsBehind: 0, secondsBehind: 0 };
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: {
        postgres: { status: 'up' },
        temporal: { status: 'up' },
        journeyWorker: { status: 'up', taskQueue: system.config.temporal.taskQueue },
        projectionLag: {
          status: 'up',
          limits: { maxEvents: 1000, maxSeconds: 60 },
          projections: { participants: caughtUp, worklist: caughtUp, safety: caughtUp, deviations: caughtUp, efficacy: caughtUp },
        },
      },
    });
  });

  it('serves an OpenAPI 3.1 document whose request schema is the validator’s own', async () => {
    const response = await fetch(`${system.baseUrl}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as any;
    expect(document.openapi).toBe('3.1.0');
    const operation = document.paths['/v1/trials/{trialId}/participants'].post;
    const schema = operation.requestBody.content['application/json'].schema;
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['commandId', 'participantCode', 'cohortId', 'siteId'] });
    expect(Object.keys(operation.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '422', '503']);
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect((await fetch(`${system.baseUrl}/docs`)).status).toBe(200);
  });
});

describe('when no worker answers', () => {
  it('answers 503 with Retry-After within the command time-out, records nothing, and reports not ready', async () => {
    // Same database and Temporal, but a task queue that no worker polls.
    const config = loadConfig({
      DATABASE_URL: system.config.databaseUrl,
      TEMPORAL_ADDRESS: system.config.temporal.address,
      TEMPORAL_TASK_QUEUE: `nobody-${randomUUID()}`,
      COMMAND_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'silent',
    });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    try {
      const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      const before = (await system.sql.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
      const token = await signIn(base, 'coordinator.a');
      const response = await fetch(`${base}/v1/trials/ucart-cd19-bcma/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeader(token) },
        body: JSON.stringify({ commandId: randomUUID(), participantCode: `NOWORKER-${Date.now()}`, cohortId: 'SLE', siteId: 'DEMO-01' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ code: 'ORCHESTRATOR_UNAVAILABLE' });
      expect((await system.sql.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(before);

      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { journeyWorker: { status: 'down' }, postgres: { status: 'up' } } });
    } finally {
      await app.close();
    }
  });
});

/**
 * An API on a database of its own where no projector runs (the journey worker it reports on is the running
 * system's): events appended to its store are really not projected until the test runs the projectors.
 */
async function apiWithoutProjectors(limits: Record<string, string>): Promise<{ base: string; dataSource: DataSource; store: PostgresEventStore; catchUp(): Promise<void>; close(): Promise<void> }> {
  const config = loadConfig({
    DATABASE_URL: await createTestDatabase(),
    TEMPORAL_ADDRESS: system.config.temporal.address,
    TEMPORAL_TASK_QUEUE: system.config.temporal.taskQueue,
    LOG_LEVEL: 'silent',
    ...limits,
  });
  const app: INestApplication = await createApiApp(config); // migrates the new database
  await app.listen(0, '127.0.0.1');
  const dataSource = createTrialflowDataSource(config.databaseUrl);
  await dataSource.initialize();
  return {
    base: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    dataSource,
    store: new PostgresEventStore(dataSource),
    async catchUp() {
      for (const projection of allProjections) await new Projector(dataSource, projection).catchUp();
    },
    async close() {
      await app.close();
      await dataSource.destroy();
    },
  };
}

type Checks = Record<string, { status: string }> & { projectionLag: any };

const readiness = async (base: string) => {
  const response = await fetch(`${base}/health/ready`);
  // Ready: terminus's report; not ready: a problem document that keeps the state of every check in `checks`.
  const body = (await response.json()) as { details?: Checks; checks?: Checks };
  return { status: response.status, details: (body.details ?? body.checks)! };
};

describe('when the read models fall behind the event store', () => {
  it('reports not ready while a projection is more events behind than PROJECTION_LAG_MAX_EVENTS, and ready once caught up', async () => {
    const api = await apiWithoutProjectors({ PROJECTION_LAG_MAX_EVENTS: '5' });
    try {
      expect((await readiness(api.base)).status).toBe(200);
      // A participant's journey as the worker would have stored it: registration to withdrawal.
      const appends = appendsOf(withdrawnJourney());
      for (const append of appends) await api.store.append(append);
      const events = appends.reduce((n, a) => n + a.events.length, 0);
      expect(events).toBeGreaterThan(5);

      const behind = await readiness(api.base);
      expect(behind.status).toBe(503);
      expect(behind.details).toMatchObject({ postgres: { status: 'up' }, temporal: { status: 'up' }, journeyWorker: { status: 'up' } });
      expect(behind.details.projectionLag).toMatchObject({
        status: 'down',
        limits: { maxEvents: 5, maxSeconds: 60 },
        message: 'projections behind the event feed beyond the limits: participants, worklist, safety, deviations, efficacy',
      });
      for (const projection of allProjections) expect(behind.details.projectionLag.projections[projection.name]).toMatchObject({ eventsBehind: events });

      await api.catchUp();
      const caughtUp = await readiness(api.base);
      expect(caughtUp.status).toBe(200);
      expect(caughtUp.details.projectionLag.projections.participants).toEqual({ eventsBehind: 0, secondsBehind: 0 });
    } finally {
      await api.close();
    }
  });

  it('reports not ready once the oldest event not yet projected is older than PROJECTION_LAG_MAX_SECONDS', async () => {
    const api = await apiWithoutProjectors({ PROJECTION_LAG_MAX_SECONDS: '3' });
    try {
      const [registration] = appendsOf(withdrawnJourney());
      await api.store.append(registration!);
      // One event behind, just recorded: within both limits.
      const fresh = await readiness(api.base);
      expect(fresh.status).toBe(200);
      expect(fresh.details.projectionLag.projections.participants.eventsBehind).toBe(registration!.events.length);

      await sleep(3_500);
      const stale = await readiness(api.base);
      expect(stale.status).toBe(503);
      expect(stale.details.projectionLag.projections.participants.secondsBehind).toBeGreaterThan(3);

      await api.catchUp();
      expect((await readiness(api.base)).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

/** The built API as its own process (as `npm start` runs it), its stdout and stderr kept apart. */
function builtApi(env: Record<string, string>, app: 'api' | 'worker' = 'api') {
  const child = spawn(process.execPath, [join(repoRoot, `dist/apps/${app}/src/main.js`)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output, exited };
}

describe('the API process', () => {
  beforeAll(() => ensureBuilt());

  it('refuses to start on bad configuration with one line naming each bad variable, and no stack trace', async () => {
    const api = builtApi({ DATABASE_URL: 'mysql://db/trialflow', API_PORT: 'eighty', PROJECTION_LAG_MAX_SECONDS: '0', NOTIFY_EMAIL_TO: 'ops, trials@example.org, qa' });
    expect(await api.exited).toBe(1);
    expect(api.output.stderr.trim().split('\n')).toEqual([
      'Invalid configuration:',
      '  DATABASE_URL: DATABASE_URL must be a postgres:// URL',
      '  API_PORT: must be a whole number from 0 to 65535',
      '  PROJECTION_LAG_MAX_SECONDS: must be a whole number from 1 to 86400',
      '  NOTIFY_EMAIL_TO: must be comma-separated e-mail addresses; not an address: "ops", "qa"',
    ]);
    expect(api.output.stdout).toBe('');
  });

  it('the worker process refuses bad configuration the same way', async () => {
    const worker = builtApi({ DATABASE_URL: 'mysql://db/trialflow', WORKER_MAX_CACHED_WORKFLOWS: 'many' }, 'worker');
    expect(await worker.exited).toBe(1);
    const lines = worker.output.stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0]).sort()).toEqual(['DATABASE_URL', 'WORKER_MAX_CACHED_WORKFLOWS']);
    expect(worker.output.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('logs JSON lines only, each line of a request with its correlation id, and never the bearer token', async () => {
    const port = await freePort();
    const api = builtApi({
      DATABASE_URL: system.config.databaseUrl,
      TEMPORAL_ADDRESS: system.config.temporal.address,
      TEMPORAL_TASK_QUEUE: system.config.temporal.taskQueue,
      API_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    const base = `http://127.0.0.1:${port}`;
    const signInId = `log-sign-in-${randomUUID()}`;
    const readId = `log-read-${randomUUID()}`;
    let token = '';
    let generatedId = '';
    try {
      for (let i = 0; i < 600 && !(await fetch(`${base}/health/live`).then((r) => r.ok, () => false)); i += 1) {
        if (api.child.exitCode !== null) throw new Error(`the API exited:\n${api.output.stderr}`);
        await sleep(100);
      }
      const signedIn = await fetch(`${base}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': signInId },
        body: JSON.stringify({ username: 'coordinator.a', password: 'trialflow-demo' }),
      });
      expect(signedIn.status).toBe(200);
      token = ((await signedIn.json()) as { access_token: string }).access_token;
      const unknown = await fetch(`${base}/v1/participants/${randomUUID()}`, { headers: { ...authHeader(token), 'x-request-id': readId } });
      expect(unknown.status).toBe(404);
      // No X-Request-Id from the caller: the API makes one, answers it, and logs under it.
      const invalid = await fetch(`${base}/v1/participants/${randomUUID()}/screening/observations`, {
        method: 'POST',
        headers: { ...authHeader(token), 'content-type': 'application/json' },
        body: JSON.stringify({ commandId: 'not-a-uuid' }),
      });
      expect(invalid.status).toBe(400);
      generatedId = invalid.headers.get('x-request-id')!;
      expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
      await sleep(200);
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }

    const lines = api.output.stdout.split('\n').filter((line) => line.trim() !== '');
    const records = lines.map((line) => JSON.parse(line) as Record<string, any>); // throws on any line that is not JSON
    const ofRequest = (id: string) => records.filter((r) => r.correlationId === id);

    // The sign-in: the authentication's own line (who signed in) and the request's line, both under its id.
    expect(ofRequest(signInId).map((r) => r.event ?? r.msg)).toEqual(['password-accepted', 'request completed']);
    const [readLine] = ofRequest(readId);
    expect(readLine).toMatchObject({ msg: 'request completed', req: { id: readId, method: 'GET' }, res: { statusCode: 404 }, userId: 'coordinator.a', role: 'coordinator' });
    expect(readLine!.req.headers.authorization).toBe('[redacted]');
    expect(ofRequest(generatedId)).toEqual([expect.objectContaining({ req: expect.objectContaining({ method: 'POST' }), res: expect.objectContaining({ statusCode: 400 }) })]);
    // Every line about a request names it: none is left without its correlation id.
    for (const record of records.filter((r) => r.req !== undefined || r.res !== undefined)) expect(record.correlationId).toEqual(expect.any(String));
    expect(api.output.stdout).not.toContain(token);
  });
});
