import type { DataSource, EntityManager } from 'typeorm';
import type { AppendRequest, AppendResult } from './append/append-request.js';
import { prepareAppend } from './append/prepare-append.js';
import { announceEventsAppended } from './appended-signal.js';
import { EventIdReuseError, StreamVersionConflictError } from './errors.js';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from './stored-event.js';

export type { AppendRequest, AppendResult, NewEvent, RequiredEventMetadata } from './append/append-request.js';

/** Channel projectors LISTEN on: a NOTIFY here wakes them (appends in process wake them without it). */
export const EVENTS_APPENDED_CHANNEL = 'trialflow_events_appended';

const APPEND_SQL = 'SELECT outcome, stream_version, conflicting_ids FROM trialflow_append_events($1, $2, $3, $4, $5)';

interface AppendOutcome {
  outcome: 'appended' | 'already-appended' | 'conflict' | 'event-id-reuse';
  stream_version: string | null;
  conflicting_ids: string[] | null;
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** Minimal view of the pg pool under TypeORM's PostgreSQL driver: the hot path skips the query-runner layer. */
interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

export interface ReadStreamOptions {
  /** First position to read (1-based, inclusive). */
  readonly fromPosition?: number;
  /** Last position to read (inclusive). */
  readonly toPosition?: number;
}

/**
 * Write path and stream reads, in raw SQL. An append is one call of the append function (migration
 * 1763700002000): one round trip, atomic, idempotent by event id, guarded by the expected version, and
 * hash-chained under the stream's row lock. See libs/event-store/README.md.
 */
export class PostgresEventStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The driver's pool exists once the data source is initialised; without it, TypeORM's query path. */
  private get pool(): PgPool | undefined {
    const driver = this.dataSource.driver as unknown as { master?: PgPool };
    return typeof driver.master?.query === 'function' ? driver.master : undefined;
  }

  /** Appends in its own transaction (autocommit of the single statement). */
  async append(request: AppendRequest): Promise<AppendResult> {
    const params = this.paramsOf(request);
    const pool = this.pool;
    const rows = pool
      ? (await pool.query({ name: 'trialflow_append_events', text: APPEND_SQL, values: params }).catch(this.translate(request))).rows
      : await this.dataSource.query(APPEND_SQL, params).catch(this.translate(request));
    const result = this.resultOf(request, (rows as AppendOutcome[])[0]);
    if (!result.alreadyAppended) announceEventsAppended(request.streamId);
    return result;
  }

  /**
   * Appends inside the caller's transaction (e.g. with an outbox row). The stream row stays locked until that
   * transaction ends: keep it short. Events become visible to the feed when it commits; projectors see them
   * at their next poll (or call `announceEventsAppended` after the commit).
   */
  async appendWithin(manager: EntityManager, request: AppendRequest): Promise<AppendResult> {
    const rows = (await manager.query(APPEND_SQL, this.paramsOf(request)).catch(this.translate(request))) as AppendOutcome[];
    return this.resultOf(request, rows[0]);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND stream_position >= $2 AND stream_position <= $3 ORDER BY stream_position`,
      [streamId, options.fromPosition ?? 1, options.toPosition ?? Number.MAX_SAFE_INTEGER],
    )) as StoredEventRow[];
    return rows.map(toStoredEvent);
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT version FROM event_streams WHERE stream_id = $1`, [streamId])) as { version: string }[];
    return Number(row?.version ?? 0);
  }

  private paramsOf(request: AppendRequest): unknown[] {
    return [request.streamId, request.streamType, request.trialId ?? null, request.expectedVersion, prepareAppend(request)];
  }

  private resultOf(request: AppendRequest, row: AppendOutcome | undefined): AppendResult {
    const version = Number(row?.stream_version ?? 0);
    switch (row?.outcome) {
      case 'appended':
        return { streamVersion: version, alreadyAppended: false };
      case 'already-appended':
        return { streamVersion: version, alreadyAppended: true };
      case 'conflict':
        throw new StreamVersionConflictError(request.streamId, request.expectedVersion, version);
      case 'event-id-reuse':
        throw new EventIdReuseError(request.streamId, row.conflicting_ids ?? []);
      default:
        throw new Error(`append to ${request.streamId}: unexpected answer ${JSON.stringify(row)}`);
    }
  }

  /** An id already stored in another stream surfaces as the unique index's violation: same meaning, same error. */
  private translate(request: AppendRequest) {
    return (error: unknown): never => {
      const pg = error as PgError;
      if (pg.code === '23505' && pg.constraint === 'events_event_id_key') {
        const id = /\(event_id\)=\(([^)]+)\)/.exec(pg.detail ?? '')?.[1];
        throw new EventIdReuseError(request.streamId, id ? [id] : request.events.map((e) => e.eventId));
      }
      throw error;
    };
  }
}
