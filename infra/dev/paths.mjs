// Where the project keeps provisioned tools and local data (both ignored by git).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const toolsDir = process.env.TRIALFLOW_TOOLS_DIR ?? resolve(repoRoot, '.tools');
export const dataDir = process.env.TRIALFLOW_DATA_DIR ?? resolve(repoRoot, '.data');

/** The Temporal CLI built by infra/temporal-cli/install.sh, or TEMPORAL_CLI_PATH. */
export function temporalCliPath() {
  return process.env.TEMPORAL_CLI_PATH ?? resolve(toolsDir, 'bin/temporal');
}

/** The launcher of the Java time-skipping server provisioned by infra/temporal-test-server/install.sh. */
export function temporalTestServerPath() {
  return process.env.TEMPORAL_TEST_SERVER_PATH ?? resolve(repoRoot, 'infra/temporal-test-server/temporal-test-server');
}
