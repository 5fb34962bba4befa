import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database in the run's PostgreSQL cluster, so test files never see each other's rows. */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const adminUrl = process.env.TRIALFLOW_TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('TRIALFLOW_TEST_PG_ADMIN_URL is not set: this test needs the servers global set-up (integration/e2e projects).');
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
