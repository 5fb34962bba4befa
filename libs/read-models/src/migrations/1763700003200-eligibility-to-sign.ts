import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster says since when an eligible evaluation waits for the investigator's e-signature, so the worklist
 * lists pending signatures with one query instead of asking every participant in screening. Rows projected
 * before this version get it with their participant's next event, or at once by rebuilding the projection.
 */
export class EligibilityToSign1763700003200 implements MigrationInterface {
  name = 'EligibilityToSign1763700003200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_participants ADD COLUMN eligibility_to_sign_since timestamptz`);
    await q.query(`CREATE INDEX rm_participants_eligibility_to_sign ON rm_participants (site_id) WHERE eligibility_to_sign_since IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_participants_eligibility_to_sign`);
    await q.query(`ALTER TABLE rm_participants DROP COLUMN eligibility_to_sign_since`);
  }
}
