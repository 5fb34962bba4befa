import type { Projection } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';

/**
 * A projection that records, in a table, each event it applies and in which order: a duplicate would break
 * the primary key, a skip would leave a gap, and `seq` shows the order of application.
 */
export async function createProbeTable(dataSource: DataSource, table: string): Promise<void> {
  await dataSource.query(`CREATE TABLE ${table} (seq bigserial, event_id uuid PRIMARY KEY, stream_id text NOT NULL, global_position bigint NOT NULL)`);
}

export function probeProjection(name: string, table: string, hooks: { beforeEach?: (index: number, pid: number) => Promise<void> } = {}): Projection {
  return {
    name,
    tables: [table],
    async apply(tx, events, context) {
      const [{ pid }] = (await tx.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      for (const [index, event] of events.entries()) {
        await hooks.beforeEach?.(index, pid);
        await tx.query(`INSERT INTO ${context.table(table)} (event_id, stream_id, global_position) VALUES ($1, $2, $3)`, [event.eventId, event.streamId, event.globalPosition]);
      }
    },
  };
}

export const appliedTo = async (dataSource: DataSource, table: string, streams?: readonly string[]): Promise<string[]> =>
  (
    (await dataSource.query(`SELECT event_id FROM ${table} WHERE $1::text[] IS NULL OR stream_id = ANY($1::text[]) ORDER BY seq`, [streams ?? null])) as { event_id: string }[]
  ).map((r) => r.event_id);

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Polls a condition about the database (not a timing assertion: it only waits for a state to be reached). */
export async function until(condition: () => Promise<boolean>, attempts = 2_000): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never reached');
}
