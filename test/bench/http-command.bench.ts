import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { commandUpdate, participantWorkflowId } from '@trialflow/contracts';
import { addDaysToDate, findProtocol, localDateOf, type Actor } from '@trialflow/domain';
import { allProjections } from '@trialflow/read-models';
import pg from 'pg';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-source.js';
import { benchDatabase } from './support/bench-database.js';
import { repoRoot, startBuiltSystem } from './support/built-system.js';
import { median, progress } from './support/measure.js';
import { CpuMeter, parentOf, withChildren } from './support/process-cpu.js';
import { benchTemporal, percentile } from './support/temporal.js';
import { activityBehindUpdate, localActivityUpdate, noopUpdate } from './workflows/noop.workflow.js';

/**
 * An HTTP journey command's round trip under 50 concurrent clients, against the bare Temporal Update floor
 * measured in the same run under the same concurrency. The system runs as `npm start` runs it: the built API
 * and worker as processes of their own (projectors in the worker, request logs at info), on embedded
 * PostgreSQL and the Temporal dev server with its state in a SQLite file. Each client is one signed-in user
 * session driving one participant: POST /v1/participants/{id}/screening/observations with a fresh commandId
 * (a new Temporal Update each time), awaited before the next. The floor: the same number of clients, each
 * sending Updates to a no-op workflow of its own (test/bench/workflows/noop.workflow.ts). A third series sends
 * the same journey command as a Temporal Update straight from the client (no HTTP, no API), to tell the API's
 * share of the difference from the journey's.
 *
 * The series alternate in rounds (order reversed every other round). After a journey series the run waits until
 * the events are stored and every projection has caught up, so the next series never pays for work left
 * behind; a journey series pays for its own write-behind and projections as they happen. Target: HTTP p50 ≤
 * 1.5× the bare Update p50. CPU per call of each process and PostgreSQL transactions per call are reported to
 * show where the time goes (on a saturated machine, latency follows the CPU each call costs the whole system).
 */
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')) as [string, string][]);
const clients = Number(args.clients ?? 50);
const rounds = Number(args.rounds ?? 10);
const perRound = Number(args.commands ?? 10);
const temporalInMemory = args.temporal === 'memory';
const logLevel = args['log-level'] ?? 'info';
const trialId = 'ucart-cd19-bcma';
const siteId = 'DEMO-01';

type Series = 'httpCommand' | 'journeyUpdate' | 'bareUpdate' | 'bareUpdateWithActivityBehind' | 'bareUpdateAfterLocalActivity';
const SERIES: readonly Series[] = ['httpCommand', 'journeyUpdate', 'bareUpdate', 'bareUpdateWithActivityBehind', 'bareUpdateAfterLocalActivity'];
const journeySeries = (series: Series) => series === 'httpCommand' || series === 'journeyUpdate';

const round2 = (value: number) => Math.round(value * 100) / 100;
const summary = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { calls: values.length, p50: round2(percentile(sorted, 50)), p99: round2(percentile(sorted, 99)), mean: round2(values.reduce((a, b) => a + b, 0) / values.length) };
};

