import { randomUUID } from 'node:crypto';
import {
  EventIdReuseError,
  GENESIS_HASH,
  InvalidAppendError,
  PostgresEventStore,
  StreamVersionConflictError,
  migrateWithLock,
  verifyStream,
  type AppendRequest,
} from '@trialflow/event-store';
import { createTrialflowDataSource } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { newEvent as event, testStream } from '../support/store-fixtures.js';
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

const append = (streamId: string, expectedVersion: number, events = [event()]): Promise<unknown> =>
  store.append({ streamId, streamType: 'test', expectedVersion, events });

const chainOf = async (streamId: string) =>
  (await dataSource.query(`SELECT stream_position, hash, previous_hash, recorded_at FROM events WHERE stream_id = $1 ORDER BY stream_position`, [streamId])) as {
    stream_position: string;
    hash: string;
    previous_hash: string;
    recorded_at: Date;
  }[];

describe('appending', () => {
  it('appends with positions and full metadata, keeps clinical and recording time apart, and reads the stream back in order', async () => {
    const streamId = testStream();
    const [a, b] = [event('A', { n: 1 }, '2026-05-01T08:00:00Z'), event('B', { n: 2 })];
    expect(await store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [a, b] })).toEqual({ streamVersion: 2, alreadyAppended: false });
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.eventType, e.streamPosition, e.eventId])).toEqual([
      ['A', 1, a.eventId],
      ['B', 2, b.eventId],
    ]);
    expect(stored[0]!.occurredAt).toBe('2026-05-01T08:00:00.000Z');
    expect(stored[0]!.metadata).toEqual(a.metadata);
    expect(Date.parse(stored[0]!.recordedAt)).toBeGreaterThan(Date.parse('2026-05-01T08:00:00.000Z'));
    expect(stored[1]!.globalPosition).toBeGreaterThan(stored[0]!.globalPosition);
    expect(BigInt(stored[0]!.transactionId)).toBeGreaterThan(0n);
    expect(await store.streamVersion(streamId)).toBe(2);
    expect((await store.readStream(streamId, { fromPosition: 2 })).map((e) => e.eventType)).toEqual(['B']);
  });

  it('chains each event to its predecessor under the stream lock, with one UTC recording instant per append that never goes back', async () => {
    const streamId = testStream();
    await append(streamId, 0, [event(), event()]);
    await append(streamId, 2, [event()]);
    const chain = await chainOf(streamId);
    expect(chain.map((r) => r.previous_hash)).toEqual([GENESIS_HASH, chain[0]!.hash, chain[1]!.hash]);
    expect(new Set(chain.map((r) => r.hash)).size).toBe(3);
    expect(chain[0]!.recorded_at).toEqual(chain[1]!.recorded_at);
    expect(chain[2]!.recorded_at.getTime()).toBeGreaterThanOrEqual(chain[1]!.recorded_at.getTime());
    expect(chain.every((r) => r.recorded_at.getMilliseconds() === r.recorded_at.getTime() % 1000)).toBe(true);
    const [head] = await dataSource.query(`SELECT version, last_hash FROM event_streams WHERE stream_id = $1`, [streamId]);
    expect(head).toEqual({ version: '3', last_hash: chain[2]!.hash });
    // Node's encoding (hash-chain.ts) reproduces what PostgreSQL hashed.
    expect(await verifyStream(dataSource.manager, streamId)).toMatchObject({ ok: true, eventsChecked: 3, headHash: chain[2]!.hash });
  });

  it('refuses a malformed append before writing anything: every event must say who, in answer to what, and when', async () => {
    const streamId = testStream();
    const anonymous = { ...event(), metadata: { commandId: randomUUID() } };
    const undated = { ...event(), occurredAt: 'yesterday' };
    const rejected = store.append({ streamId, streamType: 'test', expectedVersion: 0, events: [anonymous, undated] });
    await expect(rejected).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(rejected).rejects.toThrow(/actor needs an id and a role.*correlationId is required.*occurredAt must be an ISO 8601 instant/);
    expect(await store.readStream(streamId)).toHaveLength(0);
    expect(await store.streamVersion(streamId)).toBe(0);
  });
});

