import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../infra/dev/net.mjs';
import { startEmbeddedPostgres } from '../../../infra/dev/postgres.mjs';

export interface BenchDatabase {
  /** A fresh, empty database. */
  readonly url: string;
  readonly serverVersion: string;
  readonly settings: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A fresh database for one benchmark run: in the server named by BENCH_PG_ADMIN_URL (a superuser URL, as the
 * migrations create a role), or else in a throw-away embedded PostgreSQL, the same server the tests use.
 * Durability settings are PostgreSQL's defaults (fsync and synchronous_commit on) and are reported.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  let adminUrl = process.env.BENCH_PG_ADMIN_URL;
  let stopServer = async (): Promise<void> => {};
  if (!adminUrl) {
    const scratch = await mkdtemp(join(tmpdir(), 'trialflow-bench-pg-'));
    await chmod(scratch, 0o755);
    const server = await startEmbeddedPostgres({ databaseDir: join(scratch, 'data'), port: await freePort(), persistent: false });
    adminUrl = server.url('postgres');
    stopServer = async () => {
      await server.stop();
      await rm(scratch, { recursive: true, force: true });
    };
  }
  const name = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const settings: Record<string, string> = {};
  let serverVersion = '';
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    serverVersion = ((await admin.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
    for (const setting of ['fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers']) {
      settings[setting] = ((await admin.query(`SHOW ${setting}`)).rows[0] as Record<string, string>)[setting] ?? '';
    }
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), serverVersion, settings, stop: stopServer };
}
