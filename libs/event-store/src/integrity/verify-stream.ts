import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH, canonicalBody, chainHash } from '../hash-chain.js';

export type BrokenLinkReason =
  /** A position is missing: an event was removed from the middle of the stream. */
  | 'POSITION_GAP'
  /** The event does not point at the stored hash of its predecessor: the predecessor was altered or replaced. */
  | 'PREVIOUS_HASH_MISMATCH'
  /** The event's content, position or recording time is not what was hashed when it was appended. */
  | 'HASH_MISMATCH'
  /** The stream's head (version, last hash) does not match its last event: events removed from or added at the end. */
  | 'HEAD_MISMATCH'
  /** The event at an externally kept anchor (position and hash) is no longer the one anchored. */
  | 'ANCHOR_MISMATCH'
  /** Events exist for a stream that has no stream row. */
  | 'MISSING_STREAM_ROW';

export interface BrokenLink {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number | null;
  readonly eventId: string | null;
  readonly reason: BrokenLinkReason;
  readonly expected: string;
  readonly found: string;
}

export interface StreamVerification {
  readonly streamId: string;
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly version: number;
  /** The hash of the last event: note it down (an anchor) to detect a later rewrite of the whole stream. */
  readonly headHash: string;
  readonly firstBrokenLink: BrokenLink | null;
}

export interface ChainAnchor {
  readonly streamPosition: number;
  readonly hash: string;
}

interface ChainedRow {
  stream_id: string;
  stream_position: string;
  global_position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  occurred_at: Date;
  recorded_at: Date;
  hash: string;
  previous_hash: string;
}

interface HeadRow {
  stream_id: string;
  version: string;
  last_hash: string;
}

type Db = DataSource | EntityManager;

const CHAINED_COLUMNS = `stream_id, stream_position, global_position, event_id, event_type, schema_version, data, metadata,
  occurred_at, recorded_at, hash, previous_hash`;

/** Recomputes a stream's hash chain from its stored rows and reports the first broken link, if any. */
export async function verifyStream(db: Db, streamId: string, anchor?: ChainAnchor): Promise<StreamVerification> {
  const [head] = (await db.query(`SELECT stream_id, version, last_hash FROM event_streams WHERE stream_id = $1`, [streamId])) as HeadRow[];
  const rows = (await db.query(`SELECT ${CHAINED_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_position`, [streamId])) as ChainedRow[];
  return verifyRows(streamId, head, rows, anchor);
}

export interface StoreVerification {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** Only the streams with a broken link. */
  readonly broken: readonly StreamVerification[];
}

/** Verifies every stream, a page of streams at a time, and looks for events whose stream row has gone. */
export async function verifyAll(db: Db, options: { pageSize?: number } = {}): Promise<StoreVerification> {
  const pageSize = options.pageSize ?? 500;
  const broken: StreamVerification[] = [];
  let streamsChecked = 0;
  let eventsChecked = 0;
  for (let after = ''; ; ) {
    const heads = (await db.query(`SELECT stream_id, version, last_hash FROM event_streams WHERE stream_id > $1 ORDER BY stream_id LIMIT $2`, [after, pageSize])) as HeadRow[];
    if (heads.length === 0) break;
    const ids = heads.map((h) => h.stream_id);
    const rows = (await db.query(`SELECT ${CHAINED_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_position`, [ids])) as ChainedRow[];
    const byStream = new Map<string, ChainedRow[]>(ids.map((id) => [id, []]));
    for (const row of rows) byStream.get(row.stream_id)?.push(row);
    for (const head of heads) {
      const result = verifyRows(head.stream_id, head, byStream.get(head.stream_id) ?? []);
      streamsChecked += 1;
      eventsChecked += result.eventsChecked;
      if (!result.ok) broken.push(result);
    }
    after = ids.at(-1)!;
  }
  const orphans = (await db.query(
    `SELECT e.stream_id, min(e.stream_position) AS stream_position FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM event_streams s WHERE s.stream_id = e.stream_id) GROUP BY e.stream_id ORDER BY e.stream_id`,
  )) as { stream_id: string; stream_position: string }[];
  for (const orphan of orphans) {
    const link: BrokenLink = { streamId: orphan.stream_id, streamPosition: Number(orphan.stream_position), globalPosition: null, eventId: null, reason: 'MISSING_STREAM_ROW', expected: 'a stream row', found: 'none' };
    broken.push({ streamId: orphan.stream_id, ok: false, eventsChecked: 0, version: 0, headHash: GENESIS_HASH, firstBrokenLink: link });
  }
  return { ok: broken.length === 0, streamsChecked, eventsChecked, broken };
}

function verifyRows(streamId: string, head: HeadRow | undefined, rows: readonly ChainedRow[], anchor?: ChainAnchor): StreamVerification {
  let previous = GENESIS_HASH;
  let checked = 0;
  const broken = (row: ChainedRow | undefined, position: number, reason: BrokenLinkReason, expected: string, found: string): StreamVerification => ({
    streamId,
    ok: false,
    eventsChecked: checked,
    version: Number(head?.version ?? 0),
    headHash: head?.last_hash ?? GENESIS_HASH,
    firstBrokenLink: { streamId, streamPosition: position, globalPosition: row ? Number(row.global_position) : null, eventId: row?.event_id ?? null, reason, expected, found },
  });
  if (!head && rows.length > 0) return broken(rows[0], Number(rows[0]!.stream_position), 'MISSING_STREAM_ROW', 'a stream row', 'none');
  for (const row of rows) {
    const position = checked + 1;
    if (Number(row.stream_position) !== position) return broken(row, position, 'POSITION_GAP', `position ${position}`, `position ${row.stream_position}`);
    if (row.previous_hash !== previous) return broken(row, position, 'PREVIOUS_HASH_MISMATCH', previous, row.previous_hash);
    const body = canonicalBody({
      streamId: row.stream_id,
      streamPosition: position,
      eventId: row.event_id,
      eventType: row.event_type,
      schemaVersion: row.schema_version,
      occurredAt: row.occurred_at.toISOString(),
      data: row.data,
      metadata: row.metadata,
    });
    const recomputed = chainHash(row.previous_hash, row.recorded_at.toISOString(), body);
    if (recomputed !== row.hash) return broken(row, position, 'HASH_MISMATCH', recomputed, row.hash);
    if (anchor && anchor.streamPosition === position && anchor.hash !== row.hash) return broken(row, position, 'ANCHOR_MISMATCH', anchor.hash, row.hash);
    previous = row.hash;
    checked += 1;
  }
  const last = rows.at(-1);
  if (anchor && anchor.streamPosition > checked) return broken(undefined, anchor.streamPosition, 'ANCHOR_MISMATCH', anchor.hash, 'no such event');
  if (head && (Number(head.version) !== checked || head.last_hash !== previous)) {
    return broken(last, checked, 'HEAD_MISMATCH', `version ${checked}, hash ${previous}`, `version ${head.version}, hash ${head.last_hash}`);
  }
  return { streamId, ok: true, eventsChecked: checked, version: checked, headHash: previous, firstBrokenLink: null };
}
