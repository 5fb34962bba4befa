import { canonicalJson } from '@trialflow/domain';
import type { StoredEvent } from '@trialflow/event-store';

/** One `appendEvents` activity scheduled by a run of the journey, its input decoded from the run's history. */
export interface HistoryAppend {
  readonly runId: string;
  /** The ActivityTaskScheduled event's id in the run's history. */
  readonly scheduledEventId: number;
  /** COMPLETED: the store answered; PENDING: still running or retrying; FAILED: refused for good (or timed out, cancelled). */
  readonly outcome: 'COMPLETED' | 'PENDING' | 'FAILED';
  /** The activity's input (AppendEventsInput) as recorded; checked here, never trusted to have that shape. */
  readonly input: unknown;
}

/** What was found of one run of the workflow: its appends, or that its history is gone (retention) or unreadable. */
export interface RunHistory {
  readonly runId: string;
  readonly found: boolean;
  readonly appends: readonly HistoryAppend[];
}

export type EventComparisonStatus =
  /** In the store and in the history, the same. */
  | 'MATCH'
  /** In the store and in the history, with a different type, schema version, data, clinical time, position or metadata. */
  | 'DIFFERENT'
  /** In the history, appended (or refused for good), but not in the store: removed from the store, or never written. */
  | 'MISSING_IN_STORE'
  /** In the store but in no append of any run of the workflow: written by something other than the journey. */
  | 'MISSING_IN_HISTORY'
  /** In the history, its append still in flight: the store lags the journey by design (write-behind). */
  | 'NOT_YET_STORED'
  /** In the store, written by a run whose history is no longer available (retention): cannot be compared. */
  | 'HISTORY_UNAVAILABLE';

export interface FieldDifference {
  readonly field: 'type' | 'schemaVersion' | 'data' | 'occurredAt' | 'streamPosition' | 'metadata';
  readonly store: unknown;
  readonly history: unknown;
}

export interface EventComparison {
  readonly eventId: string;
  /** The position in the store, else the position the history's append gave it. */
  readonly streamPosition: number | null;
  readonly type: string | null;
  readonly status: EventComparisonStatus;
  /** The run whose history recorded the event (or, for a stored event, the run its metadata names). */
  readonly runId: string | null;
  readonly differences?: readonly FieldDifference[];
}

export interface HistoryComparison {
  /** No event differs or is missing on either side (events not yet stored, or whose history is gone, excepted). */
  readonly ok: boolean;
  /** Every stored event could be compared: no run's history was missing. */
  readonly complete: boolean;
  readonly runs: readonly { readonly runId: string; readonly found: boolean; readonly appends: number }[];
  readonly counts: Readonly<Record<EventComparisonStatus, number>>;
  /** Every event of either side, in stream order (events only in the history after the stored ones). */
  readonly events: readonly EventComparison[];
}

