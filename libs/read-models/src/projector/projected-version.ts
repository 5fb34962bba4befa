import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';

/**
 * Whether a projection has applied a stream up to `version`: its checkpoint is at or past that event in feed
 * order. Unlike a row's `last_stream_version`, this also answers for events that removed every row of the
 * participant from a table (a visit done leaves no worklist item behind).
 */
export async function projectionReflects(db: EntityManager, projection: string, streamId: string, version: number): Promise<boolean> {
  if (version <= 0) return true;
  const [row] = (await db.query(
    `SELECT EXISTS (
       SELECT 1 FROM events e JOIN projection_checkpoints c ON c.projection_name = $1
       WHERE e.stream_id = $2 AND e.stream_position = $3
         AND (e.transaction_id, e.global_position) <= (c.last_transaction_id, c.last_global_position)) AS reflected`,
    [projection, streamId, version],
  )) as { reflected: boolean }[];
  return row?.reflected === true;
}

/** Read-your-writes: waits (bounded) until the projection reflects the version; false when the time ran out. */
export async function waitForProjection(db: EntityManager, projection: string, streamId: string, version: number, options: { timeoutMs: number; pollMs?: number }): Promise<boolean> {
  const giveUpAt = Date.now() + options.timeoutMs;
  for (;;) {
    if (await projectionReflects(db, projection, streamId, version)) return true;
    if (Date.now() >= giveUpAt) return false;
    await sleep(options.pollMs ?? 25);
  }
}
