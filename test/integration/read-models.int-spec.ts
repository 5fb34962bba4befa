import { PostgresEventStore, migrateWithLock, type AppendRequest } from '@trialflow/event-store';
import {
  DeviationRow,
  EfficacyResultRow,
  ParticipantRow,
  Projector,
  SafetyEntryRow,
  WorklistItemRow,
  allProjections,
  coordinatorWorklist,
  createTrialflowDataSource,
  participantList,
  participantRoster,
  projectionReflects,
  safetyBoard,
} from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { appendsOf, awaitingSignatureJourney, eventfulJourney, screenFailedJourney, withdrawnJourney, type RecordedJourney } from '../support/journeys.js';
import { createTestDatabase } from '../support/test-database.js';

let dataSource: DataSource;
let store: PostgresEventStore;
const eventful = eventfulJourney();
const screenFailed = screenFailedJourney();
const withdrawn = withdrawnJourney();
const awaitingSignature = awaitingSignatureJourney();

/** Appends the journeys' commands interleaved, catching every projection up in small windows as it goes. */
async function appendInterleaved(journeys: readonly RecordedJourney[]): Promise<void> {
  const queues: AppendRequest[][] = journeys.map((j) => appendsOf(j));
  const projectors = allProjections.map((p) => new Projector(dataSource, p, 7));
  for (let round = 0; queues.some((q) => q.length > 0); round += 1) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) await store.append(next);
    }
    if (round % 5 === 0) for (const projector of projectors) await projector.catchUp();
  }
  for (const projector of projectors) await projector.catchUp();
}

beforeAll(async () => {
  dataSource = createTrialflowDataSource(await createTestDatabase('rm'));
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  store = new PostgresEventStore(dataSource);
  await appendInterleaved([eventful, screenFailed, withdrawn, awaitingSignature]);
});

afterAll(async () => {
  await dataSource?.destroy();
});

const rows = <T extends object>(entity: new () => T, participantId: string) => dataSource.getRepository(entity).findBy({ participantId } as never);

