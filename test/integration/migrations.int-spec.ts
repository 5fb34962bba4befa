import { randomUUID } from 'node:crypto';
import { PostgresEventStore, eventStoreMigrations, migrateWithLock, verifyAll } from '@trialflow/event-store';
import { createTrialflowDataSource, readModelMigrations } from '@trialflow/read-models';
import { DataSource } from 'typeorm';
import { newEvent } from '../support/store-fixtures.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * A developer database from before the hash chain (events written the old way, microsecond recording times)
 * is brought up to date by the migrations: its events are chained once, verify clean, and appends continue
 * the chain from the sealed head.
 */
describe('migrating a database that already holds events', () => {
  it('chains the existing events, then keeps chaining new ones', async () => {
    const url = await createTestDatabase('mig');
    const before = new DataSource({ type: 'postgres', url, migrations: [eventStoreMigrations[0]!, readModelMigrations[0]!], migrationsTableName: 'schema_migrations' });
    await before.initialize();
    await before.runMigrations();
    const streamId = `participant-${randomUUID()}`;
    await before.query(`INSERT INTO event_streams (stream_id, stream_type, version) VALUES ($1, 'participant', 3)`, [streamId]);
    for (const position of [1, 2, 3]) {
      const e = newEvent('Legacy', { position }, '2026-01-05T10:00:00.123456Z');
      await before.query(
        `INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at) VALUES ($1, $2, $3, $4, 1, $5, $6, $7)`,
        [streamId, position, e.eventId, e.eventType, JSON.stringify(e.data), JSON.stringify(e.metadata), e.occurredAt],
      );
    }
    await before.destroy();

    const after = createTrialflowDataSource(url);
    await after.initialize();
    try {
      expect(await migrateWithLock(after)).toContain('HashChainedAppend1763700002000');
      expect(await verifyAll(after.manager)).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 3 });
      const store = new PostgresEventStore(after);
      await store.append({ streamId, streamType: 'participant', expectedVersion: 3, events: [newEvent('New')] });
      expect(await verifyAll(after.manager)).toMatchObject({ ok: true, eventsChecked: 4 });
      await expect(after.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
    } finally {
      await after.destroy();
    }
  });
});
