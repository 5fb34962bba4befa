import type { DataSource, EntityManager } from 'typeorm';
import { EventIdReuseError, StreamVersionConflictError } from './errors.js';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from './stored-event.js';

export interface NewEvent {
  readonly eventId: string;
  readonly eventType: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly occurredAt: string;
}

export interface AppendRequest {
  readonly streamId: string;
  readonly streamType: string;
  readonly trialId?: string;
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
}

export interface AppendResult {
  readonly streamVersion: number;
  readonly alreadyAppended: boolean;
}

/** Channel notified after each append, so projectors wake at once instead of polling. */
export const EVENTS_APPENDED_CHANNEL = 'trialflow_events_appended';

/**
 * Write path and stream reads, in raw SQL (TypeORM has no xid8 type and the append must be one tight
 * transaction). Appends are idempotent by event id and guarded by the stream's expected version.
 */
export class PostgresEventStore {
  constructor(private readonly dataSource: DataSource) {}

  append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw new Error('append needs at least one event');
    return this.dataSource.transaction(async (tx) => {
      // Create the stream row if new, then lock it: concurrent appends to one stream queue here.
      await tx.query(
        `INSERT INTO event_streams (stream_id, stream_type, trial_id, version) VALUES ($1, $2, $3, 0)
         ON CONFLICT (stream_id) DO NOTHING`,
        [request.streamId, request.streamType, request.trialId ?? null],
      );
      const [stream] = (await tx.query(`SELECT version FROM event_streams WHERE stream_id = $1 FOR UPDATE`, [request.streamId])) as { version: string }[];
      const actualVersion = Number(stream?.version ?? 0);

      const replayed = await this.previouslyAppended(tx, request);
      if (replayed) return replayed;
      if (actualVersion !== request.expectedVersion) {
        throw new StreamVersionConflictError(request.streamId, request.expectedVersion, actualVersion);
      }

      const events = request.events;
      await tx.query(
        `INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at)
         SELECT $1, $2::bigint + ordinality, e.event_id, e.event_type, e.schema_version, e.data, e.metadata, e.occurred_at
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
              WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, occurred_at, ordinality)`,
        [
          request.streamId,
          request.expectedVersion,
          events.map((e) => e.eventId),
          events.map((e) => e.eventType),
          events.map((e) => e.schemaVersion),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          events.map((e) => e.occurredAt),
        ],
      );
      const streamVersion = request.expectedVersion + events.length;
      await tx.query(`UPDATE event_streams SET version = $2, updated_at = now() WHERE stream_id = $1`, [request.streamId, streamVersion]);
      await tx.query(`SELECT pg_notify($1, $2)`, [EVENTS_APPENDED_CHANNEL, request.streamId]);
      return { streamVersion, alreadyAppended: false };
    });
  }

  /**
   * A retry of an append that committed but whose acknowledgement was lost finds its own event ids at the
   * positions it asked for: that is success, not a conflict. Any other reuse of an id is an error.
   */
  private async previouslyAppended(tx: EntityManager, request: AppendRequest): Promise<AppendResult | undefined> {
    const ids = request.events.map((e) => e.eventId);
    const rows = (await tx.query(`SELECT event_id, stream_id, stream_position FROM events WHERE event_id = ANY($1::uuid[])`, [ids])) as {
      event_id: string;
      stream_id: string;
      stream_position: string;
    }[];
    if (rows.length === 0) return undefined;
    const sameAppend =
      rows.length === ids.length &&
      rows.every((r) => r.stream_id === request.streamId && Number(r.stream_position) === request.expectedVersion + 1 + ids.indexOf(r.event_id));
    if (!sameAppend) throw new EventIdReuseError(request.streamId, rows.map((r) => r.event_id));
    return { streamVersion: request.expectedVersion + ids.length, alreadyAppended: true };
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_position`,
      [streamId],
    )) as StoredEventRow[];
    return rows.map(toStoredEvent);
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT version FROM event_streams WHERE stream_id = $1`, [streamId])) as { version: string }[];
    return Number(row?.version ?? 0);
  }
}
