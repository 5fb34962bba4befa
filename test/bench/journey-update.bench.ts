import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { loadConfig } from '@trialflow/config';
import { pino } from 'pino';
import pg from 'pg';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-source.js';
import { startWorkerRuntime } from '../../apps/worker/src/worker-runtime.js';
import { JourneyDriver } from '../support/journey-driver.js';
import { benchDatabase } from './support/bench-database.js';
import { median, progress } from './support/measure.js';
import { benchTemporal, percentile } from './support/temporal.js';
import { localActivityUpdate, noopUpdate } from './workflows/noop.workflow.js';

/**
 * Latency of a journey command sent as an Update (validate and decide, fold, answer; the append to PostgreSQL
 * is scheduled in the same workflow task and written just behind the answer), side by side with a bare Update on a
 * no-op workflow, on the same dev server and in the same run, interleaved call by call. Target: journey p50 ≤ 1.25×
 * the bare Update p50. Also reported (not part of the target): the time until the command's events are in the
 * event store, and the earlier design's cost (an Update that awaits a local activity before answering).
 */
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')) as [string, string][]);
const calls = Number(args.calls ?? 400);
const participants = Number(args.participants ?? 10);

Runtime.install({ logger: new DefaultLogger('WARN') });
const database = await benchDatabase();
if (args['synchronous-commit'] === 'off') {
  // Diagnosis only (never a reported figure): how much of the difference is the durable commit (WAL fsync).
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" SET synchronous_commit = off`);
  await admin.end();
}
const temporal = await benchTemporal();
const config = loadConfig({ DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: `journey-${randomUUID()}`, LOG_LEVEL: 'warn' });
const journeyWorker = await startWorkerRuntime(config, pino({ level: 'warn' }), { projectors: args.projectors !== 'off' });
const noopQueue = `noop-${randomUUID()}`;
const noopWorker = await Worker.create({
  connection: await NativeConnection.connect({ address: temporal.address }),
  taskQueue: noopQueue,
  activities: { nothing: async (n: number) => n },
  ...workflowBundleOptions(fileURLToPath(new URL('./workflows/noop.workflow.js', import.meta.url))),
});
const noopRun = noopWorker.run();
const connection = await Connection.connect({ address: temporal.address });
const client = new Client({ connection });

try {
  progress(`registering ${participants} participants…`);
  const drivers = await Promise.all(
    Array.from({ length: participants }, async () => {
      const driver = new JourneyDriver(client, config.temporal.taskQueue, 'ucart-cd19-bcma', 'SLE', async () => Date.now());
      await driver.register();
      await driver.send({ type: 'SignConsent', data: { icfVersion: '1.0', signedOn: await driver.today(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1' } });
      return driver;
    }),
  );
  const noop = await client.workflow.start('noopTarget', { taskQueue: noopQueue, workflowId: `noop-${randomUUID()}` });
  const today = await drivers[0]!.today();

  const journeyMs: number[] = [];
  const noopMs: number[] = [];
  const localActivityMs: number[] = [];
  const timed = async (into: number[], call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    into.push(performance.now() - started);
  };
  // Warm-up: bundles, caches and connections.
  for (let i = 0; i < 20; i += 1) {
    await noop.executeUpdate(noopUpdate, { args: [i] });
    await drivers[i % participants]!.send({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 1.5, unit: '10^9/L', observedOn: today, source: 'bench' } });
  }
  progress(`measuring ${calls} calls of each, interleaved…`);
  for (let i = 0; i < calls; i += 1) {
    const journey = () => drivers[i % participants]!.send({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 1 + (i % 10) / 10, unit: '10^9/L', observedOn: today, source: 'bench' } });
    const bare = () => noop.executeUpdate(noopUpdate, { args: [i] });
    const withLocalActivity = () => noop.executeUpdate(localActivityUpdate, { args: [i] });
    const order = i % 2 === 0 ? [journey, bare, withLocalActivity] : [withLocalActivity, bare, journey];
    for (const call of order) await timed(call === journey ? journeyMs : call === bare ? noopMs : localActivityMs, call);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: Math.round(percentile(sorted, 50) * 100) / 100, p99: Math.round(percentile(sorted, 99) * 100) / 100, mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 };
  };
  // Until stored: the answer, then the journey's own report that the store holds the events.
  const untilStoredMs: number[] = [];
  const storeReader = new pg.Client({ connectionString: database.url });
  await storeReader.connect();
  for (let i = 0; i < Math.min(100, calls); i += 1) {
    const driver = drivers[i % participants]!;
    const started = performance.now();
    const { streamVersion } = await driver.send({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 1.2, unit: '10^9/L', observedOn: today, source: 'bench' } });
    const streamId = `participant-${driver.participantId}`;
    const storedVersion = async () => Number((await storeReader.query('SELECT version FROM event_streams WHERE stream_id = $1', [streamId])).rows[0]?.version ?? 0);
    while ((await storedVersion()) < streamVersion) await new Promise((r) => setImmediate(r));
    untilStoredMs.push(performance.now() - started);
  }
  await storeReader.end();
  const journey = summary(journeyMs);
  const bare = summary(noopMs);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'journey-update-latency',
        calls,
        participants,
        server: 'temporal CLI 1.5.1 dev server (in memory), embedded PostgreSQL 17',
        projectorsInWorker: args.projectors !== 'off',
        synchronousCommit: args['synchronous-commit'] === 'off' ? 'off (diagnosis only)' : 'on (PostgreSQL default: every append is durable)',
        unit: 'ms',
        journeyCommand: { command: 'RecordScreeningObservation (validate, decide, fold, answer; append written behind)', ...journey },
        journeyCommandUntilStored: { note: 'answer plus the time until the events are committed in PostgreSQL (polling the stream row)', calls: untilStoredMs.length, ...summary(untilStoredMs) },
        bareUpdate: { workflow: 'noopTarget', ...bare },
        bareUpdateWithLocalActivity: { workflow: 'noopTarget (awaits a local activity that does nothing: the floor of answering after the append)', ...summary(localActivityMs) },
        ratio: { p50: Math.round((journey.p50 / bare.p50) * 100) / 100, p99: Math.round((journey.p99 / bare.p99) * 100) / 100, medianOfPairs: Math.round(median(journeyMs.map((j, k) => j / noopMs[k]!)) * 100) / 100 },
        target: { p50Ratio: '≤ 1.25' },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  noopWorker.shutdown();
  await noopRun;
  await journeyWorker.shutdown();
  await connection.close();
  await temporal.stop();
  await database.stop();
}
