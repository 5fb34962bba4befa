// Append throughput of the event store against plain INSERTs of the same rows into an unindexed table,
// measured side by side in one run. Prints JSON. See test/bench/README.md.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { PostgresEventStore, migrateWithLock, type NewEvent } from '@trialflow/event-store';
import { createTrialflowDataSource } from '@trialflow/read-models';
import { benchDatabase } from './support/bench-database.js';
import { median, progress, round3, sideBySide, type Workload } from './support/measure.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const rounds = Number(args.get('rounds') ?? 20);
const singleOps = Number(args.get('ops') ?? 250);
const streamCount = 1_000;
const PAYLOAD_BYTES = 1024;

/** A 1 KB event body: an observation with a free-text comment padding it to size. */
function payload(i: number): Record<string, unknown> {
  const base = { entryId: `entry-${i}`, code: 'SLEDAI_2K', value: 8, unit: 'score', observedOn: '2026-03-02', source: 'local lab', comment: '' };
  return { ...base, comment: 'x'.repeat(PAYLOAD_BYTES - JSON.stringify(base).length) };
}

const metadata = () => {
  const commandId = randomUUID();
  return { actor: { id: 'coord-1', role: 'coordinator', siteId: 'DEMO-01' }, commandId, correlationId: randomUUID(), causationId: commandId };
};

const newEvent = (i: number): NewEvent => ({ eventId: randomUUID(), eventType: 'ScreeningObservationRecorded', schemaVersion: 1, data: payload(i), metadata: metadata(), occurredAt: new Date().toISOString() });

interface Pool {
  query(text: string, values: unknown[]): Promise<unknown>;
}

const PLAIN_COLUMNS = 'stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at, hash, previous_hash';
const hex = () => randomBytes(32).toString('hex');

async function main(): Promise<void> {
  const db = await benchDatabase();
  const dataSource = createTrialflowDataSource(db.url, { poolSize: 10, applicationName: 'trialflow-bench' });
  try {
    await dataSource.initialize();
    await migrateWithLock(dataSource);
    // The limit: the same rows, no index, no constraint, no trigger, one statement.
    await dataSource.query(`CREATE TABLE plain_events (stream_id text, stream_position bigint, event_id uuid, event_type text, schema_version integer,
      data jsonb, metadata jsonb, occurred_at timestamptz, recorded_at timestamptz DEFAULT clock_timestamp(), hash text, previous_hash text)`);
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const store = new PostgresEventStore(dataSource);
    const streams = Array.from({ length: streamCount }, () => ({ id: `participant-${randomUUID()}`, version: 0 }));
    progress(`creating ${streamCount} streams`);
    for (const s of streams) s.version = (await store.append({ streamId: s.id, streamType: 'participant', expectedVersion: 0, events: [newEvent(0)] })).streamVersion;

    const storeAppend = (name: string, size: number, concurrency: number): Workload => ({
      name,
      eventsPerOp: size,
      async op(worker, index) {
        // Each worker owns a slice of the streams: no conflicts, as with one workflow per participant.
        const slice = Math.floor(streamCount / concurrency);
        const stream = streams[worker * slice + (index % slice)]!;
        const events = Array.from({ length: size }, (_, i) => newEvent(index * size + i));
        const result = await store.append({ streamId: stream.id, streamType: 'participant', expectedVersion: stream.version, events });
        stream.version = result.streamVersion;
      },
    });
    const plainInsert = (name: string, size: number): Workload => ({
      name,
      eventsPerOp: size,
      async op(_worker, index) {
        const rows = Array.from({ length: size }, (_, i) => newEvent(index * size + i));
        const columns = [
          rows.map(() => `participant-${index}`),
          rows.map((_, i) => i + 1),
          rows.map((e) => e.eventId),
          rows.map((e) => e.eventType),
          rows.map((e) => e.schemaVersion),
          rows.map((e) => JSON.stringify(e.data)),
          rows.map((e) => JSON.stringify(e.metadata)),
          rows.map((e) => e.occurredAt),
          rows.map(hex),
          rows.map(hex),
        ];
        if (size === 1) {
          await pool.query(`INSERT INTO plain_events (${PLAIN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, columns.map((c) => c[0]));
        } else {
          await pool.query(
            `INSERT INTO plain_events (${PLAIN_COLUMNS}) SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[], $9::text[], $10::text[])`,
            columns,
          );
        }
      },
    });

    const compare = async (label: string, size: number, concurrency: number, ops: number) => {
      progress(`${label}: ${rounds} rounds of ${ops} operations × ${concurrency} writer(s), ${size} event(s) each`);
      const { totals, rounds: perRound } = await sideBySide([storeAppend('store', size, concurrency), plainInsert('plain', size)], { rounds, opsPerRound: ops, concurrency });
      const storeRates = perRound.get('store')!;
      const plainRates = perRound.get('plain')!;
      return {
        eventsPerAppend: size,
        writers: concurrency,
        store: totals.get('store'),
        plainInsert: totals.get('plain'),
        ratio: round3(totals.get('store')!.eventsPerSecond / totals.get('plain')!.eventsPerSecond),
        medianRoundRatio: round3(median(storeRates.map((r, i) => r / plainRates[i]!))),
      };
    };

    const singleEvent = await compare('single-event appends', 1, 1, singleOps);
    const batched = [await compare('batched appends', 10, 1, Math.max(1, Math.round(singleOps / 4))), await compare('batched appends', 100, 1, Math.max(1, Math.round(singleOps / 25)))];
    const concurrent = await compare('single-event appends, 8 writers', 1, 8, Math.max(1, Math.round(singleOps / 8)));
    const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM events`)) as [{ count: number }];
    console.info(
      JSON.stringify(
        {
          bench: 'append',
          machine: { cpus: cpus().length, node: process.version, postgres: db.serverVersion, ...db.settings },
          payloadBytes: PAYLOAD_BYTES,
          rounds,
          singleEvent,
          batched,
          concurrent,
          eventsStored: count,
          target: { singleEventRatioAtLeast: 0.6, met: singleEvent.ratio >= 0.6 },
        },
        null,
        2,
      ),
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
  }
}

await main();
