import { storedEventColumns, toStoredEvent, type StoredEvent, type StoredEventRow } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';

/**
 * The columns of the feed. Metadata is a third of what a page costs to read, and most projections never look
 * at it: with `metadataOf`, other events arrive with empty metadata.
 */
const FEED_COLUMNS = storedEventColumns(undefined, {
  metadata: `CASE WHEN $4::text[] IS NULL OR event_type = ANY($4::text[]) THEN metadata ELSE '{}'::jsonb END`,
});

export interface FeedCheckpoint {
  /** xid8 of the last applied event's transaction, as decimal text. */
  readonly transactionId: string;
  readonly globalPosition: number;
}

export const FEED_START: FeedCheckpoint = { transactionId: '0', globalPosition: 0 };

/**
 * Events after the checkpoint in commit-safe order. Ordering by (transaction id, position) and reading only
 * transactions older than the oldest one still running means an event whose transaction commits late is
 * never jumped over (event-sourcing reference A6): it is simply not visible to the feed yet. The row
 * comparison lets PostgreSQL walk the (transaction_id, global_position) index from the checkpoint. The ORDER BY
 * names the table's column: the select list renders the xid as text under the same name, and text order
 * ("1000" < "999") is not xid order.
 */
export async function readFeed(tx: EntityManager, after: FeedCheckpoint, limit: number, options: { metadataOf?: readonly string[] } = {}): Promise<StoredEvent[]> {
  const rows = (await tx.query(
    `SELECT ${FEED_COLUMNS} FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY events.transaction_id, events.global_position
     LIMIT $3`,
    [after.transactionId, after.globalPosition, limit, options.metadataOf ?? null],
  )) as StoredEventRow[];
  return rows.map(toStoredEvent);
}