if (args.build !== 'no') {
  progress('building the apps (npm run build)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
}
Runtime.install({ logger: new DefaultLogger('WARN') });
const database = await benchDatabase();
const scratch = await mkdtemp(join(tmpdir(), 'trialflow-bench-temporal-'));
const temporal = await benchTemporal(temporalInMemory ? {} : { dbFile: join(scratch, 'dev.sqlite') });
const taskQueue = `journey-${randomUUID()}`;
progress('starting the built worker and API…');
// Diagnosis: --cpu-prof=<dir> writes a V8 CPU profile of the API and of the worker there when they stop
// (V8 writes one on a normal exit only: SIGTERM is made one, ahead of the API's own re-raising handler).
const profileFlags = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`, `--import=data:text/javascript,process.once('SIGTERM',()=>process.exit(0))`] : [];
const system = await startBuiltSystem({ databaseUrl: database.url, temporalAddress: temporal.address, taskQueue, env: { LOG_LEVEL: logLevel }, nodeFlags: profileFlags });
const noopQueue = `noop-${randomUUID()}`;
const noopWorker = await Worker.create({
  connection: await NativeConnection.connect({ address: temporal.address }),
  taskQueue: noopQueue,
  activities: { nothing: async (n: number) => n },
  ...workflowBundleOptions(fileURLToPath(new URL('./workflows/noop.workflow.js', import.meta.url))),
});
const noopRun = noopWorker.run();
const connection = await Connection.connect({ address: temporal.address });
const client = new Client({ connection });
const sql = new pg.Pool({ connectionString: database.url, max: 2 });

/** One JSON request over the process's keep-alive connection pool (Node's fetch: undici). */
async function request(method: 'POST' | 'GET', path: string, token: string | undefined, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${system.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

function expectStatus(status: number, answer: { status: number; json: any }, what: string): any {
  if (answer.status !== status) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/** Set-up, not measured: a 503 (the machine is slow to start a journey) is resent with the same commandId, as the API asks. */
async function resend(path: string, token: string, body: unknown, status: number, what: string): Promise<any> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await request('POST', path, token, body);
    if (answer.status !== 503 || attempt >= 5) return expectStatus(status, answer, what);
  }
}

const protocol = findProtocol(trialId)!;
const offset = protocol.sites.find((s) => s.id === siteId)!.utcOffsetMinutes;
const today = () => addDaysToDate(localDateOf(new Date().toISOString(), offset), 0);

/** One client: a signed-in session driving one participant. */
interface Session {
  readonly token: string;
  /** The signed-in user as the API puts it into a command (for the series that bypasses the API). */
  readonly actor: Actor;
  readonly participantId: string;
  readonly participantCode: string;
  lastVersion: number;
}

/** Waits until every participant's events are stored and every projection's checkpoint is at the feed's head. */
async function settle(sessions: readonly Session[]): Promise<number> {
  const started = performance.now();
  const expected = new Map(sessions.map((s) => [`participant-${s.participantId}`, s.lastVersion]));
  for (;;) {
    const { rows: streams } = await sql.query<{ stream_id: string; version: string }>('SELECT stream_id, version FROM event_streams WHERE stream_id = ANY($1)', [[...expected.keys()]]);
    const stored = streams.length === expected.size && streams.every((s) => Number(s.version) >= (expected.get(s.stream_id) ?? 0));
    const { rows } = await sql.query<{ behind: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM unnest($1::text[]) AS p(name) LEFT JOIN projection_checkpoints c ON c.projection_name = p.name
         WHERE EXISTS (SELECT 1 FROM events e WHERE (e.transaction_id, e.global_position) > (coalesce(c.last_transaction_id, '0'::xid8), coalesce(c.last_global_position, 0)))) AS behind`,
      [allProjections.map((p) => p.name)],
    );
    if (stored && rows[0]?.behind === false) return round2(performance.now() - started);
    await sleep(20);
  }
}

