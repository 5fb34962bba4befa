import { createHash } from 'node:crypto';
import { canonicalJson } from '@trialflow/domain';

/**
 * The per-stream hash chain (libs/event-store/README.md, "Hash chain"). Each event's hash is
 *
 *   SHA-256( "trialflow.event.v1" LF previousHash LF recordedAt LF body )   as lowercase hex
 *
 * over UTF-8, where `previousHash` is the hash of the stream's previous event (GENESIS_HASH for the first),
 * `recordedAt` is the store's recording instant in UTC with millisecond precision (`2026-05-01T08:00:00.000Z`)
 * and `body` is the canonical JSON (sorted keys, no whitespace) of the event's content below. The append
 * function in PostgreSQL computes the same string under the stream's row lock; verification recomputes it
 * here from the stored row. The version tag means a future encoding is a new tag, never a silent change.
 */
export const HASH_CHAIN_VERSION = 'trialflow.event.v1';
export const GENESIS_HASH = '0'.repeat(64);

/** What the chain protects besides the recording time and the link to the previous event. */
export interface ChainedContent {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** The canonical body. It never contains a line feed (JSON escapes it), so bodies travel as NDJSON. */
export const canonicalBody = (content: ChainedContent): string =>
  canonicalJson({
    streamId: content.streamId,
    streamPosition: content.streamPosition,
    eventId: content.eventId,
    eventType: content.eventType,
    schemaVersion: content.schemaVersion,
    occurredAt: content.occurredAt,
    data: content.data,
    metadata: content.metadata,
  });

export const chainHash = (previousHash: string, recordedAt: string, body: string): string =>
  createHash('sha256').update(`${HASH_CHAIN_VERSION}\n${previousHash}\n${recordedAt}\n${body}`, 'utf8').digest('hex');
