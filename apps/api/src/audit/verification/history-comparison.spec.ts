import type { StoredEvent } from '@trialflow/event-store';
import { smallJourney } from '../../../../../libs/read-models/src/testing/stored-journey.js';
import { compareStoreWithHistory, type HistoryAppend, type RunHistory } from './history-comparison.js';

const journey = smallJourney();
const stored = journey.stored;

/** The append activity the journey would have scheduled for these stored events (AppendEventsInput). */
const append = (events: readonly StoredEvent[], outcome: HistoryAppend['outcome'] = 'COMPLETED', runId = 'run-1', streamId = journey.streamId): HistoryAppend => ({
  runId,
  scheduledEventId: events[0]!.streamPosition * 10,
  outcome,
  input: {
    streamId,
    streamType: 'participant',
    trialId: 'ucart-cd19-bcma',
    expectedVersion: events[0]!.streamPosition - 1,
    events: events.map((e) => ({ eventId: e.eventId, event: { type: e.eventType, schemaVersion: e.schemaVersion, occurredAt: e.occurredAt, data: e.data }, metadata: e.metadata })),
  },
});
const run = (runId: string, ...appends: HistoryAppend[]): RunHistory => ({ runId, found: true, appends });
/** Two runs (continue-as-new after the third event), appends of one and of several events. */
const faithful = (): RunHistory[] => [run('run-1', append(stored.slice(0, 1)), append(stored.slice(1, 3))), run('run-2', append(stored.slice(3, 5), 'COMPLETED', 'run-2'), append(stored.slice(5), 'COMPLETED', 'run-2'))];
const tampered = (position: number, change: (e: StoredEvent) => StoredEvent): StoredEvent[] => stored.map((e) => (e.streamPosition === position ? change(e) : e));

describe('compareStoreWithHistory', () => {
  it('matches every stored event with the history of all runs', () => {
    const result = compareStoreWithHistory(journey.streamId, stored, faithful());
    expect(result).toMatchObject({ ok: true, complete: true, counts: { MATCH: 7, DIFFERENT: 0, MISSING_IN_STORE: 0, MISSING_IN_HISTORY: 0 } });
    expect(result.events.map((e) => [e.streamPosition, e.status, e.runId])).toEqual(stored.map((e) => [e.streamPosition, 'MATCH', e.streamPosition <= 3 ? 'run-1' : 'run-2']));
    expect(result.runs).toEqual([{ runId: 'run-1', found: true, appends: 2 }, { runId: 'run-2', found: true, appends: 2 }]);
  });

  it('reports a stored event whose data, clinical time or metadata was altered, naming the fields and both values', () => {
    const altered = tampered(4, (e) => ({ ...e, data: { ...e.data, changes: { grade: { previous: 2, corrected: 3 } } }, occurredAt: '2026-03-01T00:00:00.000Z', metadata: { ...e.metadata, reason: 'forged' } }));
    const result = compareStoreWithHistory(journey.streamId, altered, faithful());
    expect(result.ok).toBe(false);
    const entry = result.events.find((e) => e.streamPosition === 4)!;
    expect(entry.status).toBe('DIFFERENT');
    expect(entry.differences!.map((d) => d.field)).toEqual(['data', 'occurredAt', 'metadata']);
    expect(entry.differences!.find((d) => d.field === 'occurredAt')).toEqual({ field: 'occurredAt', store: '2026-03-01T00:00:00.000Z', history: stored[3]!.occurredAt });
    expect(result.counts).toMatchObject({ MATCH: 6, DIFFERENT: 1 });
  });

  it('reports a changed type or a moved position, and takes key order and instant notation as the same', () => {
    const reordered = tampered(2, (e) => ({ ...e, eventType: 'ConsentWithdrawn', streamPosition: 9 }));
    expect(compareStoreWithHistory(journey.streamId, reordered, faithful()).events.find((e) => e.eventId === stored[1]!.eventId)!.differences!.map((d) => d.field)).toEqual(['type', 'streamPosition']);
    const rewritten = tampered(1, (e) => ({ ...e, data: Object.fromEntries(Object.entries(e.data).reverse()), occurredAt: e.occurredAt.replace('.000Z', 'Z') }));
    expect(compareStoreWithHistory(journey.streamId, rewritten, faithful()).ok).toBe(true);
  });

  it('reports an event appended in the history but gone from the store, and one in the store that no run appended', () => {
    const withoutVoid = stored.filter((e) => e.eventType !== 'EntryVoided');
    const extra: StoredEvent = { ...stored[6]!, eventId: '00000000-0000-4000-8000-000000000099', streamPosition: 8 };
    const result = compareStoreWithHistory(journey.streamId, [...withoutVoid, extra], faithful());
    expect(result.ok).toBe(false);
    expect(result.events.filter((e) => e.status !== 'MATCH').map((e) => [e.status, e.streamPosition, e.type])).toEqual([
      ['MISSING_IN_HISTORY', 8, 'Withdrawn'],
      ['MISSING_IN_STORE', 6, 'EntryVoided'],
    ]);
  });

  it('counts an append still in flight as not yet stored, and a refused one as missing, not as a match', () => {
    const history = [run('run-1', append(stored.slice(0, 5)), append(stored.slice(5, 6), 'FAILED'), append(stored.slice(6), 'PENDING'))];
    const result = compareStoreWithHistory(journey.streamId, stored.slice(0, 5), history);
    expect(result.events.slice(5).map((e) => [e.streamPosition, e.status])).toEqual([
      [6, 'MISSING_IN_STORE'],
      [7, 'NOT_YET_STORED'],
    ]);
    expect(compareStoreWithHistory(journey.streamId, stored.slice(0, 5), [run('run-1', append(stored.slice(0, 5)), append(stored.slice(5), 'PENDING'))])).toMatchObject({ ok: true, counts: { NOT_YET_STORED: 2 } });
  });

  it('prefers the completed append of an event over an earlier refused one', () => {
    const history = [run('run-1', append(stored.slice(0, 6)), append(stored.slice(6), 'FAILED'), append(stored.slice(6), 'COMPLETED'))];
    expect(compareStoreWithHistory(journey.streamId, stored, history)).toMatchObject({ ok: true, counts: { MATCH: 7 } });
  });

  it('marks events of a run whose history is gone as unavailable: no discrepancy, but not complete', () => {
    const retained = [{ runId: 'run-1', found: false, appends: [] }];
    const result = compareStoreWithHistory(journey.streamId, stored, retained);
    expect(result).toMatchObject({ ok: true, complete: false, counts: { HISTORY_UNAVAILABLE: 7 } });
  });

  it("ignores appends to another stream and inputs that are not an append's shape", () => {
    const noise: HistoryAppend[] = [append(stored, 'COMPLETED', 'run-1', 'participant-someone-else'), { runId: 'run-1', scheduledEventId: 1, outcome: 'COMPLETED', input: 'garbage' }, { runId: 'run-1', scheduledEventId: 2, outcome: 'COMPLETED', input: { streamId: journey.streamId, events: [null, 7] } }];
    const result = compareStoreWithHistory(journey.streamId, stored, [run('run-1', ...noise)]);
    expect(result).toMatchObject({ ok: false, counts: { MISSING_IN_HISTORY: 7 } });
  });
});