/** Committed transactions in the benchmark's database so far (PostgreSQL's own statistics). */
const transactions = async () => Number((await sql.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n);

try {
  // CPU of PostgreSQL: the postmaster (this connection's backend's parent) and all its backends.
  const backendPid = Number((await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
  const postmaster = process.env.BENCH_PG_ADMIN_URL ? 0 : parentOf(backendPid);
  const meter = new CpuMeter({
    api: () => [system.api.pid!],
    worker: () => [system.worker.pid!],
    temporalServer: () => [temporal.process.pid!],
    postgres: () => (postmaster ? withChildren(postmaster) : []),
    benchProcess: () => [process.pid],
  });

  // Signed-in sessions: one per client, as users at the site would have (coordinators and investigators).
  progress(`signing in ${clients} sessions and registering ${clients} participants over HTTP…`);
  const signedIn: { token: string; actor: Actor }[] = [];
  for (let i = 0; i < clients; i += 1) {
    const username = i % 2 === 0 ? 'coordinator.a' : 'investigator.a';
    const answer = expectStatus(200, await request('POST', '/v1/auth/token', undefined, { username, password: 'trialflow-demo' }), `sign-in of ${username}`);
    signedIn.push({ token: answer.access_token, actor: { id: answer.user.id, name: answer.user.name, role: answer.user.role, sites: answer.user.sites, siteId } });
  }
  const sessions: Session[] = [];
  for (let first = 0; first < clients; first += 10) {
    const batch = signedIn.slice(first, first + 10).map(async ({ token, actor }, k): Promise<Session> => {
      const participantCode = `HB-${String(first + k).padStart(3, '0')}-${randomUUID().slice(0, 6).toUpperCase()}`;
      const registration = { commandId: randomUUID(), participantCode, cohortId: 'SLE', siteId, ageYears: 40, sex: 'F' };
      const registered = await resend(`/v1/trials/${trialId}/participants`, token, registration, 201, 'registration');
      const participantId = registered.summary.participantId as string;
      const consent = { commandId: randomUUID(), icfVersion: protocol.consent.icfVersions[0]!.version, signedOn: today(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'investigator.a' };
      const consented = await resend(`/v1/participants/${participantId}/consent`, token, consent, 200, 'consent');
      return { token, actor, participantId, participantCode, lastVersion: consented.streamVersion };
    });
    sessions.push(...(await Promise.all(batch)));
  }
  const noops: WorkflowHandle[] = await Promise.all(Array.from({ length: clients }, () => client.workflow.start('noopTarget', { taskQueue: noopQueue, workflowId: `noop-${randomUUID()}` })));

  /**
   * Between series: a journey series' events are stored and projected, a no-op series' activities done, before
   * the next series starts. Returns how long a journey series took to settle.
   */
  const quiesce = async (series: Series): Promise<number | undefined> => {
    if (journeySeries(series)) return settle(sessions);
    await sleep(200);
    return undefined;
  };

  let sent = 0;
  const observation = () => ({ code: 'ANC', value: 1 + (sent % 10) / 10, unit: '10^9/L', observedOn: today(), source: 'bench' });
  const calls: Record<Series, (k: number) => Promise<unknown>> = {
    async httpCommand(k) {
      sent += 1;
      const session = sessions[k]!;
      const answer = expectStatus(200, await request('POST', `/v1/participants/${session.participantId}/screening/observations`, session.token, { commandId: randomUUID(), ...observation() }), 'screening observation');
      session.lastVersion = answer.streamVersion;
    },
    // What the API sends for the same request (JourneyCommandSender), sent by the client itself.
    async journeyUpdate(k) {
      sent += 1;
      const session = sessions[k]!;
      const commandId = randomUUID();
      const command = { type: 'RecordScreeningObservation' as const, commandId, actor: session.actor, data: observation() };
      const result = await client.workflow.getHandle(participantWorkflowId(session.participantCode)).executeUpdate(commandUpdate('RecordScreeningObservation'), {
        updateId: commandId,
        args: [{ command, correlationId: randomUUID() }],
      });
      session.lastVersion = result.streamVersion;
    },
    bareUpdate(k) {
      sent += 1;
      return noops[k]!.executeUpdate(noopUpdate, { args: [sent] });
    },
    // Temporal's part of the journey's shape: answer, with an activity (that does nothing) scheduled behind.
    bareUpdateWithActivityBehind(k) {
      sent += 1;
      return noops[k]!.executeUpdate(activityBehindUpdate, { args: [sent] });
    },
    // The other shape: answer only after a local activity (that does nothing).
    bareUpdateAfterLocalActivity(k) {
      sent += 1;
      return noops[k]!.executeUpdate(localActivityUpdate, { args: [sent] });
    },
  };

  /** Every client makes `count` calls one after the other; all clients at once. */
  const phase = async (count: number, call: (k: number) => Promise<unknown>) => {
    const latencies: number[] = [];
    const cpuBefore = meter.read();
    const transactionsBefore = await transactions();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, k) => {
        for (let i = 0; i < count; i += 1) {
          const t = performance.now();
          await call(k);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { latencies, seconds, cpu: CpuMeter.since(cpuBefore, meter.read()), transactions: (await transactions()) - transactionsBefore };
  };

  progress('warming up (bundles, caches, connections, JIT)…');
  for (let w = 0; w < 3; w += 1) {
    for (const series of SERIES) {
      await phase(3, calls[series]);
      await quiesce(series);
    }
  }

  progress(`measuring ${rounds} rounds × ${clients} clients × ${perRound} calls of each series, alternating…`);
  const bySeries = <T>(initial: () => T) => Object.fromEntries(SERIES.map((s) => [s, initial()])) as Record<Series, T>;
  const latencies = bySeries<number[]>(() => []);
  const seconds = bySeries(() => 0);
  const cpu = bySeries<Record<string, number>>(() => ({}));
  const pgTransactions = bySeries(() => 0);
  const roundRatios: number[] = [];
  const settleMs: number[] = [];
  const loadAtStart = loadavg()[0]!;
  for (let round = 0; round < rounds; round += 1) {
    const roundP50 = {} as Record<Series, number>;
    for (const series of round % 2 === 0 ? SERIES : [...SERIES].reverse()) {
      const measured = await phase(perRound, calls[series]);
      latencies[series].push(...measured.latencies);
      seconds[series] += measured.seconds;
      pgTransactions[series] += measured.transactions;
      for (const [name, s] of Object.entries(measured.cpu)) cpu[series][name] = (cpu[series][name] ?? 0) + s;
      roundP50[series] = percentile([...measured.latencies].sort((a, b) => a - b), 50);
      const settled = await quiesce(series);
      if (settled !== undefined) settleMs.push(settled);
    }
    roundRatios.push(roundP50.httpCommand / roundP50.bareUpdate);
    progress(`round ${round + 1}/${rounds}: p50 ${SERIES.map((s) => `${s} ${round2(roundP50[s])}`).join(', ')} ms`);
  }
  const perSeries = rounds * perRound * clients;
  const figures = Object.fromEntries(SERIES.map((s) => [s, { ...summary(latencies[s]), throughputPerSecond: Math.round(perSeries / seconds[s]) }])) as Record<Series, ReturnType<typeof summary> & { throughputPerSecond: number }>;
  const cpuMsPerCall = (series: Series) => {
    const byProcess = Object.fromEntries(Object.entries(cpu[series]).map(([name, s]) => [name, round2((s * 1000) / perSeries)]));
    return { ...byProcess, total: round2(Object.values(byProcess).reduce((a, b) => a + b, 0)) };
  };
  const ratio = (a: Series, b: Series) => ({ p50: round2(figures[a].p50 / figures[b].p50), p99: round2(figures[a].p99 / figures[b].p99), mean: round2(figures[a].mean / figures[b].mean) });
  const journeyRuns = await client.workflow.count(`TaskQueue = '${taskQueue}'`);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'http-command-latency',
        clients,
        rounds,
        callsPerClientPerRound: perRound,
        machine: { cpus: cpus().length, loadAverage1mAtStart: round2(loadAtStart), loadAverage1mAtEnd: round2(loadavg()[0]!) },
        system: {
          api: `built API process (dist/apps/api), LOG_LEVEL=${logLevel}, ${clients} signed-in sessions (ES256 tokens)`,
          worker: 'built worker process (dist/apps/worker), projectors in process, heap cap 1024 MB',
          temporal: `temporal CLI dev server, ${temporalInMemory ? 'in memory' : 'SQLite file (as npm start)'}, eager activity dispatch`,
          postgres: `embedded PostgreSQL ${database.serverVersion}, fsync ${database.settings.fsync}, synchronous_commit ${database.settings.synchronous_commit}`,
          client: "Node's fetch (undici), keep-alive",
        },
        unit: 'ms',
        httpCommand: { request: 'POST /v1/participants/{id}/screening/observations (RecordScreeningObservation), fresh commandId', ...figures.httpCommand },
        bareUpdate: { workflow: 'noopTarget, one per client', ...figures.bareUpdate },
        ratio: { ...ratio('httpCommand', 'bareUpdate'), medianOfRoundP50s: round2(median(roundRatios)) },
        target: { p50Ratio: '≤ 1.5' },
        diagnosis: {
          journeyUpdate: { note: 'the same command as a Temporal Update from the client: no HTTP, no API', ...figures.journeyUpdate },
          bareUpdateWithActivityBehind: { note: "noopTarget: answers and schedules an activity that does nothing (the write-behind's shape)", ...figures.bareUpdateWithActivityBehind },
          bareUpdateAfterLocalActivity: { note: 'noopTarget: answers after a local activity that does nothing', ...figures.bareUpdateAfterLocalActivity },
          ratios: {
            httpCommandToJourneyUpdate: ratio('httpCommand', 'journeyUpdate'),
            journeyUpdateToBareUpdate: ratio('journeyUpdate', 'bareUpdate'),
            bareUpdateWithActivityBehindToBareUpdate: ratio('bareUpdateWithActivityBehind', 'bareUpdate'),
            bareUpdateAfterLocalActivityToBareUpdate: ratio('bareUpdateAfterLocalActivity', 'bareUpdate'),
          },
          cpuMsPerCall: Object.fromEntries(SERIES.map((s) => [s, cpuMsPerCall(s)])),
          postgresTransactionsPerCall: Object.fromEntries(SERIES.map((s) => [s, round2(pgTransactions[s] / perSeries)])),
          settleAfterJourneySeriesMs: { note: 'until stored and projected, after the last answer of a series (not in the latencies)', ...summary(settleMs) },
          journeyRuns: { participants: clients, runs: journeyRuns.count, note: 'workflow runs on the journey task queue (continue-as-new starts a run)' },
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await sql.end();
  noopWorker.shutdown();
  await noopRun;
  await connection.close();
  await system.stop();
  await temporal.stop();
  await database.stop();
  await rm(scratch, { recursive: true, force: true });
}
