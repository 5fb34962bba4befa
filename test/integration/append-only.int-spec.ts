import { randomUUID } from 'node:crypto';
import { APPLICATION_ROLE, PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { Projector, createTrialflowDataSource, participantsProjection } from '@trialflow/read-models';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { appendsOf, withdrawnJourney } from '../support/journeys.js';
import { newEvent, testStream } from '../support/store-fixtures.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The record can only grow. The application's database role (a LOGIN role in `trialflow_app`, as deployed)
 * may append through the store's function and read, and nothing else on the event tables; the schema owner
 * is stopped by the append-only trigger; only a superuser or the owner lifting the trigger can alter a row,
 * and then verification finds it (audit.int-spec.ts).
 */
let ownerUrl: string;
let owner: DataSource;
let app: DataSource;
const appLogin = `tf_app_${randomUUID().replaceAll('-', '').slice(0, 10)}`;

beforeAll(async () => {
  ownerUrl = await createTestDatabase('ro');
  owner = createTrialflowDataSource(ownerUrl);
  await owner.initialize();
  await migrateWithLock(owner);
  await owner.query(`CREATE ROLE ${appLogin} LOGIN PASSWORD 'app-secret' IN ROLE ${APPLICATION_ROLE}`);
  const url = new URL(ownerUrl);
  url.username = appLogin;
  url.password = 'app-secret';
  app = createTrialflowDataSource(url.toString(), { applicationName: 'trialflow-app-role-test' });
  await app.initialize();
});

afterAll(async () => {
  await app?.destroy();
  await owner?.query(`DROP ROLE IF EXISTS ${appLogin}`).catch(() => undefined);
  await owner?.destroy();
});

describe('the application role', () => {
  it('appends through the store, reads the stream, and runs the projections (start-up migration check included)', async () => {
    expect(await migrateWithLock(app)).toEqual([]);
    const store = new PostgresEventStore(app);
    const journey = withdrawnJourney();
    for (const request of appendsOf(journey)) await store.append(request);
    expect(await store.readStream(journey.streamId)).toHaveLength(journey.recorded.length);
    await new Projector(app, participantsProjection).catchUp();
    const [row] = await app.query(`SELECT phase, last_stream_version FROM rm_participants WHERE participant_id = $1`, [journey.participantId]);
    expect(row).toEqual({ phase: 'ENDED', last_stream_version: journey.recorded.length });
  });

  it.each([
    ['UPDATE', `UPDATE events SET data = '{"dose": 1}'`],
    ['DELETE', `DELETE FROM events`],
    ['TRUNCATE', `TRUNCATE events CASCADE`],
    ['INSERT (bypassing the hash chain)', `INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, hash, previous_hash)
       SELECT stream_id, 99, gen_random_uuid(), event_type, 1, data, metadata, occurred_at, recorded_at, hash, previous_hash FROM events LIMIT 1`],
    ['UPDATE of a stream head', `UPDATE event_streams SET version = 0`],
  ])('may not %s events: permission denied by grants', async (_what, sql) => {
    await expect(app.query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied for table (events|event_streams)/) });
  });

  it('may not lift the append-only trigger (only the owner may) nor call anything but the append function', async () => {
    await expect(app.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/must be owner/) });
    const client = new pg.Client({ connectionString: app.options.type === 'postgres' ? (app.options.url as string) : '' });
    await client.connect();
    try {
      await expect(client.query(`SET session_replication_role = replica`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });
});

describe('the schema owner', () => {
  it('is refused UPDATE, DELETE and TRUNCATE of events by the append-only trigger: corrections are new events', async () => {
    const streamId = testStream();
    await new PostgresEventStore(owner).append({ streamId, streamType: 'test', expectedVersion: 0, events: [newEvent()] });
    await expect(owner.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM events WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only/);
    expect(await new PostgresEventStore(owner).readStream(streamId)).toHaveLength(1);
  });
});
