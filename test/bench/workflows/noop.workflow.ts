// Baselines of the Update-latency benchmarks: a workflow whose Update does nothing but answer, one whose Update
// awaits a local activity that does nothing, and one whose Update answers and schedules an ordinary activity
// that does nothing just behind the answer (the shape of the journey's write-behind), so the journey's own cost
// (decide, append, fold) can be told apart from Temporal's.
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

export const noopUpdate = defineUpdate<number, [number]>('noop');
export const localActivityUpdate = defineUpdate<number, [number]>('noopLocalActivity');
export const activityBehindUpdate = defineUpdate<number, [number]>('noopActivityBehind');

const { nothing } = proxyLocalActivities<{ nothing(n: number): Promise<number> }>({ startToCloseTimeout: '10 seconds' });
const behind = proxyActivities<{ nothing(n: number): Promise<number> }>({ startToCloseTimeout: '10 seconds' });

export async function noopTarget(): Promise<void> {
  let calls = 0;
  setHandler(noopUpdate, (n: number) => {
    calls += 1;
    return n + calls;
  });
  setHandler(localActivityUpdate, async (n: number) => nothing(n));
  setHandler(activityBehindUpdate, (n: number) => {
    calls += 1;
    // Scheduled with the answer, completed after it (as the journey's appendEvents): nobody awaits it here.
    void behind.nothing(n).catch(() => undefined);
    return n + calls;
  });
  await condition(() => false);
}
