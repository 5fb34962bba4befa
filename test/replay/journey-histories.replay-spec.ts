import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-source.js';
import { loadHistories } from '../support/workflow-histories.js';

/**
 * Determinism gate: the saved histories of synthetic journeys (every run of their continue-as-new chains,
 * recorded on the time-skipping server) replay against the current workflow code with no server. A code
 * change that would break open journeys fails here before it is deployed.
 */
const histories = loadHistories();

async function replayAll(options: ReturnType<typeof workflowBundleOptions>) {
  const results: { workflowId: string; error?: unknown }[] = [];
  for await (const result of Worker.runReplayHistories(options, histories)) results.push(result);
  return results;
}

describe('replay of saved journey histories', () => {
  it('has fixtures covering the journey (several runs of complete and withdrawn journeys)', () => {
    expect(histories.length).toBeGreaterThanOrEqual(8);
    expect(new Set(histories.map((h) => h.workflowId.split('/')[0])).size).toBeGreaterThanOrEqual(2);
  });

  it('replays every saved history against the current workflow code', async () => {
    const results = await replayAll(workflowBundleOptions());
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String(r.error)}`)).toEqual([]);
    expect(results).toHaveLength(histories.length);
  });

  it('detects a deliberately non-deterministic change', async () => {
    const variant = fileURLToPath(new URL('./variant/index.ts', import.meta.url));
    const results = await replayAll(workflowBundleOptions(variant));
    expect(results).toHaveLength(histories.length);
    for (const result of results) expect(result.error).toBeInstanceOf(DeterminismViolationError);
  });
});
