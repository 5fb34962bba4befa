/** A workload measured in rounds, interleaved with its comparison so both see the same machine (noise, other load). */
export interface Workload {
  readonly name: string;
  /** Events written by one operation. */
  readonly eventsPerOp: number;
  /** Runs one operation on worker `worker` (0..concurrency-1). */
  op(worker: number, index: number): Promise<void>;
}

export interface Measured {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Runs the workloads side by side: each round runs every workload for `opsPerRound` operations per worker,
 * in an order that alternates between rounds. Returns totals per workload and the per-round rates, so a
 * ratio can be taken round by round (robust to a burst of load hitting one workload only).
 */
export async function sideBySide(workloads: readonly Workload[], options: { rounds: number; opsPerRound: number; concurrency: number }): Promise<{ totals: Map<string, Measured>; rounds: Map<string, number[]> }> {
  const elapsed = new Map(workloads.map((w) => [w.name, 0]));
  const rates = new Map(workloads.map((w) => [w.name, [] as number[]]));
  const counters = new Map(workloads.map((w) => [w.name, 0]));
  for (let round = 0; round < options.rounds; round += 1) {
    const order = round % 2 === 0 ? workloads : [...workloads].reverse();
    for (const workload of order) {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: options.concurrency }, async (_, worker) => {
          for (let i = 0; i < options.opsPerRound; i += 1) {
            const index = counters.get(workload.name)!;
            counters.set(workload.name, index + 1);
            await workload.op(worker, index);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      elapsed.set(workload.name, elapsed.get(workload.name)! + seconds);
      rates.get(workload.name)!.push((options.opsPerRound * options.concurrency * workload.eventsPerOp) / seconds);
    }
  }
  const totals = new Map<string, Measured>();
  for (const workload of workloads) {
    const events = options.rounds * options.opsPerRound * options.concurrency * workload.eventsPerOp;
    const seconds = elapsed.get(workload.name)!;
    totals.set(workload.name, { events, seconds: round3(seconds), eventsPerSecond: Math.round(events / seconds) });
  }
  return { totals, rounds: rates };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
