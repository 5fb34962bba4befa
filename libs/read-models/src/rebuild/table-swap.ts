import type { EntityManager } from 'typeorm';
import { REBUILD_TABLE_SUFFIX } from '../projector/projector.js';

const APP_ROLE = 'trialflow_app';

/** Fresh, empty copies of a projection's tables (columns, defaults, constraints, indexes), readable by the application. */
export async function createFreshTables(db: EntityManager, tables: readonly string[]): Promise<void> {
  const [{ exists }] = (await db.query(`SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1) AS exists`, [APP_ROLE])) as [{ exists: boolean }];
  for (const table of tables) {
    const fresh = `${table}${REBUILD_TABLE_SUFFIX}`;
    await db.query(`DROP TABLE IF EXISTS ${fresh}`);
    await db.query(`CREATE TABLE ${fresh} (LIKE ${table} INCLUDING ALL)`);
    if (exists) await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${fresh} TO ${APP_ROLE}`);
  }
}

/** Index definitions without their names and tables, so a copy's indexes can be matched to the original's. */
async function indexesOf(db: EntityManager, table: string): Promise<Map<string, string>> {
  const rows = (await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`, [table])) as {
    indexname: string;
    indexdef: string;
  }[];
  return new Map(rows.map((r) => [r.indexname, r.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, 'CREATE $1INDEX ON')]));
}

/**
 * Swaps the rebuilt copies in, inside the caller's transaction: readers see the old tables until it commits,
 * then the new ones. The copies' indexes (and the constraints they back) take the original names, so later
 * migrations that name them keep working.
 */
export async function swapInFreshTables(tx: EntityManager, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const original = await indexesOf(tx, table);
    await tx.query(`DROP TABLE ${table}`);
    await tx.query(`ALTER TABLE ${table}${REBUILD_TABLE_SUFFIX} RENAME TO ${table}`);
    for (const [name, definition] of await indexesOf(tx, table)) {
      const wanted = [...original].find(([, d]) => d === definition)?.[0];
      if (wanted && wanted !== name) await tx.query(`ALTER INDEX ${name} RENAME TO ${wanted}`);
    }
  }
}
