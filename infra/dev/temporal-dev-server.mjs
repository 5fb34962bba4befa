// The Temporal CLI's dev server: the embedded default Temporal of the system (with its web UI and a SQLite
// file so workflows and timers survive a restart) and the server of the integration tests (in memory).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { waitForPort } from './net.mjs';

/** Search attributes of the journey workflow (libs/contracts/src/search-attributes.ts). */
export const JOURNEY_SEARCH_ATTRIBUTES = ['TrialId=Keyword', 'SiteId=Keyword', 'CohortId=Keyword', 'JourneyPhase=Keyword'];

/**
 * @param {{ cliPath: string, port: number, uiPort?: number, dbFile?: string, namespace?: string, logLevel?: string, stdio?: 'ignore' | 'inherit' }} options
 */
export async function startTemporalDevServer({ cliPath, port, uiPort, dbFile, namespace = 'default', logLevel = 'warn', stdio = 'ignore' }) {
  if (!existsSync(cliPath)) {
    throw new Error(`Temporal CLI not found at ${cliPath}. Run infra/temporal-cli/install.sh (needs Go) or set TEMPORAL_CLI_PATH.`);
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', logLevel];
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (dbFile) {
    await mkdir(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  for (const attribute of JOURNEY_SEARCH_ATTRIBUTES) args.push('--search-attribute', attribute);
  // Eager activity dispatch: the journey's append (scheduled with the Update's answer) comes back to the worker in
  // the reply to that workflow task, instead of a round trip through the task queue.
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  const child = spawn(cliPath, args, { stdio });
  let exited = false;
  child.once('exit', () => { exited = true; });
  await waitForPort('127.0.0.1', port, { timeoutMs: 60_000, what: 'Temporal dev server', exited: () => exited });
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://localhost:${uiPort}` : undefined,
    process: child,
    // The kill timer is deliberately not unref'd: it keeps the event loop (and Jest's teardown) alive until
    // the server has exited, so a slow shutdown can never leave an orphan server behind.
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
