import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'trialflow_app';
const TABLES = ['rm_participants', 'rm_worklist_items', 'rm_safety_entries', 'rm_deviations', 'rm_efficacy_results'];

/**
 * The read models of the product's screens (roster, coordinators' worklist, safety board, deviations log,
 * efficacy over time), each row carrying the stream version it reflects. The roster gains its journey
 * columns and is projected again from position zero (its checkpoint is reset), so it is complete at once.
 */
export class JourneyReadModels1763700002200 implements MigrationInterface {
  name = 'JourneyReadModels1763700002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`TRUNCATE rm_participants`);
    await q.query(`DELETE FROM projection_checkpoints WHERE projection_name = 'participants'`);
    await q.query(`
      ALTER TABLE rm_participants
        ADD COLUMN end_reason text, ADD COLUMN dose_level_id text, ADD COLUMN enrolled_at timestamptz, ADD COLUMN infusion_date date,
        ADD COLUMN day_numbering text, ADD COLUMN site_utc_offset_minutes integer,
        ADD COLUMN next_visit_id text, ADD COLUMN next_visit_label text, ADD COLUMN next_visit_target date,
        ADD COLUMN next_visit_opens date, ADD COLUMN next_visit_closes date,
        ADD COLUMN next_deadline_kind text, ADD COLUMN next_deadline_label text, ADD COLUMN next_deadline_at timestamptz,
        ADD COLUMN safety_follow_up_only boolean NOT NULL DEFAULT false, ADD COLUMN open_deviations integer NOT NULL DEFAULT 0,
        ADD COLUMN pending_dlt_candidates integer NOT NULL DEFAULT 0, ADD COLUMN confirmed_dlts integer NOT NULL DEFAULT 0,
        ADD COLUMN sae_reports_due integer NOT NULL DEFAULT 0, ADD COLUMN missed_visits integer NOT NULL DEFAULT 0,
        ADD COLUMN dlt_window_closed boolean NOT NULL DEFAULT false, ADD COLUMN ae_collection_ended boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX rm_participants_site ON rm_participants (site_id, phase)`);
    await q.query(`
      CREATE TABLE rm_worklist_items (
        participant_id uuid NOT NULL, item_id text NOT NULL,
        participant_code text NOT NULL, trial_id text NOT NULL, cohort_id text NOT NULL, site_id text NOT NULL,
        kind text NOT NULL, label text NOT NULL, visit_id text, due_on date NOT NULL, due_at timestamptz NOT NULL,
        window_opens date, window_closes date,
        reminders_sent integer NOT NULL DEFAULT 0, reminders_failed integer NOT NULL DEFAULT 0,
        last_reminder_id text, last_reminder_at timestamptz, escalated boolean NOT NULL DEFAULT false,
        site_utc_offset_minutes integer NOT NULL, last_stream_version integer NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (participant_id, item_id)
      )`);
    await q.query(`CREATE INDEX rm_worklist_items_site_due ON rm_worklist_items (site_id, due_on)`);
    await q.query(`
      CREATE TABLE rm_safety_entries (
        participant_id uuid NOT NULL, kind text NOT NULL, entry_id text NOT NULL,
        participant_code text NOT NULL, trial_id text NOT NULL, cohort_id text NOT NULL, site_id text NOT NULL, dose_level_id text,
        term text NOT NULL, grade integer, serious boolean, causality text, onset_on date, study_day integer, resolved_on date,
        sae_reported_at timestamptz, sae_report_due_at timestamptz, dlt_status text, source_entry_id text,
        last_stream_version integer NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (participant_id, kind, entry_id)
      )`);
    await q.query(`CREATE INDEX rm_safety_entries_board ON rm_safety_entries (trial_id, cohort_id, kind)`);
    await q.query(`
      CREATE TABLE rm_deviations (
        participant_id uuid NOT NULL, deviation_id text NOT NULL,
        participant_code text NOT NULL, trial_id text NOT NULL, cohort_id text NOT NULL, site_id text NOT NULL,
        rule text NOT NULL, important boolean NOT NULL, description text NOT NULL, related_entry_ids text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('CANDIDATE', 'CONFIRMED', 'DISMISSED')),
        raised_at timestamptz NOT NULL, raised_at_version integer NOT NULL,
        decided_at timestamptz, decided_by text, decided_by_role text, decision_reason text,
        last_stream_version integer NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (participant_id, deviation_id)
      )`);
    await q.query(`CREATE INDEX rm_deviations_log ON rm_deviations (trial_id, site_id, status)`);
    await q.query(`
      CREATE TABLE rm_efficacy_results (
        participant_id uuid NOT NULL, timepoint text NOT NULL, instrument text NOT NULL,
        participant_code text NOT NULL, trial_id text NOT NULL, cohort_id text NOT NULL, site_id text NOT NULL,
        timepoint_label text NOT NULL, nominal_day integer, study_day integer, assessed_on date,
        status text NOT NULL CHECK (status IN ('RECORDED', 'DONE', 'NOT_DONE', 'MISSED')),
        value_number double precision, value_text text, unit text, source text, in_window boolean,
        last_stream_version integer NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (participant_id, timepoint, instrument)
      )`);
    await q.query(`CREATE INDEX rm_efficacy_results_instrument ON rm_efficacy_results (trial_id, cohort_id, instrument, timepoint)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(', ')} TO ${APP_ROLE}`);
    // The application checks for pending migrations at start-up (migrateWithLock): it may read the list.
    await q.query(`GRANT SELECT ON schema_migrations TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_efficacy_results, rm_deviations, rm_safety_entries, rm_worklist_items`);
    await q.query(`DROP INDEX rm_participants_site`);
    await q.query(`
      ALTER TABLE rm_participants
        DROP COLUMN end_reason, DROP COLUMN dose_level_id, DROP COLUMN enrolled_at, DROP COLUMN infusion_date, DROP COLUMN day_numbering,
        DROP COLUMN site_utc_offset_minutes, DROP COLUMN next_visit_id, DROP COLUMN next_visit_label, DROP COLUMN next_visit_target,
        DROP COLUMN next_visit_opens, DROP COLUMN next_visit_closes, DROP COLUMN next_deadline_kind, DROP COLUMN next_deadline_label,
        DROP COLUMN next_deadline_at, DROP COLUMN safety_follow_up_only, DROP COLUMN open_deviations, DROP COLUMN pending_dlt_candidates,
        DROP COLUMN confirmed_dlts, DROP COLUMN sae_reports_due, DROP COLUMN missed_visits, DROP COLUMN dlt_window_closed,
        DROP COLUMN ae_collection_ended`);
  }
}
