import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../infra/dev/net.mjs';

/** The repository, from this file's place in the compiled output (dist/bench/test/bench/support). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../..');

export interface BuiltSystem {
  readonly baseUrl: string;
  readonly api: ChildProcess;
  readonly worker: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The built worker and API as `npm start` runs them (infra/dev/start.mjs): each its own Node process with the
 * same flags (source maps, the worker's heap cap) and the configuration's defaults unless `env` says
 * otherwise (LOG_LEVEL info: every request is logged as a JSON line). Their logs go nowhere, so what is
 * measured is producing the logs, not a terminal drawing them. Resolves once /health/ready answers 200.
 */
export async function startBuiltSystem(options: { databaseUrl: string; temporalAddress: string; taskQueue: string; env?: Record<string, string>; nodeFlags?: string[] }): Promise<BuiltSystem> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    ...options.env,
  };
  const start = (script: string, flags: string[] = []) =>
    spawn(process.execPath, ['--enable-source-maps', ...flags, ...(options.nodeFlags ?? []), join(repoRoot, script)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const worker = start('dist/apps/worker/src/main.js', [`--max-old-space-size=${process.env.WORKER_HEAP_MB ?? 1024}`]);
  const api = start('dist/apps/api/src/main.js');
  const stopOne = (child: ChildProcess) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(killer);
        done();
      });
      child.kill('SIGTERM');
    });
  const stop = async () => {
    await stopOne(api);
    await stopOne(worker);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (api.exitCode !== null || worker.exitCode !== null) {
      await stop();
      throw new Error(`the ${api.exitCode !== null ? 'API' : 'worker'} exited during start-up`);
    }
    if (await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not become ready at ${baseUrl} within 120 s`);
    }
    await sleep(250);
  }
  return { baseUrl, api, worker, stop };
}
