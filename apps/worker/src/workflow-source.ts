import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where the workflow code is: `workflows/index.ts` when running from source (tests), the compiled
 * `dist/workflows/index.js` when running the build. Temporal bundles it with webpack, which ignores
 * tsconfig paths, so the `@trialflow/*` aliases the workflow uses are mapped here.
 */
export function workflowBundleOptions(entry?: string): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> {
  const root = resolve(here, '../../..');
  // `entry` lets replay tests bundle a deliberately changed variant of the workflow code.
  const workflowsPath = entry ?? [resolve(root, 'workflows/index.js'), resolve(root, 'workflows/index.ts')].find(existsSync);
  if (!workflowsPath) throw new Error(`Workflow code not found under ${root}/workflows`);
  const alias = {
    '@trialflow/domain': resolve(root, 'libs/domain/src/index'),
    '@trialflow/contracts': resolve(root, 'libs/contracts/src/index'),
  };
  return {
    workflowsPath,
    bundlerOptions: {
      webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } } }),
    },
  };
}