describe('idempotent retries', () => {
  it('treats a retried append (same event ids, same expected version) as success without a second copy, even after the stream moved on', async () => {
    const streamId = testStream();
    const first: AppendRequest = { streamId, streamType: 'test', expectedVersion: 0, events: [event(), event()] };
    await store.append(first);
    expect(await store.append(first)).toEqual({ streamVersion: 2, alreadyAppended: true });
    await append(streamId, 2);
    expect(await store.append(first)).toEqual({ streamVersion: 2, alreadyAppended: true });
    expect(await store.readStream(streamId)).toHaveLength(3);
  });

  it('answers two copies of the same append racing each other with one success and one "already appended", storing it once', async () => {
    const streamId = testStream();
    await append(streamId, 0);
    const request: AppendRequest = { streamId, streamType: 'test', expectedVersion: 1, events: [event(), event()] };
    const results = await Promise.all([store.append(request), store.append(request)]);
    expect(results.map((r) => r.alreadyAppended).sort()).toEqual([false, true]);
    expect(results.every((r) => r.streamVersion === 3)).toBe(true);
    expect(await store.readStream(streamId)).toHaveLength(3);
  });

  it('refuses an event id stored before in another stream, or with other content: never silently accepted', async () => {
    const streamId = testStream();
    const original = event('A', { dose: 48.9 });
    await append(streamId, 0, [original]);
    await expect(append(testStream(), 0, [original])).rejects.toBeInstanceOf(EventIdReuseError);
    await append(streamId, 1);
    const altered = { ...original, data: { dose: 49.9 } };
    await expect(append(streamId, 0, [altered])).rejects.toMatchObject({ name: 'EventIdReuse', eventIds: [original.eventId] });
    expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ dose: 48.9 }, {}]);
  });
});

describe('concurrency', () => {
  it('refuses a stale expected version with a typed error carrying the actual version', async () => {
    const streamId = testStream();
    await append(streamId, 0, [event(), event()]);
    await expect(append(streamId, 1)).rejects.toMatchObject({ name: 'StreamVersionConflict', expectedVersion: 1, actualVersion: 2 });
    await expect(append(streamId, 5)).rejects.toBeInstanceOf(StreamVersionConflictError);
    expect(await store.streamVersion(streamId)).toBe(2);
  });

  it('8 writers to 8 streams: every event stored once, in each writer\'s order, with distinct global positions', async () => {
    const streams = Array.from({ length: 8 }, testStream);
    const perWriter = 25;
    const written = new Map<string, string[]>();
    await Promise.all(
      streams.map(async (streamId) => {
        const ids: string[] = [];
        for (let v = 0; v < perWriter; v += 1) {
          const e = event('Step', { v });
          ids.push(e.eventId);
          await append(streamId, v, [e]);
        }
        written.set(streamId, ids);
      }),
    );
    const rows = (await dataSource.query(`SELECT stream_id, stream_position, event_id, global_position FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_position`, [streams])) as {
      stream_id: string;
      stream_position: string;
      event_id: string;
      global_position: string;
    }[];
    expect(rows).toHaveLength(8 * perWriter);
    expect(new Set(rows.map((r) => r.global_position)).size).toBe(8 * perWriter);
    for (const streamId of streams) {
      const mine = rows.filter((r) => r.stream_id === streamId);
      expect(mine.map((r) => r.event_id)).toEqual(written.get(streamId));
      expect(mine.map((r) => Number(r.stream_position))).toEqual(Array.from({ length: perWriter }, (_, i) => i + 1));
      const positions = mine.map((r) => Number(r.global_position));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect((await verifyStream(dataSource.manager, streamId)).ok).toBe(true);
    }
  });

  it('8 writers to one stream at the same expected version, round after round: exactly one wins each round, the other 7 get the concurrency error', async () => {
    const streamId = testStream();
    const rounds = 10;
    const winners: string[] = [];
    let conflicts = 0;
    for (let round = 0; round < rounds; round += 1) {
      const candidates = Array.from({ length: 8 }, () => event('Round', { round }));
      const results = await Promise.allSettled(candidates.map((e) => append(streamId, round, [e])));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [candidates[i]!.eventId] : []));
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') {
          expect(r.reason).toBeInstanceOf(StreamVersionConflictError);
          expect(r.reason).toMatchObject({ expectedVersion: round, actualVersion: round + 1 });
          conflicts += 1;
        }
      }
      winners.push(won[0]!);
    }
    expect(conflicts).toBe(7 * rounds);
    expect((await store.readStream(streamId)).map((e) => e.eventId)).toEqual(winners);
    expect(await verifyStream(dataSource.manager, streamId)).toMatchObject({ ok: true, eventsChecked: rounds });
  });

  it('8 writers to one stream retrying on conflict: nothing lost, nothing twice, each writer\'s events in its order, every failed attempt a concurrency error', async () => {
    const streamId = testStream();
    const perWriter = 6;
    const attempts = { total: 0, conflicts: 0 };
    const writers = Array.from({ length: 8 }, (_, w) => Array.from({ length: perWriter }, (_, i) => event('Write', { w, i })));
    await Promise.all(
      writers.map(async (events) => {
        for (const e of events) {
          for (;;) {
            attempts.total += 1;
            try {
              await append(streamId, await store.streamVersion(streamId), [e]);
              break;
            } catch (error) {
              if (!(error instanceof StreamVersionConflictError)) throw error;
              attempts.conflicts += 1;
            }
          }
        }
      }),
    );
    const stored = await store.readStream(streamId);
    expect(stored).toHaveLength(8 * perWriter);
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(8 * perWriter);
    expect(attempts.total - attempts.conflicts).toBe(8 * perWriter);
    for (const [w, events] of writers.entries()) {
      expect(stored.filter((e) => e.data.w === w).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    }
    expect((await verifyStream(dataSource.manager, streamId)).ok).toBe(true);
  });
});
