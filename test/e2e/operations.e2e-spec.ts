import { randomUUID } from 'node:crypto';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { loadConfig } from '@trialflow/config';
import { authHeader, signIn } from '../support/api-auth.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});

afterAll(async () => {
  await system?.stop();
});

describe('operations endpoints', () => {
  it('reports ready when PostgreSQL, Temporal and a journey worker all answer', async () => {
    const response = await fetch(`${system.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, temporal: { status: 'up' }, journeyWorker: { status: 'up', taskQueue: system.config.temporal.taskQueue } },
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
