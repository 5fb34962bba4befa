import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const { forbidden, options } = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const result = await cruise(paths, { ...options, ruleSet: { forbidden }, validate: true, baseDir });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('architecture import rules (ARCHITECTURE.md)', () => {
  it('hold for the code base', async () => {
    expect(await violations(repoRoot, ['apps', 'libs', 'workflows'])).toEqual([]);
  });

  it('report each kind of forbidden import', async () => {
    const found = await violations(resolve(here, 'fixtures/violations'), ['apps', 'libs', 'workflows']);
    expect(found).toEqual([
      'apps-do-not-import-each-other: apps/worker/src/main.ts → apps/api/src/main.ts',
      'domain-is-pure: libs/domain/src/impure.ts → fs',
      'domain-is-pure: libs/domain/src/impure.ts → libs/event-store/src/index.ts',
      'libs-do-not-import-apps-or-workflows: libs/event-store/src/index.ts → apps/api/src/main.ts',
      'web-is-a-client-of-the-api: apps/web/src/main.tsx → libs/event-store/src/index.ts',
      'workflows-are-deterministic: workflows/uses-store.ts → libs/event-store/src/index.ts',
    ]);
  });
});
