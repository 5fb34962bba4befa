import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';

export interface AuditedEvent extends StoredEvent {
  readonly hash: string;
}

/** A stream's events in position order with their hashes, optionally only those recorded up to an instant. */
export async function readAuditedEvents(db: EntityManager, streamId: string, recordedUpTo?: Date): Promise<AuditedEvent[]> {
  const rows = (await db.query(
    `SELECT ${STORED_EVENT_COLUMNS}, hash FROM events
     WHERE stream_id = $1 AND ($2::timestamptz IS NULL OR recorded_at <= $2::timestamptz)
     ORDER BY stream_position`,
    [streamId, recordedUpTo?.toISOString() ?? null],
  )) as (StoredEventRow & { hash: string })[];
  return rows.map((row) => ({ ...toStoredEvent(row), hash: row.hash }));
}

/** Position of the event that recorded each correctable entry (entries carry the id of the command that made them). */
export function entryPositions(events: readonly StoredEvent[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (const event of events) {
    const entryId = event.data.entryId;
    if (typeof entryId === 'string' && event.eventType !== 'EntryCorrected' && event.eventType !== 'EntryVoided' && !positions.has(entryId)) {
      positions.set(entryId, event.streamPosition);
    }
  }
  return positions;
}
