import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: every process that migrates takes this advisory lock, so two never migrate at once. */
const MIGRATION_LOCK_KEY = 7_310_224_001;

/**
 * Runs pending migrations under a session advisory lock. The API and the worker both call it at start-up,
 * so a fresh database (embedded or DATABASE_URL) needs no separate step, and concurrent starts are safe.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
