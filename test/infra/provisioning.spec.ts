import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A PATH holding only the basic shell tools, so Go, Java and Maven are "not installed". */
function barePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trialflow-bare-path-'));
  for (const tool of ['bash', 'sh', 'dirname', 'cut', 'sha256sum', 'sort', 'head', 'sed', 'cat', 'ls', 'rm', 'mkdir', 'printf', 'grep']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found.startsWith('/')) symlinkSync(found, join(dir, tool));
  }
  return dir;
}

function runScript(script: string, env: Record<string, string>) {
  const tools = mkdtempSync(join(tmpdir(), 'trialflow-empty-tools-'));
  return spawnSync(join(barePath(), 'bash'), [join(repoRoot, script)], {
    encoding: 'utf8',
    env: { PATH: barePath(), TRIALFLOW_TOOLS_DIR: tools, ...env },
  });
}

describe('server provisioning scripts on a machine that lacks a prerequisite', () => {
  it('stops with one clear message naming Go when the Temporal CLI must be built and Go is missing', () => {
    const result = runScript('infra/temporal-cli/install.sh', {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Go >= 1\.25\.0 is needed to build the Temporal dev server/);
    expect(result.stderr).toMatch(/TEMPORAL_CLI_PATH/);
    expect(result.stdout).toBe('');
  });

  it('stops with one clear message naming Java when the test server is missing and Java is missing', () => {
    const result = runScript('infra/temporal-test-server/install.sh', {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Java 17 or newer is needed for the Temporal time-skipping test server/);
    expect(result.stdout).toBe('');
  });

  it('uses an override path instead of building, and refuses one that is not executable', () => {
    const ok = runScript('infra/temporal-cli/install.sh', { TEMPORAL_CLI_PATH: '/bin/sh' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('/bin/sh');

    const bad = runScript('infra/temporal-test-server/install.sh', { TEMPORAL_TEST_SERVER_PATH: '/nonexistent/server' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/TEMPORAL_TEST_SERVER_PATH=\/nonexistent\/server is not an executable file/);
  });
});
