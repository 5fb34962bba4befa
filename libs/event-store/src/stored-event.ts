/** An event as read back from the store, with its positions and the store's own recording time. */
export interface StoredEvent {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  /** xid8 of the writing transaction, as a decimal string (it exceeds 2^53 on long-lived clusters). */
  readonly transactionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

export interface StoredEventRow {
  stream_id: string;
  stream_position: string;
  global_position: string;
  transaction_id: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  /** ISO 8601, UTC, milliseconds: rendered by PostgreSQL (see storedEventColumns). */
  occurred_at: string;
  recorded_at: string;
}

const iso = (column: string, name: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${name}`;

/**
 * The select list of a StoredEventRow, optionally qualified by a table alias. The xid is rendered as text
 * under its own name: order by the table's column (`events.transaction_id`), never by this output column.
 * Instants come back already in the ISO form the events use (the form the hash chain covers), formatted by
 * PostgreSQL: reading the feed is the projector's hot path and the database has a core to spare.
 */
export const storedEventColumns = (alias?: string, options: { metadata?: string } = {}): string => {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  const metadata = options.metadata ? `${options.metadata} AS metadata` : c('metadata');
  return `${c('stream_id')}, ${c('stream_position')}, ${c('global_position')}, ${c('transaction_id')}::text AS transaction_id,
  ${c('event_id')}, ${c('event_type')}, ${c('schema_version')}, ${c('data')}, ${metadata}, ${iso(c('occurred_at'), 'occurred_at')}, ${iso(c('recorded_at'), 'recorded_at')}`;
};

export const STORED_EVENT_COLUMNS = storedEventColumns();

export function toStoredEvent(row: StoredEventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    eventId: row.event_id,
    eventType: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}
