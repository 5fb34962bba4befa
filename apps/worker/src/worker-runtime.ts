import { NativeConnection, Worker } from '@temporalio/worker';
import type { AppConfig } from '@trialflow/config';
import { PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { ProjectorRunner, allProjections, createTrialflowDataSource } from '@trialflow/read-models';
import type { Logger } from 'pino';
import { createJourneyActivities } from './activities/journey.activities.js';
import { createNotificationActivities } from './notifications/notification.activities.js';
import { workflowBundleOptions } from './workflow-source.js';

export interface RunningWorker {
  /** Settles when the Temporal worker has stopped (after `shutdown()` or a fatal error). */
  readonly done: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The worker process's composition root: database (migrated), event store, activities, the Temporal worker
 * on the journey task queue, and the projectors. A plain function of its configuration so tests start the
 * exact same wiring in process.
 */
export interface WorkerRuntimeOptions {
  /** Run the projectors in this process (default). A deployment can run them in a process of their own. */
  readonly projectors?: boolean;
}

export async function startWorkerRuntime(config: AppConfig, logger: Logger, options: WorkerRuntimeOptions = {}): Promise<RunningWorker> {
  const dataSource = createTrialflowDataSource(config.databaseUrl, { applicationName: 'trialflow-worker' });
  await dataSource.initialize();
  const applied = await migrateWithLock(dataSource);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

  const eventStore = new PostgresEventStore(dataSource);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    maxCachedWorkflows: config.temporal.maxCachedWorkflows,
    activities: { ...createJourneyActivities(eventStore), ...createNotificationActivities(dataSource, config.notifications) },
    ...workflowBundleOptions(),
  });

  const projectors = new ProjectorRunner(dataSource, allProjections, {
    databaseUrl: config.databaseUrl,
    onError: (error, projection) => logger.error({ err: error, projection }, 'projection failed; will retry'),
  });
  if (options.projectors !== false) await projectors.start();

  const done = worker.run();
  logger.info({ taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace }, 'worker started');

  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch((error: unknown) => logger.error({ err: error }, 'worker stopped with an error'));
      await projectors.stop();
      await connection.close();
      await dataSource.destroy();
    })());
  return { done, shutdown };
}
