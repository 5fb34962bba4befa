// Real servers for the integration and end-to-end projects, started once per Jest run (both projects share
// them): a throw-away PostgreSQL cluster and an in-memory Temporal dev server. Test files read the
// addresses from the environment, which Jest hands on to them. Plain JS: Jest loads global set-up files
// without the project's module mapping.
import { accessSync, constants } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/dev/net.mjs';
import { temporalCliPath } from '../../infra/dev/paths.mjs';
import { startEmbeddedPostgres } from '../../infra/dev/postgres.mjs';
import { startTemporalDevServer } from '../../infra/dev/temporal-dev-server.mjs';

export default async function setUpServers() {
  if (globalThis.__trialflowServers) return;
  const cliPath = temporalCliPath();
  try {
    accessSync(cliPath, constants.X_OK);
  } catch {
    throw new Error(`TEMPORAL_CLI_PATH: no Temporal CLI at ${cliPath}. Run \`bash infra/temporal-cli/install.sh\` (or \`npm test\`, which provisions it), or set TEMPORAL_CLI_PATH.`);
  }
  const pgPort = await freePort();
  const temporalPort = await freePort();
  const scratch = await mkdtemp(join(tmpdir(), 'trialflow-test-pg-'));
  await chmod(scratch, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must reach the data dir
  const databaseDir = join(scratch, 'data');
  const [postgres, temporal] = await Promise.all([
    startEmbeddedPostgres({ databaseDir, port: pgPort, persistent: false }),
    startTemporalDevServer({ cliPath, port: temporalPort }),
  ]);
  process.env.TRIALFLOW_TEST_PG_ADMIN_URL = postgres.url('postgres');
  process.env.TEMPORAL_ADDRESS = temporal.address;
  globalThis.__trialflowServers = {
    stop: () => Promise.all([temporal.stop(), postgres.stop()]),
  };
}
