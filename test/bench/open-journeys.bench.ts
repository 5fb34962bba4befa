import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { PARTICIPANT_JOURNEY_WORKFLOW_TYPE, participantWorkflowId, registerParticipantUpdate } from '@trialflow/contracts';
import { benchDatabase } from './support/bench-database.js';
import { progress } from './support/measure.js';
import { benchTemporal } from './support/temporal.js';

/**
 * How many open journeys one worker process holds, and its resident memory: N participants registered (each
 * journey then waits on its 28-day screening timer), the built worker running as its own process, its RSS read
 * from /proc. Target: 10,000 open journeys with worker RSS ≤ 1.5 GB.
 */
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')) as [string, string][]);
const journeys = Number(args.journeys ?? 10_000);
const concurrency = Number(args.concurrency ?? 32);
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

const memory = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? 0);
  return { rssMB: Math.round(kb('VmRSS:') / 1024), peakRssMB: Math.round(kb('VmHWM:') / 1024) };
};

progress('building the worker (tsc)…');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
const database = await benchDatabase();
const temporal = await benchTemporal();
const taskQueue = `journey-${randomUUID()}`;
// The heap cap the start script gives the worker: V8 collects before growing past it, so the RSS tracks the
// live set (the bounded workflow cache) instead of the garbage of a registration burst.
const heapMB = Number(args['heap-mb'] ?? 1024);
const worker = spawn(process.execPath, [`--max-old-space-size=${heapMB}`, join(repoRoot, 'dist/apps/worker/src/main.js')], {
  env: { ...process.env, DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const connection = await Connection.connect({ address: temporal.address });
const client = new Client({ connection });

try {
  await new Promise((r) => setTimeout(r, 8_000)); // migrations and the workflow bundle
  const idleRss = memory(worker.pid!);
  progress(`registering ${journeys} participants, ${concurrency} at a time…`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < journeys; i = next++) {
        const code = `BENCH-${String(i).padStart(6, '0')}`;
        const commandId = randomUUID();
        await client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
          updateId: commandId,
          args: [{ commandId, correlationId: 'bench', actor: { id: 'bench', role: 'coordinator' }, participantCode: code, trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', ageYears: 40, sex: 'F' }],
          startWorkflowOperation: new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, {
            workflowId: participantWorkflowId(code),
            taskQueue,
            args: [{ participantId: randomUUID(), participantCode: code }],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        });
        if (i > 0 && i % 1000 === 0) progress(`${i} registered, worker RSS ${memory(worker.pid!).rssMB} MB`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  progress('letting every journey continue-as-new and settle on its timer…');
  await new Promise((r) => setTimeout(r, 20_000));
  const running = await client.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`);
  const settled = memory(worker.pid!);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'open-journeys-per-worker',
        openJourneys: running.count,
        waitingOn: '28-day screening-window timer',
        registrationsPerSecond: Math.round(journeys / seconds),
        worker: { idleRssMB: idleRss.rssMB, rssMB: settled.rssMB, peakRssMB: settled.peakRssMB, maxCachedWorkflows: 250, maxOldSpaceSizeMB: heapMB },
        target: { openJourneys: 10_000, rssMB: '≤ 1536' },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  worker.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 3_000));
  worker.kill('SIGKILL');
  await connection.close();
  await temporal.stop();
  await database.stop();
}
