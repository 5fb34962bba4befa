import { DEMO_PASSWORD } from '../support/api-auth.js';
import { clockPast, fetchAs } from '../support/audited-journey.js';
import { HttpJourney, storeReaches } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

/**
 * The auditor's "as of" answers with the participant's worklist as it was at that instant, judged by the live
 * worklist's rules: an eligibility evaluation awaiting the investigator's signature, a visit overdue and a
 * deviation candidate open, each open then and closed now. The infusion is entered after the fact (eight days
 * ago), so the Week 1 visit's target day has passed while its window is still open: overdue, as a site sees it.
 */
let system: RunningSystem;
let journey: HttpJourney;
/** After the eligibility evaluation was stored, before the investigator signed it. */
let awaitingSignature: Date;
/** After the back-dated infusion and a serious AE past its report clock were stored; before the visit and the decision. */
let visitOverdue: Date;
let aeId = '';
const DAY = 86_400_000;

/** Noon at the site on a day relative to the site's today (an instant safely inside that calendar day). */
const siteNoon = (days: number): number => Date.parse(`${journey.today(days)}T12:00:00Z`) - journey.siteOffsetMinutes * 60_000;

/** Lymphodepletion on regimen days -5..-3 and the infusion at noon eight days ago: data entry after the fact. */
async function infusedEightDaysAgo(): Promise<void> {
  const infusionAt = siteNoon(-8);
  await journey.ok('lymphodepletion/calculation', { height: { value: 160, unit: 'cm' }, weight: { value: 60, unit: 'kg' }, serumCreatinine: { value: 0.8, unit: 'mg/dL' }, measuredOn: journey.today(-15) });
  await storeReaches(system.sql, journey.participantId, journey.version);
  for (const dose of await journey.calculatedDoses()) {
    await journey.ok('lymphodepletion/doses', { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: new Date(infusionAt + dose.day * DAY).toISOString() });
  }
  await journey.ok('pre-infusion-check', { items: { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true } });
  await journey.ok('thaw', { bagIds: ['BAG-1'], startedAt: new Date(infusionAt - 30 * 60_000).toISOString() });
  const level = journey.protocol.doseLevels[0]!;
  const cells = level.dose.basis === 'FIXED' ? level.dose.carPositiveCells : level.dose.carPositiveCellsPerKg * 60;
  await journey.ok('infusion', { startedAt: new Date(infusionAt).toISOString(), completedAt: new Date(infusionAt + 15 * 60_000).toISOString(), carPositiveCellsInfused: cells, weightKg: 60 });
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition never met');
}

