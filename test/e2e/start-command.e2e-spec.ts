import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../infra/dev/net.mjs';
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

  it('starts the whole system, prints the URLs, and stops everything on Ctrl-C', async () => {
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

    const exited = new Promise<number | null>((done) => launcher!.once('exit', (code) => done(code)));
    launcher.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped.');
    for (const port of Object.values(ports)) expect(await listening(port)).toBe(false);
    expect(processesUsing(dataDir)).toEqual([]);
  });
});
