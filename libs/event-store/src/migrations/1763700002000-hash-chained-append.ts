import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH, canonicalBody, chainHash } from '../hash-chain.js';
import { appendEventsFunctionSql } from './sql/append-events-function.v1.js';

/**
 * The hash chain and the single write path: each event keeps its hash and its predecessor's; each stream
 * keeps its head (last hash, last recording instant) so the next append chains under the stream's row lock.
 * Appends go through `trialflow_append_events` only (see its file). Recording time is now always stamped
 * by that function, at millisecond precision, because it is part of what is hashed.
 */
export class HashChainedAppend1763700002000 implements MigrationInterface {
  name = 'HashChainedAppend1763700002000';

  async up(q: QueryRunner): Promise<void> {
    const [{ schema }] = (await q.query(`SELECT quote_ident(current_schema()) AS schema`)) as [{ schema: string }];
    await q.query(`ALTER TABLE event_streams ADD COLUMN last_hash text NOT NULL DEFAULT '${GENESIS_HASH}', ADD COLUMN last_recorded_at timestamptz`);
    await q.query(`ALTER TABLE events ADD COLUMN hash text, ADD COLUMN previous_hash text, ALTER COLUMN recorded_at DROP DEFAULT`);
    await sealExistingEvents(q);
    await q.query(`ALTER TABLE events ALTER COLUMN hash SET NOT NULL, ALTER COLUMN previous_hash SET NOT NULL`);
    await q.query(appendEventsFunctionSql(schema));
    await q.query(`REVOKE ALL ON FUNCTION trialflow_append_events(text, text, text, bigint, text) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION trialflow_append_events(text, text, text, bigint, text)`);
    await q.query(`ALTER TABLE events DROP COLUMN hash, DROP COLUMN previous_hash, ALTER COLUMN recorded_at SET DEFAULT clock_timestamp()`);
    await q.query(`ALTER TABLE event_streams DROP COLUMN last_hash, DROP COLUMN last_recorded_at`);
  }
}

interface UnsealedRow {
  stream_id: string;
  stream_position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  occurred_at: Date;
  recorded_at: Date;
}

/**
 * Events recorded before the chain existed (developer databases only: nothing was deployed before it) are
 * chained here, once, by the schema owner; the append-only trigger is lifted for this transaction only.
 */
async function sealExistingEvents(q: QueryRunner): Promise<void> {
  const rows = (await q.query(
    `SELECT stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at
     FROM events ORDER BY stream_id, stream_position`,
  )) as UnsealedRow[];
  if (rows.length === 0) return;
  await q.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
  const heads = new Map<string, { hash: string; recordedAt: string }>();
  for (const row of rows) {
    const previous = heads.get(row.stream_id)?.hash ?? GENESIS_HASH;
    const recordedAt = row.recorded_at.toISOString();
    const body = canonicalBody({
      streamId: row.stream_id,
      streamPosition: Number(row.stream_position),
      eventId: row.event_id,
      eventType: row.event_type,
      schemaVersion: row.schema_version,
      occurredAt: row.occurred_at.toISOString(),
      data: row.data,
      metadata: row.metadata,
    });
    const hash = chainHash(previous, recordedAt, body);
    await q.query(
      `UPDATE events SET hash = $3, previous_hash = $4, recorded_at = $5, occurred_at = $6 WHERE stream_id = $1 AND stream_position = $2`,
      [row.stream_id, row.stream_position, hash, previous, recordedAt, row.occurred_at.toISOString()],
    );
    heads.set(row.stream_id, { hash, recordedAt });
  }
  for (const [streamId, head] of heads) {
    await q.query(`UPDATE event_streams SET last_hash = $2, last_recorded_at = $3 WHERE stream_id = $1`, [streamId, head.hash, head.recordedAt]);
  }
  await q.query(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
}
