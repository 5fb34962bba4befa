import { InvalidAppendError } from '../errors.js';
import { canonicalBody } from '../hash-chain.js';
import type { AppendRequest } from './append-request.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const MAX_EVENTS_PER_APPEND = 10_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function asJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as unknown;
  } catch {
    return undefined; // BigInt or a cycle: not representable, reported as a problem below
  }
}

function metadataProblems(metadata: unknown, at: string): string[] {
  if (!isObject(metadata) || !isObject(asJson(metadata))) return [`${at}.metadata must be a JSON object`];
  const problems: string[] = [];
  const actor = metadata.actor;
  if (!isObject(actor) || !isText(actor.id) || !isText(actor.role)) problems.push(`${at}.metadata.actor needs an id and a role`);
  for (const key of ['commandId', 'correlationId', 'causationId'] as const) {
    if (!isText(metadata[key])) problems.push(`${at}.metadata.${key} is required`);
  }
  if (metadata.reason !== undefined && typeof metadata.reason !== 'string') problems.push(`${at}.metadata.reason must be text`);
  return problems;
}

/**
 * Validates an append and turns each event into its canonical body (hash-chain.ts), one per line. The body is
 * the only thing sent to the append function: PostgreSQL stores the columns it parses out of it and hashes
 * the very same text, so what is hashed is exactly what is stored. Data and metadata go through a JSON round
 * trip first (dropping `undefined`, turning dates into strings), as they will when read back.
 */
export function prepareAppend(request: AppendRequest): string {
  const problems: string[] = [];
  if (!isText(request.streamId)) problems.push('streamId is required');
  if (!isText(request.streamType)) problems.push('streamType is required');
  if (!Number.isSafeInteger(request.expectedVersion) || request.expectedVersion < 0) problems.push('expectedVersion must be a whole number ≥ 0');
  if (request.events.length === 0) problems.push('append needs at least one event');
  if (request.events.length > MAX_EVENTS_PER_APPEND) problems.push(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  const seen = new Set<string>();
  const bodies = request.events.map((event, i) => {
    const at = `events[${i}]`;
    const eventId = typeof event.eventId === 'string' ? event.eventId.toLowerCase() : '';
    if (!UUID.test(eventId)) problems.push(`${at}.eventId must be a UUID`);
    else if (seen.has(eventId)) problems.push(`${at}.eventId appears twice in the append`);
    seen.add(eventId);
    if (!isText(event.eventType)) problems.push(`${at}.eventType is required`);
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) problems.push(`${at}.schemaVersion must be a whole number ≥ 1`);
    const occurred = typeof event.occurredAt === 'string' && ISO_INSTANT.test(event.occurredAt) ? new Date(event.occurredAt) : undefined;
    if (!occurred || Number.isNaN(occurred.getTime()) || occurred.getUTCFullYear() > 9999) problems.push(`${at}.occurredAt must be an ISO 8601 instant`);
    const data = asJson(event.data);
    if (!isObject(data)) problems.push(`${at}.data must be an object`);
    problems.push(...metadataProblems(event.metadata, at));
    if (problems.length > 0) return '';
    return canonicalBody({
      streamId: request.streamId,
      streamPosition: request.expectedVersion + i + 1,
      eventId,
      eventType: event.eventType,
      schemaVersion: event.schemaVersion,
      occurredAt: occurred!.toISOString(),
      data,
      metadata: asJson(event.metadata),
    });
  });
  if (problems.length > 0) throw new InvalidAppendError(request.streamId, problems);
  return bodies.join('\n');
}
