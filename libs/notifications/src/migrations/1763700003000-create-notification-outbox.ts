import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder outbox and its per-attempt log. `notification_id` is the idempotency key sent to every channel:
 * the outbox row is written once (INSERT … ON CONFLICT DO NOTHING) and a channel whose attempts end in a terminal
 * status is never attempted again, so an activity retried by Temporal does not notify twice. Both tables hold
 * pseudonymous codes only (no personal data), like everything that leaves the system.
 */
export class CreateNotificationOutbox1763700003000 implements MigrationInterface {
  name = 'CreateNotificationOutbox1763700003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_outbox (
        notification_id  text PRIMARY KEY,
        reminder_id      text NOT NULL,
        participant_code text NOT NULL,
        trial_id         text NOT NULL,
        site_id          text NOT NULL,
        payload          jsonb NOT NULL,
        status           text NOT NULL DEFAULT 'PENDING'
                         CHECK (status IN ('PENDING', 'DELIVERED', 'PARTIALLY_DELIVERED', 'FAILED')),
        -- A lease, not a lock: one execution delivers at a time, and a lease left by a vanished worker expires.
        claimed_by       text,
        claimed_until    timestamptz,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    // A future sweeper (and operators) look for reminders that were never settled.
    await q.query(`CREATE INDEX notification_outbox_pending ON notification_outbox (created_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX notification_outbox_participant ON notification_outbox (trial_id, participant_code)`);
    await q.query(`
      CREATE TABLE notification_attempts (
        notification_id text NOT NULL REFERENCES notification_outbox (notification_id),
        channel         text NOT NULL,
        attempt         integer NOT NULL CHECK (attempt >= 1),
        status          text NOT NULL CHECK (status IN ('DELIVERED', 'RETRYING', 'FAILED')),
        response_code   integer,
        response        text,
        error           text,
        attempted_at    timestamptz NOT NULL,
        duration_ms     integer NOT NULL CHECK (duration_ms >= 0),
        PRIMARY KEY (notification_id, channel, attempt)
      )`);
    // The attempts are the evidence of what was sent to the site and when: written once, never rewritten.
    await q.query(`
      CREATE FUNCTION notification_attempts_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'notification attempts are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER notification_attempts_append_only BEFORE UPDATE OR DELETE ON notification_attempts
      FOR EACH ROW EXECUTE FUNCTION notification_attempts_are_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_attempts`);
    await q.query(`DROP FUNCTION notification_attempts_are_append_only()`);
    await q.query(`DROP TABLE notification_outbox`);
  }
}
