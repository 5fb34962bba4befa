import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, type AppConfig } from '@trialflow/config';
import { pino } from 'pino';
import pg from 'pg';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { startWorkerRuntime, type RunningWorker } from '../../apps/worker/src/worker-runtime.js';
import { createTestDatabase } from './test-database.js';

export interface RunningSystem {
  readonly baseUrl: string;
  readonly config: AppConfig;
  /** Direct SQL access for assertions about what was (not) stored. */
  readonly sql: pg.Pool;
  readonly temporal: Client;
  stop(): Promise<void>;
}

/**
 * The real system in process: the worker runtime and the API application exactly as `main.ts` builds
 * them, on a fresh database of the run's PostgreSQL and on the run's Temporal dev server (or the server
 * `overrides.TEMPORAL_ADDRESS` names), with a task queue of its own so test files cannot steal each other's tasks.
 */
export async function startSystem(overrides: Record<string, string> = {}): Promise<RunningSystem> {
  // An override names another Temporal server (e.g. the time-skipping test server of one test file).
  const temporalAddress = overrides.TEMPORAL_ADDRESS ?? process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) throw new Error('TEMPORAL_ADDRESS is not set: this test needs the servers global set-up (integration/e2e projects).');
  const config = loadConfig({
    DATABASE_URL: await createTestDatabase(),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `journey-${randomUUID()}`,
    API_PORT: '0',
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const logger = pino({ level: 'warn' });
  const worker: RunningWorker = await startWorkerRuntime(config, logger);
  let app: INestApplication | undefined;
  try {
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await worker.shutdown();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sql = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  return {
    baseUrl,
    config,
    sql,
    temporal,
    async stop() {
      await app?.close();
      await worker.shutdown();
      await connection.close();
      await sql.end();
    },
  };
}
