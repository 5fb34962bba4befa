import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const marker = join(repoRoot, 'dist/apps/worker/src/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.includes('spec')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Tests that run the built processes (as production does) build first when dist/ is missing or older than
 * the sources; `npm test` builds once before Jest, so this is normally a no-op.
 */
export function ensureBuilt(): void {
  let builtAt = 0;
  try {
    builtAt = statSync(marker).mtimeMs;
  } catch {
    builtAt = 0;
  }
  const sources = Math.max(...['apps', 'libs', 'workflows'].map((d) => newestSource(join(repoRoot, d))));
  if (builtAt < sources) execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}
