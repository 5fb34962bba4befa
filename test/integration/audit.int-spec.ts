import { AuditTrail, createTrialflowDataSource } from '@trialflow/read-models';
import { PostgresEventStore, canonicalBody, chainHash, migrateWithLock } from '@trialflow/event-store';
import type { DataSource } from 'typeorm';
import { appendsOf, eventfulJourney } from '../support/journeys.js';
import { newEvent, testStream } from '../support/store-fixtures.js';
import { createTestDatabase } from '../support/test-database.js';

let dataSource: DataSource;
let store: PostgresEventStore;
let audit: AuditTrail;
const journey = eventfulJourney();
let beforeCorrection: Date;

/** Waits until the clock has passed an instant, so instants taken around appends are strictly ordered. */
async function clockPast(instant: number): Promise<Date> {
  while (Date.now() <= instant + 1) await new Promise((r) => setTimeout(r, 2));
  return new Date();
}

beforeAll(async () => {
  dataSource = createTrialflowDataSource(await createTestDatabase('audit'));
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  store = new PostgresEventStore(dataSource);
  audit = new AuditTrail(dataSource);
  const appends = appendsOf(journey);
  const correction = appends.findIndex((a) => a.events.some((e) => e.eventType === 'EntryCorrected'));
  for (const request of appends.slice(0, correction)) await store.append(request);
  const [last] = await store.readStream(journey.streamId, { fromPosition: appends[correction]!.expectedVersion });
  beforeCorrection = await clockPast(Date.parse(last!.recordedAt));
  await clockPast(beforeCorrection.getTime());
  for (const request of appends.slice(correction)) await store.append(request);
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** As a superuser would: lift the trigger for one transaction and change stored rows. */
async function tamper(...statements: [string, unknown[]][]): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await tx.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    for (const [sql, params] of statements) await tx.query(sql, params);
    await tx.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
  });
}

const positionOf = async (streamId: string, type: string, entryId?: string) =>
  (await store.readStream(streamId)).find((e) => e.eventType === type && (entryId === undefined || e.data.entryId === entryId))!.streamPosition;

describe('timeline', () => {
  it('lists every event with who, what, when and why, and a correction with previous and new values side by side', async () => {
    const entries = await audit.timeline(journey.streamId);
    expect(entries).toHaveLength(journey.recorded.length);
    expect(entries.map((e) => e.streamPosition)).toEqual(journey.recorded.map((_, i) => i + 1));
    const aePosition = await positionOf(journey.streamId, 'AdverseEventReported', 'ae-neutropenia');
    const correction = entries.find((e) => e.type === 'EntryCorrected' && e.correction?.entryId === 'ae-neutropenia')!;
    expect(correction).toMatchObject({
      who: { actorId: 'coord-1', role: 'coordinator', siteId: 'DEMO-01' },
      why: 'Lab value re-read: grade 2',
      correction: { entryType: 'AdverseEventReported', correctsPosition: aePosition, changes: [{ field: 'grade', previous: 3, corrected: 2 }] },
    });
    expect(correction.commandId).toEqual(expect.any(String));
    expect(Date.parse(correction.recordedAt)).toBeGreaterThan(beforeCorrection.getTime());
    expect(entries[aePosition - 1]).toMatchObject({ type: 'AdverseEventReported', data: { grade: 3 }, correctedBy: [correction.streamPosition] });

    const voided = entries.find((e) => e.type === 'UnscheduledVisitRecorded')!;
    const voiding = entries.find((e) => e.type === 'EntryVoided')!;
    expect(voiding).toMatchObject({ why: 'Recorded on the wrong participant', voiding: { entryId: 'unscheduled-1', voidsPosition: voided.streamPosition } });
    expect(voided.voidedBy).toBe(voiding.streamPosition);
    expect(entries.find((e) => e.type === 'DltAdjudicated')).toMatchObject({ who: { actorId: 'inv-1', role: 'investigator' }, why: 'Resolved with antibiotics in 3 days' });
    expect(entries.find((e) => e.type === 'ReminderDue')).toMatchObject({ who: { actorId: 'trialflow-orchestrator', role: 'system' } });
  });
});

describe('state as of an instant', () => {
  it('by recorded time: what the record said then (the AE still grade 3 before its correction was recorded)', async () => {
    const then = await audit.stateAsOf(journey.streamId, beforeCorrection, 'recorded');
    const correctionPosition = await positionOf(journey.streamId, 'EntryCorrected', 'ae-neutropenia');
    expect(then.positions).toEqual(Array.from({ length: correctionPosition - 1 }, (_, i) => i + 1));
    expect(then.state.adverseEvents.find((ae) => ae.entryId === 'ae-neutropenia')?.grade).toBe(3);
    expect(then.currentVersion).toBe(journey.recorded.length);
    const now = await audit.stateAsOf(journey.streamId, new Date(), 'recorded');
    expect(now.state).toEqual(journey.state);
    expect(await audit.stateAsOf(journey.streamId, new Date('2020-01-01T00:00:00Z'), 'recorded')).toMatchObject({ positions: [], state: { phase: 'UNREGISTERED' } });
  });

  it('by clinical time: what had happened at the site then, as known now (the correction restates the AE)', async () => {
    const infusion = journey.state.infusion!;
    const beforeInfusion = await audit.stateAsOf(journey.streamId, new Date(Date.parse(infusion.completedAt) - 60_000), 'clinical');
    expect(beforeInfusion.state.phase).toBe('AWAITING_INFUSION');
    expect(beforeInfusion.state.infusion).toBeUndefined();
    expect(beforeInfusion.summary.phase).toBe('AWAITING_INFUSION');
    const dayTwo = await audit.stateAsOf(journey.streamId, new Date(Date.parse(infusion.completedAt) + 2 * 86_400_000), 'clinical');
    expect(dayTwo.state.phase).toBe('DLT_WINDOW');
    expect(dayTwo.state.adverseEvents.find((ae) => ae.entryId === 'ae-neutropenia')?.grade).toBe(2);
    expect(dayTwo.state.visits).toEqual([]);
    expect(dayTwo.positions).toContain(await positionOf(journey.streamId, 'EntryCorrected', 'ae-neutropenia'));
  });
});

