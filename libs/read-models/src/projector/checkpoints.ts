import type { EntityManager } from 'typeorm';
import { FEED_START, type FeedCheckpoint } from './event-feed.js';

export async function loadCheckpoint(tx: EntityManager, name: string): Promise<FeedCheckpoint> {
  const [row] = (await tx.query(
    `SELECT last_transaction_id::text AS tx, last_global_position AS pos FROM projection_checkpoints WHERE projection_name = $1`,
    [name],
  )) as { tx: string; pos: string }[];
  return row ? { transactionId: row.tx, globalPosition: Number(row.pos) } : FEED_START;
}

export async function saveCheckpoint(tx: EntityManager, name: string, checkpoint: FeedCheckpoint): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (projection_name, last_transaction_id, last_global_position) VALUES ($1, $2::xid8, $3)
     ON CONFLICT (projection_name) DO UPDATE
     SET last_transaction_id = EXCLUDED.last_transaction_id, last_global_position = EXCLUDED.last_global_position, updated_at = now()`,
    [name, checkpoint.transactionId, checkpoint.globalPosition],
  );
}

/** The advisory lock that makes one projector instance at a time work on a projection (the other waits). */
export const lockProjection = (tx: EntityManager, key: string): Promise<unknown> =>
  tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