interface HistoryEvent {
  readonly eventId: string;
  readonly streamPosition: number;
  readonly type: unknown;
  readonly schemaVersion: unknown;
  readonly occurredAt: unknown;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly runId: string;
  readonly outcome: HistoryAppend['outcome'];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The events an append's input carries, with the positions the store gives them (expected version + index + 1). */
function eventsOf(append: HistoryAppend, streamId: string): HistoryEvent[] {
  const input = append.input;
  if (!isRecord(input) || input.streamId !== streamId || !Array.isArray(input.events)) return [];
  const base = typeof input.expectedVersion === 'number' ? input.expectedVersion : Number.NaN;
  return input.events.flatMap((item: unknown, i): HistoryEvent[] => {
    if (!isRecord(item) || typeof item.eventId !== 'string') return [];
    const event = isRecord(item.event) ? item.event : {};
    return [{ eventId: item.eventId.toLowerCase(), streamPosition: base + i + 1, type: event.type, schemaVersion: event.schemaVersion, occurredAt: event.occurredAt, data: event.data, metadata: item.metadata, runId: append.runId, outcome: append.outcome }];
  });
}

/** Values as they read back from JSON, compared canonically (key order never matters). */
const same = (a: unknown, b: unknown): boolean => canonicalJson(JSON.parse(JSON.stringify(a ?? null))) === canonicalJson(JSON.parse(JSON.stringify(b ?? null)));
const sameInstant = (stored: string, history: unknown): boolean => typeof history === 'string' && !Number.isNaN(Date.parse(history)) && new Date(history).toISOString() === new Date(stored).toISOString();

function differencesOf(stored: StoredEvent, history: HistoryEvent): FieldDifference[] {
  const differences: FieldDifference[] = [];
  if (stored.eventType !== history.type) differences.push({ field: 'type', store: stored.eventType, history: history.type });
  if (stored.schemaVersion !== history.schemaVersion) differences.push({ field: 'schemaVersion', store: stored.schemaVersion, history: history.schemaVersion });
  if (!same(stored.data, history.data)) differences.push({ field: 'data', store: stored.data, history: history.data });
  if (!sameInstant(stored.occurredAt, history.occurredAt)) differences.push({ field: 'occurredAt', store: stored.occurredAt, history: history.occurredAt });
  if (stored.streamPosition !== history.streamPosition) differences.push({ field: 'streamPosition', store: stored.streamPosition, history: history.streamPosition });
  if (!same(stored.metadata, history.metadata)) differences.push({ field: 'metadata', store: stored.metadata, history: history.metadata });
  return differences;
}

const STATUSES: readonly EventComparisonStatus[] = ['MATCH', 'DIFFERENT', 'MISSING_IN_STORE', 'MISSING_IN_HISTORY', 'NOT_YET_STORED', 'HISTORY_UNAVAILABLE'];

/**
 * Compares a participant's stream in the event store with the events the journey's own Temporal history says it
 * appended (the inputs of its `appendEvents` activities, over every run of the workflow). The history is shaped
 * by code and deleted after retention, so it is a cross-check of the store, never the record itself.
 */
export function compareStoreWithHistory(streamId: string, stored: readonly StoredEvent[], runs: readonly RunHistory[]): HistoryComparison {
  // An event id appears once per append that carried it; a completed append is the one that counts.
  const history = new Map<string, HistoryEvent>();
  for (const run of runs) {
    for (const append of run.appends) {
      for (const event of eventsOf(append, streamId)) {
        const known = history.get(event.eventId);
        if (!known || (known.outcome !== 'COMPLETED' && event.outcome === 'COMPLETED')) history.set(event.eventId, event);
      }
    }
  }
  const missingRuns = new Set(runs.filter((r) => !r.found).map((r) => r.runId));
  const seen = new Set<string>();
  const events: EventComparison[] = stored.map((event): EventComparison => {
    const eventId = event.eventId.toLowerCase();
    seen.add(eventId);
    const runOfMetadata = typeof event.metadata.workflowRunId === 'string' ? event.metadata.workflowRunId : null;
    const recorded = history.get(eventId);
    const base = { eventId, streamPosition: event.streamPosition, type: event.eventType };
    if (!recorded) {
      const unavailable = runOfMetadata !== null && missingRuns.has(runOfMetadata);
      return { ...base, status: unavailable ? 'HISTORY_UNAVAILABLE' : 'MISSING_IN_HISTORY', runId: runOfMetadata };
    }
    const differences = differencesOf(event, recorded);
    return differences.length > 0 ? { ...base, status: 'DIFFERENT', runId: recorded.runId, differences } : { ...base, status: 'MATCH', runId: recorded.runId };
  });
  const onlyInHistory = [...history.values()]
    .filter((e) => !seen.has(e.eventId))
    .sort((a, b) => a.streamPosition - b.streamPosition)
    .map((e): EventComparison => ({
      eventId: e.eventId,
      streamPosition: Number.isFinite(e.streamPosition) ? e.streamPosition : null,
      type: typeof e.type === 'string' ? e.type : null,
      status: e.outcome === 'PENDING' ? 'NOT_YET_STORED' : 'MISSING_IN_STORE',
      runId: e.runId,
    }));
  const all = [...events, ...onlyInHistory];
  const counts = Object.fromEntries(STATUSES.map((s) => [s, all.filter((e) => e.status === s).length])) as Record<EventComparisonStatus, number>;
  return {
    ok: counts.DIFFERENT === 0 && counts.MISSING_IN_STORE === 0 && counts.MISSING_IN_HISTORY === 0,
    complete: counts.HISTORY_UNAVAILABLE === 0 && missingRuns.size === 0,
    runs: runs.map((r) => ({ runId: r.runId, found: r.found, appends: r.appends.length })),
    counts,
    events: all,
  };
}