describe('hash chain verification', () => {
  const appendTo = async (streamId: string, count: number) => {
    for (let v = 0; v < count; v += 1) await store.append({ streamId, streamType: 'test', expectedVersion: v, events: [newEvent('Step', { v })] });
  };

  it('passes for untouched streams, and reports the first broken link when a superuser alters an event', async () => {
    expect(await audit.verifyStream(journey.streamId)).toMatchObject({ ok: true, eventsChecked: journey.recorded.length, firstBrokenLink: null });
    expect(await audit.verifyAll()).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: journey.recorded.length, broken: [] });
    const position = await positionOf(journey.streamId, 'AdverseEventReported', 'ae-neutropenia');
    await tamper([`UPDATE events SET data = jsonb_set(data, '{grade}', '1') WHERE stream_id = $1 AND stream_position = $2`, [journey.streamId, position]]);
    const result = await audit.verifyStream(journey.streamId);
    expect(result).toMatchObject({ ok: false, eventsChecked: position - 1, firstBrokenLink: { streamPosition: position, reason: 'HASH_MISMATCH' } });
    expect(result.firstBrokenLink!.globalPosition).toEqual(expect.any(Number));
    const all = await audit.verifyAll();
    expect(all.ok).toBe(false);
    expect(all.broken.map((b) => [b.streamId, b.firstBrokenLink?.streamPosition])).toEqual([[journey.streamId, position]]);
  });

  it('catches an altered event whose own hash was recomputed: the next event no longer points at it, nor hashes right if re-pointed', async () => {
    const streamId = testStream();
    await appendTo(streamId, 5);
    const [row] = await dataSource.query(`SELECT * FROM events WHERE stream_id = $1 AND stream_position = 3`, [streamId]);
    const forged = chainHash(row.previous_hash, row.recorded_at.toISOString(), canonicalBody({ streamId, streamPosition: 3, eventId: row.event_id, eventType: row.event_type, schemaVersion: 1, occurredAt: row.occurred_at.toISOString(), data: { v: 99 }, metadata: row.metadata }));
    await tamper([`UPDATE events SET data = '{"v": 99}', hash = $2 WHERE stream_id = $1 AND stream_position = 3`, [streamId, forged]]);
    expect((await audit.verifyStream(streamId)).firstBrokenLink).toMatchObject({ streamPosition: 4, reason: 'PREVIOUS_HASH_MISMATCH', expected: forged });
    await tamper([`UPDATE events SET previous_hash = $2 WHERE stream_id = $1 AND stream_position = 4`, [streamId, forged]]);
    expect((await audit.verifyStream(streamId)).firstBrokenLink).toMatchObject({ streamPosition: 4, reason: 'HASH_MISMATCH' });
  });

  it('catches an event removed from the middle or the end of a stream', async () => {
    const [middle, end] = [testStream(), testStream()];
    await appendTo(middle, 4);
    await appendTo(end, 4);
    await tamper([`DELETE FROM events WHERE stream_id = $1 AND stream_position = 2`, [middle]], [`DELETE FROM events WHERE stream_id = $1 AND stream_position = 4`, [end]]);
    expect((await audit.verifyStream(middle)).firstBrokenLink).toMatchObject({ streamPosition: 2, reason: 'POSITION_GAP' });
    expect((await audit.verifyStream(end)).firstBrokenLink).toMatchObject({ streamPosition: 3, reason: 'HEAD_MISMATCH' });
  });

  it('catches even a consistent rewrite of a whole stream against a head hash noted down earlier (an anchor)', async () => {
    const streamId = testStream();
    await appendTo(streamId, 3);
    const anchor = await audit.verifyStream(streamId);
    let previous = '0'.repeat(64);
    const rows = await dataSource.query(`SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_position`, [streamId]);
    const statements: [string, unknown[]][] = [];
    for (const row of rows) {
      const data = row.stream_position === '2' ? { v: 'rewritten' } : row.data;
      const hash = chainHash(previous, row.recorded_at.toISOString(), canonicalBody({ streamId, streamPosition: Number(row.stream_position), eventId: row.event_id, eventType: row.event_type, schemaVersion: 1, occurredAt: row.occurred_at.toISOString(), data, metadata: row.metadata }));
      statements.push([`UPDATE events SET data = $3, hash = $4, previous_hash = $5 WHERE stream_id = $1 AND stream_position = $2`, [streamId, row.stream_position, data, hash, previous]]);
      previous = hash;
    }
    statements.push([`UPDATE event_streams SET last_hash = $2 WHERE stream_id = $1`, [streamId, previous]]);
    await tamper(...statements);
    expect((await audit.verifyStream(streamId)).ok).toBe(true); // the chain alone cannot see a complete rewrite…
    expect((await audit.verifyStream(streamId, { streamPosition: 3, hash: anchor.headHash })).firstBrokenLink).toMatchObject({ streamPosition: 3, reason: 'ANCHOR_MISMATCH' });
  });
});
