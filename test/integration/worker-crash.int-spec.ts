import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { ensureBuilt, repoRoot } from '../support/built-app.js';
import { JourneyDriver } from '../support/journey-driver.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The built worker process on the dev server and PostgreSQL, killed with SIGKILL while a lymphodepletion dose
 * is being recorded, then restarted: the journey goes on to infusion and its end with no event lost or
 * written twice. Also: the same command sent twice at the same moment is recorded once.
 */
describe('journey across a worker crash (dev server + PostgreSQL)', () => {
  let databaseUrl: string;
  let connection: Connection;
  let client: Client;
  let sql: pg.Client;
  const taskQueue = `journey-${randomUUID()}`;
  let worker: ChildProcess | undefined;

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [join(repoRoot, 'dist/apps/worker/src/main.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"msg":"worker started"')) {
          clearTimeout(timer);
          resolve(child);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
    });
  }

  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

  beforeAll(async () => {
    ensureBuilt();
    databaseUrl = await createTestDatabase('crash');
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection });
    sql = new pg.Client({ connectionString: databaseUrl });
    worker = await startWorker();
    await sql.connect();
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await sql?.end();
    await connection?.close();
  });

  const streamOf = async (participantId: string) =>
    (await sql.query(`SELECT event_id, event_type, stream_position::int AS position, data FROM events WHERE stream_id = $1 ORDER BY stream_position`, [`participant-${participantId}`])).rows;

  it('completes lymphodepletion after a SIGKILL mid-dose, with every event recorded exactly once', async () => {
    const driver = new JourneyDriver(client, taskQueue, 'ucart-cd19-bcma', 'SLE', async () => Date.now());
    await driver.register();
    await driver.consentAndScreen();
    await driver.signAndEnrol();
    await driver.giveDosesOfDay(-5);

    const dose = (await driver.state()).ld.calculated!.doses.find((d) => d.day === -4 && d.drug === 'fludarabine')!;
    const inFlight = driver.send({ type: 'AdministerLymphodepletionDose', data: { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: new Date().toISOString() } });
    worker!.kill('SIGKILL');
    await exited(worker!);
    worker = await startWorker();
    await inFlight; // answered by the restarted worker (or already by the killed one): either way, once

    await driver.giveDosesOfDay(-4); // the rest of day -4: the fludarabine dose is recorded already
    await driver.giveDosesOfDay(-3);
    await driver.infuse();
    await driver.send({ type: 'Withdraw', data: { reason: 'End of the crash test journey', safetyFollowUpConsented: false, withdrawnOn: await driver.today() } });
    await driver.stored();

    const events = await streamOf(driver.participantId);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    const doses = events.filter((e) => e.event_type === 'LymphodepletionDoseAdministered').map((e) => `${e.data.drug}@${e.data.day}`);
    expect(doses.sort()).toEqual(['cyclophosphamide@-3', 'cyclophosphamide@-4', 'cyclophosphamide@-5', 'fludarabine@-3', 'fludarabine@-4', 'fludarabine@-5']);
    for (const type of ['LymphodepletionCompleted', 'InfusionCompleted', 'Withdrawn']) expect(events.filter((e) => e.event_type === type)).toHaveLength(1);
  });

  it('records a command sent twice at the same moment once, and answers both with the same version', async () => {
    const driver = new JourneyDriver(client, taskQueue, 'cb-cd19-bcma', 'SSC', async () => Date.now());
    await driver.register();
    const commandId = randomUUID();
    const consent = { type: 'SignConsent' as const, commandId, data: { icfVersion: '1.0', signedOn: await driver.today(), signers: [{ role: 'PARTICIPANT' as const, name: 'P' }], assent: false, obtainedBy: 'inv-1' } };
    const [first, second] = await Promise.all([driver.send(consent), driver.send(consent)]);
    expect(second.streamVersion).toBe(first.streamVersion);
    await driver.stored();
    const events = await streamOf(driver.participantId);
    expect(events.map((e) => e.event_type)).toEqual(['ParticipantRegistered', 'ConsentSigned']);
  });
});
