import { randomUUID } from 'node:crypto';
import { EventIdReuseError, PostgresEventStore, StreamVersionConflictError, migrateWithLock, type NewEvent } from '@trialflow/event-store';
import { ParticipantRow, Projector, createTrialflowDataSource, participantsProjection } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/test-database.js';

let dataSource: DataSource;
let store: PostgresEventStore;

beforeAll(async () => {
  dataSource = createTrialflowDataSource(await createTestDatabase('es'));
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  store = new PostgresEventStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const event = (type = 'Something', data: object = {}): NewEvent => ({
  eventId: randomUUID(),
  eventType: type,
  schemaVersion: 1,
  data,
  metadata: { actor: { id: 'u-1', role: 'coordinator' }, commandId: randomUUID() },
  occurredAt: '2026-05-01T08:00:00.000Z',
});

describe('PostgreSQL event store', () => {
  it('appends with positions, keeps clinical and recording time apart, and reads the stream back in order', async () => {
    const streamId = `test-${randomUUID()}`;
    const [a, b] = [event('A', { n: 1 }), event('B', { n: 2 })];
    expect(await store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [a, b] })).toEqual({ streamVersion: 2, alreadyAppended: false });
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.eventType, e.streamPosition, e.eventId])).toEqual([
      ['A', 1, a.eventId],
      ['B', 2, b.eventId],
    ]);
    expect(stored[0]!.occurredAt).toBe('2026-05-01T08:00:00.000Z');
    expect(Date.parse(stored[0]!.recordedAt)).toBeGreaterThan(Date.parse('2026-05-01T08:00:00.000Z'));
    expect(stored[1]!.globalPosition).toBeGreaterThan(stored[0]!.globalPosition);
    expect(await store.streamVersion(streamId)).toBe(2);
  });

  it('treats a retried append (same event ids, same expected version) as success without a second copy', async () => {
    const streamId = `test-${randomUUID()}`;
    const events = [event(), event()];
    await store.append({ streamId, streamType: 'test', expectedVersion: 0, events });
    expect(await store.append({ streamId, streamType: 'test', expectedVersion: 0, events })).toEqual({ streamVersion: 2, alreadyAppended: true });
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('refuses a stale expected version with a typed concurrency error, and an event id reused elsewhere', async () => {
    const streamId = `test-${randomUUID()}`;
    const first = event();
    await store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [first] });
    await expect(store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [event()] })).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(store.append({ streamId: `test-${randomUUID()}`, streamType: 'test', expectedVersion: 0, events: [first] })).rejects.toBeInstanceOf(EventIdReuseError);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('lets exactly one of eight concurrent writers at the same expected version win', async () => {
    const streamId = `test-${randomUUID()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [event()] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers).toHaveLength(7);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(StreamVersionConflictError);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events: corrections are new events', async () => {
    const streamId = `test-${randomUUID()}`;
    await store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [event()] });
    await expect(dataSource.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM events WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only/);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});

describe('projector', () => {
  it('projects registrations into the roster, advancing its checkpoint with the rows, and never re-applies', async () => {
    const participantId = randomUUID();
    const registered = event('ParticipantRegistered', {
      participantId,
      participantCode: `INT-${participantId.slice(0, 6).toUpperCase()}`,
      trialId: 'cb-cd19-bcma',
      protocolVersion: '1.0',
      cohortId: 'SSC',
      siteId: 'CN-BJ-GB',
    });
    await store.append({ streamId: `participant-${participantId}`, streamType: 'participant', expectedVersion: 0, events: [registered] });

    const projector = new Projector(dataSource, participantsProjection);
    expect(await projector.catchUp()).toBeGreaterThanOrEqual(1);
    // A second pass finds nothing new: re-applying would fail on the roster's primary key.
    expect(await projector.catchUp()).toBe(0);

    const row = await dataSource.getRepository(ParticipantRow).findOneByOrFail({ participantId });
    expect(row).toMatchObject({ trialId: 'cb-cd19-bcma', cohortId: 'SSC', phase: 'SCREENING', lastStreamVersion: 1 });
    const [checkpoint] = await dataSource.query(`SELECT last_global_position FROM projection_checkpoints WHERE projection_name = 'participants'`);
    const [last] = await dataSource.query(`SELECT max(global_position) AS max FROM events`);
    expect(checkpoint.last_global_position).toBe(last.max);
  });

  it('does not see an event whose transaction is still open, and picks it up once it commits', async () => {
    const projector = new Projector(dataSource, participantsProjection);
    await projector.catchUp();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const participantId = randomUUID();
    await runner.query(`INSERT INTO event_streams (stream_id, stream_type, version) VALUES ($1, 'participant', 1)`, [`participant-${participantId}`]);
    await runner.query(
      `INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at)
       VALUES ($1, 1, $2, 'ParticipantRegistered', 1, $3, '{}', now())`,
      [
        `participant-${participantId}`,
        randomUUID(),
        JSON.stringify({ participantId, participantCode: `LATE-${participantId.slice(0, 6).toUpperCase()}`, trialId: 'cb-cd19-bcma', protocolVersion: '1.0', cohortId: 'SSC', siteId: 'CN-BJ-GB' }),
      ],
    );
    // A later transaction commits while the first is still open.
    await store.append({ streamId: `test-${randomUUID()}`, streamType: 'test', expectedVersion: 0, events: [event()] });
    await projector.catchUp();
    expect(await dataSource.getRepository(ParticipantRow).findOneBy({ participantId })).toBeNull();

    await runner.commitTransaction();
    await runner.release();
    await projector.catchUp();
    expect(await dataSource.getRepository(ParticipantRow).findOneBy({ participantId })).not.toBeNull();
  });
});
