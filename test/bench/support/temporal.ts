import { existsSync } from 'node:fs';
import { freePort } from '../../../infra/dev/net.mjs';
import { temporalCliPath } from '../../../infra/dev/paths.mjs';
import { startTemporalDevServer } from '../../../infra/dev/temporal-dev-server.mjs';

/**
 * A Temporal dev server for one benchmark run (the CLI built by infra/temporal-cli/install.sh): in memory, or
 * with its state in the SQLite file `dbFile` as `npm start` runs it.
 */
export async function benchTemporal(options: { dbFile?: string } = {}) {
  const cliPath = temporalCliPath();
  if (!existsSync(cliPath)) throw new Error(`No Temporal CLI at ${cliPath}: run bash infra/temporal-cli/install.sh (or npm test) first.`);
  return startTemporalDevServer({ cliPath, port: await freePort(), ...(options.dbFile ? { dbFile: options.dbFile } : {}) });
}

export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