beforeAll(async () => {
  system = await startSystem();
  journey = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-01');
  await journey.register();
  await journey.ok('consent', journey.consentBody());
  await journey.satisfyCriteria();
  await journey.ok('screening/evaluation', {});
  await storeReaches(system.sql, journey.participantId, journey.version);
  awaitingSignature = await clockPast(Date.now());
  await clockPast(awaitingSignature.getTime());
  await journey.ok('screening/signature', { meaning: 'I confirm the participant is eligible', recordHash: await journey.evaluationHash(), password: DEMO_PASSWORD }, journey.investigator);
  await journey.ok('enrolment', { doseLevelId: journey.protocol.doseLevels[0]!.id });
  await journey.ok('medication-stops', { drugClass: journey.protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: journey.today(-60) });
  await journey.ok('product-lot', { lotId: 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 });
  await infusedEightDaysAgo();
  // A serious AE the site became aware of 30 h ago: the 24 h report clock had run out when it was entered, so
  // its timer fires at once and raises a deviation candidate.
  aeId = (await journey.ok('adverse-events', { term: 'Fever', grade: 2, serious: true, causality: 'POSSIBLE', onsetOn: journey.today(-1), awareAt: journey.ago(30 * 60) })).commandId;
  const raised = () => system.sql.query(`SELECT 1 FROM events WHERE stream_id = $1 AND event_type = 'DeviationCandidateRaised' AND data->>'deviationId' = $2`, [`participant-${journey.participantId}`, `sae-reported-late:${aeId}`]);
  await waitFor(async () => (await raised()).rowCount === 1);
  await journey.settled();
  visitOverdue = await clockPast(Date.now());
  await clockPast(visitOverdue.getTime());
  await journey.ok('visits', { visitId: 'D7', actualDate: journey.today(), assessments: ['CBC'] });
  await journey.ok('sae-reports', { aeId, reportedAt: journey.ago(0) });
  await journey.ok('deviations/confirmations', { deviationId: `sae-reported-late:${aeId}`, important: true, reason: 'Site learnt of the admission late; retraining planned' }, journey.investigator);
  await journey.settled();
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const worklistAsOf = async (instant: Date, basis = 'recorded') => {
  const answer = await fetchAs(system.baseUrl, 'auditor.a', `/v1/participants/${journey.participantId}/audit/state?asOf=${instant.toISOString()}&basis=${basis}`);
  expect(answer.status).toBe(200);
  return answer.json().worklist;
};
const ids = (list: readonly { deviationId: string }[]) => list.map((d) => d.deviationId);

describe("GET /v1/participants/{id}/audit/state: the participant's worklist as of an instant", () => {
  it('shows the eligibility evaluation awaiting the signature then, and no signature pending now', async () => {
    const then = await worklistAsOf(awaitingSignature);
    expect(then.today).toBe(journey.today());
    expect(then.pendingSignatures).toEqual([{ kind: 'ELIGIBILITY', subjectId: expect.any(String), what: 'Eligibility evaluation to sign', sinceInstant: expect.any(String), sinceDate: null }]);
    expect(Date.parse(then.pendingSignatures[0].sinceInstant)).toBeLessThanOrEqual(awaitingSignature.getTime());
    // The screening window (28 days) closes beyond the worklist's 14-day horizon.
    expect(then.items).toEqual([]);
    expect((await worklistAsOf(new Date())).pendingSignatures).toEqual([]);
  });

  it('shows the Week 1 visit overdue then (its target day passed, its window still open) and not on the worklist now it is done', async () => {
    const then = await worklistAsOf(visitOverdue);
    const week1 = then.items.find((i: any) => i.itemId === 'visit:D7');
    expect(week1).toMatchObject({ kind: 'VISIT', dueOn: journey.today(-1), windowCloses: journey.today(), overdue: true, windowOpen: true, closingSoon: true, daysUntilDue: -1, participantCode: journey.participantCode });
    expect(then.items.find((i: any) => i.itemId === 'visit:D10')).toMatchObject({ overdue: false, dueOn: journey.today(2) });
    // Ordered by urgency, as the live worklist is.
    expect(then.items.map((i: any) => i.dueAt)).toEqual([...then.items.map((i: any) => i.dueAt)].sort());

    const now = await worklistAsOf(new Date());
    expect(now.items.map((i: any) => i.itemId)).not.toContain('visit:D7');
    expect(now.items.find((i: any) => i.itemId === 'visit:D10')).toMatchObject({ overdue: false });
  });

  it('shows the deviation candidate the late SAE raised as open then, and not now it is confirmed', async () => {
    expect(ids((await worklistAsOf(visitOverdue)).deviationCandidates)).toContain(`sae-reported-late:${aeId}`);
    expect((await worklistAsOf(visitOverdue)).deviationCandidates.find((d: any) => d.deviationId === `sae-reported-late:${aeId}`)).toMatchObject({ rule: 'SAE_REPORTED_LATE', status: 'CANDIDATE', important: true, decision: null });
    expect(ids((await worklistAsOf(new Date())).deviationCandidates)).not.toContain(`sae-reported-late:${aeId}`);
    // Before the AE was entered there was nothing to raise it.
    expect(ids((await worklistAsOf(awaitingSignature)).deviationCandidates)).toEqual([]);
  });

  it('judges the items now exactly as the live worklist does', async () => {
    const live = await fetchAs(system.baseUrl, 'coordinator.a', `/v1/worklist?participantId=${journey.participantId}&minVersion=${journey.version}`);
    expect(live.status).toBe(200);
    const asOfNow = await worklistAsOf(new Date());
    const flags = (i: any) => [i.itemId, i.kind, i.dueOn, i.dueAt, i.windowOpens, i.windowCloses, i.today, i.dueToday, i.overdue, i.windowOpen, i.closingSoon, i.daysUntilDue, i.remindersSent];
    expect(asOfNow.items.length).toBeGreaterThan(1);
    expect(asOfNow.items.map(flags)).toEqual(live.json().items.map(flags));
  });

  it('is empty before the participant was registered', async () => {
    expect(await worklistAsOf(new Date('2020-01-01T00:00:00Z'))).toEqual({ today: null, items: [], deviationCandidates: [], pendingSignatures: [] });
  });
});
