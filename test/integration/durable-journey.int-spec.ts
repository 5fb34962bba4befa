import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { loadConfig, type AppConfig } from '@trialflow/config';
import {
  PARTICIPANT_JOURNEY_WORKFLOW_TYPE,
  participantWorkflowId,
  pendingDeadlinesQuery,
  registerParticipantUpdate,
} from '@trialflow/contracts';
import { pino } from 'pino';
import pg from 'pg';
import { freePort } from '../../infra/dev/net.mjs';
import { temporalCliPath } from '../../infra/dev/paths.mjs';
import { startTemporalDevServer } from '../../infra/dev/temporal-dev-server.mjs';
import { startWorkerRuntime, type RunningWorker } from '../../apps/worker/src/worker-runtime.js';
import { queryWithRetry } from '../support/journey-driver.js';
import { createTestDatabase } from '../support/test-database.js';

type DevServer = Awaited<ReturnType<typeof startTemporalDevServer>>;

/**
 * The embedded default keeps Temporal's state in a SQLite file: a journey registered before the dev server
 * (and the worker) stop is still running afterwards, with its timer still pending, and nothing is appended
 * twice by the replay that follows the restart.
 */
describe('journey on the dev server with its SQLite file, across a restart', () => {
  let scratch: string;
  let server: DevServer | undefined;
  let worker: RunningWorker | undefined;
  let config: AppConfig;
  const port = { value: 0 };

  const startServer = async (): Promise<DevServer> =>
    startTemporalDevServer({ cliPath: temporalCliPath(), port: port.value, dbFile: join(scratch, 'dev.sqlite') });

  async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const connection = await Connection.connect({ address: config.temporal.address });
    try {
      return await fn(new Client({ connection, namespace: config.temporal.namespace }));
    } finally {
      await connection.close();
    }
  }

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'trialflow-durable-'));
    await chmod(scratch, 0o755);
    port.value = await freePort();
    server = await startServer();
    config = loadConfig({
      DATABASE_URL: await createTestDatabase('durable'),
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: `journey-${randomUUID()}`,
      LOG_LEVEL: 'warn',
    });
    worker = await startWorkerRuntime(config, pino({ level: 'warn' }));
  });

  afterAll(async () => {
    await worker?.shutdown();
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('keeps the workflow, its pending 28-day timer and its single event through a restart', async () => {
    const participantCode = `DUR-${randomUUID().slice(0, 8).toUpperCase()}`;
    const participantId = randomUUID();
    const workflowId = participantWorkflowId(participantCode);

    const commandId = randomUUID();
    const result = await withClient((client) =>
      client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
        updateId: commandId,
        args: [{ commandId, correlationId: 'durable', actor: { id: 'c-1', role: 'coordinator' }, participantCode, trialId: 'ucart-cd19-bcma', cohortId: 'MG', siteId: 'DEMO-01' }],
        startWorkflowOperation: new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: config.temporal.taskQueue,
          args: [{ participantId, participantCode }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
    const deadlinesBefore = await withClient((client) => queryWithRetry(() => client.workflow.getHandle(workflowId).query(pendingDeadlinesQuery)));
    expect(deadlinesBefore).toEqual([result.summary.nextDeadline]);

    await worker!.shutdown();
    await server!.stop();
    server = await startServer();
    worker = await startWorkerRuntime(config, pino({ level: 'warn' }));

    await withClient(async (client) => {
      const handle = client.workflow.getHandle(workflowId);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      // Answering the query makes the new worker replay the whole history from the SQLite file.
      expect(await queryWithRetry(() => handle.query(pendingDeadlinesQuery))).toEqual(deadlinesBefore);
      // Search attributes carry only coded identifiers; the list query finds the journey by trial and phase.
      let found: string[] = [];
      for (let i = 0; i < 50 && found.length === 0; i += 1) {
        found = [];
        for await (const wf of client.workflow.list({ query: `TrialId = 'ucart-cd19-bcma' AND CohortId = 'MG' AND JourneyPhase = 'SCREENING' AND WorkflowId = '${workflowId}' AND ExecutionStatus = 'Running'` })) found.push(wf.workflowId);
        if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(found).toEqual([workflowId]);
    });

    const sql = new pg.Client({ connectionString: config.databaseUrl });
    await sql.connect();
    try {
      const { rows } = await sql.query(`SELECT event_type FROM events WHERE stream_id = $1`, [`participant-${participantId}`]);
      expect(rows).toEqual([{ event_type: 'ParticipantRegistered' }]);
    } finally {
      await sql.end();
    }
  });
});
