import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store: streams with a version for optimistic concurrency, events with a global position and
 * the writing transaction's id (xid8) so the feed can be read without skipping late commits
 * (event-sourcing reference A6/A10), and a trigger that refuses UPDATE and DELETE: corrections are new events.
 */
export class CreateEventStore1763700000000 implements MigrationInterface {
  name = 'CreateEventStore1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_streams (
        stream_id   text PRIMARY KEY,
        stream_type text NOT NULL,
        trial_id    text,
        version     bigint NOT NULL CHECK (version >= 0),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE SEQUENCE events_global_position_seq AS bigint`);
    await q.query(`
      CREATE TABLE events (
        stream_id       text NOT NULL REFERENCES event_streams (stream_id),
        stream_position bigint NOT NULL CHECK (stream_position >= 1),
        global_position bigint NOT NULL DEFAULT nextval('events_global_position_seq') UNIQUE,
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid NOT NULL UNIQUE,
        event_type      text NOT NULL,
        schema_version  integer NOT NULL CHECK (schema_version >= 1),
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (stream_id, stream_position)
      )`);
    await q.query(`CREATE INDEX events_feed_order ON events (transaction_id, global_position)`);
    await q.query(`
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % refused on event store', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`);
    await q.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events EXECUTE FUNCTION events_are_append_only()`);
    await q.query(`
      CREATE TABLE projection_checkpoints (
        projection_name      text PRIMARY KEY,
        last_transaction_id  xid8 NOT NULL DEFAULT '0',
        last_global_position bigint NOT NULL DEFAULT 0,
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION events_are_append_only()`);
    await q.query(`DROP SEQUENCE events_global_position_seq`);
    await q.query(`DROP TABLE event_streams`);
  }
}
