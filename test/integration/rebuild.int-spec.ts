import { PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { ProjectorRunner, Projector, RebuildInProgressError, allProjections, createTrialflowDataSource, projectionNamed, rebuildProjections } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { appendsOf, eventfulJourney, screenFailedJourney, withdrawnJourney } from '../support/journeys.js';
import { READ_MODEL_TABLES, indexNames, snapshotReadModels, tableOid } from '../support/read-model-snapshot.js';
import { createTestDatabase } from '../support/test-database.js';

let databaseUrl: string;
let dataSource: DataSource;
let store: PostgresEventStore;

beforeAll(async () => {
  databaseUrl = await createTestDatabase('rebuild');
  dataSource = createTrialflowDataSource(databaseUrl);
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  store = new PostgresEventStore(dataSource);
  // Built incrementally: small windows that cut across streams, caught up between interleaved appends.
  const queues = [eventfulJourney(), screenFailedJourney(), withdrawnJourney(), eventfulJourney('2026-04-20T06:00:00.000Z')].map((j) => appendsOf(j));
  const projectors = allProjections.map((p) => new Projector(dataSource, p, 11));
  for (let round = 0; queues.some((q) => q.length > 0); round += 1) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) await store.append(next);
    }
    if (round % 3 === 0) for (const projector of projectors) await projector.catchUp();
  }
  for (const projector of projectors) await projector.catchUp();
});

afterAll(async () => {
  await dataSource?.destroy();
});

const checkpoints = async () => (await dataSource.query(`SELECT projection_name, last_transaction_id::text AS tx, last_global_position AS pos FROM projection_checkpoints ORDER BY 1`)) as unknown[];
const totalEvents = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM events`))[0].n);

describe('rebuild', () => {
  it.each(allProjections.map((p) => [p.name]))('rebuilds %s from position zero into fresh tables, switches to them, and gets exactly the incrementally built rows', async (name) => {
    const projection = projectionNamed(name);
    const before = await snapshotReadModels(dataSource);
    const oids = await Promise.all(projection.tables.map((t) => tableOid(dataSource, t)));
    const indexes = await Promise.all(projection.tables.map((t) => indexNames(dataSource, t)));
    const liveCheckpoints = await checkpoints();

    const report = await rebuildProjections(dataSource, [projection]);

    expect(report).toMatchObject({ projections: [name], tables: projection.tables, events: await totalEvents() });
    expect(await snapshotReadModels(dataSource)).toEqual(before);
    expect(before[projection.tables[0]!]!.length).toBeGreaterThan(0);
    for (const [i, table] of projection.tables.entries()) {
      expect(await tableOid(dataSource, table)).not.toBe(oids[i]);
      expect(await indexNames(dataSource, table)).toEqual(indexes[i]);
    }
    expect(await checkpoints()).toEqual(liveCheckpoints);
    expect(await dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%__rebuild'`)).toEqual([]);
  });

  it('rebuilds every projection in one pass over the feed, with the same result', async () => {
    const before = await snapshotReadModels(dataSource);
    const report = await rebuildProjections(dataSource, allProjections);
    expect(report.tables).toEqual([...READ_MODEL_TABLES]);
    expect(await snapshotReadModels(dataSource)).toEqual(before);
  });

  it('switches without skipping or repeating anything while appends and the live projectors keep running', async () => {
    const runner = new ProjectorRunner(dataSource, allProjections, { databaseUrl, pollIntervalMs: 20 });
    await runner.start();
    const writing = (async () => {
      for (const request of [...appendsOf(eventfulJourney('2026-06-01T01:00:00.000Z')), ...appendsOf(withdrawnJourney('2026-06-02T01:00:00.000Z'))]) await store.append(request);
    })();
    await rebuildProjections(dataSource, allProjections, { pageSize: 50 });
    await writing;
    await runner.stop();
    for (const projection of allProjections) await new Projector(dataSource, projection).catchUp();
    const live = await snapshotReadModels(dataSource);
    await rebuildProjections(dataSource, allProjections);
    expect(await snapshotReadModels(dataSource)).toEqual(live);
    expect(live.rm_participants).toHaveLength(6);
  });

  it('refuses a second rebuild of the same projection while one runs', async () => {
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtextextended('projection-rebuild:worklist', 0))`);
      await expect(rebuildProjections(dataSource, [projectionNamed('worklist')])).rejects.toBeInstanceOf(RebuildInProgressError);
    } finally {
      await other.query(`SELECT pg_advisory_unlock_all()`);
      await other.release();
    }
  });
});
