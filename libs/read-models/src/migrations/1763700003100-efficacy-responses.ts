import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Efficacy scores at visits (the journey's `EfficacyAssessed`): the entry that recorded the score (to void it),
 * its change from the screening baseline and its response under the instrument's published definition. No
 * re-projection is needed: no stream holds an efficacy score before this version.
 */
export class EfficacyResponses1763700003100 implements MigrationInterface {
  name = 'EfficacyResponses1763700003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_efficacy_results
        ADD COLUMN entry_id text, ADD COLUMN change_from_baseline double precision, ADD COLUMN percent_change_from_baseline double precision,
        ADD COLUMN response text CHECK (response IN ('RESPONSE', 'NO_RESPONSE', 'NOT_EVALUABLE')),
        ADD COLUMN response_definition text, ADD COLUMN response_algorithm text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_efficacy_results
        DROP COLUMN entry_id, DROP COLUMN change_from_baseline, DROP COLUMN percent_change_from_baseline,
        DROP COLUMN response, DROP COLUMN response_definition, DROP COLUMN response_algorithm`);
  }
}
