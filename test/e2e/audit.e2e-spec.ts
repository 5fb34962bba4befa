import { randomUUID } from 'node:crypto';
import { auditedJourney, fetchAs, type AuditedJourney } from '../support/audited-journey.js';
import { HttpJourney } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;
let audited: AuditedJourney;
/** A participant of DEMO-02: the `.a` users (DEMO-01, CN-BJ-GB) must not see it. */
let otherSite: HttpJourney;

beforeAll(async () => {
  system = await startSystem();
  audited = await auditedJourney(system);
  otherSite = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-02', 'coordinator.b', 'investigator.b');
  await otherSite.register();
});

afterAll(async () => {
  await system?.stop();
});

const get = (path: string, as: Parameters<typeof fetchAs>[1] = 'auditor.a') => fetchAs(system.baseUrl, as, path);
const participant = () => `/v1/participants/${audited.journey.participantId}`;
const storedEvents = async (): Promise<{ stream_position: string; event_type: string; data: any }[]> =>
  (await system.sql.query(`SELECT stream_position, event_type, data FROM events WHERE stream_id = $1 ORDER BY stream_position`, [`participant-${audited.journey.participantId}`])).rows;

/** The refusals every participant-scoped audit endpoint gives, the same way. */
async function expectRefusals(path: (participantId: string) => string): Promise<void> {
  const otherSites = await get(path(otherSite.participantId));
  expect([otherSites.status, otherSites.json().code]).toEqual([404, 'PARTICIPANT_NOT_FOUND']);
  expect(otherSites.body.toString()).not.toContain(otherSite.participantCode);
  const unknown = await get(path(randomUUID()));
  expect([unknown.status, unknown.json().code]).toEqual([404, 'PARTICIPANT_NOT_FOUND']);
  const malformed = await get(path('not-a-uuid'));
  expect(malformed.status).toBe(400);
  expect(malformed.json().errors).toEqual([{ field: 'participantId', message: 'must be a UUID' }]);
  expect((await get(path(audited.journey.participantId), null)).status).toBe(401);
}

describe('GET /v1/participants/{id}/audit/timeline', () => {
  it('shows who, what, when and why for every event, with the old and new value of a correction', async () => {
    const answer = await get(`${participant()}/audit/timeline`);
    expect(answer.status).toBe(200);
    const body = answer.json();
    const stored = await storedEvents();
    expect(body).toMatchObject({ participantId: audited.journey.participantId, participantCode: audited.journey.participantCode, streamVersion: stored.length });
    expect(body.entries.map((e: any) => [e.streamPosition, e.type])).toEqual(stored.map((e) => [Number(e.stream_position), e.event_type]));
    const ae = body.entries.find((e: any) => e.type === 'AdverseEventReported');
    const correction = body.entries.find((e: any) => e.type === 'EntryCorrected');
    expect(correction).toMatchObject({
      who: { actorId: 'coordinator.a', role: 'coordinator', siteId: 'DEMO-01' },
      why: 'Lab value re-read: grade 2',
      correction: { entryId: audited.aeCommandId, entryType: 'AdverseEventReported', correctsPosition: ae.streamPosition, changes: [{ field: 'grade', previous: 3, corrected: 2 }] },
    });
    expect(Date.parse(correction.recordedAt)).toBeGreaterThan(audited.beforeCorrection.getTime());
    expect(ae).toMatchObject({ data: { grade: 3 }, correctedBy: [correction.streamPosition], occurredAt: expect.any(String), recordedAt: expect.any(String) });
    expect(body.entries.find((e: any) => e.type === 'EligibilitySigned')).toMatchObject({ who: { actorId: 'investigator.a', role: 'investigator' } });
    expect(body.entries.find((e: any) => e.type === 'EntryVoided')).toMatchObject({ why: 'Recorded on the wrong participant', voiding: { entryId: audited.unscheduledCommandId } });
  });

  it('is open to every role of the site, and refuses another site, unknown or malformed ids and anonymous callers', async () => {
    for (const role of ['coordinator.a', 'investigator.a', 'admin.a'] as const) expect((await get(`${participant()}/audit/timeline`, role)).status).toBe(200);
    await expectRefusals((id) => `/v1/participants/${id}/audit/timeline`);
    const unknownParameter = await get(`${participant()}/audit/timeline?since=3`);
    expect([unknownParameter.status, unknownParameter.json().errors]).toEqual([400, [{ field: 'since', message: 'is not a known field' }]]);
  });
});

