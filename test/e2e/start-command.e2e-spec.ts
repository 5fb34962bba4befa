import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../infra/dev/net.mjs';
import { demoJourneys } from '@trialflow/demo-data';
import { authHeader, signIn, type DemoUser } from '../support/api-auth.js';
import { ensureBuilt } from '../support/built-app.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const listening = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); done(true); });
    socket.once('error', () => { socket.destroy(); done(false); });
  });

/** Processes whose command line mentions the data folder of this run (PostgreSQL, the Temporal dev server). */
const processesUsing = (dataDir: string): string[] =>
  spawnSync('pgrep', ['-af', dataDir], { encoding: 'utf8' }).stdout.split('\n').filter((line) => line && !line.includes('pgrep'));

/**
 * The README's first command, minus installation and build (done once here): the launcher brings up
 * embedded PostgreSQL, the Temporal dev server with its UI, the worker and the API, prints the URLs, and on
 * Ctrl-C (SIGINT) stops every process it started.
 */
describe('the start command', () => {
  let dataDir: string;
  let launcher: ChildProcess | undefined;

  beforeAll(async () => {
    ensureBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'trialflow-start-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    launcher?.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the whole system, prints the URLs, imports the demo participants into the empty database, and stops everything on Ctrl-C', async () => {
    const ports = { api: await freePort(), temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TRIALFLOW_DATA_DIR: dataDir,
      API_PORT: String(ports.api),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.temporalUi),
      EMBEDDED_PG_PORT: String(ports.postgres),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    launcher = spawn(process.execPath, [join(repoRoot, 'infra/dev/start.mjs')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    for (let i = 0; i < 1200 && !output.includes('trialflow is running'); i += 1) {
      if (launcher.exitCode !== null) throw new Error(`the launcher exited early:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain(`API            http://localhost:${ports.api}`);
    expect(output).toContain(`OpenAPI docs   http://localhost:${ports.api}/docs`);
    expect(output).toContain(`Temporal UI    http://localhost:${ports.temporalUi}`);

    const ready = await fetch(`http://127.0.0.1:${ports.api}/health/ready`);
    expect(ready.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ports.temporalUi}/`)).status).toBe(200);
    expect(processesUsing(dataDir).length).toBeGreaterThanOrEqual(2);

    // An empty database gets the demo participants of both seed trials, in every phase, in the background.
    const api = `http://127.0.0.1:${ports.api}`;
    const read = async (user: DemoUser, path: string) => (await (await fetch(`${api}${path}`, { headers: authHeader(await signIn(api, user)) })).json()) as any;
    const expected = demoJourneys(new Date());
    let seen: { participantCode: string; phase: string; siteId: string; trialId: string }[] = [];
    for (let i = 0; i < 600 && seen.length < expected.length; i += 1) {
      const pages = await Promise.all((['coordinator.a', 'coordinator.b'] as const).map((u) => read(u, '/v1/participants?limit=100')));
      seen = pages.flatMap((page) => page.items);
      if (seen.length < expected.length) await new Promise((r) => setTimeout(r, 500));
    }
    expect(seen.map((p) => [p.participantCode, p.phase]).sort()).toEqual(expected.map((j) => [j.spec.participantCode, j.phase]).sort());
    for (const trialId of ['ucart-cd19-bcma', 'cb-cd19-bcma']) {
      expect(new Set(seen.filter((p) => p.trialId === trialId).map((p) => p.phase)).size).toBe(8); // screening … ended
    }
    // Each coordinator sees their own sites' participants, and has work today.
    const b = await read('coordinator.b', '/v1/participants?limit=100');
    expect(new Set(b.items.map((p: { siteId: string }) => p.siteId))).toEqual(new Set(['DEMO-02']));
    const worklist = await read('coordinator.a', '/v1/worklist');
    expect(worklist.items.some((item: { dueToday: boolean; overdue: boolean }) => item.dueToday || item.overdue)).toBe(true);
    const deviations = await read('coordinator.a', '/v1/deviations?status=CANDIDATE');
    expect(deviations.items.map((d: { participantCode: string }) => d.participantCode)).toContain('DEMO-U13');

    const exited = new Promise<number | null>((done) => launcher!.once('exit', (code) => done(code)));
    launcher.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped.');
    for (const port of Object.values(ports)) expect(await listening(port)).toBe(false);
    expect(processesUsing(dataDir)).toEqual([]);
  });
});