describe('read models fed by the journey\'s events', () => {
  it('roster: phase, next visit and its window, status flags, and the stream version each row reflects', async () => {
    const [row] = await rows(ParticipantRow, eventful.participantId);
    expect(row).toMatchObject({
      participantCode: eventful.participantCode,
      trialId: 'ucart-cd19-bcma',
      cohortId: 'SLE',
      siteId: 'DEMO-01',
      phase: 'FOLLOW_UP',
      infusionDate: eventful.state.infusion!.infusionDate,
      dayNumbering: 'infusion-day-0',
      nextVisitId: 'M3',
      nextVisitTarget: '2026-06-07',
      nextVisitOpens: '2026-05-31',
      nextVisitCloses: '2026-06-14',
      nextDeadlineKind: 'AE_COLLECTION_ENDS',
      openDeviations: 0,
      missedVisits: 1,
      pendingDltCandidates: 1,
      confirmedDlts: 0,
      saeReportsDue: 0,
      dltWindowClosed: true,
      lastStreamVersion: eventful.recorded.length,
    });
    expect(await rows(ParticipantRow, screenFailed.participantId)).toMatchObject([{ phase: 'SCREEN_FAILED', nextVisitId: null, lastStreamVersion: 5 }]);
    expect(await rows(ParticipantRow, withdrawn.participantId)).toMatchObject([{ phase: 'ENDED', endReason: 'WITHDRAWN', infusionDate: null }]);

    const roster = await participantRoster(dataSource.manager, { trialId: 'ucart-cd19-bcma', now: new Date('2026-06-07T04:00:00Z') });
    expect(roster.map((e) => [e.row.participantCode, e.studyDay])).toEqual(
      [[eventful.participantCode, 90], [withdrawn.participantCode, null]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('roster: flags an eligible evaluation awaiting the investigator\'s e-signature, so the worklist finds them in one query', async () => {
    const evaluatedAt = awaitingSignature.state.screening.evaluation!.evaluatedAt;
    expect(await rows(ParticipantRow, awaitingSignature.participantId)).toMatchObject([{ phase: 'SCREENING', eligibilityToSignSince: new Date(evaluatedAt) }]);
    // Signed (eventful) or never eligible (screen failed): nothing to sign.
    expect(await rows(ParticipantRow, eventful.participantId)).toMatchObject([{ eligibilityToSignSince: null }]);
    expect(await rows(ParticipantRow, screenFailed.participantId)).toMatchObject([{ eligibilityToSignSince: null }]);
    const sites = ['DEMO-01', 'CN-BJ-GB'];
    const page = await participantList(dataSource.manager, { sites, eligibilityToSign: true }, { limit: 50 });
    expect(page.items.map((r) => r.participantCode)).toEqual([awaitingSignature.participantCode]);
    // Signing clears the flag.
    const signed = awaitingSignature.recorded.length;
    awaitingSignature.evaluateAndSign();
    await store.append(appendsOf(awaitingSignature, signed).reduce((all, a) => ({ ...all, events: [...all.events, ...a.events] })));
    for (const projection of allProjections) await new Projector(dataSource, projection, 50).catchUp();
    expect(await rows(ParticipantRow, awaitingSignature.participantId)).toMatchObject([{ eligibilityToSignSince: null }]);
    expect((await participantList(dataSource.manager, { sites, eligibilityToSign: true }, { limit: 50 })).items).toEqual([]);
  });

  it('worklist: open visits with their windows and the reminders sent, classified for today at read time', async () => {
    const items = await rows(WorklistItemRow, eventful.participantId);
    expect(items.map((i) => i.itemId).sort()).toEqual(['ae-collection:ends', 'visit:M12', 'visit:M18', 'visit:M24', 'visit:M3', 'visit:M6', 'visit:M9']);
    expect(items.find((i) => i.itemId === 'visit:M3')).toMatchObject({
      kind: 'VISIT',
      dueOn: '2026-06-07',
      windowOpens: '2026-05-31',
      windowCloses: '2026-06-14',
      remindersSent: 2,
      remindersFailed: 1,
      lastReminderId: 'visit:M3:reminder:-3',
      escalated: false,
      lastStreamVersion: eventful.recorded.length,
    });
    const on = async (today: string) =>
      (await coordinatorWorklist(dataSource.manager, { siteId: 'DEMO-01', today, now: new Date(`${today}T04:00:00Z`) })).filter((e) => e.item.itemId === 'visit:M3')[0];
    expect(await on('2026-06-05')).toMatchObject({ dueToday: false, overdue: false, windowOpen: true, closingSoon: false, daysUntilDue: 2 });
    expect(await on('2026-06-07')).toMatchObject({ dueToday: true, overdue: false });
    expect(await on('2026-06-12')).toMatchObject({ dueToday: false, overdue: true, closingSoon: true });
    expect(await rows(WorklistItemRow, withdrawn.participantId)).toEqual([]);
  });

  it('safety board: AEs as corrected, the SAE reported, CRS graded, DLT candidates with their adjudication, per cohort', async () => {
    const entries = await rows(SafetyEntryRow, eventful.participantId);
    const byId = new Map(entries.map((e) => [`${e.kind}:${e.entryId}`, e]));
    expect(byId.get('AE:ae-neutropenia')).toMatchObject({ term: 'Neutrophil count decreased', grade: 2, serious: false, studyDay: 1 });
    expect(byId.get('AE:ae-pneumonia')).toMatchObject({ grade: 3, serious: true, saeReportDueAt: null });
    expect(byId.get('AE:ae-pneumonia')!.saeReportedAt).toBeInstanceOf(Date);
    expect(entries.filter((e) => e.kind === 'CRS')).toMatchObject([{ grade: 1, studyDay: 1 }]);
    expect(byId.get('DLT_CANDIDATE:INVESTIGATOR-JUDGEMENT:ae-pneumonia')).toMatchObject({ dltStatus: 'NOT_DLT', sourceEntryId: 'ae-pneumonia', grade: 3 });
    expect(await safetyBoard(dataSource.manager, 'ucart-cd19-bcma')).toEqual([
      expect.objectContaining({ cohortId: 'MG', infused: 0, withCrs: 0 }),
      expect.objectContaining({ cohortId: 'SLE', doseLevelId: 'DL1', infused: 1, withCrs: 1, withCrsGrade3Plus: 0, withAeGrade3Plus: 1, seriousAdverseEvents: 1, saeReportsDue: 0, dltsConfirmed: 0, dltCandidatesPending: 1, dltEvaluable: 1 }),
    ]);
  });

  it('deviations log: candidates with their status, and who confirmed or dismissed them, when and why', async () => {
    const log = await dataSource.getRepository(DeviationRow).find({ where: { participantId: eventful.participantId }, order: { raisedAtVersion: 'ASC' } });
    expect(log).toMatchObject([
      { deviationId: 'visit-missed:D14', rule: 'VISIT_MISSED', status: 'CONFIRMED', decidedBy: 'inv-1', decidedByRole: 'investigator', decisionReason: 'Participant travelling; documented in the notes' },
      { deviationId: 'visit-out-of-window:D21', rule: 'VISIT_OUT_OF_WINDOW', status: 'DISMISSED', relatedEntryIds: ['visit-D21'], decidedBy: 'inv-1' },
    ]);
  });

  it('efficacy over time: the baseline score, then each scheduled instrument done, not done or missed per visit', async () => {
    const results = await dataSource.getRepository(EfficacyResultRow).find({ where: { participantId: eventful.participantId }, order: { studyDay: 'ASC', instrument: 'ASC' } });
    const at = (timepoint: string) => Object.fromEntries(results.filter((r) => r.timepoint === timepoint).map((r) => [r.instrument, r.status]));
    expect(results.find((r) => r.timepoint === 'BASELINE' && r.instrument === 'SLEDAI-2K')).toMatchObject({ status: 'RECORDED', valueNumber: 8, unit: 'score', studyDay: -7 });
    expect(at('D14')).toEqual({ 'IMMUNOLOGY-PANEL': 'MISSED' });
    expect(at('D28')).toEqual({ 'BILAG-2004': 'DONE', ECOG: 'NOT_DONE', 'IMMUNOLOGY-PANEL': 'DONE', PGA: 'DONE', 'SLEDAI-2K': 'DONE' });
    expect(results.filter((r) => r.timepoint === 'D28').every((r) => r.studyDay === 28 && r.inWindow === true)).toBe(true);
  });

  it('lets a reader wait for a minimum version: a projection reflects a version once its checkpoint has passed that event', async () => {
    const journey = withdrawnJourney('2026-07-01T03:00:00.000Z');
    const [first, ...rest] = appendsOf(journey);
    await store.append(first!);
    const roster = new Projector(dataSource, allProjections[0]!);
    await roster.catchUp();
    for (const request of rest) await store.append(request);
    expect(await projectionReflects(dataSource.manager, 'participants', journey.streamId, 1)).toBe(true);
    expect(await projectionReflects(dataSource.manager, 'participants', journey.streamId, journey.recorded.length)).toBe(false);
    await roster.catchUp();
    expect(await projectionReflects(dataSource.manager, 'participants', journey.streamId, journey.recorded.length)).toBe(true);
    expect(await rows(ParticipantRow, journey.participantId)).toMatchObject([{ lastStreamVersion: journey.recorded.length }]);
    for (const projector of allProjections.slice(1).map((p) => new Projector(dataSource, p))) await projector.catchUp();
  });
});