describe('GET /v1/participants/{id}/audit/state', () => {
  const state = (query: string, as?: Parameters<typeof fetchAs>[1]) => get(`${participant()}/audit/state?${query}`, as);

  it('by recorded time: what the record said then (the AE still grade 3 before its correction was recorded)', async () => {
    const before = await state(`asOf=${audited.beforeCorrection.toISOString()}&basis=recorded`);
    expect(before.status).toBe(200);
    const body = before.json();
    expect(body.state.adverseEvents).toEqual([expect.objectContaining({ entryId: audited.aeCommandId, grade: 3 })]);
    expect(body.positions.length).toBeLessThan(body.currentVersion);
    expect(body.summary.phase).toBe('DLT_WINDOW');
    const now = (await state(`asOf=${new Date().toISOString()}`)).json();
    expect(now).toMatchObject({ basis: 'recorded', currentVersion: (await storedEvents()).length });
    expect(now.state.adverseEvents).toEqual([expect.objectContaining({ grade: 2 })]);
  });

  it('by clinical time: what had happened by then, as known now (the correction goes with the AE it restates)', async () => {
    const body = (await state(`asOf=${audited.beforeCorrection.toISOString()}&basis=clinical`)).json();
    expect(body.basis).toBe('clinical');
    expect(body.state.adverseEvents).toEqual([expect.objectContaining({ entryId: audited.aeCommandId, grade: 2 })]);
  });

  it('lists the deadlines pending at that instant, from the domain plan of the state as of then', async () => {
    const screening = (await state(`asOf=${audited.afterConsent.toISOString()}`)).json();
    expect(screening.summary.phase).toBe('SCREENING');
    expect(screening.pendingDeadlines).toEqual([expect.objectContaining({ kind: 'SCREENING_WINDOW_CLOSES', pastDue: false })]);
    const infused = (await state(`asOf=${audited.beforeCorrection.toISOString()}`)).json();
    const kinds = infused.pendingDeadlines.map((d: any) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['DLT_WINDOW_CLOSES', 'AE_COLLECTION_ENDS', 'VISIT_REMINDER', 'VISIT_WINDOW_CLOSES']));
    expect(kinds).not.toContain('SCREENING_WINDOW_CLOSES');
    expect(infused.pendingDeadlines.map((d: any) => d.dueAt)).toEqual([...infused.pendingDeadlines.map((d: any) => d.dueAt)].sort());
  });

  it('answers 400 naming each bad query field, and refuses other sites, unknown ids and anonymous callers', async () => {
    const missing = await state('');
    expect([missing.status, missing.json().errors.map((e: any) => e.field)]).toEqual([400, ['asOf']]);
    const bad = await state('asOf=yesterday&basis=wallclock&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.json().errors.map((e: any) => e.field).sort()).toEqual(['asOf', 'basis', 'colour']);
    const noZone = await state('asOf=2026-03-02T09:00:00');
    expect([noZone.status, noZone.json().errors[0].field]).toEqual([400, 'asOf']);
    await expectRefusals((id) => `/v1/participants/${id}/audit/state?asOf=${new Date().toISOString()}`);
  });
});

describe('GET /v1/participants/{id}/audit/verification', () => {
  it("finds an intact hash chain and every stored event in the journey's own Temporal history, across its runs", async () => {
    const answer = await get(`${participant()}/audit/verification`);
    expect(answer.status).toBe(200);
    const body = answer.json();
    const version = (await storedEvents()).length;
    expect(body).toMatchObject({ ok: true, hashChain: { ok: true, eventsChecked: version, firstBrokenLink: null } });
    expect(body.workflowHistory).toMatchObject({ available: true, ok: true, complete: true, workflowId: `participant-${audited.journey.participantCode}` });
    expect(body.workflowHistory.counts).toMatchObject({ MATCH: version, DIFFERENT: 0, MISSING_IN_STORE: 0, MISSING_IN_HISTORY: 0 });
    // The journey continued as new at its phase boundaries: the comparison read every run.
    expect(body.workflowHistory.runs.length).toBeGreaterThan(1);
    expect(body.workflowHistory.runs.every((r: any) => r.found)).toBe(true);
  });

  it('refuses other sites, unknown or malformed ids and anonymous callers', async () => {
    await expectRefusals((id) => `/v1/participants/${id}/audit/verification`);
  });
});

// Last: it alters the record of the participant the tests above read.
describe('tampering with the store as its owner', () => {
  /** As a superuser would: lift the append-only trigger for one transaction and change stored rows. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    const client = await system.sql.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await client.query(sql, params);
      await client.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  it('is reported twice: the hash chain breaks at the altered event, and the store no longer agrees with the history', async () => {
    const streamId = `participant-${audited.journey.participantId}`;
    const stored = await storedEvents();
    const ae = Number(stored.find((e) => e.event_type === 'AdverseEventReported')!.stream_position);
    const last = stored.length;
    await tamper(`UPDATE events SET data = jsonb_set(data, '{grade}', '1') WHERE stream_id = $1 AND stream_position = $2`, [streamId, ae]);

    const altered = (await get(`${participant()}/audit/verification`)).json();
    expect(altered.ok).toBe(false);
    expect(altered.hashChain).toMatchObject({ ok: false, firstBrokenLink: { streamPosition: ae, reason: 'HASH_MISMATCH' } });
    expect(altered.workflowHistory.ok).toBe(false);
    const entry = altered.workflowHistory.events.find((e: any) => e.streamPosition === ae);
    expect(entry).toMatchObject({ status: 'DIFFERENT', type: 'AdverseEventReported', differences: [{ field: 'data', store: expect.objectContaining({ grade: 1 }), history: expect.objectContaining({ grade: 3 }) }] });
    expect(altered.workflowHistory.counts).toMatchObject({ DIFFERENT: 1, MATCH: last - 1 });

    await tamper(`DELETE FROM events WHERE stream_id = $1 AND stream_position = $2`, [streamId, last]);
    const removed = (await get(`${participant()}/audit/verification`)).json();
    expect(removed.hashChain.firstBrokenLink).toMatchObject({ streamPosition: ae, reason: 'HASH_MISMATCH' });
    expect(removed.workflowHistory.events.filter((e: any) => e.status !== 'MATCH').map((e: any) => [e.streamPosition, e.status])).toEqual([
      [ae, 'DIFFERENT'],
      [last, 'MISSING_IN_STORE'],
    ]);
  });
});
