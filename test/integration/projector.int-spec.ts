import { PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { ParticipantRow, Projector, ProjectorGroup, createTrialflowDataSource, participantsProjection } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { appendsOf, withdrawnJourney } from '../support/journeys.js';
import { appliedTo, createProbeTable, deferred, probeProjection, until } from '../support/probe-projection.js';
import { newEvent, testStream } from '../support/store-fixtures.js';
import { createTestDatabase } from '../support/test-database.js';

let dataSource: DataSource;
let store: PostgresEventStore;

beforeAll(async () => {
  dataSource = createTrialflowDataSource(await createTestDatabase('proj'));
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  store = new PostgresEventStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const appendOne = async (streamId = testStream()) => {
  const e = newEvent();
  await store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [e] });
  return e.eventId;
};

const checkpointOf = async (name: string) =>
  ((await dataSource.query(`SELECT last_global_position AS pos FROM projection_checkpoints WHERE projection_name = $1`, [name])) as { pos: string }[])[0]?.pos ?? null;

describe('the feed', () => {
  it('never skips an event whose transaction commits late: an earlier position committed after a later one is applied, and first', async () => {
    await createProbeTable(dataSource, 'probe_feed');
    const projector = new Projector(dataSource, probeProjection('probe-feed', 'probe_feed'));
    await projector.catchUp();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [early, late] = [testStream(), testStream()];
    const earlyEvent = newEvent();
    await store.appendWithin(runner.manager, { streamId: early, streamType: 'test', expectedVersion: 0, events: [earlyEvent] });
    const lateEvent = await appendOne(late);
    await projector.catchUp();
    // The later event is committed, but it is behind a transaction still open: the feed holds it back.
    expect(await appliedTo(dataSource, 'probe_feed', [early, late])).toEqual([]);

    await runner.commitTransaction();
    await runner.release();
    await projector.catchUp();
    expect(await appliedTo(dataSource, 'probe_feed', [early, late])).toEqual([earlyEvent.eventId, lateEvent]);
    const [e, l] = (await store.readStream(early)).concat(await store.readStream(late));
    expect(e!.globalPosition).toBeLessThan(l!.globalPosition);
  });

  it('orders by transaction id as a number: events on both sides of a power of ten come in commit order', async () => {
    await createProbeTable(dataSource, 'probe_digits');
    const projector = new Projector(dataSource, probeProjection('probe-digits', 'probe_digits'), 3);
    await projector.catchUp();
    const [{ xid }] = (await dataSource.query('SELECT pg_current_xact_id()::text AS xid')) as [{ xid: string }];
    const boundary = 10 ** xid.length;
    // Each COMMIT in the loop burns one transaction id: land a few short of the next power of ten.
    await dataSource.query(`DO $$ BEGIN FOR i IN 1..${boundary - Number(xid) - 5} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    const streams = Array.from({ length: 10 }, testStream);
    const ids: string[] = [];
    for (const s of streams) ids.push(await appendOne(s));
    const xids = (await Promise.all(streams.map((s) => store.readStream(s)))).map(([e]) => e!.transactionId);
    expect(xids[0]!.length).toBeLessThan(xids.at(-1)!.length);
    await projector.catchUp();
    expect(await appliedTo(dataSource, 'probe_digits', streams)).toEqual(ids);
  });

  it('folds a participant correctly when the feed delivers a stream\'s events out of position order (xid order is not commit order)', async () => {
    const journey = withdrawnJourney();
    const [first, second, third, ...rest] = appendsOf(journey);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SELECT pg_current_xact_id()'); // this transaction now has the older xid
    await store.append(first!);
    await store.append(second!);
    await store.appendWithin(runner.manager, third!); // position 3, older xid than positions 1 and 2
    await runner.commitTransaction();
    await runner.release();
    const projector = new Projector(dataSource, participantsProjection, 1);
    await projector.catchUp();
    expect(await dataSource.getRepository(ParticipantRow).findOneByOrFail({ participantId: journey.participantId })).toMatchObject({ lastStreamVersion: 3, phase: 'SCREENING' });
    for (const request of rest) await store.append(request);
    await projector.catchUp();
    expect(await dataSource.getRepository(ParticipantRow).findOneByOrFail({ participantId: journey.participantId })).toMatchObject({ lastStreamVersion: journey.recorded.length, phase: 'ENDED', endReason: 'WITHDRAWN' });
  });
});

describe('the projector', () => {
  it('holds a per-projection advisory lock: a second instance waits, then applies only what the first left', async () => {
    await createProbeTable(dataSource, 'probe_lock');
    await new Projector(dataSource, probeProjection('probe-lock', 'probe_lock')).catchUp();
    const streams = [testStream(), testStream(), testStream()];
    const ids = [await appendOne(streams[0]), await appendOne(streams[1])];
    const entered = deferred();
    const gate = deferred();
    const first = new Projector(dataSource, probeProjection('probe-lock', 'probe_lock', { beforeEach: async () => (entered.resolve(), gate.promise) }));
    const second = new Projector(dataSource, probeProjection('probe-lock', 'probe_lock'));
    const firstRun = first.runBatch();
    await entered.promise;
    const secondRun = second.runBatch();
    await until(async () => (await dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0].n === 1);
    expect(await appliedTo(dataSource, 'probe_lock', streams)).toEqual([]);

    gate.resolve();
    expect(await firstRun).toBe(2);
    expect(await secondRun).toBe(0);
    ids.push(await appendOne(streams[2]));
    expect(await second.runBatch()).toBe(1);
    expect(await appliedTo(dataSource, 'probe_lock', streams)).toEqual(ids);
  });

  it('writes rows and checkpoint in one transaction: a failure mid-window leaves neither, and a restarted projector applies each event once', async () => {
    await createProbeTable(dataSource, 'probe_crash');
    await new Projector(dataSource, probeProjection('probe-crash', 'probe_crash')).catchUp();
    const before = await checkpointOf('probe-crash');
    const streams = Array.from({ length: 5 }, testStream);
    const ids: string[] = [];
    for (const s of streams) ids.push(await appendOne(s));
    const failing = new Projector(dataSource, probeProjection('probe-crash', 'probe_crash', { beforeEach: async (i) => { if (i === 3) throw new Error('power cut'); } }));
    await expect(failing.catchUp()).rejects.toThrow('power cut');
    expect(await appliedTo(dataSource, 'probe_crash', streams)).toEqual([]);
    expect(await checkpointOf('probe-crash')).toBe(before);

    expect(await new Projector(dataSource, probeProjection('probe-crash', 'probe_crash'), 2).catchUp()).toBe(5);
    expect(await appliedTo(dataSource, 'probe_crash', streams)).toEqual(ids);
  });

  it('resumes after its database session is killed mid-window, without skipping or re-applying', async () => {
    await createProbeTable(dataSource, 'probe_kill');
    const streams = Array.from({ length: 4 }, testStream);
    const ids: string[] = [];
    for (const s of streams.slice(0, 2)) ids.push(await appendOne(s));
    await new Projector(dataSource, probeProjection('probe-kill', 'probe_kill')).catchUp();
    for (const s of streams.slice(2)) ids.push(await appendOne(s));
    const entered = deferred();
    const gate = deferred();
    let victim = 0;
    const doomed = new Projector(dataSource, probeProjection('probe-kill', 'probe_kill', { beforeEach: async (i, pid) => { victim = pid; if (i === 1) { entered.resolve(); await gate.promise; } } }));
    const run = doomed.runBatch();
    await entered.promise;
    await dataSource.query('SELECT pg_terminate_backend($1)', [victim]);
    gate.resolve();
    await expect(run).rejects.toThrow();

    const restarted = new Projector(dataSource, probeProjection('probe-kill', 'probe_kill'));
    expect(await restarted.catchUp()).toBe(2);
    expect(await appliedTo(dataSource, 'probe_kill', streams)).toEqual(ids);
  });
});

describe('the projections advanced together', () => {
  it('applies a window to every projection in one transaction: a failure in one leaves all of them, and their checkpoints, as they were', async () => {
    await createProbeTable(dataSource, 'probe_group_a');
    await createProbeTable(dataSource, 'probe_group_b');
    let failing = true;
    const projections = [
      probeProjection('probe-group-a', 'probe_group_a'),
      probeProjection('probe-group-b', 'probe_group_b', { beforeEach: async (i) => { if (failing && i === 1) throw new Error('power cut'); } }),
    ];
    failing = false;
    for (const p of projections) await new Projector(dataSource, p).catchUp();
    failing = true;
    const level = await checkpointOf('probe-group-a');
    expect(await checkpointOf('probe-group-b')).toBe(level);
    const streams = Array.from({ length: 3 }, testStream);
    const ids: string[] = [];
    for (const s of streams) ids.push(await appendOne(s));
    const group = new ProjectorGroup(dataSource, projections);

    await expect(group.catchUp()).rejects.toThrow('power cut');
    expect(await appliedTo(dataSource, 'probe_group_a', streams)).toEqual([]);
    expect([await checkpointOf('probe-group-a'), await checkpointOf('probe-group-b')]).toEqual([level, level]);

    failing = false;
    expect(await group.catchUp()).toBe(3);
    expect(await appliedTo(dataSource, 'probe_group_a', streams)).toEqual(ids);
    expect(await appliedTo(dataSource, 'probe_group_b', streams)).toEqual(ids);
    expect(await checkpointOf('probe-group-b')).toBe(await checkpointOf('probe-group-a'));
  });

  it('leaves projections whose checkpoints differ to be caught up one by one', async () => {
    await createProbeTable(dataSource, 'probe_apart_a');
    await createProbeTable(dataSource, 'probe_apart_b');
    const projections = [probeProjection('probe-apart-a', 'probe_apart_a'), probeProjection('probe-apart-b', 'probe_apart_b')];
    for (const p of projections) await new Projector(dataSource, p).catchUp();
    const stream = testStream();
    const id = await appendOne(stream);
    await new Projector(dataSource, projections[0]!).catchUp();

    expect(await new ProjectorGroup(dataSource, projections).catchUp()).toBeUndefined();
    expect(await appliedTo(dataSource, 'probe_apart_b', [stream])).toEqual([]);
    expect(await new Projector(dataSource, projections[1]!).catchUp()).toBe(1);
    expect(await appliedTo(dataSource, 'probe_apart_b', [stream])).toEqual([id]);
  });
});
