import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';

export interface FeedCheckpoint {
  readonly transactionId: string;
  readonly globalPosition: number;
}

/**
 * Events after the checkpoint in commit-safe order. Ordering by (transaction id, position) and reading only
 * transactions older than the oldest one still running means an event whose transaction commits late is
 * never jumped over (event-sourcing reference A6): it is simply not visible to the feed yet.
 */
export async function readFeed(tx: EntityManager, after: FeedCheckpoint, limit: number): Promise<StoredEvent[]> {
  const rows = (await tx.query(
    `SELECT ${STORED_EVENT_COLUMNS} FROM events
     WHERE (transaction_id > $1::xid8 OR (transaction_id = $1::xid8 AND global_position > $2))
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY transaction_id, global_position
     LIMIT $3`,
    [after.transactionId, after.globalPosition, limit],
  )) as StoredEventRow[];
  return rows.map(toStoredEvent);
}
