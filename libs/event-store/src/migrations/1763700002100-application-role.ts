import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the API and the worker log in through in a deployment (a LOGIN role made a member of it). */
export const APPLICATION_ROLE = 'trialflow_app';

/**
 * Least privilege for the running application (21 CFR 11.10(d): limit system access; the record must never
 * be changed silently). Members of `trialflow_app` may read events and append them through
 * `trialflow_append_events` only: no INSERT, UPDATE, DELETE or TRUNCATE on the event tables, so no row can
 * be written without its hash, position and recording time being set by the store. The append-only trigger
 * stays as well, for the schema owner. Tables created later by the migrating role (read models, outbox)
 * are read-write for the role by default privileges; the event tables are the exception, granted here.
 *
 * Roles are cluster-wide: the role is created once (a DBA may create it beforehand when the migrating user
 * lacks CREATEROLE) and each database grants it its own privileges.
 */
export class ApplicationRole1763700002100 implements MigrationInterface {
  name = 'ApplicationRole1763700002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
          EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another database's migration
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'role ${APPLICATION_ROLE} does not exist and % may not create it', current_user
                USING HINT = 'As an administrator: CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; then start again.';
          END;
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON events, event_streams, projection_checkpoints FROM PUBLIC`);
    await q.query(`GRANT SELECT ON events, event_streams TO ${APPLICATION_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON projection_checkpoints TO ${APPLICATION_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION trialflow_append_events(text, text, text, bigint, text) TO ${APPLICATION_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${await schemaOf(q)} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APPLICATION_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${await schemaOf(q)} GRANT USAGE, SELECT ON SEQUENCES TO ${APPLICATION_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${await schemaOf(q)} REVOKE ALL ON TABLES FROM ${APPLICATION_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${await schemaOf(q)} REVOKE ALL ON SEQUENCES FROM ${APPLICATION_ROLE}`);
    await q.query(`REVOKE ALL ON FUNCTION trialflow_append_events(text, text, text, bigint, text) FROM ${APPLICATION_ROLE}`);
    await q.query(`REVOKE ALL ON events, event_streams, projection_checkpoints FROM ${APPLICATION_ROLE}`);
  }
}

async function schemaOf(q: QueryRunner): Promise<string> {
  const [{ schema }] = (await q.query(`SELECT quote_ident(current_schema()) AS schema`)) as [{ schema: string }];
  return schema;
}
