import { randomUUID } from 'node:crypto';
import type { DemoUser } from '../support/api-auth.js';
import { call, HttpJourney } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;
const get = (as: DemoUser, path: string) => call(system.baseUrl, as, 'GET', path);

/** Infused today (DEMO-01, SLE): AE, CRS, a visit out of its window (a deviation candidate), a D28 visit. */
let infused: HttpJourney;
/** DEMO-01 MG in screening; DEMO-01 MG withdrawn; CN-BJ-GB SSC in screening; DEMO-02 SLE (site b) in screening. */
let screening: HttpJourney;
let withdrawn: HttpJourney;
let beijing: HttpJourney;
let siteB: HttpJourney;
/** Three more DEMO-01 SLE participants in screening, for pagination. */
const more: HttpJourney[] = [];

const codes = (items: { participantCode: string }[]) => items.map((i) => i.participantCode);

/** Waits until the roster reflects the participant's last command. */
async function projected(j: HttpJourney): Promise<void> {
  const read = await get(j.coordinator, `/v1/participants/${j.participantId}?minVersion=${j.version}`);
  expect(read.status).toBe(200);
}

beforeAll(async () => {
  system = await startSystem();
  infused = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-01').withCode(`QI-${randomUUID().slice(0, 6).toUpperCase()}`);
  await infused.toEnrolled();
  await infused.toInfused();
  await infused.ok('adverse-events', { aeId: 'AE-1', term: 'Lung infection', grade: 3, serious: true, causality: 'POSSIBLE', onsetOn: infused.today(), awareAt: infused.ago(10) });
  await infused.ok('crs-assessments', { assessedAt: infused.ago(5), parameters: { temperature: { value: 38.4, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } });
  await infused.ok('visits', { visitId: 'D28', actualDate: infused.today(), assessments: ['SLEDAI-2K'] });

  screening = new HttpJourney(system, 'ucart-cd19-bcma', 'MG', 'DEMO-01');
  await screening.register();
  withdrawn = new HttpJourney(system, 'ucart-cd19-bcma', 'MG', 'DEMO-01');
  await withdrawn.register();
  await withdrawn.ok('withdrawal', { reason: 'Participant decision', safetyFollowUpConsented: false, withdrawnOn: withdrawn.today() });
  beijing = new HttpJourney(system, 'cb-cd19-bcma', 'SSC', 'CN-BJ-GB');
  await beijing.register();
  siteB = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-02', 'coordinator.b', 'investigator.b');
  await siteB.register();
  for (let i = 0; i < 3; i += 1) {
    const j = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-01');
    await j.register();
    more.push(j);
  }
  for (const j of [infused, screening, withdrawn, beijing, siteB, ...more]) await projected(j);
});

afterAll(async () => {
  await system?.stop();
});

const siteA = () => [infused, screening, withdrawn, beijing, ...more];

describe('GET /v1/participants: the roster, filtered, paginated, scoped to the reader’s sites', () => {
  it('lists the participants of the reader’s sites by code, with the total', async () => {
    const list = await get('coordinator.a', '/v1/participants');
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(siteA().length);
    expect(codes(list.json.items)).toEqual(codes(siteA()).sort());
    expect(list.json.nextCursor).toBeNull();
    expect(list.json.items.find((p: { participantId: string }) => p.participantId === infused.participantId)).toMatchObject({
      participantCode: infused.participantCode,
      siteId: 'DEMO-01',
      phase: 'DLT_WINDOW',
      doseLevelId: 'DL1',
      streamVersion: infused.version,
    });

    const b = await get('coordinator.b', '/v1/participants');
    expect(codes(b.json.items)).toEqual([siteB.participantCode]);
    const auditor = await get('auditor.a', '/v1/participants?trialId=cb-cd19-bcma');
    expect(codes(auditor.json.items)).toEqual([beijing.participantCode]);
  });

  it('filters by trial, cohort, site, phase and status', async () => {
    const filtered = async (query: string) => codes((await get('coordinator.a', `/v1/participants?${query}`)).json.items);
    expect(await filtered('trialId=cb-cd19-bcma')).toEqual([beijing.participantCode]);
    expect(await filtered('trialId=ucart-cd19-bcma&cohortId=MG')).toEqual(codes([screening, withdrawn]).sort());
    expect(await filtered('siteId=CN-BJ-GB')).toEqual([beijing.participantCode]);
    expect(await filtered('phase=DLT_WINDOW')).toEqual([infused.participantCode]);
    expect(await filtered('status=WITHDRAWN')).toEqual([withdrawn.participantCode]);
    expect(await filtered('status=ENDED')).toEqual([withdrawn.participantCode]);
    expect(await filtered('status=ACTIVE&cohortId=MG')).toEqual([screening.participantCode]);
    expect(await filtered('cohortId=SLE&phase=SCREENING&siteId=DEMO-01')).toEqual(codes(more).sort());
  });

  it('pages with a cursor: every participant once, in order, and a page is not shifted by a row added before it', async () => {
    const all = codes(siteA()).sort();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const answer = await get('coordinator.a', `/v1/participants?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      expect(answer.json.total).toBe(all.length);
      expect(answer.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...codes(answer.json.items));
      cursor = answer.json.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all);

    const first = await get('coordinator.a', '/v1/participants?limit=2');
    const early = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-01').withCode(`AA-${randomUUID().slice(0, 6).toUpperCase()}`);
    await early.register();
    await projected(early);
    const second = await get('coordinator.a', `/v1/participants?limit=2&cursor=${first.json.nextCursor}`);
    expect(codes(second.json.items)).toEqual(all.slice(2, 4));
    expect(second.json.total).toBe(all.length + 1);
  });

  it('answers 400 for a bad filter, limit or cursor, and 403 for a site the reader is not bound to', async () => {
    const bad = await get('coordinator.a', '/v1/participants?phase=DANCING&limit=0&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'limit', 'phase']);
    const forged = await get('coordinator.a', `/v1/participants?cursor=${Buffer.from('[1,2]').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(forged.json.errors).toEqual([{ field: 'cursor', message: 'is not a cursor of this list' }]);
    const notMine = await get('coordinator.b', '/v1/participants?siteId=DEMO-01');
    expect(notMine.status).toBe(403);
    expect(notMine.json.code).toBe('SITE_NOT_ALLOWED');
  });
});

describe('GET /v1/participants/{participantId}: the detail', () => {
  it('shows where the participant is and what needs attention; another site’s participant is 404', async () => {
    const detail = await get('investigator.a', `/v1/participants/${infused.participantId}?minVersion=${infused.version}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe(`"${infused.version}"`);
    expect(detail.json).toMatchObject({
      participantId: infused.participantId,
      phase: 'DLT_WINDOW',
      endReason: null,
      doseLevelId: 'DL1',
      infusionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      studyDay: expect.any(Number),
      nextVisit: { visitId: 'D7' },
      flags: { openDeviations: 1, saeReportsDue: 1, dltWindowClosed: false },
    });
    const hidden = await get('coordinator.b', `/v1/participants/${infused.participantId}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json.code).toBe('PARTICIPANT_NOT_FOUND');
    const mine = await get('coordinator.b', `/v1/participants/${siteB.participantId}`);
    expect(mine.status).toBe(200);
  });
});

describe('GET /v1/worklist', () => {
  it('lists the open visits and deadlines of the reader’s sites, most urgent first, classified for today', async () => {
    const list = await get('coordinator.a', `/v1/worklist?participantId=${infused.participantId}&minVersion=${infused.version}`);
    expect(list.status).toBe(200);
    const items = list.json.items as { itemId: string; kind: string; dueAt: string; participantId: string; today: string; windowOpens: string | null; daysUntilDue: number; overdue: boolean }[];
    expect(items.every((i) => i.participantId === infused.participantId)).toBe(true);
    const d7 = items.find((i) => i.itemId === 'visit:D7');
    expect(d7).toMatchObject({ kind: 'VISIT', today: infused.today(), overdue: false });
    expect(d7!.daysUntilDue).toBeGreaterThanOrEqual(6);
    expect(items.some((i) => i.kind === 'SAE_REPORT_DUE')).toBe(true);
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());

    const soon = await get('coordinator.a', `/v1/worklist?participantId=${infused.participantId}&horizonDays=3`);
    expect(soon.json.items.some((i: { itemId: string }) => i.itemId === 'visit:D7')).toBe(false);
    const b = await get('coordinator.b', '/v1/worklist');
    expect(b.json.items.some((i: { participantId: string }) => i.participantId === infused.participantId)).toBe(false);
  });
});

describe('safety: GET /v1/trials/{trialId}/safety-board and /v1/safety-entries', () => {
  it('counts per cohort and dose level for the reader’s sites only', async () => {
    await get('coordinator.a', `/v1/safety-entries?participantId=${infused.participantId}&minVersion=${infused.version}`);
    const board = await get('investigator.a', '/v1/trials/ucart-cd19-bcma/safety-board');
    expect(board.status).toBe(200);
    expect(board.json.sites).toEqual(['DEMO-01', 'CN-BJ-GB']);
    expect(board.json.lines.find((l: { cohortId: string; doseLevelId: string | null }) => l.cohortId === 'SLE' && l.doseLevelId === 'DL1')).toMatchObject({
      infused: 1,
      withCrs: 1,
      withAeGrade3Plus: 1,
      seriousAdverseEvents: 1,
      saeReportsDue: 1,
    });
    const b = await get('investigator.b', '/v1/trials/ucart-cd19-bcma/safety-board');
    expect(b.json.lines).toEqual([expect.objectContaining({ cohortId: 'SLE', doseLevelId: null, infused: 0, seriousAdverseEvents: 0 })]);
  });

  it('lists the entries behind the board, filtered, and reflects one’s own write with minVersion', async () => {
    const reported = await infused.ok('sae-reports', { aeId: 'AE-1', reportedAt: infused.ago(1) });
    const all = await get('coordinator.a', `/v1/safety-entries?participantId=${infused.participantId}&minVersion=${reported.json.streamVersion}`);
    expect(all.status).toBe(200);
    expect(all.json.items.map((e: { kind: string }) => e.kind).sort()).toEqual(expect.arrayContaining(['AE', 'CRS']));
    const ae = all.json.items.find((e: { kind: string }) => e.kind === 'AE');
    expect(ae).toMatchObject({ entryId: infused.answers.get('adverse-events')!.commandId, term: 'Lung infection', grade: 3, serious: true, saeReportedAt: expect.any(String), saeReportDueAt: null });
    const serious = await get('coordinator.a', '/v1/safety-entries?kind=AE&serious=true&minGrade=3');
    expect(serious.json.items.map((e: { participantId: string }) => e.participantId)).toEqual([infused.participantId]);
    expect((await get('coordinator.a', '/v1/safety-entries?kind=ICANS')).json.total).toBe(0);
    expect((await get('coordinator.b', '/v1/safety-entries')).json.total).toBe(0);
    const noParticipant = await get('coordinator.a', '/v1/safety-entries?minVersion=3');
    expect(noParticipant.status).toBe(400);
    expect(noParticipant.json.errors).toEqual([{ field: 'minVersion', message: expect.stringContaining('participantId') }]);
  });
});

describe('GET /v1/deviations', () => {
  it('lists candidates, and the decision once confirmed (read-your-writes)', async () => {
    await get('coordinator.a', `/v1/deviations?participantId=${infused.participantId}&minVersion=${infused.version}`);
    const candidates = await get('coordinator.a', '/v1/deviations?status=CANDIDATE');
    expect(candidates.status).toBe(200);
    expect(candidates.json.items).toEqual([
      expect.objectContaining({ participantId: infused.participantId, deviationId: 'visit-out-of-window:D28', rule: 'VISIT_OUT_OF_WINDOW', status: 'CANDIDATE', decision: null }),
    ]);
    const confirmed = await infused.ok('deviations/confirmations', { deviationId: 'visit-out-of-window:D28', important: true, reason: 'Visit done 28 days early by mistake' });
    const after = await get('auditor.a', `/v1/deviations?participantId=${infused.participantId}&minVersion=${confirmed.json.streamVersion}&rule=VISIT_OUT_OF_WINDOW`);
    expect(after.json.items).toEqual([
      expect.objectContaining({ status: 'CONFIRMED', important: true, decision: expect.objectContaining({ by: 'coordinator.a', role: 'coordinator', reason: 'Visit done 28 days early by mistake' }) }),
    ]);
    expect((await get('coordinator.a', '/v1/deviations?status=CANDIDATE')).json.total).toBe(0);
    expect((await get('coordinator.b', '/v1/deviations')).json.total).toBe(0);
  });
});

describe('GET /v1/efficacy-results', () => {
  it('shows the baseline value and each scheduled instrument of a visit done, over time', async () => {
    const results = await get('coordinator.a', `/v1/efficacy-results?participantId=${infused.participantId}&minVersion=${infused.version}`);
    expect(results.status).toBe(200);
    const rows = results.json.items as { timepoint: string; instrument: string; status: string; value: unknown }[];
    expect(rows.find((r) => r.timepoint === 'BASELINE' && r.instrument === 'SLEDAI-2K')).toMatchObject({ status: 'RECORDED', value: 8 });
    // Over time: every baseline row before the first visit's.
    const timepoints = rows.map((r) => r.timepoint);
    expect(timepoints.lastIndexOf('BASELINE')).toBeLessThan(timepoints.indexOf('D28'));
    expect(rows.filter((r) => r.timepoint === 'D28').map((r) => [r.instrument, r.status])).toEqual(
      expect.arrayContaining([
        ['SLEDAI-2K', 'DONE'],
        ['BILAG-2004', 'NOT_DONE'],
      ]),
    );
    const sledai = await get('coordinator.a', '/v1/efficacy-results?instrument=SLEDAI-2K&limit=1');
    expect(sledai.json.total).toBe(2);
    expect(sledai.json.items.map((r: { timepoint: string }) => r.timepoint)).toEqual(['BASELINE']);
    const next = await get('coordinator.a', `/v1/efficacy-results?instrument=SLEDAI-2K&limit=1&cursor=${sledai.json.nextCursor}`);
    expect(next.json.items.map((r: { timepoint: string }) => r.timepoint)).toEqual(['D28']);
    expect(next.json.nextCursor).toBeNull();
  });
});
