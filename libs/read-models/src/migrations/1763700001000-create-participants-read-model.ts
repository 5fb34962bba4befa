import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateParticipantsReadModel1763700001000 implements MigrationInterface {
  name = 'CreateParticipantsReadModel1763700001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_participants (
        participant_id           uuid PRIMARY KEY,
        participant_code         text NOT NULL UNIQUE,
        trial_id                 text NOT NULL,
        protocol_version         text NOT NULL,
        cohort_id                text NOT NULL,
        site_id                  text NOT NULL,
        phase                    text NOT NULL,
        registered_at            timestamptz NOT NULL,
        screening_window_elapsed boolean NOT NULL DEFAULT false,
        last_stream_version      integer NOT NULL,
        updated_at               timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_participants_trial ON rm_participants (trial_id, cohort_id, site_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_participants`);
  }
}
