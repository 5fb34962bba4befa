// Baselines of the Update-latency benchmark: a workflow whose Update does nothing but answer, and one whose
// Update awaits a local activity that does nothing, so the journey's own cost (decide, append, fold) can be
// told apart from Temporal's.
import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';

export const noopUpdate = defineUpdate<number, [number]>('noop');
export const localActivityUpdate = defineUpdate<number, [number]>('noopLocalActivity');

const { nothing } = proxyLocalActivities<{ nothing(n: number): Promise<number> }>({ startToCloseTimeout: '10 seconds' });

export async function noopTarget(): Promise<void> {
  let calls = 0;
  setHandler(noopUpdate, (n: number) => {
    calls += 1;
    return n + calls;
  });
  setHandler(localActivityUpdate, async (n: number) => nothing(n));
  await condition(() => false);
}
